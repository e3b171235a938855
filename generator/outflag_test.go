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

// TestCheckOutputPathClash: check reports a content page that takes the
// address of a generated page, naming both, with exit 1.
func TestCheckOutputPathClash(t *testing.T) {
	root := testutil.CopyProject(t)
	// zh-Hans is converted from zh-Hant: its copy of about.md is the conversion
	for _, lang := range []string{"en", "zh-Hant", "zh-Hans"} {
		data, err := os.ReadFile(filepath.Join(root, "content", lang, "about.md"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(root, "content", lang, "reports.md"), data, 0o644)
	}
	code, stdout, stderr := runCLI("check", "--root", root)
	if code != exitInput {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitInput, stdout, stderr)
	}
	want := "content/en/reports.md: output path en/reports/index.html is also made by the page generated with templates/reports.html"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
