//go:build !unix

package fsutil

import "os"

// ReadFile reads a whole file (os.ReadFile).
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }
