// Package report writes the PDF documents: the plan text and the yearly
// progress reports, in each language, with fpdf, our own line breaker,
// vector charts, outlines, contents with page numbers and links.
package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-pdf/fpdf"

	"planpress/generator/fonts"
	"planpress/generator/pdftag"
	"planpress/generator/typeset"
)

// page geometry in mm (A4)
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 24.0
	marginR = 24.0
	marginT = 24.0
	marginB = 22.0
	textW   = pageW - marginL - marginR
	limitY  = pageH - marginB
)

// ink colours
var (
	colInk    = [3]int{29, 29, 31}
	colMuted  = [3]int{95, 95, 95}
	colAccent = [3]int{31, 78, 121}
	colRule   = [3]int{200, 200, 200}
)

// Meta is a document's metadata.
type Meta struct {
	Title, Author, Subject, Keywords, Lang string
	Date                                   time.Time
	Header                                 string // running header text
	PageOf                                 string // footer: "Page %d of %s" in the document's language
	Footer                                 string // footer text left of the page number (the publisher), or ""
	CJK                                    bool   // set as Chinese: taller lines
	// OtherLang is the language of text in the other script (Chinese text
	// in a Latin document, Latin text in a Chinese one), for /Lang on the
	// elements that hold it; "" when there is none.
	OtherLang string
}

// Warnings collects substitutions of characters the fonts lack.
type Warnings struct {
	mu   sync.Mutex
	list []string
	seen map[string]bool
}

// Add records a warning once.
func (w *Warnings) Add(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	if !w.seen[s] {
		w.seen[s] = true
		w.list = append(w.list, s)
	}
}

// List returns the warnings in the order found.
func (w *Warnings) List() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.list...)
}

// Anchor is a heading of a document: contents entry and outline item.
type Anchor struct {
	ID    string
	Title string
	Level int
	Page  int
}

// doc is one PDF being written.
type doc struct {
	pdf   *fpdf.Fpdf
	fs    *fonts.Set
	meta  Meta
	name  string // output name, for messages
	warn  *Warnings
	found []Anchor // anchors met in this pass
	cur   string   // current font family
	curPt float64
	src   string // the input place being typeset (file:line), for warnings

	curColor [3]int // current text (and fill) colour, valid when hasColor
	hasColor bool

	main   face         // the main font
	latin  *face        // the Latin font, nil when the main font covers Latin
	punct  *face        // the face of Latin punctuation (documents in a Latin script), or nil
	k, h   float64      // fpdf's points per mm and page height in mm
	runBuf []run        // scratch for runs
	opBuf  []byte       // scratch for an operator written directly
	rd     bytes.Reader // hands opBuf to fpdf

	pages      map[string]int // anchor id → page, built from found
	pagesSeen  int            // anchors of found already in pages
	tocFirst   int            // first page reserved for the contents
	tocTitle   string
	tocEntries []Anchor
	tocTight   bool // the contents are set with closer lines, to save a page

	// the structure tree (see tag.go)
	tags     *pdftag.Tree
	elem     *pdftag.Elem // the element content is marked for
	tocElem  *pdftag.Elem // the contents, filled in by fillContents
	artifact bool         // drawing an artifact: text is not marked
	marked   bool         // inside a marked-content sequence

	artifactDepth int // artifacts begun inside an artifact
}

func newDoc(fs *fonts.Set, m Meta, name string, warn *Warnings) (*doc, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(false, marginB)
	pdf.SetCompression(false) // pack compresses every stream once, at the end
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(m.Date)
	pdf.SetModificationDate(m.Date)
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	pdf.SetCreator("planpress", true)
	pdf.SetProducer("planpress (go-pdf/fpdf)", true)
	pdf.SetLang(m.Lang)
	pdf.SetDisplayMode("fullpage", "OneColumn")
	d := &doc{pdf: pdf, fs: fs, meta: m, name: name, warn: warn, tags: pdftag.New(m.Lang)}
	d.elem = d.tags.Root()
	if err := d.newFaces(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)
	return d, nil
}

// color sets the text colour. The fill colour is set to the same, so fpdf
// need not wrap every line of text in its own graphics state (q … Q).
func (d *doc) color(c [3]int) {
	if d.hasColor && d.curColor == c {
		return // fpdf formats the colour anew on every call
	}
	d.pdf.SetTextColor(c[0], c[1], c[2])
	d.pdf.SetFillColor(c[0], c[1], c[2])
	d.curColor, d.hasColor = c, true
}

