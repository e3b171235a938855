package report

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"planpress/generator/fonts"
)

// advances are the advance widths fpdf uses for a face, in 1/1000 em, for
// every character of the Basic Multilingual Plane, and for the rest.
type advances struct {
	bmp     []int32
	missing int // width fpdf gives a character it has no width for
}

// faceAdvances returns the widths of a face, read once per face from fpdf
// itself so that measuring gives exactly fpdf's GetStringWidth without
// selecting a font (which would write to the page).
func faceAdvances(f *fonts.Face) (*advances, error) {
	type result struct {
		a   *advances
		err error
	}
	r := f.Memo("report.advances", func() any {
		var a *advances
		var err error
		if perr := fonts.Guard(f.Path, func() error { a, err = readAdvances(f); return nil }); perr != nil {
			a, err = nil, fmt.Errorf("font %s: %w", f.Path, perr)
		}
		return result{a, err}
	}).(result)
	return r.a, r.err
}

// readAdvances measures every character of the Basic Multilingual Plane
// with fpdf.
func readAdvances(f *fonts.Face) (*advances, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("m", "", f.TTF)
	pdf.SetFont("m", "", 10)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Path, err)
	}
	a := &advances{bmp: make([]int32, 0x10000), missing: 500}
	if mw := pdf.GetFontDesc("m", "").MissingWidth; mw != 0 {
		a.missing = mw
	}
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= 0xFFFF; r++ {
		n := utf8.EncodeRune(buf[:], r)
		a.bmp[r] = int32(pdf.GetStringSymbolWidth(string(buf[:n])))
	}
	return a, nil
}

// of returns the width of r in 1/1000 em.
func (a *advances) of(r rune) int {
	if r >= 0 && r <= 0xFFFF {
		return int(a.bmp[r])
	}
	return a.missing
}

// sum returns the width of s in 1/1000 em.
func (a *advances) sum(s string) int {
	w := 0
	for _, r := range s {
		w += a.of(r)
	}
	return w
}

// runeSet is a set of characters of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

// hasAll reports whether every character of s, valid UTF-8, is in the set.
func (rs *runeSet) hasAll(s string) bool {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r > 0xFFFF || r == utf8.RuneError && n == 1 {
				return false
			}
		}
		if rs[r>>6]&(1<<(uint(r)&63)) == 0 {
			return false
		}
		i += n
	}
	return true
}

func (rs *runeSet) addAll(s string) {
	for _, r := range s {
		if r <= 0xFFFF {
			rs[r>>6] |= 1 << (uint(r) & 63)
		}
	}
}

// face is a font registered with fpdf: its family, widths and the
// characters already written with it.
type face struct {
	family string
	adv    *advances
	used   runeSet // characters fpdf has recorded for the subset
}

// run is a piece of text drawn with one face.
type run struct {
	f *face
	s string
}

// runs splits s by the face that draws each character, into d.runBuf
// (valid until the next call).
func (d *doc) runs(s string) []run {
	out := d.runBuf[:0]
	if d.latin == nil && d.punct == nil {
		return append(out, run{&d.main, s})
	}
	start := 0
	var cur *face
	for i, r := range s {
		f := d.faceOf(r)
		if f != cur {
			if i > start {
				out = append(out, run{cur, s[start:i]})
			}
			cur, start = f, i
		}
	}
	if len(s) > start {
		out = append(out, run{cur, s[start:]})
	}
	d.runBuf = out
	return out
}

// latinPunct reports whether r is punctuation of Latin text that a
// Chinese face draws wide: quotation marks, apostrophes, dashes, ellipsis.
func latinPunct(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '–', '—', '…', '′', '″':
		return true
	}
	return false
}

// faceOf returns the face that draws r.
func (d *doc) faceOf(r rune) *face {
	if d.punct != nil && latinPunct(r) {
		return d.punct
	}
	if d.latin != nil {
		if f, _ := d.fs.FaceFor(r); f == d.fs.Latin {
			return d.latin
		}
	}
	return &d.main
}

// width is fpdf's GetStringWidth of s in face f at size pt, in mm.
func (d *doc) width(f *face, s string, pt float64) float64 {
	return float64(f.adv.sum(s)) * (pt / d.k) / 1000
}

