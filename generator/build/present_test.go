package build

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/present"
	"planpress/generator/project"
	"planpress/generator/report"
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
	p.Assess()
	year := p.LatestYear()
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, lang := range project.Langs {
		pdf := squash(testutil.PDFText(t, filepath.Join(out, report.ReportPath(year, lang))))
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
