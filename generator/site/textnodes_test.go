package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
	"planpress/generator/project"
)

func TestTextIndex(t *testing.T) {
	h := `<h2 id="a" title="x > 本節連結">本 <a aria-label='本節連結'>#</a></h2><!-- 本節連結 --><script>var s = "本節連結";</script><p>說明本節連結。</p>`
	at := textIndex(h, "本節連結", textSpans(h))
	if at < 0 || !strings.HasPrefix(h[at-len("說明"):], "說明本節連結") {
		t.Errorf("found at %d: %q", at, h[max(at, 0):])
	}
	if at := textIndex(`<a title="本節連結">x</a>`, "本節連結", textSpans(`<a title="本節連結">x</a>`)); at != -1 {
		t.Errorf("found inside an attribute at %d", at)
	}
}

// TestQuoteInAttribute: a commitment's quote that also stands in an
// attribute before it (here the permalink label of a heading, 本節連結)
// is marked in the paragraph and never inside the attribute; the page
// parses with every attribute intact.
func TestQuoteInAttribute(t *testing.T) {
	root := testutil.Root(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{"testdata/site": "", "templates": "templates", "data/i18n": "data/i18n"} {
		if err := fsutil.CopyTree(filepath.Join(root, src), filepath.Join(dir, dst)); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(file, old, new string) {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s: %q not found (%v)", file, old, err)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
	edit("content/zh-Hant/plan/ch1.md", "到2022年指標0達到50%以上。", "到2022年指標0達到50%以上。見本節連結。")
	edit("data/indicators.toml", `quote = "到2022年指標0達到50%以上"`, `quote = "本節連結"`)
	p, err := project.Load(dir, project.Options{NeedFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var page string
	for _, f := range files {
		if f.Path == "zh-Hant/plan/ch1/index.html" {
			page = string(f.Data)
		}
	}
	if page == "" {
		t.Fatal("the chapter was not rendered")
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	marks, labels := 0, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if strings.Contains(a.Val, "<") || strings.Contains(a.Val, "mark") {
					t.Errorf("<%s %s=%q>: markup inside an attribute", n.Data, a.Key, a.Val)
				}
				if a.Key == "aria-label" && a.Val == "本節連結" {
					labels++
				}
			}
			if n.Data == "mark" && strings.Contains(text(n), "本節連結") {
				marks++
				if n.Parent.Data != "p" {
					t.Errorf("the mark is in <%s>", n.Parent.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if marks == 0 || labels == 0 {
		t.Errorf("%d marks, %d intact permalink labels", marks, labels)
	}
}

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}
