//go:build !unix

package fsutil

import (
	"io"
	"os"
)

// ReadFile reads a whole regular file of at most max bytes; anything but
// a regular file is refused (*LimitError), as is a file over max bytes.
func ReadFile(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	if st.Size() > max {
		return nil, tooLarge(st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(int64(len(data)), max)
	}
	return data, nil
}
