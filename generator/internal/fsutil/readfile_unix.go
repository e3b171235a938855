//go:build unix

package fsutil

import (
	"io/fs"
	"os"
	"syscall"
)

// ReadFile reads a whole regular file of at most max bytes, with fewer
// system calls than os.ReadFile: a file that is read once does not need
// the runtime's poller, which os.Open tries to register every file with.
// It matters when thousands of content files are read. The file is
// opened without blocking (a named pipe would wait for a writer) and
// anything but a regular file is refused (*LimitError), as is a file over
// max bytes.
func ReadFile(name string, max int64) ([]byte, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		mode := os.ModeIrregular
		switch st.Mode & syscall.S_IFMT {
		case syscall.S_IFDIR:
			mode = os.ModeDir
		case syscall.S_IFIFO:
			mode = os.ModeNamedPipe
		case syscall.S_IFSOCK:
			mode = os.ModeSocket
		case syscall.S_IFCHR, syscall.S_IFBLK:
			mode = os.ModeDevice
		}
		return nil, notRegular(mode)
	}
	if st.Size > max {
		return nil, tooLarge(st.Size, max)
	}
	data := make([]byte, 0, st.Size+1)
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, tooLarge(int64(len(data)), max)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
