package report

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planpress/generator/fonts"
)

func testDoc(t *testing.T, lang string) *doc {
	t.Helper()
	fs, err := fonts.Find("")
	if err != nil {
		t.Fatalf("%v (scripts/setup installs a font)", err)
	}
	d, err := newDoc(fs, Meta{Title: "Test", Author: "Test", Lang: lang, CJK: lang != "en", PageOf: "Page %d of %s", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Header: "Running header"}, "test.pdf", &Warnings{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pageTexts writes the document and returns the text of each page.
func pageTexts(t *testing.T, d *doc) []string {
	t.Helper()
	data, err := d.bytes()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "t.pdf")
	os.WriteFile(p, data, 0o644)
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is needed: run scripts/setup --test")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(out), "\f")
}

func TestTableRepeatsHeaderOnEveryPage(t *testing.T) {
	d := testDoc(t, "en")
	d.newPage()
	var rows [][]Cell
	for i := 0; i < 120; i++ {
		rows = append(rows, []Cell{{Text: fmt.Sprintf("row %d", i)}, {Text: "value"}})
	}
	d.table([]float64{80, 80}, []string{"HeadOne", "HeadTwo"}, rows, 10)
	pages := pageTexts(t, d)
	used := 0
	for i, p := range pages {
		if !strings.Contains(p, "row ") {
			continue
		}
		used++
		if !strings.Contains(p, "HeadOne") {
			t.Errorf("page %d has rows but no header row", i+1)
		}
	}
	if used < 2 {
		t.Fatalf("the table fits on %d page; the test needs it to break", used)
	}
}

func TestHeadingIsNeverLastOnAPage(t *testing.T) {
	for fill := 30; fill < 50; fill++ {
		d := testDoc(t, "en")
		d.newPage()
		for i := 0; i < fill; i++ {
			d.para(fmt.Sprintf("Filler line %d.", i), paraOpt{})
		}
		d.heading(1, "h", "TheHeading")
		d.para("FirstLineAfter", paraOpt{})
		d.para("SecondLineAfter", paraOpt{})
		for i, p := range pageTexts(t, d) {
			if strings.Contains(p, "TheHeading") && !strings.Contains(p, "FirstLineAfter") {
				t.Fatalf("with %d filler lines the heading ends page %d without its text", fill, i+1)
			}
		}
	}
}

func TestChineseParagraphKeepsEveryCharacter(t *testing.T) {
	d := testDoc(t, "zh-Hant")
	d.newPage()
	text := strings.Repeat("生態環境品質持續改善，PM2.5年均濃度降至35微克/立方米左右；“十四五”時期（2021年—2025年）。", 30)
	d.para(text, paraOpt{indent: 7.4})
	got := strings.Join(strings.Fields(strings.Join(pageTexts(t, d), "")), "")
	want := strings.Join(strings.Fields(text), "")
	if !strings.Contains(got, want) {
		t.Fatalf("characters lost in the PDF:\n%s", got)
	}
}
