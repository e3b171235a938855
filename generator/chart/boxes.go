package chart

import (
	"fmt"
	"io"

	gochart "github.com/wcharczuk/go-chart/v2"

	"planpress/generator/fonts"
)

// TextBox is where a text of a chart is drawn, in px of the chart's box
// (0..Width, 0..Height): its left, top, right and bottom edges as the
// chart's own measurement (the SVG renderer's) gives them.
type TextBox struct {
	Text                     string
	Left, Top, Right, Bottom int
}

// Inside reports whether the box lies within the chart's box.
func (b TextBox) Inside() bool {
	return b.Left >= 0 && b.Top >= 0 && b.Right <= Width && b.Bottom <= Height
}

// boxRecorder is the SVG renderer that also records where each text goes.
type boxRecorder struct {
	*svgRenderer
	boxes []TextBox
}

func (r *boxRecorder) Text(body string, x, y int) {
	m := r.MeasureText(body)
	// y is the baseline: the text rises a font size above it and its
	// descenders go about a quarter of that below
	b := TextBox{Text: body, Left: x + m.Left, Right: x + m.Right, Top: y - m.Height(), Bottom: y + m.Height()/4}
	if r.rotate != nil {
		b = TextBox{Text: body, Left: x + m.Left, Right: x + m.Right, Top: y + m.Top, Bottom: y + m.Bottom}
	}
	r.boxes = append(r.boxes, b)
	r.svgRenderer.Text(body, x, y)
}

// TextBoxes renders s and returns the box of every text it draws (tick
// labels, the value label, unit, status and legend).
func TextBoxes(s Spec, fs *fonts.Set) ([]TextBox, error) {
	c := build(s, fs)
	r := &boxRecorder{svgRenderer: &svgRenderer{dpi: 96, font: fs.Main.TrueType()}}
	if err := c.Render(func(w, h int) (gochart.Renderer, error) { r.w, r.h = w, h; return r, nil }, io.Discard); err != nil {
		return nil, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	return r.boxes, nil
}
