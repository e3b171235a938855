package chart

import (
	"bytes"
	"fmt"
	"io"
	"math"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"planpress/generator/fonts"
)

// TextWriter writes text on a PDF page with the document's fonts.
type TextWriter interface {
	// Text writes s with its baseline at (x, y) mm in a font of size pt.
	Text(x, y float64, s string, pt float64)
	// RotatedText writes s like Text, turned by deg degrees
	// counter-clockwise about (x, y).
	RotatedText(x, y float64, s string, pt, deg float64)
	// Width returns the width of s in mm at size pt.
	Width(s string, pt float64) float64
}

// DrawPDF draws the chart as vector graphics with real text into the box
// at (x, y) mm, w mm wide; it returns the height used. Text is drawn in
// the fill colour, through tw. The page is expected to have a solid dash
// pattern and butt line caps (fpdf's defaults), and is left so. fpdf's draw
// colour and line width are left as they were, its fill and text colours
// may be the chart's text colour, and the page's state is fpdf's at the
// end; fpdf's current position is unchanged.
func DrawPDF(pdf *fpdf.Fpdf, tw TextWriter, s Spec, fs *fonts.Set, x, y, w float64) (float64, error) {
	c := build(s, fs)
	scale := w / Width
	r := newPDFRenderer(pdf, tw, x, y, scale)
	// the chart's text is sized for the page, not scaled with the chart:
	// its labels (font size 11 in the chart) are PDFLabelPt on the page
	r.fit = 1
	r.fit = PDFLabelPt / r.ptOf(11)
	if err := c.Render(func(int, int) (gochart.Renderer, error) { return r, nil }, io.Discard); err != nil {
		return 0, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	r.finish()
	return Height * scale, nil
}

// rgb is a colour as fpdf takes it.
type rgb [3]int

func rgbOf(c drawing.Color) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// gstate is the part of the graphics state a chart changes, as on the
// page; a field is unknown while its has… flag is false.
type gstate struct {
	stroke, fill       rgb
	width              float64 // line width in pt, as written (2 decimals)
	dash               string  // dash operator operands, as written
	roundCap           bool    // line cap 1 (round) rather than 0 (butt)
	hasStroke, hasFill bool
	hasWidth, hasDash  bool
}

// pdfRenderer implements go-chart's Renderer on an fpdf page. Paths and
// graphics state are written straight to the page's content, each state
// change only when it changes, with the state set before the path.
type pdfRenderer struct {
	pdf        *fpdf.Fpdf
	tw         TextWriter
	x0, y0     float64
	scale, dpi float64
	k, pageH   float64 // fpdf's points per mm and page height in mm
	style      gochart.Style
	rotate     *float64
	started    bool
	fit        float64 // text size on the page over the chart's text size scaled

	gs     gstate
	out    []byte // operators not yet handed to fpdf
	path   []byte // the path being built
	rd     bytes.Reader
	dashes []byte // scratch for the dash operands
}

func newPDFRenderer(pdf *fpdf.Fpdf, tw TextWriter, x, y, scale float64) *pdfRenderer {
	r := &pdfRenderer{pdf: pdf, tw: tw, x0: x, y0: y, scale: scale, dpi: 96, k: pdf.GetConversionRatio()}
	_, r.pageH = pdf.GetPageSize()
	// fpdf wrote its colours and line width to the page
	dr, dg, db := pdf.GetDrawColor()
	fr, fg, fb := pdf.GetFillColor()
	r.gs = gstate{
		stroke: rgb{dr, dg, db}, fill: rgb{fr, fg, fb}, width: round2(pdf.GetLineWidth() * r.k),
		hasStroke: true, hasFill: true, hasWidth: true,
	}
	return r
}

// px converts chart pixels to page points, x and y.
func (r *pdfRenderer) px(x, y float64) (float64, float64) {
	return (r.x0 + x*r.scale) * r.k, (r.pageH - (r.y0 + y*r.scale)) * r.k
}

// X and Y convert chart pixels to page millimetres.
func (r *pdfRenderer) X(x int) float64 { return r.x0 + float64(x)*r.scale }
func (r *pdfRenderer) Y(y int) float64 { return r.y0 + float64(y)*r.scale }

func (r *pdfRenderer) ResetStyle()                    { r.style = gochart.Style{} }
func (r *pdfRenderer) GetDPI() float64                { return r.dpi }
func (r *pdfRenderer) SetDPI(d float64)               { r.dpi = d }
func (r *pdfRenderer) SetClassName(string)            {}
func (r *pdfRenderer) SetStrokeColor(c drawing.Color) { r.style.StrokeColor = c }
func (r *pdfRenderer) SetFillColor(c drawing.Color)   { r.style.FillColor = c }
func (r *pdfRenderer) SetStrokeWidth(w float64)       { r.style.StrokeWidth = w }
func (r *pdfRenderer) SetStrokeDashArray(d []float64) { r.style.StrokeDashArray = d }
func (r *pdfRenderer) SetFont(*truetype.Font)         {}
func (r *pdfRenderer) SetFontColor(c drawing.Color)   { r.style.FontColor = c }
func (r *pdfRenderer) SetFontSize(s float64)          { r.style.FontSize = s }
func (r *pdfRenderer) SetTextRotation(rad float64)    { r.rotate = &rad }
func (r *pdfRenderer) ClearTextRotation()             { r.rotate = nil }
func (r *pdfRenderer) Save(io.Writer) error           { return nil }

// point appends the page coordinates of chart point (x, y) and op to the path.
func (r *pdfRenderer) point(x, y float64, op string) {
	px, py := r.px(x, y)
	r.path = appendFixed(r.path, px, 2)
	r.path = append(r.path, ' ')
	r.path = appendFixed(r.path, py, 2)
	r.path = append(r.path, op...)
}

func (r *pdfRenderer) MoveTo(x, y int) {
	r.point(float64(x), float64(y), " m\n")
	r.started = true
}

func (r *pdfRenderer) LineTo(x, y int) { r.point(float64(x), float64(y), " l\n") }

// QuadCurveTo draws to (x, y) with the current point as the first control
// point and (cx, cy) as the second, as fpdf's CurveTo does.
func (r *pdfRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.point(float64(cx), float64(cy), " ")
	r.point(float64(x), float64(y), " v\n")
}

func (r *pdfRenderer) Close() { r.path = append(r.path, "h\n"...) }

func (r *pdfRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	const steps = 24
	for i := 0; i <= steps; i++ {
		a := start + delta*float64(i)/steps
		px := float64(cx) + rx*math.Cos(a)
		py := float64(cy) + ry*math.Sin(a)
		if i == 0 && !r.started {
			r.point(px, py, " m\n")
			r.started = true
		} else {
			r.point(px, py, " l\n")
		}
	}
}

// apply writes the fill and stroke state wanted and given by the style
// where it differs from the page's, and reports which it set.
func (r *pdfRenderer) apply(wantFill, wantStroke bool) (fill, stroke bool) {
	if c := r.style.FillColor; wantFill && !c.IsZero() && c.A > 0 {
		r.setFill(rgbOf(c))
		fill = true
	}
	if c := r.style.StrokeColor; wantStroke && !c.IsZero() && c.A > 0 && r.style.StrokeWidth > 0 {
		r.setStroke(rgbOf(c))
		r.setWidth(r.style.StrokeWidth * r.scale * r.k)
		r.setDash(r.style.StrokeDashArray)
		r.setRoundCap(false)
		stroke = true
	}
	return
}

// setRoundCap sets the line cap: round for dots, else butt (fpdf's).
func (r *pdfRenderer) setRoundCap(round bool) {
	if r.gs.roundCap == round {
		return
	}
	if round {
		r.out = append(r.out, "1 J\n"...)
	} else {
		r.out = append(r.out, "0 J\n"...)
	}
	r.gs.roundCap = round
}

func (r *pdfRenderer) setFill(c rgb) {
	if !r.gs.hasFill || r.gs.fill != c {
		r.out = appendColor(r.out, c, "g\n", "rg\n")
		r.gs.fill, r.gs.hasFill = c, true
	}
}

func (r *pdfRenderer) setStroke(c rgb) {
	if !r.gs.hasStroke || r.gs.stroke != c {
		r.out = appendColor(r.out, c, "G\n", "RG\n")
		r.gs.stroke, r.gs.hasStroke = c, true
	}
}

// setWidth sets the line width, w in pt.
func (r *pdfRenderer) setWidth(w float64) {
	w = round2(w)
	if !r.gs.hasWidth || r.gs.width != w {
		r.out = appendFixed(r.out, w, 2)
		r.out = append(r.out, " w\n"...)
		r.gs.width, r.gs.hasWidth = w, true
	}
}

// setDash sets the dash pattern, given in chart pixels.
func (r *pdfRenderer) setDash(dash []float64) {
	b := append(r.dashes[:0], '[')
	for i, d := range dash {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendFixed(b, d*r.scale*r.k, 2)
	}
	b = append(b, "] 0 d\n"...)
	r.dashes = b
	if !r.gs.hasDash || r.gs.dash != string(b) {
		r.out = append(r.out, b...)
		r.gs.dash, r.gs.hasDash = string(b), true
	}
}

// paint writes the state, then the path, then the painting operator.
func (r *pdfRenderer) paint(fill, stroke bool) {
	switch {
	case fill && stroke:
		r.out = append(append(r.out, r.path...), "B\n"...)
	case fill:
		r.out = append(append(r.out, r.path...), "f\n"...)
	case stroke:
		r.out = append(append(r.out, r.path...), "S\n"...)
	}
	r.path = r.path[:0]
}

func (r *pdfRenderer) draw(wantFill, wantStroke bool) {
	if !r.started {
		r.path = r.path[:0]
		return
	}
	r.paint(r.apply(wantFill, wantStroke))
	r.started = false
}

func (r *pdfRenderer) Stroke()     { r.draw(false, true) }
func (r *pdfRenderer) Fill()       { r.draw(true, false) }
func (r *pdfRenderer) FillStroke() { r.draw(true, true) }

// kappa places the control points of a quarter circle drawn as one cubic
// Bézier curve.
const kappa = 0.5522847498307936

// Circle draws a circle, filled and stroked as the style asks; the path
// being built is kept. A circle filled and outlined in one colour is a
// disc: it is drawn as a line of no length with round caps, as wide as
// the circle with its outline (PDF 32000-1, 8.5.3.2).
func (r *pdfRenderer) Circle(radius float64, x, y int) {
	st := r.style
	fillC, strokeC := st.FillColor, st.StrokeColor
	fillOK := !fillC.IsZero() && fillC.A > 0
	strokeOK := !strokeC.IsZero() && strokeC.A > 0 && st.StrokeWidth > 0
	cx, cy := r.px(float64(x), float64(y))
	switch {
	case fillOK && (!strokeOK || strokeC == fillC):
		d := 2 * radius * r.scale * r.k
		if strokeOK {
			d += st.StrokeWidth * r.scale * r.k
		}
		r.setStroke(rgbOf(fillC))
		r.setWidth(d)
		r.setDash(nil)
		r.setRoundCap(true)
		r.out = appendFixed(r.out, cx, 2)
		r.out = append(r.out, ' ')
		r.out = appendFixed(r.out, cy, 2)
		r.out = append(r.out, " m\n"...)
		r.out = appendFixed(r.out, cx, 2)
		r.out = append(r.out, ' ')
		r.out = appendFixed(r.out, cy, 2)
		r.out = append(r.out, " l S\n"...)
	case fillOK || strokeOK:
		fill, stroke := r.apply(true, true)
		r.out = appendCircle(r.out, cx, cy, radius*r.scale*r.k)
		switch {
		case fill && stroke:
			r.out = append(r.out, "B\n"...)
		case fill:
			r.out = append(r.out, "f\n"...)
		default:
			r.out = append(r.out, "S\n"...)
		}
	}
}

// appendCircle appends a closed circle path of four Bézier curves about
// (cx, cy), radius rad, in points.
func appendCircle(b []byte, cx, cy, rad float64) []byte {
	c := kappa * rad
	pts := [13][2]float64{
		{cx + rad, cy},
		{cx + rad, cy + c}, {cx + c, cy + rad}, {cx, cy + rad},
		{cx - c, cy + rad}, {cx - rad, cy + c}, {cx - rad, cy},
		{cx - rad, cy - c}, {cx - c, cy - rad}, {cx, cy - rad},
		{cx + c, cy - rad}, {cx + rad, cy - c}, {cx + rad, cy},
	}
	for i, p := range pts {
		b = appendFixed(b, p[0], 2)
		b = append(b, ' ')
		b = appendFixed(b, p[1], 2)
		switch {
		case i == 0:
			b = append(b, " m\n"...)
		case i%3 == 0:
			b = append(b, " c\n"...)
		default:
			b = append(b, ' ')
		}
	}
	return append(b, "h\n"...)
}

// flush hands the operators written so far to fpdf.
func (r *pdfRenderer) flush() {
	if len(r.out) == 0 {
		return
	}
	r.rd.Reset(bytes.TrimSuffix(r.out, []byte("\n")))
	r.pdf.RawWriteBuf(&r.rd)
	r.out = r.out[:0]
}

// finish restores fpdf's draw colour, fill colour and line width and a
// solid dash pattern where the chart changed them.
func (r *pdfRenderer) finish() {
	dr, dg, db := r.pdf.GetDrawColor()
	fr, fg, fb := r.pdf.GetFillColor()
	r.setStroke(rgb{dr, dg, db})
	r.setFill(rgb{fr, fg, fb})
	r.setWidth(r.pdf.GetLineWidth() * r.k)
	if r.gs.hasDash {
		r.setDash(nil)
	}
	r.setRoundCap(false)
	r.flush()
}

// PDFLabelPt is the size in pt of a chart's labels (axis ticks, values)
// in a PDF, to match the body text (9–10.5 pt) around it; the legend and
// the status are a little smaller, in proportion.
const PDFLabelPt = 8.5

// pt returns the PDF font size for the current go-chart font size.
func (r *pdfRenderer) pt() float64 { return r.ptOf(r.style.FontSize) }

// ptOf returns the PDF font size for go-chart font size size.
func (r *pdfRenderer) ptOf(size float64) float64 {
	px := drawing.PointsToPixels(r.dpi, size)
	return px * r.scale / 25.4 * 72 * r.fit
}

// Text draws text in the font colour, made the fill colour (with fpdf,
// so that fpdf writes the text without a graphics state of its own).
func (r *pdfRenderer) Text(body string, x, y int) {
	c := r.style.FontColor
	if c.IsZero() {
		c = colText
	}
	col := rgbOf(c)
	fr, fg, fb := r.pdf.GetFillColor()
	tr, tg, tb := r.pdf.GetTextColor()
	if !r.gs.hasFill || r.gs.fill != col || (rgb{fr, fg, fb}) != col || (rgb{tr, tg, tb}) != col {
		r.flush()
		r.pdf.SetFillColor(col[0], col[1], col[2])
		r.pdf.SetTextColor(col[0], col[1], col[2])
		r.gs.fill, r.gs.hasFill = col, true
	}
	r.flush()
	if r.rotate != nil {
		r.tw.RotatedText(r.X(x), r.Y(y), body, r.pt(), -*r.rotate*180/math.Pi)
		return
	}
	r.tw.Text(r.X(x), r.Y(y), body, r.pt())
}

func (r *pdfRenderer) MeasureText(body string) gochart.Box {
	w := r.tw.Width(body, r.pt()) / r.scale
	box := gochart.Box{Right: int(math.Ceil(w)), Bottom: int(drawing.PointsToPixels(r.dpi, r.style.FontSize) * r.fit)}
	if r.rotate != nil {
		box = box.Corners().Rotate(*r.rotate * 180 / math.Pi).Box()
	}
	return box
}

// appendColor appends the operator setting colour c: gray when the three
// components are equal, as fpdf writes it.
func appendColor(b []byte, c rgb, gray, full string) []byte {
	if c[0] == c[1] && c[1] == c[2] {
		b = appendFixed(b, float64(c[0])/255, 3)
		return append(append(b, ' '), gray...)
	}
	for _, v := range c {
		b = appendFixed(b, float64(v)/255, 3)
		b = append(b, ' ')
	}
	return append(b, full...)
}

var pow10 = [...]float64{1, 10, 100, 1000}

// appendFixed appends v with prec (at most 3) decimals.
func appendFixed(b []byte, v float64, prec int) []byte {
	n := math.Round(v * pow10[prec])
	if !(math.Abs(n) < 1e15) {
		return append(b, '0')
	}
	i := int64(n)
	if i < 0 {
		b = append(b, '-')
		i = -i
	}
	var buf [24]byte
	d := len(buf)
	for k := 0; k < prec; k++ {
		d--
		buf[d] = byte('0' + i%10)
		i /= 10
	}
	if prec > 0 {
		d--
		buf[d] = '.'
	}
	for {
		d--
		buf[d] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return append(b, buf[d:]...)
}

// round2 rounds to 2 decimals, as the width is written.
func round2(v float64) float64 { return math.Round(v*100) / 100 }
