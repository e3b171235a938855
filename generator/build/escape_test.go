package build

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"planpress/generator/convert"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"planpress/generator/internal/testutil"
)

// payload is hostile text put into every field a reader of data can set.
const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&</title>`

// TestEscaping feeds the payload through names, units, notes, source titles
// and publishers, URLs, quotes, plan text, front matter titles and raw HTML
// in Markdown, and checks that no output carries it as markup.
func TestEscaping(t *testing.T) {
	root := testutil.CopyProject(t)
	q := strings.ReplaceAll(payload, `"`, `\"`)
	edits := []edit{
		// a plan paragraph carrying the payload, quoted by an indicator
		{"content/zh-Hant/plan/preface.md", appendText("\n本規劃" + payload + "特此說明。\n")},
		{"content/en/plan/preface.md", appendText("\nThis plan " + payload + " is explained. <div onclick=\"alert(3)\">raw html</div>\n")},
		{"content/en/plan/ch1.md", replace(`title = "I.`, `title = "`+q+`I.`)},
		{"data/indicators.toml", replace(`name = { zh = "細顆粒物(PM2.5)年均濃度", en = "PM2.5 annual mean concentration" }`,
			`name = { zh = "細顆粒物`+q+`", en = "PM2.5 `+q+`" }`)},
		{"data/indicators.toml", replace(`quote = "PM2.5年均濃度降至35微克/立方米左右"`, `quote = "本規劃`+q+`特此說明"`)},
		{"data/indicators.toml", replace(`section = "ch2-s3"`+"\n"+`quote = "本規劃`, `section = "preface"`+"\n"+`quote = "本規劃`)},
		{"data/indicators.toml", replace(`quote_en = "the annual mean PM2.5 concentration falling to about 35 μg/m³"`, `quote_en = "This plan `+q+` is explained"`)},
		{"data/annual/2025.toml", replace(`note = { zh = "據{source:src34}，同比下降11.5%。", en = "Down 11.5% year on year, according to {source:src34}." }`, `note = { zh = "=HYPERLINK(\"x\")`+q+`", en = "@SUM(1)`+q+`" }`)},
		{"data/sources.toml", replace("grade = \"A\"\nurl = \"\"", "grade = \"A\"\nurl = \"https://x.example/?a=\\\"><script>alert(4)</script>\"")},
		{"data/sources.toml", replace(`publisher = { zh = "北京市人民政府", en = "Beijing Municipal People's Government" }`, `publisher = { zh = "北京`+q+`", en = "+Beijing `+q+`" }`)},
		{"data/areas.toml", replace(`en = "Air"`, `en = "Air `+q+`"`)},
	}
	for _, e := range edits {
		p := filepath.Join(root, e.file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, []byte(e.do(string(data))), 0o644)
	}
	// the simplified edition is converted from the edited traditional text,
	// as planpress convert does, so the payload goes through it too
	c, err := convert.Load(os.DirFS(root), "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	files, err := c.Files(os.DirFS(root), "zh-Hant", "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	if err := convert.Write(root, files, "zh-Hans"); err != nil {
		t.Fatal(err)
	}
	// the indicator whose quote is the payload sentence lives in the preface
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatalf("build with hostile text: %v", err)
	}
	bad := []string{"<script>alert", "onerror=", "<img src=x", "onclick=", `"><script`}
	n := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		data, _ := os.ReadFile(p)
		s := string(data)
		switch filepath.Ext(p) {
		case ".html":
			for _, prob := range hostileMarkup(s) {
				t.Errorf("%s: %s", rel, prob)
			}
			n++
		case ".xml", ".svg":
			// markup: the payload must stay text, never an element or an
			// attribute (as escaped text it may well read "onerror=")
			for _, prob := range hostileXML(data) {
				t.Errorf("%s: %s", rel, prob)
			}
			n++
		case ".txt":
			for _, b := range bad {
				if strings.Contains(s, b) {
					t.Errorf("%s: unescaped %q", rel, b)
				}
			}
			n++
		case ".json", ".js":
			// JSON escapes < and > as \u003c, so no markup survives in any context
			if strings.Contains(s, "<script") || strings.Contains(s, "<img") {
				t.Errorf("%s: raw markup in JSON", rel)
			}
		case ".csv":
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\ufeff")))
			r.FieldsPerRecord = -1
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s: not valid CSV: %v", rel, err)
					break
				}
				for _, cell := range rec {
					if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) && !isNumber(cell) {
						t.Errorf("%s: cell %q would run as a formula", rel, cell)
					}
				}
			}
		}
		if filepath.Ext(p) == ".xml" {
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s: not well-formed XML: %v", rel, err)
			}
		}
		if filepath.Ext(p) == ".json" && !json.Valid(data) {
			t.Errorf("%s: not valid JSON", rel)
		}
		return nil
	})
	if n < 100 {
		t.Fatalf("only %d files checked", n)
	}
	// the payload is shown as text where it belongs
	page, _ := os.ReadFile(filepath.Join(out, "en", "indicators", "pm25-annual-mean", "index.html"))
	if !strings.Contains(string(page), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile name is not shown as escaped text on the indicator page")
	}
	// and the indicator chart's SVG is well-formed XML
	svgStart := strings.Index(string(page), "<svg")
	svgEnd := strings.Index(string(page), "</svg>")
	if svgStart < 0 || svgEnd < 0 {
		t.Fatal("no chart")
	}
	if err := xml.Unmarshal(page[svgStart:svgEnd+6], new(struct{})); err != nil {
		t.Errorf("chart SVG is not well-formed XML: %v", err)
	}
}

// hostileMarkup parses a page as a browser would and reports any element or
// attribute that the payload could have created.
func hostileMarkup(page string) []string {
	var probs []string
	z := html.NewTokenizer(strings.NewReader(page))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return probs
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "img" {
				probs = append(probs, "element <"+tok.Data+"> from data")
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					probs = append(probs, "event attribute "+a.Key)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					probs = append(probs, "javascript: URL")
				}
			}
			inScript = tok.Data == "script"
		case html.TextToken:
			// the only inline script is JSON-LD data: it may carry the
			// payload as a JSON string, never a raw "<" that could end it
			if inScript && strings.Contains(string(z.Text()), "<") {
				probs = append(probs, "raw < inside a script element")
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

func isNumber(s string) bool {
	for i, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || (i == 0 && (r == '-' || r == '+'))) {
			return false
		}
	}
	return true
}

// hostileXML parses an XML or SVG file and reports what the payload would
// make of it: a script or img element, an event-handler attribute, or
// markup that is not well-formed.
func hostileXML(data []byte) []string {
	var probs []string
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return probs
		}
		if err != nil {
			return append(probs, "not well-formed XML: "+err.Error())
		}
		if se, ok := tok.(xml.StartElement); ok {
			if n := strings.ToLower(se.Name.Local); n == "script" || n == "img" {
				probs = append(probs, "a <"+n+"> element")
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					probs = append(probs, "an event-handler attribute "+a.Name.Local)
				}
			}
		}
	}
}
