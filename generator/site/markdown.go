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
// afterPara, when not nil, returns HTML to insert after the k-th paragraph
// (0-based, counting text paragraphs only).
func renderBody(md goldmark.Markdown, body string, expand func(Directive) string, afterPara func(k int) string) (string, error) {
	var dirs []Directive
	src := reDirectiveLine.ReplaceAllStringFunc(body, func(line string) string {
		m := reDirectiveLine.FindStringSubmatch(line)
		title := ""
		if m[3] != "" {
			title, _ = strconv.Unquote(m[3])
		}
		dirs = append(dirs, Directive{Name: m[1], ID: m[2], Title: title})
		return fmt.Sprintf("\nPLANPRESSDIRECTIVE%dEND\n", len(dirs)-1)
	})
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	out := buf.String()
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
	for i, d := range dirs {
		out = strings.Replace(out, fmt.Sprintf("<p>PLANPRESSDIRECTIVE%dEND</p>", i), expand(d), 1)
	}
	return out, nil
}
