package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"planpress/generator/diag"
	"planpress/generator/internal/testutil"
	"planpress/generator/plan"
	"planpress/generator/project"
)

func pdfs(t *testing.T, out string) []string {
	files, _ := filepath.Glob(filepath.Join(out, "downloads", "*.pdf"))
	if len(files) < 12 {
		t.Fatalf("only %d PDFs", len(files))
	}
	return files
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var reFooter = regexp.MustCompile(`^(第 \d+ [頁页]，共 \d+ [頁页]|Page \d+ of \d+)$`)

// bodyText removes the running header and the footer of each page from
// pdftotext output, so that paragraphs broken across pages read on.
func bodyText(text, header string, footers ...string) string {
	var out []string
	for _, page := range strings.Split(text, "\f") {
		lines := strings.Split(page, "\n")
		var kept []string
		first := true
		for _, l := range lines {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			if first && t == header {
				first = false
				continue
			}
			first = false
			if reFooter.MatchString(t) || slices.Contains(footers, t) {
				continue
			}
			kept = append(kept, l)
		}
		out = append(out, strings.Join(kept, "\n"))
	}
	return strings.Join(out, "\n")
}

// TestPlanPDFLosesNoCharacter: pdftotext of the plan PDF contains every
// paragraph and heading of the plan text, in order, in both languages.
func TestPlanPDFLosesNoCharacter(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	root := testutil.Root(t)
	p, err := project.Load(root, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-Hant", "zh-Hans", "en"} {
		pl, err := plan.LoadPlan(os.DirFS(root), lang)
		if err != nil {
			t.Fatal(err)
		}
		publisher := p.Text(p.Config.Publisher, lang) // the page footer's left part
		text := squeeze(bodyText(testutil.PDFText(t, filepath.Join(out, "downloads", "plan-text-"+lang+".pdf")), pl.Index.Title, publisher))
		pos, total, missing := 0, 0, 0
		for _, pg := range pl.Pages {
			items := []string{pg.Title}
			for _, b := range pg.Blocks {
				if b.Kind != plan.Directive {
					items = append(items, b.Text)
				}
			}
			for _, it := range items {
				total++
				want := squeeze(it)
				i := strings.Index(text[pos:], want)
				if i < 0 {
					missing++
					if missing <= 3 {
						t.Errorf("%s: not found in order in the PDF text: %q", lang, it)
					}
					continue
				}
				pos += i + len(want)
			}
		}
		t.Logf("%s: %d of %d paragraphs and headings found in order", lang, total-missing, total)
		if strings.HasPrefix(lang, "zh-") {
			// Chinese line-breaking rules hold on every line of the PDF
			raw := bodyText(testutil.PDFText(t, filepath.Join(out, "downloads", "plan-text-"+lang+".pdf")), pl.Index.Title, publisher)
			for _, l := range strings.Split(raw, "\n") {
				l = strings.TrimSpace(l)
				if l == "" {
					continue
				}
				first, last := []rune(l)[0], []rune(l)[len([]rune(l))-1]
				if strings.ContainsRune("。，、；：？！）」』》〉】,.;:?!)", first) {
					t.Errorf("line starts with %q: %s", first, l)
				}
				if strings.ContainsRune("（「『《〈【“(", last) {
					t.Errorf("line ends with %q: %s", last, l)
				}
			}
		}
		if missing > 0 {
			t.Fatalf("%s: %d of %d missing", lang, missing, total)
		}
	}
}

func TestPDFStructureAndMetadata(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	qpdf := testutil.Tool(t, "qpdf")
	pdfinfo := testutil.Tool(t, "pdfinfo")
	pdffonts := testutil.Tool(t, "pdffonts")
	for _, f := range pdfs(t, out) {
		name := filepath.Base(f)
		lang := "en"
		for _, zh := range []string{"zh-Hant", "zh-Hans"} {
			if strings.Contains(name, zh) {
				lang = zh
			}
		}
		if msg, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, msg)
		}
		st, _ := os.Stat(f)
		if st.Size() >= 1_500_000 {
			t.Errorf("%s: %d bytes, want < 1.5 MB", name, st.Size())
		}
		info, err := exec.Command(pdfinfo, f).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", name, err)
		}
		for _, key := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "CreationDate"} {
			if !regexp.MustCompile(`(?m)^` + key + `:\s+\S`).Match(info) {
				t.Errorf("%s: no %s in the metadata", name, key)
			}
		}
		// objects are packed in compressed object streams: expand them to read
		expanded := filepath.Join(t.TempDir(), name)
		if msg, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", f, expanded).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --qdf %s: %v\n%s", name, err, msg)
		}
		raw, _ := os.ReadFile(expanded)
		if !bytes.Contains(raw, []byte("/Lang ("+lang+")")) {
			t.Errorf("%s: no /Lang (%s)", name, lang)
		}
		if !bytes.Contains(raw, []byte("/Outlines")) {
			t.Errorf("%s: no outline", name)
		}
		if n := bytes.Count(raw, []byte("/Dest [")); n < 8 {
			t.Errorf("%s: %d internal links, want the contents linked", name, n)
		}
		if strings.Contains(name, "report") && !bytes.Contains(raw, []byte("/URI (https://")) {
			t.Errorf("%s: no clickable source URL", name)
		}
		fonts, _ := exec.Command(pdffonts, f).Output()
		lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
		for _, l := range lines {
			fields := strings.Fields(l)
			n := len(fields)
			if n < 5 || fields[n-5] != "yes" || fields[n-4] != "yes" || fields[n-3] != "yes" {
				t.Errorf("%s: font not embedded, subset and mapped to Unicode: %s", name, l)
			}
		}
	}
}