// Text writes s with its baseline at (x, y) in mm at size pt.
func (d *doc) Text(x, y float64, s string, pt float64) {
	s = d.clean(s)
	if s == "" {
		return
	}
	rs := d.runs(s)
	d.font(rs[0].f.family, pt) // fonts are set outside the marked content
	m := d.beginMark()
	for _, r := range rs {
		d.font(r.f.family, pt)
		d.textOp(x, y, r.f, r.s)
		x += d.width(r.f, r.s, pt)
	}
	d.endMark(m)
}

// RotatedText writes s like Text, turned by deg degrees counter-clockwise
// about (x, y). Each font is selected before the turn, so that it stays in
// force after it.
func (d *doc) RotatedText(x, y float64, s string, pt, deg float64) {
	if deg == 0 {
		d.Text(x, y, s, pt)
		return
	}
	s = d.clean(s)
	dx := 0.0
	for _, r := range d.runs(s) {
		d.font(r.f.family, pt)
		d.pdf.TransformBegin()
		d.pdf.TransformRotate(deg, x, y)
		m := d.beginMark()
		d.textOp(x+dx, y, r.f, r.s)
		d.endMark(m)
		d.pdf.TransformEnd()
		dx += d.width(r.f, r.s, pt)
	}
}

// Width returns the width of s in mm at size pt: each run of one face is
// measured in that face, as fpdf would.
func (d *doc) Width(s string, pt float64) float64 {
	if d.latin == nil && d.punct == nil {
		return d.width(&d.main, s, pt)
	}
	w, sum := 0.0, 0
	var cur *face
	for _, r := range s {
		f := d.faceOf(r)
		if f != cur {
			if cur != nil {
				w += float64(sum) * (pt / d.k) / 1000
			}
			cur, sum = f, 0
		}
		sum += f.adv.of(r)
	}
	if cur != nil {
		w += float64(sum) * (pt / d.k) / 1000
	}
	return w
}

// textOp writes s in the current font, as fpdf's Text would. Once fpdf has
// recorded every character of s for the font subset and the text colour is
// the fill colour, the operator is written directly, byte for byte as fpdf
// writes it, without fpdf's formatting cost.
func (d *doc) textOp(x, y float64, f *face, s string) {
	if !d.sameColors() || !f.used.hasAll(s) {
		d.pdf.Text(x, y, s)
		f.used.addAll(s)
		return
	}
	b := append(d.opBuf[:0], "BT "...)
	b = strconv.AppendFloat(b, x*d.k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (d.h-y)*d.k, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = appendUTF16(b, s)
	b = append(b, ") Tj ET"...)
	d.raw(b)
}

// sameColors reports whether fpdf's text and fill colours are equal, when
// fpdf writes text without its own graphics state.
func (d *doc) sameColors() bool {
	tr, tg, tb := d.pdf.GetTextColor()
	fr, fg, fb := d.pdf.GetFillColor()
	return tr == fr && tg == fg && tb == fb
}

// raw appends an operator line to the current page.
func (d *doc) raw(b []byte) {
	d.opBuf = b
	d.rd.Reset(b)
	d.pdf.RawWriteBuf(&d.rd)
}

// appendUTF16 appends s (valid UTF-8 of the Basic Multilingual Plane) as
// big-endian UTF-16 escaped for a PDF literal string, as fpdf writes it.
func appendUTF16(b []byte, s string) []byte {
	for _, r := range s {
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	return b
}

func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// newFaces registers the document's fonts with fpdf.
func (d *doc) newFaces() error {
	a, err := faceAdvances(d.fs.Main)
	if err != nil {
		return err
	}
	d.main = face{family: famMain, adv: a}
	d.pdf.AddUTF8FontFromBytes(famMain, "", d.fs.Main.TTF)
	if d.fs.Latin != nil {
		a, err := faceAdvances(d.fs.Latin)
		if err != nil {
			return err
		}
		d.latin = &face{family: famLatin, adv: a}
		d.pdf.AddUTF8FontFromBytes(famLatin, "", d.fs.Latin.TTF)
	}
	if !d.meta.CJK {
		// Latin punctuation from a Latin face, not a Chinese one's wide glyphs
		d.punct = d.latin
		if lf := fonts.LatinFace(); d.punct == nil && lf != nil {
			a, err := faceAdvances(lf)
			if err != nil {
				return err
			}
			d.punct = &face{family: famLatin, adv: a}
			d.pdf.AddUTF8FontFromBytes(famLatin, "", lf.TTF)
		}
	}
	d.k = d.pdf.GetConversionRatio()
	_, d.h = d.pdf.GetPageSize()
	return nil
}
