package site

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the converter for content: heading ids from {#id},
// tables, no raw HTML (it is escaped), and a permalink on each heading.
func newMarkdown(permalinkLabel string) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&headingRenderer{label: permalinkLabel}, 100)),
		),
	)
}

// headingRenderer writes <hN id> with a visible permalink after the text.
type headingRenderer struct{ label string }

func (h *headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, h.render)
}

func (h *headingRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	hd := n.(*ast.Heading)
	id := ""
	if v, ok := hd.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	if entering {
		fmt.Fprintf(w, "<h%d", hd.Level)
		if id != "" {
			fmt.Fprintf(w, ` id="%s"`, html.EscapeString(id))
		}
		w.WriteString(">")
		return ast.WalkContinue, nil
	}
	if id != "" {
		fmt.Fprintf(w, ` <a class="permalink" href="#%s" aria-label="%s">#</a>`, html.EscapeString(id), html.EscapeString(h.label))
	}
	fmt.Fprintf(w, "</h%d>\n", hd.Level)
	return ast.WalkContinue, nil
}

var _ = ghtml.WithUnsafe // raw HTML stays off: goldmark's default escapes it

var reDirectiveLine = regexp.MustCompile(`(?m)^\{\{<\s*([a-z]+)(?:\s+([a-z0-9-]+))?(?:\s+("(?:[^"\\]|\\.)*"))?\s*>\}\}\s*$`)

// Directive is a {{< name id "title" >}} line of a content body.
type Directive struct {
	Name, ID, Title string
}

// renderBody converts a Markdown body to HTML, replacing directive lines by
// what expand returns for them.
// converted is a Markdown body turned into HTML, with its directives still
// as placeholder paragraphs.
type converted struct {
	html string
	dirs []Directive
}

// convert turns a body into HTML, leaving a placeholder paragraph for
// each directive line.
func convert(md goldmark.Markdown, body string) (*converted, error) {
	c := &converted{}
	src := body
	if strings.Contains(body, "{{<") {
		src = reDirectiveLine.ReplaceAllStringFunc(body, func(line string) string {
			m := reDirectiveLine.FindStringSubmatch(line)
			title := ""
			if m[3] != "" {
				title, _ = strconv.Unquote(m[3])
			}
			c.dirs = append(c.dirs, Directive{Name: m[1], ID: m[2], Title: title})
			return fmt.Sprintf("\nPLANPRESSDIRECTIVE%dEND\n", len(c.dirs)-1)
		})
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4 + 512)
	if err := md.Convert([]byte(src), &buf); err != nil {
		return nil, err
	}
	c.html = buf.String()
	return c, nil
}

// finish inserts what afterPara returns after the k-th text paragraph
// (0-based; nil for none) and replaces the directive placeholders by what
// expand returns for them.
func (c *converted) finish(expand func(Directive) string, afterPara func(k int) string) string {
	out := c.html
	if afterPara != nil {
		var b strings.Builder
		k := 0
		for _, line := range strings.SplitAfter(out, "\n") {
			b.WriteString(line)
			if strings.HasPrefix(line, "<p>") && !strings.HasPrefix(line, "<p>PLANPRESSDIRECTIVE") {
				b.WriteString(afterPara(k))
				k++
			}
		}
		out = b.String()
	}
	for i, d := range c.dirs {
		out = strings.Replace(out, fmt.Sprintf("<p>PLANPRESSDIRECTIVE%dEND</p>", i), expand(d), 1)
	}
	return out
}

// renderBody converts a Markdown body to HTML with its directives expanded.
func renderBody(md goldmark.Markdown, body string, expand func(Directive) string, afterPara func(k int) string) (string, error) {
	c, err := convert(md, body)
	if err != nil {
		return "", err
	}
	return c.finish(expand, afterPara), nil
}
