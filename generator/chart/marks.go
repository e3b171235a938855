package chart

import (
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"planpress/generator/fonts"
)

// legendRowH is the height of a row of the legend, in px.
const legendRowH = 16

// markR is the radius of an open marker, arrowLen the length of a bound's
// arrow, in px.
const (
	markR    = 4.5
	arrowLen = 18
)

// legendEntry is a key of the legend: a sample and its label.
type legendEntry struct {
	label string
	col   drawing.Color
	dash  []float64
	dot   bool // a filled dot
	open  int  // an open marker: 1 plain, 2 with an arrow up
}

// entries are the legend's keys for s: the open markers only when a
// point is so drawn.
func entries(s Spec) []legendEntry {
	es := []legendEntry{{label: s.Labels.Observed, col: colObserved, dot: true}}
	var bound, prov bool
	for _, p := range s.Observed {
		bound = bound || p.Bound != 0
		prov = prov || (p.Provisional && p.Bound == 0)
	}
	if prov && s.Labels.Provisional != "" {
		es = append(es, legendEntry{label: s.Labels.Provisional, col: colObserved, open: 1})
	}
	if bound && s.Labels.Bound != "" {
		es = append(es, legendEntry{label: s.Labels.Bound, col: colObserved, open: 2})
	}
	if s.Target != nil {
		es = append(es, legendEntry{label: s.Labels.Target, col: colTarget, dash: []float64{8, 4}})
	}
	if s.Baseline != nil && s.Target != nil {
		es = append(es, legendEntry{label: s.Labels.Path, col: colPath, dash: []float64{2, 4}})
	}
	return es
}

// legendRows wraps the legend's keys into rows that fit the chart's width,
// measured with the chart font as the renderers measure it.
func legendRows(s Spec, fs *fonts.Set) [][]legendEntry {
	font := fs.Main.TrueType()
	var rows [][]legendEntry
	x := 0.0
	for _, e := range entries(s) {
		w := 27 + float64(measureString(font, 96, 11, e.label)) + 16
		if len(rows) == 0 || x+w-16 > Width-16 {
			rows = append(rows, nil)
			x = 8
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		x += w
	}
	return rows
}

// legend draws the unit and the status above the plot and the key below
// it, wrapped into rows.
func legend(s Spec, fs *fonts.Set) gochart.Renderable {
	rows := legendRows(s, fs)
	return func(r gochart.Renderer, box gochart.Box, _ gochart.Style) {
		r.ResetStyle()
		r.SetFontColor(colText)
		r.SetFontSize(11)
		r.Text(s.Unit, 8, 16)
		if s.Status != "" {
			w := r.MeasureText(s.Status).Width()
			r.Text(s.Status, Width-20-w, 16)
		}
		for i, row := range rows {
			x := 8
			y := Height - 14 - legendRowH*(len(rows)-1-i)
			for _, e := range row {
				switch {
				case e.open > 0:
					openMarker(r, e.col, x+8, y-4)
					if e.open == 2 {
						arrow(r, e.col, x+19, y+1, 1, 12)
					}
				default:
					r.ResetStyle()
					r.SetStrokeColor(e.col)
					r.SetStrokeWidth(2)
					r.SetStrokeDashArray(e.dash)
					r.MoveTo(x, y-4)
					r.LineTo(x+22, y-4)
					r.Stroke()
					if e.dot {
						r.ResetStyle()
						r.SetFillColor(e.col)
						r.SetStrokeColor(e.col)
						r.Circle(4, x+11, y-4)
						r.FillStroke()
					}
				}
				r.ResetStyle()
				r.SetFontColor(colText)
				r.SetFontSize(11)
				r.Text(e.label, x+27, y)
				x += 27 + r.MeasureText(e.label).Width() + 16
			}
		}
	}
}

// openMarker draws a white circle with a coloured ring at (x, y).
func openMarker(r gochart.Renderer, col drawing.Color, x, y int) {
	r.ResetStyle()
	r.SetFillColor(drawing.ColorWhite)
	r.SetStrokeColor(col)
	r.SetStrokeWidth(2)
	r.Circle(markR, x, y)
	r.FillStroke()
}

// arrow draws an arrow of length n px from (x, y), up when dir > 0 and
// down when dir < 0 (n 0: arrowLen).
func arrow(r gochart.Renderer, col drawing.Color, x, y, dir, n int) {
	if n == 0 {
		n = arrowLen
	}
	tip := y - dir*n
	r.ResetStyle()
	r.SetStrokeColor(col)
	r.SetStrokeWidth(1.5)
	r.MoveTo(x, y)
	r.LineTo(x, tip+dir*4)
	r.Stroke()
	r.ResetStyle()
	r.SetFillColor(col)
	r.SetStrokeColor(col)
	r.SetStrokeWidth(1)
	r.MoveTo(x-4, tip+dir*5)
	r.LineTo(x+4, tip+dir*5)
	r.LineTo(x, tip)
	r.Close()
	r.FillStroke()
}

// marks draws the observed points that are bounds or provisional over the
// series' dots: an open marker, and for a bound an arrow in its direction
// (shortened so that it stays inside the plot).
func marks(s Spec, ymin, ymax float64) gochart.Renderable {
	return func(r gochart.Renderer, box gochart.Box, _ gochart.Style) {
		xmin, xmax := float64(s.FromYear)-0.3, float64(s.ToYear)+0.3
		for _, p := range s.Observed {
			if p.Bound == 0 && !p.Provisional {
				continue
			}
			x := box.Left + int(float64(box.Width())*(float64(p.Year)-xmin)/(xmax-xmin))
			y := box.Bottom - int(float64(box.Height())*(p.Value-ymin)/(ymax-ymin))
			if p.Bound != 0 {
				from := y - p.Bound*6 // from the marker's edge
				room := from - box.Top
				if p.Bound < 0 {
					room = box.Bottom - from
				}
				if n := min(arrowLen, room); n >= 8 {
					arrow(r, colObserved, x, from, p.Bound, n)
				}
			}
			openMarker(r, colObserved, x, y)
		}
	}
}
