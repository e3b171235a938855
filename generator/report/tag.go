package report

import (
	"fmt"
	"strconv"
	"unicode"

	"planpress/generator/chart"
	"planpress/generator/fonts"
	"planpress/generator/pdftag"
)

// The documents are tagged PDFs: every text drawn through the primitives
// (para, heading, table, note, listItem, figure, Text) is a marked-content
// sequence ("/P <</MCID n>> BDC … EMC") of the element open at the time,
// in drawing order; the running header, the footer with the page number,
// rules, fills and a table's repeated header row are artifacts. The tree
// (package pdftag) is written by pack with the rest of the file.
//
// Content drawn outside any primitive belongs to the element open, at the
// top the Document. Links must be added with d.Link or d.LinkString, so
// that each annotation is tied to its element.

// begin opens a structure element of type typ inside the current one and
// makes it current; end closes it.
func (d *doc) begin(typ string) *pdftag.Elem {
	d.elem = d.elem.Add(typ)
	return d.elem
}

// end closes the current element.
func (d *doc) end() {
	if p := d.elem.Parent(); p != nil {
		d.elem = p
	}
}

// beginMark opens a marked-content sequence of the current element on the
// current page, unless one is open or an artifact is being drawn; it
// reports whether it opened one, for endMark.
func (d *doc) beginMark() bool {
	if d.artifact || d.marked {
		return false
	}
	id := d.tags.Mark(d.elem, d.pdf.PageNo())
	b := append(d.opBuf[:0], '/')
	b = append(b, d.elem.Type...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(id), 10)
	b = append(b, ">> BDC"...)
	d.raw(b)
	d.marked = true
	return true
}

// endMark closes the sequence beginMark opened, when it opened one.
func (d *doc) endMark(opened bool) {
	if opened {
		d.raw(append(d.opBuf[:0], "EMC"...))
		d.marked = false
	}
}

// beginArtifact starts an artifact: "/Artifact BMC", or with properties
// (e.g. "/Pagination /Subtype /Header" for the type and subtype).
func (d *doc) beginArtifact(props string) {
	if d.artifact {
		d.artifactDepth++
		return
	}
	d.artifact = true
	if props == "" {
		d.raw(append(d.opBuf[:0], "/Artifact BMC"...))
		return
	}
	d.raw(append(append(append(d.opBuf[:0], "/Artifact <</Type "...), props...), ">> BDC"...))
}

// endArtifact ends the artifact beginArtifact started.
func (d *doc) endArtifact() {
	if d.artifactDepth > 0 {
		d.artifactDepth--
		return
	}
	if d.artifact {
		d.raw(append(d.opBuf[:0], "EMC"...))
		d.artifact = false
	}
}

// boldOn makes the text drawn until boldOff bold: the glyphs are filled
// and stroked (text render mode 2) in colour c with a line 0.03 em wide,
// since the fonts have no bold face.
func (d *doc) boldOn(c [3]int, pt float64) {
	b := fmt.Appendf(d.opBuf[:0], "%.3f %.3f %.3f RG %.2f w 2 Tr", float64(c[0])/255, float64(c[1])/255, float64(c[2])/255, 0.03*pt)
	d.raw(b)
}

// boldOff returns to filled text and to fpdf's line width and draw colour.
func (d *doc) boldOff() {
	r, g, bl := d.pdf.GetDrawColor()
	b := fmt.Appendf(d.opBuf[:0], "0 Tr %.2f w %.3f %.3f %.3f RG", d.pdf.GetLineWidth()*d.k, float64(r)/255, float64(g)/255, float64(bl)/255)
	d.raw(b)
}

// langOf returns the language of a text written in the other script than
// the document's (Meta.OtherLang), or "" when it is in the document's.
func (d *doc) langOf(s string) string {
	if d.meta.OtherLang == "" {
		return ""
	}
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	if d.meta.CJK {
		if han == 0 && latin >= 4 {
			return d.meta.OtherLang
		}
		return ""
	}
	if han > latin {
		return d.meta.OtherLang
	}
	return ""
}

// Link adds a link to an anchor of the document (as fpdf's Link) as a
// content item of the current element, or of a new Link element when the
// current one is not a Link.
func (d *doc) Link(x, y, w, h float64, link int) {
	d.pdf.Link(x, y, w, h, link)
	d.tags.Annot(d.linkElem(), d.pdf.PageNo())
}

// LinkString adds a link to a URL (as fpdf's LinkString), tagged as Link
// does.
func (d *doc) LinkString(x, y, w, h float64, url string) {
	d.pdf.LinkString(x, y, w, h, url)
	d.tags.Annot(d.linkElem(), d.pdf.PageNo())
}

func (d *doc) linkElem() *pdftag.Elem {
	if d.elem.Type == "Link" {
		return d.elem
	}
	return d.elem.Add("Link")
}

// linkPara writes a paragraph that is a link to url: a P holding a Link
// (the text, as a Span, and the annotation).
func (d *doc) linkPara(text, url string, o paraOpt) {
	d.begin("P")
	d.begin("Link")
	y, page := d.y(), d.pdf.PageNo()
	o.tag = "Span"
	d.para(text, o)
	if d.pdf.PageNo() == page {
		d.LinkString(marginL+o.left, y, textW-o.left, d.y()-o.after-y, url)
	}
	d.end()
	d.end()
}

// listItem writes an item of a list (L, opened by the caller): the label
// (a bullet or number) and the body, with a hanging indent.
func (d *doc) listItem(label, text string, o paraOpt) {
	if o.pt == 0 {
		o.pt = 10.5
	}
	lh := lineHeight(o.pt, d.meta.CJK)
	d.begin("LI")
	d.ensure(lh)
	d.begin("Lbl")
	d.color(colInk)
	d.Text(marginL+o.left, d.y()+lh*0.72, label, o.pt)
	d.end()
	o.left += d.Width(label+" ", o.pt)
	o.tag = "LBody"
	d.para(text, o)
	d.end()
}

// figure draws a chart as a Figure whose /Alt is the chart's description:
// its title above it (Caption, inside the Figure), the chart as one
// marked-content sequence, and a source line under it (a P after the
// Figure) when source is not empty. The chart is w mm wide.
func (d *doc) figure(s chart.Spec, fs *fonts.Set, w float64, source string) error {
	h := w * chart.Height / chart.Width
	const capPt, srcPt = 10.0, 8.5
	d.ensure(lineHeight(capPt, d.meta.CJK)*2 + h + lineHeight(srcPt, d.meta.CJK) + 4)
	fig := d.begin("Figure")
	fig.Alt = s.Desc
	title := s.Title
	if s.Unit != "" {
		title += " (" + s.Unit + ")"
	}
	d.para(title, paraOpt{pt: capPt, tag: "Caption", after: 1})
	y0 := d.y()
	m := d.beginMark()
	used, err := chart.DrawPDF(d.pdf, d, s, fs, marginL, y0, w)
	d.endMark(m)
	d.end()
	if err != nil {
		return fmt.Errorf("%s: %w", d.name, err)
	}
	d.cur, d.hasColor = "", false // the chart changed fonts and colours
	d.setY(y0 + used + 1)
	if source != "" {
		d.para(source, paraOpt{pt: srcPt, color: colMuted, after: 2})
	}
	return nil
}