// lineStyle sets the draw colour and line width where they differ: fpdf
// writes them on every call, and its state is the page's.
func (d *doc) lineStyle(c [3]int, w float64) {
	if r, g, b := d.pdf.GetDrawColor(); [3]int{r, g, b} != c {
		d.pdf.SetDrawColor(c[0], c[1], c[2])
	}
	if d.pdf.GetLineWidth() != w {
		d.pdf.SetLineWidth(w)
	}
}

func (d *doc) font(family string, pt float64) {
	if d.cur != family || d.curPt != pt {
		d.pdf.SetFont(family, "", pt)
		d.cur, d.curPt = family, pt
	}
}

// clean replaces characters no font can draw by a visible mark, and
// reports each replacement.
func (d *doc) clean(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || r < 0x20 {
			ok = false
			break
		}
		if _, has := d.fs.FaceFor(r); !has {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		_, has := d.fs.FaceFor(r)
		switch {
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case r < 0x20:
		case r > 0xFFFF || !has:
			where := d.name
			if d.src != "" {
				where = d.src + " (in " + d.name + ")"
			}
			d.warn.Add(fmt.Sprintf("%s: character %U (%q) is not in the font; shown as □", where, r, string(r)))
			if _, boxOK := d.fs.FaceFor('□'); boxOK {
				b.WriteRune('□')
			} else {
				b.WriteByte('?')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func lineHeight(pt float64, cjk bool) float64 {
	f := 1.55
	if cjk {
		f = 1.75
	}
	return pt * 0.3528 * f
}

func (d *doc) y() float64     { return d.pdf.GetY() }
func (d *doc) setY(y float64) { d.pdf.SetY(y) }

// newPage starts a page. fpdf draws the footer and the header and then
// restores the font and colours it had before, so the cached font and
// colour are restored with them.
func (d *doc) newPage() {
	cur, pt, col, has := d.cur, d.curPt, d.curColor, d.hasColor
	d.pdf.AddPage()
	d.cur, d.curPt, d.curColor, d.hasColor = cur, pt, col, has
	d.setY(marginT)
}

func (d *doc) ensure(h float64) bool {
	if d.y()+h > limitY {
		d.newPage()
		return true
	}
	return false
}

func (d *doc) header() {
	if d.pdf.PageNo() == 1 || d.meta.Header == "" {
		return
	}
	d.cur, d.hasColor = "", false // fpdf restored its font and colours after the footer
	d.beginArtifact("/Pagination /Subtype /Header")
	d.color(colMuted)
	d.Text(marginL, 14, d.meta.Header, 8)
	d.lineStyle(colRule, 0.2)
	d.pdf.Line(marginL, 16.5, pageW-marginR, 16.5)
	d.color(colInk)
	d.endArtifact()
}

func (d *doc) footer() {
	n := d.pdf.PageNo()
	if n == 1 {
		return
	}
	pageOf := d.meta.PageOf
	if pageOf == "" {
		pageOf = "%d / %s"
	}
	s := fmt.Sprintf(pageOf, n, nbAlias)
	d.beginArtifact("/Pagination /Subtype /Footer")
	d.color(colMuted)
	// nbAlias is replaced after layout; measure with a three-digit stand-in
	w := d.Width(strings.Replace(s, nbAlias, "000", 1), 8)
	if d.meta.Footer != "" {
		// the publisher on the left, the page number on the right
		d.Text(marginL, pageH-12, d.clean(d.meta.Footer), 8)
		d.Text(pageW-marginR-w, pageH-12, s, 8)
	} else {
		d.Text((pageW-w)/2, pageH-12, s, 8)
	}
	d.color(colInk)
	d.endArtifact()
}

// paraOpt sets how a paragraph is typeset.
type paraOpt struct {
	pt     float64
	indent float64 // first-line indent in mm
	left   float64 // extra left margin in mm
	color  [3]int
	after  float64 // space after in mm
	align  string  // "" left, "R" right
	width  float64 // 0: text width
	tag    string  // structure type, "" for P
	lang   string  // language of the text when it differs from the document's; "" to tell by script
}

// para typesets a paragraph with our line breaker and returns its lines.
func (d *doc) para(text string, o paraOpt) int {
	if o.pt == 0 {
		o.pt = 10.5
	}
	if o.color == [3]int{} {
		o.color = colInk
	}
	w := o.width
	if w == 0 {
		w = textW - o.left
	}
	text = d.clean(text)
	lh := lineHeight(o.pt, d.meta.CJK)
	measure := func(s string) float64 { return d.Width(s, o.pt) }
	lines := typeset.Break(text, w-o.indent, w, measure)
	tag := o.tag
	if tag == "" {
		tag = "P"
	}
	if len(lines) > 0 { // an empty paragraph is space, not an element
		e := d.begin(tag)
		e.Lang = o.lang
		if e.Lang == "" {
			e.Lang = d.langOf(text)
		}
		defer d.end()
	}
	d.color(o.color)
	for i, l := range lines {
		d.ensure(lh)
		x := marginL + o.left
		if i == 0 {
			x += o.indent
		}
		if o.align == "R" {
			x = marginL + o.left + w - measure(l)
		}
		d.Text(x, d.y()+lh*0.72, l, o.pt)
		d.setY(d.y() + lh)
	}
	d.color(colInk)
	d.setY(d.y() + o.after)
	return len(lines)
}

// heading writes a heading with an outline entry and an anchor, never as
// the last thing on a page.
func (d *doc) heading(level int, id, text string) {
	sizes := []float64{17, 13.5, 11.5, 11}
	pt := sizes[min(level, len(sizes)-1)]
	lh := lineHeight(pt, d.meta.CJK)
	body := lineHeight(10.5, d.meta.CJK)
	before := []float64{0, 6, 4, 3}[min(level, 3)]
	if d.y() > marginT+1 {
		d.setY(d.y() + before)
	}
	lines := typeset.Break(d.clean(text), textW, textW, func(s string) float64 { return d.Width(s, pt) })
	d.ensure(float64(len(lines))*lh + 2.5*body)
	if id != "" {
		d.found = append(d.found, Anchor{ID: id, Title: text, Level: level, Page: d.pdf.PageNo()})
	}
	d.pdf.Bookmark(d.clean(text), level, d.y())
	c := colInk
	if level == 0 {
		c = colAccent
	}
	e := d.begin("H" + strconv.Itoa(min(level, 5)+1))
	e.Lang = d.langOf(text)
	d.color(c)
	d.boldOn(c, pt)
	for _, l := range lines {
		d.Text(marginL, d.y()+lh*0.75, l, pt)
		d.setY(d.y() + lh)
	}
	d.boldOff()
	d.end()
	d.color(colInk)
	d.setY(d.y() + 1.5)
}

// Cell is a table cell: text and, optionally, a link.
type Cell struct {
	Text string
	URL  string
}

// table writes a table whose header row repeats on every page it spans.
func (d *doc) table(widths []float64, head []string, rows [][]Cell, pt float64) {
	lh := lineHeight(pt, d.meta.CJK) * 0.92
	pad := 1.4
	layout := func(cells []Cell) ([][]string, float64) {
		out := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			out[i] = typeset.Break(d.clean(c.Text), widths[i]-2*pad, widths[i]-2*pad, func(s string) float64 { return d.Width(s, pt) })
			n = max(n, len(out[i]))
		}
		return out, float64(n)*lh + 2*pad
	}
	headCells := make([]Cell, len(head))
	for i, h := range head {
		headCells[i] = Cell{Text: h}
	}
	tbl := d.begin("Table")
	defer d.end()
	drawRow := func(cells []Cell, lines [][]string, h float64, isHead bool) {
		x := marginL
		y := d.y()
		if isHead {
			d.beginArtifact("")
			d.pdf.SetFillColor(236, 240, 244)
			d.pdf.Rect(marginL, y, sum(widths), h, "F")
			d.endArtifact()
			d.hasColor = false
		}
		// a header row repeated after a page break is an artifact
		repeat := isHead && !tbl.Empty()
		if repeat {
			d.beginArtifact("/Pagination")
		} else {
			d.begin("TR")
		}
		for i, ls := range lines {
			c := colInk
			if cells[i].URL != "" {
				c = colAccent
			}
			d.color(c)
			if !repeat {
				if isHead {
					d.begin("TH").Scope = "Column"
				} else {
					d.begin("TD")
				}
				d.elem.Lang = d.langOf(cells[i].Text)
				if cells[i].URL != "" {
					d.begin("Link")
				}
			}
			for k, l := range ls {
				d.Text(x+pad, y+pad+lh*float64(k)+lh*0.72, l, pt)
			}
			if cells[i].URL != "" {
				d.LinkString(x, y, widths[i], h, cells[i].URL)
			}
			if !repeat {
				if cells[i].URL != "" {
					d.end()
				}
				d.end()
			}
			x += widths[i]
		}
		if repeat {
			d.endArtifact()
		} else {
			d.end()
		}
		d.color(colInk)
		d.beginArtifact("")
		d.lineStyle(colRule, 0.2)
		d.pdf.Line(marginL, y+h, marginL+sum(widths), y+h)
		d.endArtifact()
		d.setY(y + h)
	}
	hl, hh := layout(headCells)
	rowsLaid := make([][][]string, len(rows))
	heights := make([]float64, len(rows))
	for i, r := range rows {
		rowsLaid[i], heights[i] = layout(r)
	}
	first := hh
	if len(rows) > 0 {
		first += heights[0]
	}
	d.ensure(first)
	drawRow(headCells, hl, hh, true)
	for i, r := range rows {
		if d.y()+heights[i] > limitY {
			d.newPage()
			drawRow(headCells, hl, hh, true)
		}
		drawRow(r, rowsLaid[i], heights[i], false)
	}
	d.setY(d.y() + 3)
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// note writes a titled box (for the plan's boxes 專欄1–8).
func (d *doc) note(title, text string) {
	pt := 9.5
	lh := lineHeight(pt, d.meta.CJK)
	d.setY(d.y() + 2)
	d.ensure(3 * lh)
	top := d.y()
	startPage := d.pdf.PageNo()
	d.setY(top + 2)
	d.begin("Div")
	d.para(title, paraOpt{pt: 10.5, left: 4, width: textW - 8, color: colAccent, after: 0.5})
	d.para(text, paraOpt{pt: pt, left: 4, width: textW - 8, color: colMuted, after: 2})
	d.end()
	if d.pdf.PageNo() == startPage {
		d.beginArtifact("")
		d.lineStyle(colMuted, 0.8)
		d.pdf.Line(marginL+0.5, top, marginL+0.5, d.y())
		d.endArtifact()
	}
	d.setY(d.y() + 3)
}

// reserveContents adds the pages the contents will take, to be filled by
// fillContents once every heading's page is known: one pass, no re-layout.
func (d *doc) reserveContents(title string, entries []Anchor) {
	n := d.layoutContents(title, entries, false)
	if n > 1 {
		// a few lines over a page leave a page nearly empty: closer
		// lines save it when they fit
		d.tocTight = true
		if m := d.layoutContents(title, entries, false); m < n {
			n = m
		} else {
			d.tocTight = false
		}
	}
	d.newPage()
	d.tocFirst, d.tocTitle, d.tocEntries = d.pdf.PageNo(), title, entries
	d.pdf.Bookmark(d.clean(title), 0, marginT)
	d.tocElem = d.elem.Add("Sect") // the title (H1) and the TOC, filled in at the end
	for i := 1; i < n; i++ {
		d.newPage()
	}
}

// fillContents writes the contents on the reserved pages.
func (d *doc) fillContents() {
	if d.tocFirst == 0 {
		return
	}
	last := d.pdf.PageNo()
	y := d.y()
	outer := d.elem
	d.elem = d.tocElem
	d.layoutContents(d.tocTitle, d.tocEntries, true)
	d.elem = outer
	d.pdf.SetPage(last)
	d.resync()
	d.setY(y)
}

// resync makes the page's content stream state match fpdf's after moving
// to another page: fpdf writes a font or colour only when it changes.
func (d *doc) resync() {
	d.cur = ""
	d.hasColor = false
	d.pdf.SetFont(famMain, "", 3)
	d.pdf.SetDrawColor(1, 2, 3)
	d.pdf.SetDrawColor(colRule[0], colRule[1], colRule[2])
	d.pdf.SetLineWidth(0.01)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDashPattern(nil, 0)
}

// layoutContents lays out the contents (title, then one line or more per
// entry with a dotted leader, the page number and a link) and returns the
// number of pages it takes. With draw false it only measures.
func (d *doc) layoutContents(title string, entries []Anchor, draw bool) int {
	pages := 1
	page := d.tocFirst
	tpt, pt := 17.0, 10.5
	lh := lineHeight(pt, d.meta.CJK)
	if d.tocTight {
		pt, lh = 10, lh*0.82
	}
	tlh := lineHeight(tpt, d.meta.CJK)
	if draw {
		d.pdf.SetPage(page)
		d.resync()
	}
	y := marginT
	if draw {
		d.begin("H1")
		d.color(colAccent)
		d.boldOn(colAccent, tpt)
	}
	for _, l := range typeset.Break(d.clean(title), textW, textW, func(s string) float64 { return d.Width(s, tpt) }) {
		if draw {
			d.Text(marginL, y+tlh*0.75, l, tpt)
		}
		y += tlh
	}
	if draw {
		d.boldOff()
		d.color(colInk)
		d.end()
		d.begin("TOC")
		defer d.end()
	}
	y += 1.5
	for _, e := range entries {
		indent := float64(e.Level) * 6
		num := fmt.Sprint(d.pageOf(e.ID))
		nw := d.Width("000", pt)
		maxW := textW - indent - nw - 6
		lines := typeset.Break(d.clean(e.Title), maxW, maxW, func(s string) float64 { return d.Width(s, pt) })
		y0, p0 := y, page
		if draw {
			d.begin("TOCI")
			d.begin("Link")
			d.elem.Lang = d.langOf(e.Title)
		}
		for i, l := range lines {
			if y+lh > limitY {
				pages++
				page++
				y = marginT
				if draw {
					d.pdf.SetPage(page)
					d.resync()
				}
			}
			if draw {
				d.Text(marginL+indent, y+lh*0.72, l, pt)
				if i == len(lines)-1 {
					lw := d.Width(l, pt)
					w := d.Width(num, pt)
					d.beginArtifact("")
					d.lineStyle(colRule, 0.2)
					d.pdf.SetDashPattern([]float64{0.4, 1.2}, 0)
					d.pdf.Line(marginL+indent+lw+2, y+lh*0.68, pageW-marginR-w-2, y+lh*0.68)
					d.pdf.SetDashPattern(nil, 0)
					d.endArtifact()
					d.Text(pageW-marginR-w, y+lh*0.72, num, pt)
				}
			}
			y += lh
		}
		if draw && d.pageOf(e.ID) > 0 && page == p0 {
			link := d.pdf.AddLink()
			d.pdf.SetLink(link, 0, d.pageOf(e.ID))
			d.Link(marginL, y0, textW, y-y0, link)
		}
		if draw {
			d.end()
			d.end()
		}
	}
	return pages
}

// pageOf returns the page of an anchor met so far (0 when not met).
// The first anchor of an id counts; anchors met since the last call are
// added, so a repeated id does not rebuild the map on every call.
func (d *doc) pageOf(id string) int {
	if d.pages == nil {
		d.pages = make(map[string]int, len(d.found))
	}
	for _, a := range d.found[d.pagesSeen:] {
		if _, ok := d.pages[a.ID]; !ok {
			d.pages[a.ID] = a.Page
		}
	}
	d.pagesSeen = len(d.found)
	return d.pages[id]
}

// bytes returns the finished PDF.
func (d *doc) bytes() ([]byte, error) {
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("%s: %w", d.name, err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("%s: %w", d.name, err)
	}
	out, err := pack(buf.Bytes(), []alias{pageCountAlias(d.pdf.PageCount())}, d.tags)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.name, err)
	}
	return out, nil
}

// Font families as registered with fpdf. fpdf embeds only the glyphs used
// but names the font "utf8<family>" without the subset tag (six capitals
// and "+") that the PDF specification (9.6.4) asks of a subset. pack
// rewrites the names in the font dictionaries to tagged names.
const (
	famMain  = "planpresscjk"
	famLatin = "planpresslatin"
)

var subsetNames = [][2]string{
	{"/utf8" + famMain, "/PPCJKA+Planpress"},
	{"/utf8" + famLatin, "/PPLATN+PlanpressLa"},
}

// renameSubsets gives the fonts in an object that is not a stream their
// subset names.
func renameSubsets(obj []byte) []byte {
	for _, r := range subsetNames {
		if !bytes.Contains(obj, []byte(r[0])) {
			continue
		}
		obj = bytes.ReplaceAll(obj, []byte(r[0]+"\n"), []byte(r[1]+"\n"))
		obj = bytes.ReplaceAll(obj, []byte(r[0]+" "), []byte(r[1]+" "))
	}
	return obj
}

// nbAlias stands for the number of pages in a footer; it is replaced in
// every page content stream, as fpdf's own alias would be.
const nbAlias = "{nb}"

// pageCountAlias replaces nbAlias, as written in a page (UTF-16), by n.
func pageCountAlias(n int) alias {
	return alias{from: utf16BE(nbAlias), to: utf16BE(strconv.Itoa(n))}
}

// utf16BE encodes ASCII text as fpdf writes it with a Unicode font.
func utf16BE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, 0, s[i])
	}
	return b
}
