package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
	"planpress/generator/output"
	"planpress/generator/project"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture returns the fixture project (testdata/site) with the real
// templates and UI strings.
func fixture(t *testing.T) *project.Project { t.Helper(); return fixtureEdit(t, nil) }

// fixtureEdit is the fixture project with edit applied to its folder
// before it loads.
func fixtureEdit(t *testing.T, edit func(dir string)) *project.Project {
	t.Helper()
	root := testutil.Root(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"testdata/site": "", "templates": "templates", "data/i18n": "data/i18n",
	} {
		if err := fsutil.CopyTree(filepath.Join(root, src), filepath.Join(dir, dst)); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(dir)
	}
	p, err := project.Load(dir, project.Options{NeedFonts: true})
	if err != nil {
		t.Fatalf("the fixture does not load: %v", err)
	}
	if err := p.Assess(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGolden renders the fixture and compares pages of each kind with the
// golden files in testdata/golden. Chart text is measured with the font
// the build finds (WenQuanYi Micro Hei in CI).
func TestGolden(t *testing.T) {
	p := fixture(t)
	pdfs := []output.File{{Path: output.PlanPDF("en"), Doc: &output.Doc{Kind: output.PlanText, Lang: "en"}, Size: 1000}, {Path: output.PlanPDF("zh-Hant"), Doc: &output.Doc{Kind: output.PlanText, Lang: "zh-Hant"}, Size: 2000}}
	files, err := Render(p, Options{PDFs: pdfs})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Path] = f.Data
	}
	for _, name := range []string{
		"index.html", "en/index.html", "zh-Hant/plan/ch1/index.html", "en/plan/ch1/index.html",
		"en/indicators/ind-1/index.html", "en/indicators/ind-1/ind-1.csv", "zh-Hant/indicators/ind-1/ind-1.json",
		"en/reports/2022/index.html", "en/downloads/index.html", "sitemap.xml", "zh-Hant/feed.xml", "en/search/index.json",
	} {
		data, ok := got[name]
		if !ok {
			t.Errorf("%s was not rendered", name)
			continue
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "__"))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/site -update to write the golden files)", err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s differs from %s; if the change is deliberate, run go test ./generator/site -update and review the diff", name, golden)
		}
	}
}

func TestRelativeLinks(t *testing.T) {
	cases := []struct {
		page, target, want string
		tmpl               string
	}{
		{"", "en/", "en/index.html", "root"},
		{"en/plan/ch1/", "en/indicators/", "../../../en/indicators/index.html", "chapter"},
		{"en/plan/ch1/", "en/plan/ch1/#ch1-s1", "../../../en/plan/ch1/index.html#ch1-s1", "chapter"},
		{"en/", "assets/site.css", "../assets/site.css", "home"},
		{"404.html", "en/", "/en/index.html", "404"},
	}
	for _, c := range cases {
		p := &Page{Path: c.page, Template: c.tmpl}
		if got := p.Rel(c.target); got != c.want {
			t.Errorf("Rel(%q) from %q = %q, want %q", c.target, c.page, got, c.want)
		}
	}
}
