//go:build unix

package build

import "syscall"

// fifo makes a named pipe at p.
func fifo(p string) error { return syscall.Mkfifo(p, 0o644) }
