//go:build unix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"

	"planpress/generator/diag"
)

// lockName is the lock file of the output out: beside it, in its parent.
func lockName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".planpress.lock")
}

// lockOut takes the lock of the output folder out, waiting while another
// build holds it (waiting is told through wait, once). The lock is an
// flock on a file beside out: the system releases it when the process
// ends in any way, so a killed build never leaves a stale lock. The
// returned function releases it.
func lockOut(out string, wait func()) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, diag.MsgErr("", 0, err, "lock-open", out, diag.Cause(err))
	}
	name := lockName(out)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, diag.MsgErr("", 0, err, "lock-open", out, diag.Cause(err))
	}
	fd := int(f.Fd())
	err = flock(fd, unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		if wait != nil {
			wait()
		}
		err = flock(fd, unix.LOCK_EX)
	}
	if err != nil {
		f.Close()
		return nil, diag.MsgErr("", 0, err, "lock-failed", name, diag.Cause(err))
	}
	return func() { f.Close() }, nil
}

func flock(fd, how int) error {
	for {
		err := unix.Flock(fd, how)
		if err != unix.EINTR {
			return err
		}
	}
}

// isMountPoint reports whether dir is a mount point (or the root).
func isMountPoint(dir string) bool {
	var a, b unix.Stat_t
	if unix.Lstat(dir, &a) != nil || unix.Lstat(filepath.Dir(dir), &b) != nil {
		return false
	}
	return a.Dev != b.Dev || a.Ino == b.Ino
}
