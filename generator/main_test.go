package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	root := testutil.CopyProject(t)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"bad flag", []string{"build", "--nope"}, exitUsage, "flag provided but not defined"},
		{"version", []string{"version"}, exitOK, Version},
		{"check passes", []string{"check", "--root", root}, exitOK, "check passed"},
		{"import needs a file", []string{"import"}, exitUsage, "usage"},
		{"import of a missing file", []string{"import", filepath.Join(root, "nope.txt")}, exitInput, "nope.txt"},
		{"not a project", []string{"build", "--root", t.TempDir()}, exitInput, "not a planpress project"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
			if !strings.Contains(out+errs, c.want) {
				t.Errorf("output lacks %q:\n%s%s", c.want, out, errs)
			}
		})
	}
}

// TestSourceDateEpoch: a SOURCE_DATE_EPOCH that is not a count of
// seconds up to the year 2200 is a usage error naming the variable.
func TestSourceDateEpoch(t *testing.T) {
	root := testutil.CopyProject(t)
	for _, v := range []string{"12abc", "-5", "1e9", " 1764374400", "99999999999", "1764374400.5"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		code, _, errs := runCLI("check", "--root", root)
		if code != exitUsage || !strings.Contains(errs, "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%q: exit %d: %s", v, code, errs)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1764374400")
	if code, _, errs := runCLI("check", "--root", root); code != exitOK {
		t.Errorf("a valid SOURCE_DATE_EPOCH: exit %d: %s", code, errs)
	}
}

func TestCheckReportsEveryProblemWithFileAndLine(t *testing.T) {
	root := testutil.CopyProject(t)
	path := filepath.Join(root, "data", "annual", "2023.toml")
	data, _ := os.ReadFile(path)
	broken := string(data) + `
[[observation]]
indicator = "no-such-indicator"
value = 1.0
source = "src01"

[[observation]]
indicator = "carbon-emissions-below-peak"
value = 12.0
source = "no-such-source"
`
	os.WriteFile(path, []byte(broken), 0o644)
	code, _, errs := runCLI("check", "--root", root)
	if code != exitInput {
		t.Fatalf("exit %d, want %d: %s", code, exitInput, errs)
	}
	for _, want := range []string{`data/annual/2023.toml:`, `unknown indicator "no-such-indicator"`, `unknown source "no-such-source"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("check output lacks %q:\n%s", want, errs)
		}
	}
}

func TestBuildPrintsSummary(t *testing.T) {
	root := testutil.CopyProject(t)
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, errs := runCLI("build", "--root", root, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"pages", "PDFs", "MB", "load+check", "pdf", "html", "publish"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q: %s", want, stdout)
		}
	}
}

func TestNewYear(t *testing.T) {
	root := testutil.CopyProject(t)
	path := filepath.Join(root, "data", "annual", "2025.toml")
	os.Remove(path)
	code, out, errs := runCLI("new-year", "2025", "--root", root)
	if code != exitOK {
		t.Fatalf("new-year: exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s not written: %v (%s)", path, err, out)
	}
	s := string(data)
	for _, want := range []string{"year = 2025", `indicator = "pm25-annual-mean"`, "# 細顆粒物(PM2.5)年均濃度", `source = ""`} {
		if !strings.Contains(s, want) {
			t.Errorf("scaffold lacks %q", want)
		}
	}
	if n := strings.Count(s, "[[observation]]"); n < 60 {
		t.Errorf("scaffold lists %d indicators", n)
	}
	// the empty scaffold passes check: empty entries are "no data"
	if code, _, errs := runCLI("check", "--root", root); code != exitOK {
		t.Fatalf("check of the scaffold: exit %d: %s", code, errs)
	}
	// it never overwrites
	os.WriteFile(path, []byte("year = 2025\n# my work\n"), 0o644)
	if code, _, errs := runCLI("new-year", "2025", "--root", root); code != exitInput || !strings.Contains(errs, "never overwritten") {
		t.Fatalf("second new-year: exit %d: %s", code, errs)
	}
	if data, _ := os.ReadFile(path); string(data) != "year = 2025\n# my work\n" {
		t.Fatal("existing file was changed")
	}
	if code, _, _ := runCLI("new-year", "2031", "--root", root); code != exitInput {
		t.Errorf("a year outside the plan was accepted")
	}
	if code, _, _ := runCLI("new-year", "twenty", "--root", root); code != exitUsage {
		t.Errorf("a non-year was accepted")
	}
}

func TestCheckFindsBrokenLinks(t *testing.T) {
	root := testutil.CopyProject(t)
	path := filepath.Join(root, "templates", "page.html")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "{{.Body.HTML}}", `{{.Body.HTML}}<a href="../nowhere/index.html">x</a><a href="#no-such-id">y</a>`, 1)), 0o644)
	code, _, errs := runCLI("check", "--root", root)
	if code != exitInput {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`broken link "../nowhere/index.html"`, `broken fragment "#no-such-id"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("check output lacks %q:\n%s", want, errs)
		}
	}
}

// TestInstallName checks the README's install command: it builds a
// working command named planpress from the top-level module.
func TestInstallName(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testutil.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const install = `go build -o "$(go env GOPATH)/bin/planpress" ./generator`
	if !strings.Contains(string(readme), install) {
		t.Fatalf("README does not give the install command %s", install)
	}
	bin := filepath.Join(t.TempDir(), "planpress")
	cmd := exec.Command("go", "build", "-o", bin, "./generator")
	cmd.Dir = testutil.Root(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "planpress ") {
		t.Fatalf("planpress version: %v %q", err, out)
	}
}

// TestNewYearRefusesInjection: an area name with a line break that would
// make an observation of its own is refused before anything is written.
func TestNewYearRefusesInjection(t *testing.T) {
	root := testutil.CopyProject(t)
	areas := filepath.Join(root, "data", "areas.toml")
	data, _ := os.ReadFile(areas)
	os.WriteFile(areas, []byte(strings.Replace(string(data), `en = "Air"`, `en = "Air\n[[observation]]\nindicator = \"pm25-annual-mean\"\nvalue = 99.0\nsource = \"src34\""`, 1)), 0o644)
	os.Remove(filepath.Join(root, "data", "annual", "2025.toml"))
	code, _, errs := runCLI("new-year", "2025", "--root", root)
	if code != exitInput || !regexp.MustCompile(`data/areas\.toml:\d+: name of area "air" contains the control character U\+000A`).MatchString(errs) {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(root, "data", "annual", "2025.toml")); err == nil {
		t.Error("the year's file was written")
	}
}
