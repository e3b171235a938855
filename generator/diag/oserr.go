package diag

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Cause is an error of the operating system as an argument of a catalogue
// message (%v): the common cases — a file or folder that does not exist,
// permission denied, a folder where a file is needed, a full disk, a
// read-only disk — as a phrase of the catalogue naming the path, and a
// problem of the catalogue as itself, so that they read in the message's
// language; any other error as it is.
func Cause(err error) any {
	if err == nil {
		return nil
	}
	if l, ok := err.(Localized); ok {
		return l // a message of the catalogue already (a refused file)
	}
	var p Problem
	if errors.As(err, &p) && p.Key != "" {
		return p // a message of the catalogue already
	}
	path := ""
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		path = pe.Path
	case errors.As(err, &le):
		path = le.Old
	}
	if path == "" {
		return err
	}
	for _, c := range []struct {
		target error
		key    string
	}{
		{fs.ErrNotExist, "os-not-found"},
		{fs.ErrPermission, "os-permission"},
		{syscall.EISDIR, "os-is-folder"},
		{syscall.ENOTDIR, "os-not-folder"},
		{syscall.ENOSPC, "os-no-space"},
		{syscall.EROFS, "os-read-only"},
	} {
		if errors.Is(err, c.target) {
			return P(c.key, path)
		}
	}
	return err
}
