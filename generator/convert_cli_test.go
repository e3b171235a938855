package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestCheckFindsStaleConversion: an edit to the converted zh-Hans text is
// named with its file and line and the command to run, and a zh-Hans quote
// no longer in the zh-Hans plan is named at its indicator; convert then
// restores the edition and check passes.
func TestCheckFindsStaleConversion(t *testing.T) {
	root := testutil.CopyProject(t)
	f := filepath.Join(root, "content", "zh-Hans", "plan", "ch2.md")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	line := 0
	for i, l := range lines {
		if strings.Contains(l, "PM2.5年均浓度降至35微克/立方米左右") {
			lines[i] = strings.Replace(l, "35微克", "36微克", 1)
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatal("the zh-Hans plan lacks the PM2.5 target")
	}
	os.WriteFile(f, []byte(strings.Join(lines, "\n")), 0o644)
	code, stdout, stderr := runCLI("check", "--root", root)
	if code != exitInput {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitInput, stdout, stderr)
	}
	for _, want := range []string{
		"content/zh-Hans/plan/ch2.md:" + strconv.Itoa(line) + ": differs from a fresh conversion",
		"run `planpress convert`",
		`quote of "pm25-annual-mean" is not in the plan text (zh-Hans)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code, out, errOut := runCLI("convert", "--root", root); code != exitOK {
		t.Fatalf("convert: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI("check", "--root", root); code != exitOK {
		t.Fatalf("check after convert: exit %d\n%s%s", code, out, errOut)
	}
}

// TestConvertStaleTableWritesNothing: a keep of the phrase table that
// matches nothing is named at its line, and no converted file is written.
func TestConvertStaleTableWritesNothing(t *testing.T) {
	root := testutil.CopyProject(t)
	before := testutil.HashTree(t, filepath.Join(root, "content"))
	breakFile(t, root, "data/convert-zh-Hans.toml", `context = "平台共用、部门负责"`, `context = "平台共用、部门不负责"`)
	code, _, errs := runCLI("convert", "--root", root)
	if code != exitInput || !strings.Contains(errs, "data/convert-zh-Hans.toml:") || !strings.Contains(errs, "matches nothing") {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	if d := testutil.DiffTrees(testutil.HashTree(t, filepath.Join(root, "content")), before); d != "" {
		t.Errorf("a failed convert changed content/:\n%s", d)
	}
}
