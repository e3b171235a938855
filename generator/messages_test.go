package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// han is a Chinese character.
var han = regexp.MustCompile(`\p{Han}`)

// quoted is input quoted in a message ("…"): it may hold Chinese in any
// language.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// TestFailuresInTheChosenLanguage runs the command in failure modes with
// --lang zh, with LANG=zh_CN.UTF-8 and with --lang en: in Chinese every
// line it prints to stderr holds Chinese (a line is never left in English),
// in English none does apart from quoted input.
func TestFailuresInTheChosenLanguage(t *testing.T) {
	root := testutil.CopyProject(t)
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	type edit struct{ file, old, new string }
	cases := []struct {
		name  string
		edits []edit
		env   map[string]string
		args  []string
		code  int
	}{
		{name: "--out the project", args: []string{"build", "--root", root, "--out", root}, code: exitUsage},
		{name: "--out a file", args: []string{"build", "--root", root, "--out", file}, code: exitUsage},
		{name: "--out inside data", args: []string{"build", "--root", root, "--out", filepath.Join(root, "data", "x")}, code: exitUsage},
		{name: "an unknown flag", args: []string{"build", "--root", root, "--nope"}, code: exitUsage},
		{name: "an unknown command", args: []string{"frobnicate"}, code: exitUsage},
		{name: "no command", args: nil, code: exitUsage},
		{name: "a broken link in a template",
			edits: []edit{{"templates/page.html", "{{.Body.HTML}}", `{{.Body.HTML}}<a href="../nowhere/index.html">x</a><a href="#no-such-id">y</a>`}},
			args:  []string{"check", "--root", root}, code: exitInput},
		{name: "a missing font",
			edits: []edit{{"data/site.toml", `main = ""`, `main = "/nonexistent/font.ttf"`}},
			args:  []string{"check", "--root", root}, code: exitInput},
		{name: "a font that is a folder",
			edits: []edit{{"data/site.toml", `main = ""`, `main = "` + filepath.Join(root, "data") + `"`}},
			args:  []string{"check", "--root", root}, code: exitInput},
		{name: "new-year of a non-year", args: []string{"new-year", "twenty", "--root", root}, code: exitUsage},
		{name: "new-year outside the plan", args: []string{"new-year", "2031", "--root", root}, code: exitInput},
		{name: "new-year of a year with a file", args: []string{"new-year", "2025", "--root", root}, code: exitInput},
		{name: "new-year without a year", args: []string{"new-year", "--root", root}, code: exitUsage},
		{name: "convert with a stale phrase table",
			edits: []edit{{"data/convert-zh-Hans.toml", `context = "平台共用、部门负责"`, `context = "平台共用、部门不负责"`}},
			args:  []string{"convert", "--root", root}, code: exitInput},
		{name: "status of a year with no file", args: []string{"status", "2019", "--root", root}, code: exitInput},
		{name: "status of a non-year", args: []string{"status", "twenty", "--root", root}, code: exitUsage},
		{name: "import-values of a missing file", args: []string{"import-values", filepath.Join(root, "nope.csv"), "--year", "2025", "--root", root}, code: exitInput},
		{name: "export-values into a missing folder", args: []string{"export-values", "--year", "2025", "--out", filepath.Join(root, "nowhere", "x.csv"), "--root", root}, code: exitInput},
		{name: "import of a missing seed", args: []string{"import", filepath.Join(root, "nope.txt"), "--root", root}, code: exitInput},
		{name: "a bad SOURCE_DATE_EPOCH", env: map[string]string{"SOURCE_DATE_EPOCH": "12abc"}, args: []string{"check", "--root", root}, code: exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, e := range c.edits {
				p := filepath.Join(root, e.file)
				before, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				breakFile(t, root, e.file, e.old, e.new)
				t.Cleanup(func() { os.WriteFile(p, before, 0o644) })
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			for _, run := range []struct {
				name, lang, env string
				zh              bool
			}{
				{"--lang zh", "zh", "", true},
				{"LANG=zh_CN.UTF-8", "", "zh_CN.UTF-8", true},
				{"--lang en", "en", "zh_CN.UTF-8", false},
			} {
				t.Setenv("LC_ALL", "")
				t.Setenv("LC_MESSAGES", "")
				t.Setenv("LANG", run.env)
				args := c.args
				if run.lang != "" {
					args = append([]string{"--lang", run.lang}, args...)
				}
				code, _, errs := runCLI(args...)
				if code != c.code {
					t.Errorf("%s: exit %d, want %d:\n%s", run.name, code, c.code, errs)
				}
				if strings.TrimSpace(errs) == "" {
					t.Errorf("%s: nothing on stderr", run.name)
				}
				for _, l := range strings.Split(errs, "\n") {
					if strings.TrimSpace(l) == "" {
						continue
					}
					if run.zh && !han.MatchString(l) {
						t.Errorf("%s: a line without Chinese: %q", run.name, l)
					}
					if !run.zh && han.MatchString(quoted.ReplaceAllString(l, `""`)) {
						t.Errorf("%s: a line with Chinese: %q", run.name, l)
					}
				}
			}
		})
	}
}

// TestInternalErrorInTheChosenLanguage: an error that is no problem of the
// input is told as an internal error, to be reported, in the chosen
// language, with its text; exit 3.
func TestInternalErrorInTheChosenLanguage(t *testing.T) {
	defer func(l string) { lang = l }(lang)
	for l, want := range map[string]string{
		"en": "planpress: internal error: the wheel came off (please report it with the command you ran)\n",
		"zh": "planpress：内部错误：the wheel came off（请报告这个问题，并附上所运行的命令）\n",
	} {
		lang = l
		var b bytes.Buffer
		if code := fail(&b, errors.New("the wheel came off"), true); code != exitInternal || b.String() != want {
			t.Errorf("%s: exit %d, %q; want exit %d, %q", l, code, b.String(), exitInternal, want)
		}
	}
}
