package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"planpress/generator/diag"
	"planpress/generator/output"
)

// MarkerName is the file every published output carries: a folder that
// holds it was made by planpress build, and the next build may replace it.
// It is listed in checksums.txt like every other file.
const MarkerName = ".planpress-output"

// markerData is the content of the marker file.
var markerData = []byte("This folder is the output of planpress build; the next build into it replaces all of it.\n")

// UsageError is a choice on the command line that is refused (exit 2).
type UsageError struct{ Err error }

// Error returns the message of the wrapped error.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *UsageError) Unwrap() error { return e.Err }

// refuse is the refusal of output folder out, as message key of
// data/i18n/messages.toml (its first argument is the folder).
func refuse(out, key string, a ...any) error {
	return &UsageError{diag.Msg("", 0, key, append([]any{out}, a...)...)}
}

// projectEntries are the top-level entries of a project: its inputs, its
// code and its tools. No output goes into or onto one of them.
var projectEntries = []string{
	"content", "data", "templates", "seeds", "generator", "scripts", "tests", "testdata",
	".git", ".ci", "node_modules", "go.mod", "go.sum", "package.json", "package-lock.json", "README.md",
}

// resolve returns the absolute path p names once every symbolic link in
// it is followed: the links of the parents, and p's own link when p is
// one. The part of p that does not exist yet is kept as written.
func resolve(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	existing, rest := p, ""
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return "", diag.MsgErr("", 0, err, "out-dangling-link", existing)
	}
	return filepath.Join(real, rest), nil
}

// within reports whether p is dir or lies below it.
func within(p, dir string) bool {
	if dir == string(filepath.Separator) {
		return true
	}
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// OutDir returns the output folder for opt, with every symbolic link
// followed, or a *UsageError when it may not be written: the file-system
// root, the project folder or a folder holding it, or a place inside the
// project's inputs or a .git folder. What the folder holds is checked by
// checkOut, under the build's lock.
func (opt Options) OutDir() (string, error) {
	root, err := resolve(opt.Root)
	if err != nil {
		return "", &UsageError{diag.Msg("", 0, "out-root-unresolvable", opt.Root, err)}
	}
	out := opt.Out
	if out == "" {
		out = filepath.Join(root, "public")
	}
	given := out
	out, err = resolve(out)
	if err != nil {
		return "", refuse(given, "out-unresolvable", err)
	}
	shown := given
	if out != given {
		shown = given + " (" + out + ")"
	}
	if out == string(filepath.Separator) {
		return "", refuse(shown, "out-root", filepath.Join(root, "public"))
	}
	if within(root, out) {
		return "", refuse(shown, "out-project", root, filepath.Join(root, "public"))
	}
	if within(out, root) {
		rel, _ := filepath.Rel(root, out)
		top := strings.Split(rel, string(filepath.Separator))[0]
		for _, e := range projectEntries {
			if top == e {
				return "", refuse(shown, "out-in-project", e, filepath.Join(root, "public"))
			}
		}
	}
	for _, part := range strings.Split(out, string(filepath.Separator)) {
		if part == ".git" {
			return "", refuse(shown, "out-in-git")
		}
	}
	return out, nil
}

// checkOut refuses an output folder that the build may not replace: a
// file, a special file, a mount point, or a folder with files that does
// not carry the marker of an earlier build. A folder published before
// outputs carried the marker is accepted when its files are exactly those
// its checksums.txt lists, with those checksums.
func checkOut(out string) error {
	fi, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return refuse(out, "out-unreadable", err)
	}
	switch {
	case fi.Mode().IsRegular():
		return refuse(out, "out-file")
	case !fi.IsDir():
		return refuse(out, "out-special", diag.P(specialKind(fi.Mode())))
	}
	if isMountPoint(out) {
		return refuse(out, "out-mount", filepath.Join(out, "public"))
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return refuse(out, "out-unreadable", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if hasMarker(out) {
		return nil
	}
	if matchesChecksums(out) {
		return nil
	}
	return refuse(out, "out-foreign", MarkerName)
}

// specialKind is the catalogue key naming the kind of a file that is neither a folder nor a
// regular file.
func specialKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "out-kind-symlink"
	case m&fs.ModeNamedPipe != 0:
		return "out-kind-pipe"
	case m&fs.ModeSocket != 0:
		return "out-kind-socket"
	case m&fs.ModeDevice != 0:
		return "out-kind-device"
	}
	return "out-kind-special"
}

// hasMarker reports whether dir holds the marker file of a build: a
// regular file of that name, whatever its words (so a later wording still
// recognises earlier outputs).
func hasMarker(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, MarkerName))
	return err == nil && fi.Mode().IsRegular()
}

// matchesChecksums reports whether dir holds exactly the files its
// checksums.txt lists besides itself, each a regular file with the listed
// SHA-256, and nothing else (no other files, links or special files).
func matchesChecksums(dir string) bool {
	sums, err := readChecksums(filepath.Join(dir, output.Checksums))
	if err != nil || len(sums) == 0 {
		return false
	}
	return verifyTree(dir, sums) == nil
}

// readChecksums reads a checksums.txt (sha256sum format) into a map from
// site path to hex digest.
func readChecksums(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		sum, p, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || !safePath(p) {
			return nil, diag.Msg("", 0, "checksum-line", file, line)
		}
		if _, dup := sums[p]; dup {
			return nil, diag.Msg("", 0, "checksum-twice", file, line, p)
		}
		sums[p] = sum
	}
	return sums, sc.Err()
}

// verifyTree checks that the tree at dir holds exactly the files of sums
// (site path to SHA-256) plus checksums.txt: each a regular file with its
// checksum, and no other file, link or special file. The files are hashed
// on several goroutines.
func verifyTree(dir string, sums map[string]string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() {
			return diag.Msg("", 0, "checksum-not-regular", rel)
		}
		if rel == output.Checksums {
			return nil
		}
		if _, ok := sums[rel]; !ok {
			return diag.Msg("", 0, "checksum-not-listed", rel)
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return err
	}
	if len(files) != len(sums) {
		return diag.Msg("", 0, "checksum-missing", len(sums)-len(files), len(sums))
	}
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := sha256.New()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				h.Reset()
				f, err := os.Open(filepath.Join(dir, filepath.FromSlash(files[i])))
				if err == nil {
					_, err = io.Copy(h, f)
					f.Close()
				}
				if err == nil && hex.EncodeToString(h.Sum(nil)) != sums[files[i]] {
					err = diag.Msg("", 0, "checksum-differs", files[i])
				}
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	var first error
	n := 0
	for _, err := range errs {
		if err != nil {
			if first == nil {
				first = err
			}
			n++
		}
	}
	if n > 1 {
		return diag.MsgErr("", 0, first, "checksum-and-more", diag.Cause(first), n-1)
	}
	return first
}
