package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LimitError is an input file that is refused: a special file, a link
// that leaves the project, or a file over its size limit. Its message
// says what to do; the caller names the file.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// ReadInput reads an input file of the project at root: it must be a
// regular file (not a named pipe, device or socket, which could hang or
// never end), at most max bytes, and when it is or passes through a
// symbolic link, the link must lead inside root. An empty root allows
// links anywhere (fonts from the system's folders).
func ReadInput(root, name string, max int64) ([]byte, error) {
	if root != "" {
		if err := InsideRoot(root, name); err != nil {
			return nil, err
		}
	}
	return ReadFile(name, max)
}

// notRegular is the error for a file that is not a regular file.
func notRegular(mode os.FileMode) error {
	kind := "a special file"
	switch {
	case mode.IsDir():
		kind = "a folder"
	case mode&os.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&os.ModeSocket != 0:
		kind = "a socket"
	case mode&os.ModeDevice != 0:
		kind = "a device"
	}
	return &LimitError{fmt.Sprintf("is %s, not a regular file (replace it with a regular file)", kind)}
}

func tooLarge(size, max int64) error {
	return &LimitError{fmt.Sprintf("file is %s, over the limit of %s for this kind of input (split it, or remove what was pasted by accident)", sizeText(size), sizeText(max))}
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

// InsideRoot refuses a path that is, or passes through, a symbolic link
// leading outside root.
func InsideRoot(root, name string) error {
	if _, err := os.Lstat(name); err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	realRoot, _ = filepath.Abs(realRoot)
	real, _ = filepath.Abs(real)
	if real == realRoot || strings.HasPrefix(real, strings.TrimSuffix(realRoot, string(filepath.Separator))+string(filepath.Separator)) {
		return nil
	}
	return &LimitError{fmt.Sprintf("is a symbolic link to %s, outside the project (copy the file into the project instead)", real)}
}

// IsLimit reports whether err is a refused input file.
func IsLimit(err error) bool {
	var le *LimitError
	return errors.As(err, &le)
}

// ReadInputTree reads every file below dir, in path order, as ReadInput
// does each: regular files of at most max bytes, links only inside root.
func ReadInputTree(root, dir string, max int64) ([]File, error) {
	if err := InsideRoot(root, dir); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var out []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if err := InsideRoot(root, p); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		data, err := ReadFile(p, max)
		if err != nil {
			if IsLimit(err) {
				return fmt.Errorf("%s: %w", p, err)
			}
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	return out, err
}
