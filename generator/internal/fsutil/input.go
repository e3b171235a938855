package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"planpress/generator/diag"
	"planpress/generator/output"
)

// LimitError is an input file that is refused: a special file, a link
// that leaves the project, or a file over its size limit. It is a message
// of the catalogue data/i18n/messages.toml without a place: it says what
// is wrong and what to do, in English (Error) or in a language (In); the
// caller names the file (diag.MsgErr(file, 0, err, "file-limit", err)).
type LimitError struct{ P diag.Problem }

func (e *LimitError) Error() string { return e.P.Error() }

// In is the message in lang (see diag.Problem.In).
func (e *LimitError) In(lang string) string { return e.P.In(lang) }

func limit(key string, args ...any) error {
	return &LimitError{diag.Msg("", 0, key, args...)}
}

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
	kind := "file-kind-special"
	switch {
	case mode.IsDir():
		kind = "file-kind-folder"
	case mode&os.ModeNamedPipe != 0:
		kind = "file-kind-pipe"
	case mode&os.ModeSocket != 0:
		kind = "file-kind-socket"
	case mode&os.ModeDevice != 0:
		kind = "file-kind-device"
	}
	return limit("file-not-regular", diag.P(kind))
}

func tooLarge(size, max int64) error {
	return limit("file-too-large", sizeText(size), sizeText(max))
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
	return limit("file-link-outside", real)
}

// IsLimit reports whether err is a refused input file.
func IsLimit(err error) bool {
	var le *LimitError
	return errors.As(err, &le)
}

// ReadInputTree reads every file below dir, in path order, as ReadInput
// does each: regular files of at most max bytes, links only inside root.
func ReadInputTree(root, dir string, max int64) ([]output.File, error) {
	if err := InsideRoot(root, dir); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var out []output.File
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
		out = append(out, output.File{Path: filepath.ToSlash(rel), Data: data, Size: len(data)})
		return nil
	})
	return out, err
}

// InputFS is the project at root as an fs.FS whose files are read as
// ReadInput reads them: regular files only, links only inside root, and
// at most limit(name) bytes (name is the slash path in the project). The
// loaders read a project through it, or through a project in memory.
func InputFS(root string, limit func(name string) int64) fs.FS {
	return inputFS{FS: os.DirFS(root), root: root, limit: limit}
}

type inputFS struct {
	fs.FS
	root  string
	limit func(string) int64
}

// ReadFile reads a file of the project as ReadInput does.
func (f inputFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	return ReadInput(f.root, filepath.Join(f.root, filepath.FromSlash(name)), f.limit(name))
}

// ReadDir lists a folder of the project; a folder that is, or passes
// through, a link leaving the project is refused.
func (f inputFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if err := InsideRoot(f.root, filepath.Join(f.root, filepath.FromSlash(name))); err != nil {
		return nil, err
	}
	return fs.ReadDir(f.FS, name)
}
