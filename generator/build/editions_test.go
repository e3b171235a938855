package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
	"planpress/generator/linkcheck"
	"planpress/generator/output"
	"planpress/generator/project"
)

// fixture copies a project of testdata/ with the real templates into a
// temporary folder and renders it in memory, PDFs included.
func fixture(t *testing.T, name string) map[string][]byte {
	t.Helper()
	root := testutil.Root(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{filepath.Join("testdata", name): "", "templates": "templates"} {
		if err := fsutil.CopyTree(filepath.Join(root, src), filepath.Join(dir, dst)); err != nil {
			t.Fatal(err)
		}
	}
	files, _, err := Render(Options{Root: dir}, RenderOptions{PDF: true})
	if err != nil {
		t.Fatalf("testdata/%s does not build: %v", name, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// TestThreeEditions builds testdata/site3, a project with a third edition
// (simplified Chinese: its own content tree, UI strings and data texts)
// listed in its data/site.toml, with no change to the Go code: every
// edition gets its pages, data files, feed and PDFs, in its own language,
// and every link resolves.
func TestThreeEditions(t *testing.T) {
	files := fixture(t, "site3")
	for _, lang := range []string{"zh-Hant", "en", "zh-Hans"} {
		for _, p := range []string{
			output.Home(lang) + "index.html", output.PlanPage(lang, "ch1") + "index.html", output.Indicator(lang, "ind-1") + "index.html",
			output.IndicatorData(lang, "ind-1", "csv"), output.Dataset(lang, "json"), output.Feed(lang), output.Search(lang) + "index.html",
			output.PlanPDF(lang), output.ReportPDF(2022, lang),
		} {
			if _, ok := files[p]; !ok {
				t.Errorf("the %s edition lacks %s", lang, p)
			}
		}
	}
	page := func(p string) string {
		data, ok := files[p]
		if !ok {
			t.Fatalf("%s is missing", p)
		}
		if probs := testutil.CheckHTML(data); len(probs) > 0 {
			t.Errorf("%s: %s", p, strings.Join(probs, "; "))
		}
		return string(data)
	}
	// the simplified edition speaks its own language, from its own files
	home := page("zh-Hans/index.html")
	for _, want := range []string{`<html lang="zh-Hans"`, "合成规划进展"} {
		if !strings.Contains(home, want) {
			t.Errorf("zh-Hans/index.html lacks %q", want)
		}
	}
	// names from the data files' zh-Hans texts; the quote stays verbatim
	// from the plan's own text, marked as such
	ind := page("zh-Hans/indicators/ind-1/index.html")
	for _, want := range []string{"<h1>指标1</h1>", "<title>指标1 · 合成规划进展", "领域air", `lang="zh-Hant"`, "到2022年指標1達到51%以上"} {
		if !strings.Contains(ind, want) {
			t.Errorf("the zh-Hans indicator page lacks %q", want)
		}
	}
	// the root page offers every edition; the sitemap names every alternate
	root := page("index.html")
	for _, want := range []string{`href="zh-Hans/index.html"`, "简体中文", "进入简体中文网站", `href="en/index.html"`, `href="zh-Hant/index.html"`} {
		if !strings.Contains(root, want) {
			t.Errorf("the root page lacks %q", want)
		}
	}
	if !strings.Contains(string(files[output.Sitemap]), `hreflang="zh-Hans" href="https://synthetic.example.org/zh-Hans/plan/ch1/"`) {
		t.Errorf("the sitemap lacks the zh-Hans alternate of a plan page")
	}
	// the language switch leads through every edition
	if !strings.Contains(page("en/index.html"), `hreflang="zh-Hans"`) || !strings.Contains(page("zh-Hans/index.html"), `hreflang="zh-Hant"`) {
		t.Errorf("the language switch does not lead from en to zh-Hans and from zh-Hans to zh-Hant")
	}
	probs, checked := linkcheck.Files(files, 50)
	if checked == 0 {
		t.Errorf("no link checked")
	}
	for _, p := range probs {
		t.Error(p)
	}
}

// TestSecondPlan builds testdata/plan2, another plan (another place and
// period, no tables rebuilt from data, its own UI strings) with no change
// to the Go code, and checks that no output file, PDF text included,
// carries a word of the Beijing plan that its own files do not contain.
func TestSecondPlan(t *testing.T) {
	files := fixture(t, "plan2")
	root := testutil.Root(t)
	// words of the Beijing plan: its place, period, issuer, coverage, the
	// publishers of its sources and its indicator ids
	real, err := project.Load(root, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"北京", "Beijing", "十四五", "14th Five-Year", "京政發", "京津冀", "PM2.5", "碳中和", "carbon neutrality", "2021–2025"}
	for _, lang := range real.Langs() {
		words = append(words, real.Text(real.Config.Title, lang), real.Text(real.Config.Issuer, lang), real.Text(real.Config.Coverage, lang))
	}
	for _, s := range real.Reg.Sources {
		words = append(words, real.Text(s.Publisher, "en"))
	}
	for _, ind := range real.Reg.Indicators {
		words = append(words, ind.ID)
	}
	// the fixture's own input
	own := ""
	for _, dir := range []string{filepath.Join(root, "testdata", "plan2"), filepath.Join(root, "templates")} {
		in, err := fsutil.ReadTree(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range in {
			own += string(f.Data) + "\n"
		}
	}
	var foreign []string
	for _, w := range words {
		if w != "" && !strings.Contains(own, w) {
			foreign = append(foreign, w)
		}
	}
	if len(foreign) < 20 {
		t.Fatalf("only %d words of the Beijing plan to look for: %v", len(foreign), foreign)
	}
	if _, ok := files[output.Tables("en")+"index.html"]; ok {
		t.Errorf("a plan without tables got a tables page")
	}
	if _, ok := files[output.ReportPDF(2032, "en")]; !ok {
		t.Errorf("the 2032 report of the plan's own period is missing")
	}
	tmp := t.TempDir()
	for p, data := range files {
		text := string(data)
		if strings.HasSuffix(p, ".pdf") {
			f := filepath.Join(tmp, "doc.pdf")
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
			text = testutil.PDFText(t, f)
		}
		for _, w := range foreign {
			if strings.Contains(text, w) {
				t.Errorf("%s contains %q, a word of the Beijing plan", p, w)
			}
		}
	}
}
