package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestExportNamesInMessageLanguage: export-values writes the names in the
// language of the messages (simplified Chinese for zh, English for en),
// and a sheet exported in either imports back without a change.
func TestExportNamesInMessageLanguage(t *testing.T) {
	root := testutil.CopyProject(t)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(file)
	for lang, want := range map[string]string{"zh": "\npm25-annual-mean,细颗粒物(PM2.5)年均浓度,微克/立方米,", "en": "\npm25-annual-mean,PM2.5 annual mean concentration,μg/m³,"} {
		sheet := filepath.Join(t.TempDir(), "v.csv")
		code, out, errs := runCLI("export-values", "--year", "2025", "--out", sheet, "--lang", lang, "--root", root)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s%s", lang, code, out, errs)
		}
		data, _ := os.ReadFile(sheet)
		if !strings.Contains(string(data), want) {
			t.Errorf("%s: the sheet lacks %q", lang, want)
		}
		if code, out, errs := runCLI("import-values", sheet, "--year", "2025", "--lang", lang, "--root", root); code != exitOK {
			t.Fatalf("%s: import: exit %d: %s%s", lang, code, out, errs)
		}
		if now, _ := os.ReadFile(file); string(now) != string(orig) {
			t.Fatalf("%s: the year's file changed", lang)
		}
	}
}
