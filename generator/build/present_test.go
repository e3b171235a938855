package build

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/output"
	"planpress/generator/present"
	"planpress/generator/project"
)

// TestSameFigureInHTMLAndPDF: the site and the PDF report print an
// indicator's target and latest value with the same words and numbers
// (one view model), with a real minus sign and no "±+".
func TestSameFigureInHTMLAndPDF(t *testing.T) {
	out, _ := realSite(t)
	p, err := project.Load(testutil.Root(t), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Assess(); err != nil {
		t.Fatal(err)
	}
	year := p.LatestYear()
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, lang := range p.Langs() {
		pdf := squash(testutil.PDFText(t, filepath.Join(out, output.ReportPDF(year, lang))))
		negative := 0
		for _, id := range []string{"co2-per-gdp-change", "pm25-annual-mean", "good-air-day-ratio"} {
			ind := p.Reg.Indicator(id)
			if ind == nil {
				t.Fatalf("indicator %s is gone: choose another", id)
			}
			v := present.NewIndicator(p, ind, lang, year, present.Full)
			data, err := os.ReadFile(filepath.Join(out, v.URL, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := html.UnescapeString(string(data))
			for _, s := range []string{v.Target, v.Rows[len(v.Rows)-1].Value} {
				if strings.Contains(s, "±+") || strings.Contains(s, "-") {
					t.Errorf("%s %s: %q has a hyphen for a minus or a sign after ±", lang, id, s)
				}
				negative += strings.Count(s, "−")
				if !strings.Contains(page, s) {
					t.Errorf("%s %s: the page lacks %q", lang, id, s)
				}
				if !strings.Contains(pdf, squash(s)) {
					t.Errorf("%s %s: the %d report lacks %q", lang, id, year, s)
				}
			}
		}
		if negative == 0 {
			t.Errorf("%s: no negative figure compared: choose an indicator with one", lang)
		}
	}
}

// TestPDFFilesKeepsDocuments: the PDFs kept for a rebuild are the files
// that say which document they are, whatever their names.
func TestPDFFilesKeepsDocuments(t *testing.T) {
	doc := &output.Doc{Kind: output.ProgressReport, Lang: "en", Year: 2023}
	files := []output.File{
		{Path: "downloads/renamed.pdf", Data: []byte("%PDF-1.4"), Doc: doc},
		{Path: "downloads/progress-report-2022-en.pdf", Data: []byte("not a document of the build")},
		{Path: "en/index.html", Data: []byte("<!doctype html>")},
	}
	kept := PDFFiles(files)
	if len(kept) != 1 || kept[0].Doc != doc || kept[0].Size != len("%PDF-1.4") {
		t.Fatalf("PDFFiles = %+v, want the one file with a Doc and its size", kept)
	}
}
