package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestYearlyGuide runs the steps of the README's yearly guide (and of its
// Chinese copy) on a copy of the project: new-year, status, export-values,
// import-values, check, status again, build. The year 2025 is started
// afresh and filled in from the sheet exported before: the data, the
// to-do list and the check come out as they were.
func TestYearlyGuide(t *testing.T) {
	root := testutil.CopyProject(t)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	must := func(want int, args ...string) string {
		t.Helper()
		code, out, errs := runCLI(append(args, "--root", root)...)
		if code != want {
			t.Fatalf("planpress %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errs)
		}
		return out
	}
	statusBefore := must(exitOK, "status", "2025")
	sheet := filepath.Join(t.TempDir(), "values.xlsx")
	must(exitOK, "export-values", "--year", "2025", "--out", sheet)

	// 1. start the year's file
	os.Remove(file)
	out := must(exitOK, "new-year", "2025")
	data, _ := os.ReadFile(file)
	p, err := loadProject(root)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "[[observation]]"); n != len(p.Reg.Indicators) || !strings.Contains(out, "wrote") {
		t.Fatalf("new-year wrote %d entries for %d indicators: %s", n, len(p.Reg.Indicators), out)
	}
	must(exitInput, "new-year", "2025") // never overwritten

	// 2. see what is missing: every commitment, none with a figure
	out = must(exitOK, "status", "2025")
	if !strings.Contains(out, "2025: ") || strings.Contains(out, "has a figure  ") || strings.Contains(out, "provisional or C/D  ") {
		t.Errorf("status of a fresh year:\n%s", out)
	}

	// 4. fill in the values from the sheet
	out = must(exitOK, "import-values", sheet, "--year", "2025")
	if !strings.Contains(out, "entries changed") {
		t.Errorf("import-values: %s", out)
	}

	// 5. check
	if out := must(exitOK, "check"); !strings.Contains(out, "check passed") {
		t.Errorf("check: %s", out)
	}
	// the to-do list is what it was before the year was started afresh
	if out := must(exitOK, "status", "2025"); out != statusBefore {
		t.Errorf("status after the guide:\n%s\nbefore:\n%s", out, statusBefore)
	}
	// a sheet exported now is the sheet imported
	again := filepath.Join(t.TempDir(), "again.csv")
	first := filepath.Join(t.TempDir(), "first.csv")
	must(exitOK, "export-values", "--year", "2025", "--out", again)
	code, _, _ := runCLI("export-values", "--year", "2025", "--out", first, "--root", root)
	a, _ := os.ReadFile(again)
	b, _ := os.ReadFile(first)
	if code != exitOK || string(a) != string(b) {
		t.Errorf("export-values differs between two runs")
	}

	// 7. build
	t.Run("build", func(t *testing.T) {
		testutil.Slow(t)
		outDir := filepath.Join(t.TempDir(), "public")
		code, out, errs := runCLI("build", "--root", root, "--out", outDir, "--quiet")
		if code != exitOK {
			t.Fatalf("build: exit %d\n%s%s", code, out, errs)
		}
		if _, err := os.Stat(filepath.Join(outDir, "checksums.txt")); err != nil {
			t.Error(err)
		}
	})
}
