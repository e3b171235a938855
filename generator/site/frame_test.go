package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// TestFramesMatchFullExecution renders the fixture site with frames and
// with every page executed in full: the files must be identical, and most
// pages must have gone through a frame.
func TestFramesMatchFullExecution(t *testing.T) {
	p := fixture(t)
	tm, err := LoadTemplates(p.FS)
	if err != nil {
		t.Fatal(err)
	}
	framedPages.Store(0)
	framed, err := Render(p, Options{Templates: tm})
	n := framedPages.Load()
	if err != nil {
		t.Fatal(err)
	}
	useFrames = false
	defer func() { useFrames = true }()
	full, err := Render(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(framed) != len(full) {
		t.Fatalf("%d files with frames, %d without", len(framed), len(full))
	}
	pages := 0
	for i := range full {
		if framed[i].Path != full[i].Path || !bytes.Equal(framed[i].Data, full[i].Data) {
			t.Errorf("%s differs with frames", full[i].Path)
		}
		if strings.HasSuffix(full[i].Path, ".html") {
			pages++
		}
	}
	if !tm.frames.ok {
		t.Fatal("templates/base.html was not found fit for frames")
	}
	// the first page of each shape is executed in full; the fixture has
	// few pages of each shape
	if n < int64(pages)/3 {
		t.Errorf("only %d of %d pages went through a frame", n, pages)
	}
}

// FuzzFrameEscaping checks the frame's escaping against html/template in
// each kind of place a frame fills.
func FuzzFrameEscaping(f *testing.F) {
	for _, s := range []string{"", "Plan · 規劃", `a "b" & 'c' <d> +e=f` + "`", "\x00\xff\xfe\ufffd", "https://example.org/a b?c=d&e=f#g",
		"javascript:alert(1)", "HTTP://x", "mailto:a@b", "/a:b", "%41%zz%4", "a%", "\u2028é"} {
		f.Add(s)
	}
	places := []struct {
		tmpl string
		esc  slotEscape
	}{
		{`<p>{{.}}</p>`, escHTML},
		{`<title>{{.}}</title>`, escHTML},
		{`<p title="{{.}}">`, escHTML},
		{`<meta name="description" content="{{.}}">`, escHTML},
		{`<a href="{{.}}">`, escURL},
		{`<link rel="canonical" href="{{.}}">`, escURL},
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pl := range places {
			tm := template.Must(template.New("x").Parse("[" + pl.tmpl + "]"))
			var want bytes.Buffer
			if err := tm.Execute(&want, s); err != nil {
				t.Fatal(err)
			}
			pre, post, _ := strings.Cut(pl.tmpl, "{{.}}")
			var got bytes.Buffer
			got.WriteString("[" + pre)
			writeEscaped(&got, s, pl.esc)
			got.WriteString(post + "]")
			if got.String() != want.String() {
				t.Fatalf("%s with %q: frame writes %q, html/template %q", pl.tmpl, s, got.String(), want.String())
			}
		}
	})
}

// TestFrameFitness checks which base templates frames accept.
func TestFrameFitness(t *testing.T) {
	cases := []struct {
		base string
		ok   bool
	}{
		{`<title>{{.Title}}</title>{{if .Desc}}{{.Desc}}{{end}}<a href="{{.AltRel}}">{{.OtherName}}</a>{{.T "x"}}{{.Rel (print .Lang "/")}}{{template "main" .}}`, true},
		{`{{if eq .Title "Home"}}x{{end}}{{template "main" .}}`, false},
		{`{{.Rel .AltPath}}{{template "main" .}}`, false},
		{`{{with .Body}}{{.}}{{end}}{{template "main" .}}`, false},
		{`{{range .Site.Years}}{{.}}{{end}}`, false},
		{`{{$t := .Title}}{{$t}}`, false},
		{`{{printf "%s" .Title}}`, false},
		{`{{.Body}}`, false},
		{`{{.Path}}{{template "main" .}}`, false},
		{`{{template "other" .}}`, false},
		{`{{block "main" .}}{{end}}`, true},
	}
	for _, c := range cases {
		set := template.Must(template.New("base").Parse(`{{define "base"}}` + c.base + `{{end}}{{define "main"}}m{{end}}{{define "other"}}o{{end}}`))
		fs := newFrameSet(map[string]*template.Template{"page": set})
		if fs.ok != c.ok {
			t.Errorf("%s: fit = %v, want %v", c.base, fs.ok, c.ok)
		}
	}
}

// TestFrameValuesOfLaterPages checks that a frame made from a page with an
// empty title still takes the titles of later pages, escaped.
func TestFrameValuesOfLaterPages(t *testing.T) {
	p := fixture(t)
	set := template.Must(template.New("base").Parse(`{{define "base"}}<title>{{.Title}}</title><a href="{{.Canonical}}">{{template "main" .}}</a>{{end}}{{define "main"}}[{{.Lang}}]{{end}}`))
	r := &builder{p: p, tmpl: map[string]*template.Template{"t": set}}
	r.frames = newFrameSet(r.tmpl).fresh()
	framedPages.Store(0)
	for i, title := range []string{"one", "", "three <&> + 'q'"} {
		pg := &Page{Lang: "en", Other: "zh-Hant", Template: "t", Path: fmt.Sprintf("en/p%d/", i), Title: title}
		if err := r.page(pg); err != nil {
			t.Fatal(err)
		}
	}
	if framedPages.Load() != 2 {
		t.Fatalf("%d pages framed, want 2", framedPages.Load())
	}
	got := map[string]string{}
	for _, f := range r.files {
		got[f.Path] = string(f.Data)
	}
	want := p.Config.BaseURL + "en/p2/"
	if s := got["en/p2/index.html"]; s != `<title>three &lt;&amp;&gt; &#43; &#39;q&#39;</title><a href="`+want+`">[en]</a>` {
		t.Errorf("third page: %s", s)
	}
	if s := got["en/p1/index.html"]; !strings.HasPrefix(s, `<title></title>`) {
		t.Errorf("second page: %s", s)
	}
}
