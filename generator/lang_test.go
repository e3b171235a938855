package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestMain runs the command's tests with English messages unless a test
// says otherwise, whatever the locale of the machine.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}

func breakFile(t *testing.T, root, file, old, new string) {
	t.Helper()
	p := filepath.Join(root, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s: %q not found", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckInChinese: LANG=zh_CN.UTF-8 planpress check on a broken copy
// reports in Chinese, one message at the right line; --lang en and LC_ALL
// override it.
func TestCheckInChinese(t *testing.T) {
	root := testutil.CopyProject(t)
	breakFile(t, root, "data/annual/2025.toml", "value = 85.2\n", "value = \"85.2\"\n")
	line := ""
	data, _ := os.ReadFile(filepath.Join(root, "data/annual/2025.toml"))
	for i, l := range strings.Split(string(data), "\n") {
		if l == `value = "85.2"` {
			line = itoa(i + 1)
		}
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	code, _, errs := runCLI("check", "--root", root)
	want := "data/annual/2025.toml:" + line + ": 数值写成了文字（\"85.2\"）（数字不要加引号，写成 value = 85.2）\nplanpress：共 1 个问题\n"
	if code != exitInput || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	code, _, errs = runCLI("check", "--root", root, "--lang", "en")
	want = "data/annual/2025.toml:" + line + ": value is written as text (\"85.2\") (write the number without quotes: value = 85.2)\nplanpress: 1 problem(s)\n"
	if code != exitInput || errs != want {
		t.Errorf("--lang en: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	breakFile(t, root, "data/annual/2025.toml", "value = \"85.2\"\n", "value = 85,2\n")
	t.Setenv("LANG", "")
	code, _, errs = runCLI("check", "--root", root) // the site's source language is Chinese
	want = "data/annual/2025.toml:" + line + ": 数值 85,2 用了逗号作小数点（小数点要写成英文句点：value = 85.2）\nplanpress：共 1 个问题\n"
	if code != exitInput || errs != want {
		t.Errorf("no locale: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if code, _, errs := runCLI("check", "--root", root, "--lang", "fr"); code != exitUsage || !strings.Contains(errs, "--lang") {
		t.Errorf("--lang fr: exit %d, %s", code, errs)
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestStatusListsEveryCommitmentOnce: planpress status 2025 lists each
// commitment of the register exactly once, and no context series.
func TestStatusListsEveryCommitmentOnce(t *testing.T) {
	root := testutil.CopyProject(t)
	code, out, errs := runCLI("status", "2025", "--root", root)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p, err := loadProject(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ind := range p.Reg.Indicators {
		count := 0
		for _, l := range strings.Split(out, "\n") {
			f := strings.Fields(l)
			for _, w := range f {
				if w == ind.ID {
					count++
				}
			}
		}
		want := 0
		if ind.Commitment() {
			want = 1
			n++
		}
		if count != want {
			t.Errorf("%s is listed %d times, want %d", ind.ID, count, want)
		}
	}
	if !strings.Contains(out, "2025: "+itoa(n)+" commitments") {
		t.Errorf("the title does not count %d commitments:\n%s", n, out)
	}
	for _, want := range []string{"src34", "as of 2025-10"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q", want)
		}
	}
	// CJK names keep the columns aligned: the figure column starts at the
	// same terminal column on every row that has one
	col := -1
	table, _, _ := strings.Cut(out, "Sources used")
	for _, l := range strings.Split(table, "\n") {
		if i := strings.Index(l, "src34"); i > 0 {
			w := cellWidth(l[:i])
			if col >= 0 && w != col {
				t.Errorf("source column at %d, earlier at %d:\n%s", w, col, l)
			}
			col = w
		}
	}
	if code, _, errs := runCLI("status", "2019", "--root", root); code != exitInput || !strings.Contains(errs, "2019") {
		t.Errorf("a year without a file: exit %d, %s", code, errs)
	}
}