// TestPDFOutline reads the outline with qpdf: every chapter and section of
// the plan, every area and indicator of a report.
func TestPDFOutline(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	qpdf := testutil.Tool(t, "qpdf")
	count := func(f string) int {
		js, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
		if err != nil {
			t.Fatalf("qpdf --json %s: %v", f, err)
		}
		return strings.Count(string(js), `"title":`)
	}
	// 10 parts, 31 sections and 80 items in the plan text
	if n := count(filepath.Join(out, "downloads", "plan-text-en.pdf")); n < 10+31+80 {
		t.Errorf("plan outline has %d entries, want chapters, sections and items", n)
	}
	// the report: main points, summary, 8 areas, the commitments with a
	// figure (31 in 2025), appendix, method, sources, contents
	if n := count(filepath.Join(out, "downloads", "progress-report-2025-zh-Hant.pdf")); n < 2+8+30+4 {
		t.Errorf("report outline has %d entries, want the parts, areas and commitments with figures", n)
	}
}

// TestPDFSubstitutesMissingCharacters: a character no font has never
// crashes the build; it is shown as □ and reported with file and line.
func TestPDFSubstitutesMissingCharacters(t *testing.T) {
	testutil.Slow(t)
	root := testutil.CopyProject(t)
	path := filepath.Join(root, "content", "en", "plan", "preface.md")
	data, _ := os.ReadFile(path)
	s := strings.Replace(string(data), "The 14th Five-Year Plan period", "The 14th Five-Year Plan 😀 period 𠀀", 1)
	if s == string(data) {
		t.Fatal("edit failed")
	}
	os.WriteFile(path, []byte(s), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	sum, err := Build(Options{Root: root, Out: out})
	if err != nil {
		t.Fatalf("build with an emoji failed: %v", err)
	}
	joined := diag.Problems(sum.Warnings).Error()
	for _, want := range []string{"U+1F600", "U+20000", "content/en/plan/preface.md:"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings lack %q:\n%s", want, joined)
		}
	}
	text := testutil.PDFText(t, filepath.Join(out, "downloads", "plan-text-en.pdf"))
	if !strings.Contains(text, "□") {
		t.Error("the substitution is not visible in the PDF")
	}
}

// TestDroidFontWithLatinFallback: with Droid Sans Fallback, which has no
// digits, Latin text is set in a Latin face and nothing is lost.
func TestDroidFontWithLatinFallback(t *testing.T) {
	testutil.Slow(t)
	droid := "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		t.Fatalf("%s is needed: run scripts/setup --test", droid)
	}
	root := testutil.CopyProject(t)
	site := filepath.Join(root, "data", "site.toml")
	data, _ := os.ReadFile(site)
	os.WriteFile(site, []byte(strings.Replace(string(data), `main = ""`, `main = "`+droid+`"`, 1)), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	s, err := Build(Options{Root: root, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	// Droid lacks a few CJK brackets (〈〉), which are reported; nothing
	// Latin may be substituted
	for _, w := range s.Warnings {
		if strings.Contains(w.Error(), "U+00") {
			t.Errorf("Latin character substituted: %s", w)
		}
	}
	text := squeeze(testutil.PDFText(t, filepath.Join(out, "downloads", "progress-report-2025-zh-Hant.pdf")))
	for _, want := range []string{"2025年最終評估", "PM2.5年均濃度", "27.0"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("report text lacks %q", want)
		}
	}
	fonts, _ := exec.Command(testutil.Tool(t, "pdffonts"), filepath.Join(out, "downloads", "plan-text-en.pdf")).Output()
	if n := strings.Count(string(fonts), "CID TrueType"); n != 2 {
		t.Errorf("%d fonts in the English plan, want the main and the Latin face:\n%s", n, fonts)
	}
}
