package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestOutRefusedExitCode: an output the build may not replace is a usage
// error (exit 2) saying why and that nothing was built; synth never writes
// into an existing folder (exit 2); the project is byte-identical after.
func TestOutRefusedExitCode(t *testing.T) {
	root := testutil.CopyProject(t)
	before := testutil.HashTree(t, root)
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "keep.txt"), []byte("mine"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--root", root, "--out", filepath.Join(root, "content", "en")}, "lies in the project's content"},
		{[]string{"build", "--root", root, "--out", root}, "would replace the project folder"},
		{[]string{"build", "--root", root, "--out", foreign}, "holds files and was not made by planpress build"},
		{[]string{"synth", "--out", foreign, "--indicators", "3", "--from", root}, "exists (give a new folder"},
	} {
		code, stdout, stderr := runCLI(c.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, code, exitUsage, stdout, stderr)
		}
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", c.args, c.want, stderr)
		}
		if c.args[0] == "build" && !strings.Contains(stderr, "nothing was built") {
			t.Errorf("%v: stderr does not say nothing was built:\n%s", c.args, stderr)
		}
	}
	if d := testutil.DiffTrees(testutil.HashTree(t, root), before); d != "" {
		t.Errorf("the project changed:\n%s", d)
	}
	if got := testutil.HashTree(t, foreign); len(got) != 1 {
		t.Errorf("the foreign folder changed: %v", got)
	}
}
