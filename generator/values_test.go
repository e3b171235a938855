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

// TestSheetFileProblems: a sheet that cannot be read (not CSV or xlsx, a
// broken CSV, an empty one, a file that is not a workbook) is named with
// its line where it has one, in the messages' language, and the year file
// is left as it was.
func TestSheetFileProblems(t *testing.T) {
	root := testutil.CopyProject(t)
	year := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(year)
	dir := t.TempDir()
	files := map[string]string{"bad.csv": "indicator,value\na,\"b\n", "bare.csv": "indicator,value\na,b\"c\n", "empty.csv": "", "v.txt": "x", "v.xlsx": "not a zip"}
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	for _, c := range []struct{ file, en, zh string }{
		{"bad.csv", "bad.csv:2: not a readable CSV file: a quoted cell has a quote too many or too few (save the sheet as CSV UTF-8)", "bad.csv:2: 不是可读取的 CSV 文件：带引号的单元格里引号多了或少了（把表格另存为“CSV UTF-8”格式）"},
		{"bare.csv", "bare.csv:2: not a readable CSV file: a quote in a cell that does not begin with one", "bare.csv:2: 不是可读取的 CSV 文件：没有用引号开头的单元格里出现了引号"},
		{"empty.csv", "empty.csv: the sheet is empty", "empty.csv: 表格是空的"},
		{"v.txt", "v.txt: not a .csv or .xlsx file", "v.txt: 不是 .csv 或 .xlsx 文件"},
		{"v.xlsx", "v.xlsx: not a readable Excel workbook", "v.xlsx: 不是可读取的 Excel 工作簿"},
		{"missing.csv", "missing.csv: the sheet cannot be read", "missing.csv: 无法读取表格"},
	} {
		for lang, want := range map[string]string{"en": c.en, "zh": c.zh} {
			code, _, errs := runCLI("import-values", filepath.Join(dir, c.file), "--year", "2025", "--lang", lang, "--root", root)
			if code != exitInput || !strings.Contains(errs, want) {
				t.Errorf("%s --lang %s: exit %d, want %d and %q in:\n%s", c.file, lang, code, exitInput, want, errs)
			}
		}
	}
	if now, _ := os.ReadFile(year); string(now) != string(orig) {
		t.Error("the year file changed")
	}
	code, _, errs := runCLI("export-values", "--year", "2025", "--out", filepath.Join(dir, "v.ods"), "--lang", "zh", "--root", root)
	if code == exitOK || !strings.Contains(errs, "要写出的文件名必须以 .csv 或 .xlsx 结尾") {
		t.Errorf("export to .ods: exit %d:\n%s", code, errs)
	}
}
