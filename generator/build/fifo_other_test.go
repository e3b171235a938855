//go:build !unix

package build

import "errors"

// fifo makes a named pipe at p: not possible here.
func fifo(p string) error { return errors.New("named pipes need a Unix system") }
