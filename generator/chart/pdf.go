package chart

import (
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
	// Width returns the width of s in mm at size pt.
	Width(s string, pt float64) float64
}

// DrawPDF draws the chart as vector graphics with real text into the box
// at (x, y) mm, w mm wide; it returns the height used.
func DrawPDF(pdf *fpdf.Fpdf, tw TextWriter, s Spec, fs *fonts.Set, x, y, w float64) (float64, error) {
	c := build(s, fs)
	scale := w / Width
	r := &pdfRenderer{pdf: pdf, tw: tw, x0: x, y0: y, scale: scale, dpi: 96}
	if err := c.Render(func(int, int) (gochart.Renderer, error) { return r, nil }, io.Discard); err != nil {
		return 0, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	return Height * scale, nil
}

// pdfRenderer implements go-chart's Renderer on an fpdf page.
type pdfRenderer struct {
	pdf        *fpdf.Fpdf
	tw         TextWriter
	x0, y0     float64
	scale, dpi float64
	style      gochart.Style
	rotate     *float64
	started    bool
}

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

func (r *pdfRenderer) MoveTo(x, y int) { r.pdf.MoveTo(r.X(x), r.Y(y)); r.started = true }
func (r *pdfRenderer) LineTo(x, y int) { r.pdf.LineTo(r.X(x), r.Y(y)) }
func (r *pdfRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.pdf.CurveTo(r.X(cx), r.Y(cy), r.X(x), r.Y(y))
}
func (r *pdfRenderer) Close() { r.pdf.ClosePath() }

func (r *pdfRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	const steps = 24
	for i := 0; i <= steps; i++ {
		a := start + delta*float64(i)/steps
		px := r.x0 + (float64(cx)+rx*math.Cos(a))*r.scale
		py := r.y0 + (float64(cy)+ry*math.Sin(a))*r.scale
		if i == 0 && !r.started {
			r.pdf.MoveTo(px, py)
			r.started = true
		} else {
			r.pdf.LineTo(px, py)
		}
	}
}

func (r *pdfRenderer) apply() (fill, stroke bool) {
	if c := r.style.FillColor; !c.IsZero() && c.A > 0 {
		r.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
		fill = true
	}
	if c := r.style.StrokeColor; !c.IsZero() && c.A > 0 && r.style.StrokeWidth > 0 {
		r.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
		r.pdf.SetLineWidth(r.style.StrokeWidth * r.scale)
		dash := make([]float64, len(r.style.StrokeDashArray))
		for i, d := range r.style.StrokeDashArray {
			dash[i] = d * r.scale
		}
		r.pdf.SetDashPattern(dash, 0)
		stroke = true
	}
	return
}

func (r *pdfRenderer) draw(wantFill, wantStroke bool) {
	if !r.started {
		return
	}
	fill, stroke := r.apply()
	fill, stroke = fill && wantFill, stroke && wantStroke
	switch {
	case fill && stroke:
		r.pdf.DrawPath("B")
	case fill:
		r.pdf.DrawPath("f")
	case stroke:
		r.pdf.DrawPath("S")
	default:
		r.pdf.DrawPath("n")
	}
	r.pdf.SetDashPattern(nil, 0)
	r.started = false
}

func (r *pdfRenderer) Stroke()     { r.draw(false, true) }
func (r *pdfRenderer) Fill()       { r.draw(true, false) }
func (r *pdfRenderer) FillStroke() { r.draw(true, true) }

func (r *pdfRenderer) Circle(radius float64, x, y int) {
	fill, stroke := r.apply()
	style := ""
	if fill {
		style += "F"
	}
	if stroke {
		style += "D"
	}
	if style != "" {
		r.pdf.Circle(r.X(x), r.Y(y), radius*r.scale, style)
	}
	r.pdf.SetDashPattern(nil, 0)
}

// pt returns the PDF font size for the current go-chart font size.
func (r *pdfRenderer) pt() float64 {
	px := drawing.PointsToPixels(r.dpi, r.style.FontSize)
	return px * r.scale / 25.4 * 72
}

func (r *pdfRenderer) Text(body string, x, y int) {
	c := r.style.FontColor
	if c.IsZero() {
		c = colText
	}
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	if r.rotate != nil {
		r.pdf.TransformBegin()
		r.pdf.TransformRotate(-*r.rotate*180/math.Pi, r.X(x), r.Y(y))
	}
	r.tw.Text(r.X(x), r.Y(y), body, r.pt())
	if r.rotate != nil {
		r.pdf.TransformEnd()
	}
	r.pdf.SetTextColor(0, 0, 0)
}

func (r *pdfRenderer) MeasureText(body string) gochart.Box {
	w := r.tw.Width(body, r.pt()) / r.scale
	box := gochart.Box{Right: int(math.Ceil(w)), Bottom: int(drawing.PointsToPixels(r.dpi, r.style.FontSize))}
	if r.rotate != nil {
		box = box.Corners().Rotate(*r.rotate * 180 / math.Pi).Box()
	}
	return box
}
