// Package fsutil copies folders, for synthetic projects and tests.
package fsutil

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"planpress/generator/output"
)

// CopyTree copies the file or folder src to dst.
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		t := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(t, 0o755)
		}
		if err := os.MkdirAll(filepath.Dir(t), 0o755); err != nil {
			return err
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(t)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// ReadTree reads every file below dir, in path order, as output files
// with their slash-separated paths below dir.
func ReadTree(dir string) ([]output.File, error) {
	var out []output.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, output.File{Path: filepath.ToSlash(rel), Data: data, Size: len(data)})
		return nil
	})
	return out, err
}
