package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
)

// planpressBinary builds the command once for a test.
func planpressBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "planpress")
	cmd := exec.Command("go", "build", "-o", bin, "./generator")
	cmd.Dir = testutil.Root(t)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return bin
}

// twoStates returns a fixture project and a function that puts it into
// one of two states whose builds differ.
func twoStates(t *testing.T) (string, func(bool)) {
	root := fixtureProject(t)
	about := filepath.Join(root, "content", "en", "about.md")
	orig, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	changed := append(append([]byte(nil), orig...), "\nA sentence only the second state has.\n"...)
	return root, func(b bool) {
		data := orig
		if b {
			data = changed
		}
		if err := os.WriteFile(about, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// exitCode runs cmd to its end and returns its exit code.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	err := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// complete checks that the tree at dir is exactly what its checksums.txt
// lists, with the marker.
func complete(dir string) error {
	sums, err := readChecksums(filepath.Join(dir, "checksums.txt"))
	if err != nil {
		return err
	}
	if _, ok := sums[MarkerName]; !ok {
		return fmt.Errorf("no %s in checksums.txt", MarkerName)
	}
	return verifyTree(dir, sums)
}

// TestGoodAndFailingBuild starts a good build and, 0.2 s later, a failing
// build into the same output, 20 times. The good build exits 0 and the
// output is then exactly its tree; the failing build exits 1 and changes
// nothing; no staging folder is left behind.
func TestGoodAndFailingBuild(t *testing.T) {
	testutil.Slow(t) // repeated builds of the binary, run as processes
	bin := planpressBinary(t)
	root, setState := twoStates(t)
	bad := fixtureProject(t)
	ind := filepath.Join(bad, "data", "indicators.toml")
	data, _ := os.ReadFile(ind)
	os.WriteFile(ind, append(data, "\n[[indicator]\n"...), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	build := func(r string) *exec.Cmd {
		cmd := exec.Command(bin, "build", "--quiet", "--root", r, "--out", out)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	trees := map[bool]map[string]string{}
	for _, st := range []bool{true, false} {
		setState(st)
		if c := exitCode(t, build(root)); c != 0 {
			t.Fatalf("good build: exit %d", c)
		}
		trees[st] = testutil.HashTree(t, out)
	}
	if testutil.DiffTrees(trees[true], trees[false]) == "" {
		t.Fatal("the two states give the same tree")
	}
	state := false
	for i := 0; i < 20; i++ {
		state = !state
		setState(state)
		good := build(root)
		time.Sleep(200 * time.Millisecond)
		failing := build(bad)
		if c := exitCode(t, failing); c != 1 {
			t.Errorf("run %d: the failing build exited %d, want 1: %s", i, c, failing.Stderr)
		}
		if c := exitCode(t, good); c != 0 {
			t.Fatalf("run %d: the good build exited %d: %s", i, c, good.Stderr)
		}
		if d := testutil.DiffTrees(testutil.HashTree(t, out), trees[state]); d != "" {
			t.Fatalf("run %d: after a zero exit the output is not the good build's tree:\n%s", i, d)
		}
		if err := complete(out); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if left, _ := filepath.Glob(stagingPrefix(out) + "*"); len(left) > 0 {
			t.Fatalf("run %d: left behind: %v", i, left)
		}
	}
}

// TestTwoGoodBuilds runs two good builds of different inputs into the same
// output at once, 8 times, while the output is checked over and over: the
// tree at the output is at every moment complete (exactly what its own
// checksums.txt lists), and in the end it is the tree of one of the two.
func TestTwoGoodBuilds(t *testing.T) {
	testutil.Slow(t) // repeated builds of the binary, run as processes
	bin := planpressBinary(t)
	rootA, _ := twoStates(t)
	rootB, setB := twoStates(t)
	setB(true)
	out := filepath.Join(t.TempDir(), "public")
	trees := map[string]map[string]string{}
	for _, r := range []string{rootA, rootB} {
		if msg, err := exec.Command(bin, "build", "--quiet", "--root", r, "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, msg)
		}
		trees[r] = testutil.HashTree(t, out)
	}
	var stop atomic.Bool
	var checks atomic.Int64
	var mu sync.Mutex
	var seen []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !stop.Load() {
			if err := snapshotComplete(out); err != nil {
				mu.Lock()
				seen = append(seen, err.Error())
				mu.Unlock()
			}
			checks.Add(1)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	for i := 0; i < 8; i++ {
		a := exec.Command(bin, "build", "--quiet", "--root", rootA, "--out", out)
		b := exec.Command(bin, "build", "--quiet", "--root", rootB, "--out", out)
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		if err := b.Start(); err != nil {
			t.Fatal(err)
		}
		ca, cb := exitCode(t, a), exitCode(t, b)
		if ca != 0 || cb != 0 {
			t.Fatalf("run %d: exits %d and %d", i, ca, cb)
		}
		got := testutil.HashTree(t, out)
		if testutil.DiffTrees(got, trees[rootA]) != "" && testutil.DiffTrees(got, trees[rootB]) != "" {
			t.Fatalf("run %d: the output is the tree of neither build:\n%s", i, testutil.DiffTrees(got, trees[rootA]))
		}
	}
	stop.Store(true)
	<-done
	for _, s := range seen {
		t.Error("an incomplete tree was published: " + s)
	}
	if checks.Load() < 8 {
		t.Errorf("the output was checked only %d times", checks.Load())
	}
}

// snapshotComplete checks the tree that is at out at one instant: it holds
// the folder open and reads it through /proc/self/fd, so a swap while it
// reads does not mix two trees. When the tree it read is no longer at out
// after a failed check (it was swapped away and is being removed), the
// failure is not the published tree's and is not reported.
func snapshotComplete(out string) error {
	f, err := os.Open(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	held := fmt.Sprintf("/proc/self/fd/%d/", f.Fd()) // the slash: the folder, not the link
	err = complete(held)
	if err == nil {
		return nil
	}
	var a, b syscall.Stat_t
	if syscall.Fstat(int(f.Fd()), &a) != nil || syscall.Stat(out, &b) != nil || a.Ino != b.Ino || a.Dev != b.Dev {
		return nil // swapped away while it was read
	}
	if files, _ := fsutil.ReadTree(held); len(files) > 0 {
		return fmt.Errorf("%v (%d files)", err, len(files))
	}
	return err
}
