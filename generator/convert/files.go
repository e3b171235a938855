package convert

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"planpress/generator/diag"
)

// Files converts the edition src into the edition dst: every file under
// content/SRC/ and data/i18n/SRC.toml, by the path they have in dst. The
// UI strings of the table's [strings] replace the converted ones.
func (c *Converter) Files(fsys fs.FS, src, dst string) (map[string][]byte, error) {
	out := map[string][]byte{}
	root := path.Join("content", src)
	var names []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return nil, diag.MsgErr(root, 0, err, "convert-unreadable", diag.Cause(err))
	}
	// the files are converted on the worker pool; the first failure in
	// file order is reported
	conv := make([][]byte, len(names))
	jobs := make([]func() error, len(names))
	for i, p := range names {
		jobs[i] = func() error {
			data, err := fs.ReadFile(fsys, p)
			if err == nil {
				conv[i], err = c.Markdown(p, data)
			}
			if err != nil {
				return convertError(p, err)
			}
			return nil
		}
	}
	if err := diag.Run(jobs, 0); err != nil {
		return nil, err
	}
	for i, p := range names {
		out[path.Join("content", dst, strings.TrimPrefix(p, root+"/"))] = conv[i]
	}
	i18n := "data/i18n/" + src + ".toml"
	data, err := fs.ReadFile(fsys, i18n)
	if err != nil {
		return nil, diag.MsgErr(i18n, 0, err, "convert-unreadable", diag.Cause(err))
	}
	dstI18n := "data/i18n/" + dst + ".toml"
	s, err := c.Text(dstI18n, string(data))
	if err != nil {
		return nil, err
	}
	out[dstI18n] = []byte(c.overrideStrings(s))
	return out, nil
}

// convertError is the error of converting file p: the file cannot be
// read, or the converter failed (an internal error, as it is).
func convertError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return diag.MsgErr(p, 0, err, "convert-unreadable", diag.Cause(err))
	}
	return fmt.Errorf("converting %s: %w", p, err)
}

var keyLine = regexp.MustCompile(`^([A-Za-z0-9_-]+)\s*=`)

// overrideStrings replaces the lines of the keys of [strings].
func (c *Converter) overrideStrings(s string) string {
	if len(c.table.Strings) == 0 {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		m := keyLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		v, ok := c.table.Strings[m[1]]
		if !ok {
			continue
		}
		nl := ""
		if strings.HasSuffix(l, "\n") {
			nl = "\n"
		}
		lines[i] = m[1] + " = " + strconv.Quote(v) + nl
	}
	return strings.Join(lines, "")
}

// Stale compares the committed files with a fresh conversion: a file that
// differs (named with its first differing line), is missing, or is under
// content/DST/ without a source. The hint names the command to run (messages convert-file-*).
func Stale(fsys fs.FS, fresh map[string][]byte, dst string) diag.Problems {
	var ps diag.Problems
	names := slices.Sorted(maps.Keys(fresh))
	for _, n := range names {
		have, err := fs.ReadFile(fsys, n)
		if err != nil {
			ps = append(ps, diag.Msg(n, 0, "convert-file-missing"))
			continue
		}
		if bytes.Equal(have, fresh[n]) {
			continue
		}
		// a byte-order mark, CRLF and trailing spaces are harmless, on
		// either side, as everywhere in the project's input
		hl, wl := lines(have), lines(fresh[n])
		if slices.Equal(hl, wl) {
			continue
		}
		line := 1
		for line <= len(hl) && line <= len(wl) && hl[line-1] == wl[line-1] {
			line++
		}
		ps = append(ps, diag.Msg(n, line, "convert-file-differs"))
	}
	root := path.Join("content", dst)
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && fresh[p] == nil {
			ps = append(ps, diag.Msg(p, 0, "convert-file-orphan"))
		}
		return nil
	})
	return ps
}

// lines splits a text into lines without a byte-order mark, carriage
// returns or trailing spaces.
func lines(b []byte) []string {
	s := strings.TrimPrefix(string(b), "\ufeff")
	ls := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t")
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// Write writes the converted files under root and removes the Markdown
// files of content/DST/ that no longer have a source.
func Write(root string, files map[string][]byte, dst string) error {
	dir := filepath.Join(root, "content", dst)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if !d.IsDir() && strings.HasSuffix(p, ".md") && files[filepath.ToSlash(rel)] == nil {
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return diag.MsgErr("", 0, err, "convert-clean", dir, diag.Cause(err))
	}
	for n, data := range files {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return diag.MsgErr("", 0, err, "write-failed", p, diag.Cause(err))
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return diag.MsgErr("", 0, err, "write-failed", p, diag.Cause(err))
		}
	}
	return nil
}
