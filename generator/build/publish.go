package build

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"planpress/generator/diag"
	"planpress/generator/output"
)

// stagingPrefix names the folders a build writes beside the output.
func stagingPrefix(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".planpress-")
}

// cleanLeftovers removes staging folders of builds that were killed, and
// old trees that could not be removed. It runs under the output's lock, so
// no other build is using them.
// An old tree is kept while out is missing: it is then the previous
// output, which a failed swap could not put back.
func cleanLeftovers(out string) {
	_, err := os.Lstat(out)
	outMissing := errors.Is(err, os.ErrNotExist)
	matches, _ := filepath.Glob(stagingPrefix(out) + "*")
	for _, m := range matches {
		if outMissing && strings.HasPrefix(filepath.Base(m), filepath.Base(stagingPrefix(out))+"old-") {
			continue
		}
		os.RemoveAll(m)
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return fmt.Sprint(os.Getpid())
	}
	return hex.EncodeToString(b)
}

// newStaging makes an empty staging folder beside out.
func newStaging(out string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", diag.MsgErr("", 0, err, "publish-staging", out, diag.Cause(err))
	}
	// a name no other build uses: Mkdir fails when the folder exists
	var err error
	for try := 0; try < 10; try++ {
		dir := stagingPrefix(out) + "new-" + randomSuffix()
		if err = os.Mkdir(dir, 0o755); !errors.Is(err, os.ErrExist) {
			if err != nil {
				return "", diag.MsgErr("", 0, err, "publish-staging", out, diag.Cause(err))
			}
			return dir, nil
		}
	}
	return "", diag.MsgErr("", 0, err, "publish-staging", out, diag.Cause(err))
}

// writers is how many files are written at once: creating files and
// folders waits on the disk more than on the processor.
const writers = 8

// writer writes files into a staging folder from several goroutines while
// the build goes on.
type writer struct {
	dir, prev string
	files     chan output.File
	done      sync.WaitGroup
	mu        sync.Mutex
	err       error
	dirs      sync.Map     // folders already made
	blocked   atomic.Int64 // nanoseconds the build waited for the disk
}

func newWriter(dir, prev string, n int) *writer {
	w := &writer{dir: dir, prev: prev, files: make(chan output.File, 4*n)}
	for i := 0; i < n; i++ {
		w.done.Add(1)
		go func() {
			defer w.done.Done()
			for f := range w.files {
				if err := writeFile(dir, prev, f, &w.dirs); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	return w
}

// write queues f; it reports the first error of an earlier write.
func (w *writer) write(f output.File) error {
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	if !safePath(f.Path) {
		return diag.Msg("", 0, "publish-outside", f.Path)
	}
	select {
	case w.files <- f:
	default: // the writers are behind: the build waits for the disk
		t := time.Now()
		w.files <- f
		w.blocked.Add(int64(time.Since(t)))
	}
	return nil
}

// wait waits for every queued file and returns the first error.
func (w *writer) wait() error {
	close(w.files)
	w.done.Wait()
	return w.err
}

// writeFile writes one file into the staging folder dir. When the
// previous output prev holds the same bytes at the same path, that file is
// linked instead of written again: unchanged files keep their time (so an
// upload tool sees what changed) and the disk is spared the copy.
func writeFile(dir, prev string, f output.File, made *sync.Map) error {
	if !safePath(f.Path) {
		return diag.Msg("", 0, "publish-outside", f.Path)
	}
	p := filepath.Join(dir, filepath.FromSlash(f.Path))
	if parent := filepath.Dir(p); !isMade(made, parent) {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return diag.MsgErr("", 0, err, "publish-write", p, diag.Cause(err))
		}
		made.Store(parent, true)
	}
	if prev != "" {
		old := filepath.Join(prev, filepath.FromSlash(f.Path))
		if sameFile(old, f.Data) && os.Link(old, p) == nil {
			return nil
		}
	}
	if err := os.WriteFile(p, f.Data, 0o644); err != nil {
		return diag.MsgErr("", 0, err, "publish-write", p, diag.Cause(err))
	}
	return nil
}

// isMade reports whether folder was made by an earlier write.
func isMade(made *sync.Map, folder string) bool {
	_, ok := made.Load(folder)
	return ok
}

// sameFile reports whether path is a readable regular file holding data.
func sameFile(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) || fi.Mode().Perm()&0o444 != 0o444 {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// safePath reports whether a site path stays inside the output folder.
func safePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return true
}

// removeTree removes a tree; the tests replace it to make the removal of
// the old tree fail.
var removeTree = os.RemoveAll

// verifyStaged checks the staged tree against its own checksums.txt before
// it goes live: every listed file is there with its checksum, the marker
// is among them, and there is nothing else.
func verifyStaged(staged string) error {
	sums, err := readChecksums(filepath.Join(staged, output.Checksums))
	if err == nil {
		if _, ok := sums[MarkerName]; !ok {
			err = diag.Msg("", 0, "checksum-not-listed", MarkerName)
		}
	}
	if err == nil {
		err = verifyTree(staged, sums)
	}
	if err != nil {
		return diag.MsgErr("", 0, err, "publish-mismatch", staged, diag.Cause(err))
	}
	return nil
}

// swap puts the staged tree in place of out. Where the system can exchange
// two folders atomically it does, so out is at every instant either the old
// or the new complete tree; the old tree is then removed. published tells
// whether the new tree is in place: an error with published true is a
// failure to remove the old tree, which is then left beside out (the next
// build removes it).
func swap(staged, out string) (published bool, err error) {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(staged, out); err != nil {
			return false, diag.MsgErr("", 0, err, "publish-swap", out, diag.Cause(err))
		}
		return true, nil
	}
	old := staged
	if err := exchange(staged, out); err != nil {
		// no atomic exchange: two renames, undone when the second fails
		old = stagingPrefix(out) + "old-" + randomSuffix()
		if err := os.Rename(out, old); err != nil {
			return false, diag.MsgErr("", 0, err, "publish-swap", out, diag.Cause(err))
		}
		if err := os.Rename(staged, out); err != nil {
			if berr := os.Rename(old, out); berr != nil {
				return false, diag.MsgErr("", 0, err, "publish-put-back", out, diag.Cause(err), old, diag.Cause(berr))
			}
			return false, diag.MsgErr("", 0, err, "publish-swap", out, diag.Cause(err))
		}
	}
	if err := removeTree(old); err != nil {
		return true, diag.MsgErr("", 0, err, "publish-old-tree", old, diag.Cause(err))
	}
	return true, nil
}
