package build

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"planpress/generator/internal/testutil"
)

// TestKilledBuild kills the build with SIGKILL at random moments, twelve
// times: the published tree is then always the old or the new complete
// tree, never a mix, and the next build removes what the killed one left.
func TestKilledBuild(t *testing.T) {
	testutil.Slow(t)
	bin := filepath.Join(t.TempDir(), "planpress")
	goCmd := exec.Command("go", "build", "-o", bin, "./generator")
	goCmd.Dir = testutil.Root(t)
	if msg, err := goCmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	root := testutil.CopyProject(t)
	out := filepath.Join(t.TempDir(), "public")
	run := func() error {
		return exec.Command(bin, "build", "--quiet", "--root", root, "--out", out).Run()
	}
	// two states of the input and the tree each gives
	preface := filepath.Join(root, "content", "en", "plan", "preface.md")
	orig, _ := os.ReadFile(preface)
	changed := strings.Replace(string(orig), "Preface", "Foreword", 1)
	setState := func(b bool) {
		if b {
			os.WriteFile(preface, []byte(changed), 0o644)
		} else {
			os.WriteFile(preface, orig, 0o644)
		}
	}
	trees := map[bool]map[string]string{}
	for _, st := range []bool{true, false} {
		setState(st)
		if err := run(); err != nil {
			t.Fatal(err)
		}
		trees[st] = testutil.HashTree(t, out)
	}
	if testutil.DiffTrees(trees[true], trees[false]) == "" {
		t.Fatal("the two states give the same tree")
	}
	start := time.Now()
	if err := run(); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	state := false // the published tree is the tree of state false
	for i := 0; i < 12; i++ {
		next := !state
		setState(next)
		cmd := exec.Command(bin, "build", "--quiet", "--root", root, "--out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(full + full/5))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := testutil.HashTree(t, out)
		switch {
		case testutil.DiffTrees(got, trees[state]) == "":
			// killed before the swap: the old tree
		case testutil.DiffTrees(got, trees[next]) == "":
			state = next // the build finished or swapped just before the kill
		default:
			t.Fatalf("kill %d: the output is neither the old nor the new tree:\n%s", i, testutil.DiffTrees(got, trees[state]))
		}
	}
	setState(state)
	if err := run(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(stagingPrefix(out) + "*"); len(left) > 0 {
		t.Errorf("the next build left %v", left)
	}
	if d := testutil.DiffTrees(testutil.HashTree(t, out), trees[state]); d != "" {
		t.Errorf("after recovery the tree differs:\n%s", d)
	}
}
