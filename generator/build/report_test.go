package build

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/output"
	"planpress/generator/present"
	"planpress/generator/project"
)

func assessedProject(t *testing.T) *project.Project {
	t.Helper()
	p, err := project.Load(testutil.Root(t), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Assess(); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfPages returns the text of each page of a PDF (pdftotext, one string
// per page).
func pdfPages(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command(testutil.Tool(t, "pdftotext"), "-enc", "UTF-8", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// TestReportAttribution: every PDF's Author is the publisher of
// data/site.toml, never the issuer of the plan; every report's cover names
// the publisher and the issuer, and every page after the cover carries the
// publisher in its footer.
func TestReportAttribution(t *testing.T) {
	out, _ := realSite(t)
	p := assessedProject(t)
	pdfinfo := testutil.Tool(t, "pdfinfo")
	for _, f := range pdfs(t, out) {
		name := filepath.Base(f)
		lang := ""
		for _, l := range p.Langs() {
			if strings.HasSuffix(name, "-"+l+".pdf") {
				lang = l
			}
		}
		if lang == "" {
			t.Fatalf("%s: no edition's code ends the file name", name)
		}
		publisher, issuer := p.Text(p.Config.Publisher, lang), p.Text(p.Config.Issuer, lang)
		info, err := exec.Command(pdfinfo, f).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", name, err)
		}
		author := regexp.MustCompile(`(?m)^Author:\s+(.*)$`).FindSubmatch(info)
		if author == nil || strings.TrimSpace(string(author[1])) != publisher {
			t.Errorf("%s: Author %q, want the publisher %q", name, author, publisher)
		}
		if author != nil && strings.Contains(string(author[1]), issuer) {
			t.Errorf("%s: the issuer of the plan is named as Author", name)
		}
		pages := pdfPages(t, f)
		if strings.Contains(name, "report") {
			if c := squeeze(pages[0]); !strings.Contains(c, squeeze(publisher)) || !strings.Contains(c, squeeze(issuer)) {
				t.Errorf("%s: the cover does not name the publisher and the issuer:\n%s", name, pages[0])
			}
		}
		for i, pg := range pages[1:] {
			lines := strings.Split(strings.TrimRight(pg, "\n "), "\n")
			if last := lines[len(lines)-1]; !strings.Contains(last, publisher) {
				t.Errorf("%s p. %d: footer %q does not name the publisher", name, i+2, strings.TrimSpace(last))
			}
		}
	}
}

// TestReportLength: every report has at most 40 pages, and no page is
// more than half empty except the page before a new part (contents, main
// points, an area, the appendix, method, sources), the cover and the last.
func TestReportLength(t *testing.T) {
	out, _ := realSite(t)
	p := assessedProject(t)
	pdfinfo := testutil.Tool(t, "pdftotext")
	pageRe := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	const mm = 72 / 25.4
	for _, lang := range p.Langs() {
		parts := []string{p.T(lang, "contents"), p.T(lang, "main-points"), p.T(lang, "report-appendix"), p.T(lang, "report-method"), p.T(lang, "pdf-sources")}
		for _, a := range p.Reg.Areas {
			parts = append(parts, p.Text(a.Name, lang))
		}
		for _, y := range p.Years {
			f := filepath.Join(out, output.ReportPDF(y, lang))
			raw, err := exec.Command(pdfinfo, "-bbox", f, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext -bbox %s: %v", f, err)
			}
			chunks := pageRe.Split(string(raw), -1)[1:]
			heights := pageRe.FindAllStringSubmatch(string(raw), -1)
			if n := len(chunks); n > 40 || n == 0 {
				t.Errorf("%s: %d pages, want 1–40", filepath.Base(f), n)
			}
			type page struct {
				bottom float64 // lowest text above the footer, pt from the top
				first  string  // the first line of text below the running header
			}
			pages := make([]page, len(chunks))
			for i, c := range chunks {
				h, _ := strconv.ParseFloat(heights[i][2], 64)
				firstY := -1.0
				for _, w := range wordRe.FindAllStringSubmatch(c, -1) {
					y0, _ := strconv.ParseFloat(w[1], 64)
					y1, _ := strconv.ParseFloat(w[2], 64)
					if y0 < 20*mm || y1 > h-18*mm { // running header, footer
						continue
					}
					if firstY < 0 {
						firstY = y0
					}
					if y0 < firstY+2 {
						pages[i].first += html.UnescapeString(w[3])
					}
					pages[i].bottom = max(pages[i].bottom, y1)
				}
			}
			top, limit := 24*mm, (297-22)*mm
			for i := 1; i+1 < len(pages); i++ {
				if pages[i].bottom-top >= (limit-top)/2 {
					continue
				}
				next := squeeze(pages[i+1].first)
				newPart := false
				for _, t := range parts {
					newPart = newPart || strings.HasPrefix(next, squeeze(t))
				}
				if !newPart {
					t.Errorf("%s p. %d is more than half empty (text ends %.0f mm from the top) and the next page starts %q, not a new part",
						filepath.Base(f), i+1, pages[i].bottom/mm, pages[i+1].first)
				}
			}
		}
	}
}

// TestReportMainPointsHTMLAndPDF: the main points of the model are on the
// HTML report page word for word and in the PDF of every year; the 2025
// reports state at least five figures with their change on the year
// before; no PDF shows a source id.
func TestReportMainPointsHTMLAndPDF(t *testing.T) {
	out, _ := realSite(t)
	p := assessedProject(t)
	liRe := regexp.MustCompile(`(?s)<ul class="main-points">(.*?)</ul>`)
	itemRe := regexp.MustCompile(`(?s)<li>(.*?)</li>`)
	srcRe := regexp.MustCompile(`\bsrc\d`)
	for _, lang := range p.Langs() {
		for _, y := range p.Years {
			r := present.NewReport(p, lang, y)
			page, err := os.ReadFile(filepath.Join(out, output.Report(lang, y), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			ul := liRe.FindSubmatch(page)
			if ul == nil {
				t.Fatalf("%s %d: no main points on the report page", lang, y)
			}
			var onPage []string
			for _, m := range itemRe.FindAllSubmatch(ul[1], -1) {
				onPage = append(onPage, html.UnescapeString(string(m[1])))
			}
			pdf := squeeze(testutil.PDFText(t, filepath.Join(out, output.ReportPDF(y, lang))))
			if srcRe.MatchString(pdf) {
				t.Errorf("%s %d: the PDF shows a source id: %q", lang, y, srcRe.FindString(pdf))
			}
			changes := 0
			for i, m := range r.MainPoints {
				changes += m.Changes
				if i >= len(onPage) || onPage[i] != m.Text {
					t.Errorf("%s %d: main point %d on the page differs from the model:\n%q", lang, y, i+1, m.Text)
				}
				if !strings.Contains(pdf, squeeze(m.Text)) {
					t.Errorf("%s %d: main point not in the PDF: %q", lang, y, m.Text)
				}
			}
			if len(onPage) != len(r.MainPoints) {
				t.Errorf("%s %d: %d main points on the page, %d in the model", lang, y, len(onPage), len(r.MainPoints))
			}
			if y == p.Config.TargetYear && changes < 5 {
				t.Errorf("%s %d: %d figures with their change on the year before, want ≥ 5", lang, y, changes)
			}
		}
	}
}
