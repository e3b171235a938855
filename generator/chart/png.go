package chart

import (
	"bytes"
	"fmt"
	"image"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"planpress/generator/fonts"
)

// OpenGraph is the layout of a chart's raster image: the image a shared
// link shows (og:image, 1200 × 630 px) and the chart's PNG download, with
// the legend and status drawn in.
var OpenGraph = Layout{W: 1200, H: 630, Font: 24, Legend: true}

// PNG draws the chart at l as a PNG image with go-chart's raster renderer,
// from the same definition as the SVG and the PDF.
func PNG(s Spec, fs *fonts.Set, l Layout) ([]byte, error) {
	c := buildLayout(s, fs, l)
	c.Background.FillColor, c.Background.StrokeColor = clear, clear
	c.Canvas.FillColor, c.Canvas.StrokeColor = clear, clear
	var img collector
	if err := c.Render(rasterOnWhite, &img); err != nil {
		return nil, fmt.Errorf("chart %s as PNG: %w", s.ID, err)
	}
	if img.RGBA == nil {
		return nil, fmt.Errorf("chart %s as PNG: the renderer gave no image", s.ID)
	}
	var b bytes.Buffer
	if err := encodePNG(&b, img.RGBA); err != nil {
		return nil, fmt.Errorf("chart %s as PNG: %w", s.ID, err)
	}
	return b.Bytes(), nil
}

// collector takes the raster renderer's image instead of its PNG encoding
// (gochart.RGBACollector), so that the encoding is ours.
type collector struct{ RGBA *image.RGBA }

// SetRGBA keeps the rendered image.
func (c *collector) SetRGBA(i *image.RGBA) { c.RGBA = i }

// Write refuses bytes: the renderer gives its image through SetRGBA.
func (c *collector) Write([]byte) (int, error) {
	return 0, fmt.Errorf("the raster renderer wrote bytes instead of giving its image")
}

// clear is the colour of the background and the canvas of a raster chart:
// invisible, so that the renderer paints neither (two full-image fills, a
// third of the drawing time); encodePNG puts the image on white.
var clear = drawing.Color{R: 255, G: 255, B: 255, A: 0}

// rasterOnWhite is go-chart's raster renderer that skips shapes with
// neither a visible fill nor a visible stroke. The path of a shape is held
// back until it is filled or stroked, so a skipped shape leaves no trace.
func rasterOnWhite(w, h int) (gochart.Renderer, error) {
	r, err := gochart.PNG(w, h)
	if err != nil {
		return nil, err
	}
	return &skipClear{Renderer: r}, nil
}

type skipClear struct {
	gochart.Renderer
	fill, stroke drawing.Color
	path         []func()
}

func (s *skipClear) SetFillColor(c drawing.Color)   { s.fill = c; s.Renderer.SetFillColor(c) }
func (s *skipClear) SetStrokeColor(c drawing.Color) { s.stroke = c; s.Renderer.SetStrokeColor(c) }
func (s *skipClear) ResetStyle() {
	s.fill, s.stroke = drawing.Color{}, drawing.Color{}
	s.Renderer.ResetStyle()
}
func (s *skipClear) MoveTo(x, y int) { s.path = append(s.path, func() { s.Renderer.MoveTo(x, y) }) }
func (s *skipClear) LineTo(x, y int) { s.path = append(s.path, func() { s.Renderer.LineTo(x, y) }) }
func (s *skipClear) QuadCurveTo(cx, cy, x, y int) {
	s.path = append(s.path, func() { s.Renderer.QuadCurveTo(cx, cy, x, y) })
}
func (s *skipClear) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	s.path = append(s.path, func() { s.Renderer.ArcTo(cx, cy, rx, ry, start, delta) })
}
func (s *skipClear) Close() { s.path = append(s.path, func() { s.Renderer.Close() }) }

// flush passes the held path on to the renderer.
func (s *skipClear) flush() {
	for _, f := range s.path {
		f()
	}
	s.path = s.path[:0]
}

func (s *skipClear) Stroke()                    { s.flush(); s.Renderer.Stroke() }
func (s *skipClear) Fill()                      { s.flush(); s.Renderer.Fill() }
func (s *skipClear) Text(t string, x, y int)    { s.flush(); s.Renderer.Text(t, x, y) }
func (s *skipClear) Circle(r float64, x, y int) { s.flush(); s.Renderer.Circle(r, x, y) }
func (s *skipClear) FillStroke() {
	if s.fill.A == 0 && s.stroke.A == 0 {
		s.path = s.path[:0]
		return
	}
	s.flush()
	s.Renderer.FillStroke()
}
