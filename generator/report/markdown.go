package report

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithParserOptions(parser.WithAttribute()))

// plain returns the text of an inline subtree.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for k := t.FirstChild(); k != nil; k = k.NextSibling() {
				if tx, ok := k.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// markdownPDF typesets a Markdown page (headings, paragraphs, lists and
// tables) into the document.
func markdownPDF(d *doc, body string) {
	src := []byte(body)
	root := md.Parser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch t := n.(type) {
		case *ast.Heading:
			d.heading(min(t.Level-1, 2), "", plain(t, src))
		case *ast.Paragraph:
			d.para(plain(t, src), paraOpt{after: 2})
		case *ast.List:
			k := 0
			d.begin("L")
			for it := t.FirstChild(); it != nil; it = it.NextSibling() {
				k++
				mark := "•"
				if t.IsOrdered() {
					mark = itoa(k) + "."
				}
				d.listItem(mark, plain(it, src), paraOpt{left: 4, after: 1})
			}
			d.end()
			d.setY(d.y() + 1.5)
		case *east.Table:
			var head []string
			var rows [][]Cell
			for r := t.FirstChild(); r != nil; r = r.NextSibling() {
				var cells []string
				for c := r.FirstChild(); c != nil; c = c.NextSibling() {
					cells = append(cells, plain(c, src))
				}
				if _, ok := r.(*east.TableHeader); ok {
					head = cells
					continue
				}
				row := make([]Cell, len(cells))
				for i, c := range cells {
					row[i] = Cell{Text: c}
				}
				rows = append(rows, row)
			}
			if len(head) > 0 {
				w := make([]float64, len(head))
				for i := range w {
					w[i] = textW / float64(len(head))
				}
				if len(head) == 3 {
					w = []float64{textW * 0.22, textW * 0.38, textW * 0.40}
				}
				for i := range rows {
					for len(rows[i]) < len(head) {
						rows[i] = append(rows[i], Cell{})
					}
				}
				d.table(w, head, rows, 9)
			}
		case *ast.ThematicBreak:
			d.setY(d.y() + 3)
		case *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock:
			d.para(plain(t, src), paraOpt{left: 6, color: colMuted, after: 2})
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
