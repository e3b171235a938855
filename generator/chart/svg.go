package chart

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"

	"planpress/generator/fonts"
)

// Screen is the layout of charts on pages: 360 units wide with 16-unit
// text, shown at most 360 CSS px wide (site.css), so that its text reads
// between about 12.8 px (on a 320 px phone) and 16 px; the legend and the
// status are text beside it.
var Screen = Layout{W: 360, H: 250, Font: 12, Legend: false}

// SVG renders the chart as printed (Print) as an SVG element with
// role="img", a title and a description.
func SVG(s Spec, fs *fonts.Set) ([]byte, error) { return SVGLayout(s, fs, Print, nil) }

// SVGLayout renders the chart drawn at l as an inline SVG element with
// role="img", a title and a description. Every text is escaped and styles
// are presentation attributes, so the page needs no inline style under its
// CSP. tips, one per observed point, are the points' value and source:
// each point gets a mark (class "pt", data-tip) that the page's script
// makes a focusable button; without the script the values table says it.
func SVGLayout(s Spec, fs *fonts.Set, l Layout, tips []string) ([]byte, error) {
	c := buildLayout(s, fs, l)
	var body bytes.Buffer
	r := &svgRenderer{dpi: 96, font: fs.Main.TrueType()}
	if err := c.Render(func(w, h int) (gochart.Renderer, error) { r.w, r.h = w, h; return r, nil }, &body); err != nil {
		return nil, fmt.Errorf("chart %s: %w", s.ID, err)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d" class="chart" font-family="sans-serif">`, r.w, r.h, s.ID, s.ID)
	fmt.Fprintf(&out, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, s.ID, html.EscapeString(s.Title), s.ID, html.EscapeString(s.Desc))
	out.Write(body.Bytes())
	if len(tips) == len(s.Observed) && len(r.dots) == len(s.Observed) {
		out.WriteString(`<g class="pts" aria-hidden="true">`)
		for i, d := range r.dots {
			fmt.Fprintf(&out, `<circle class="pt" cx="%d" cy="%d" r="10" fill="#ffffff" fill-opacity="0" data-tip="%s"><title>%s</title></circle>`, d[0], d[1], html.EscapeString(tips[i]), html.EscapeString(tips[i]))
		}
		out.WriteString(`</g>`)
	}
	out.WriteString("</svg>")
	return out.Bytes(), nil
}

type faceKey struct {
	font      *truetype.Font
	dpi, size float64
}

var (
	facesMu sync.Mutex
	faces   = map[faceKey]font.Face{}
)

// measureString returns the width of s in pixels. Faces are made once per
// font, DPI and size; a truetype face caches glyphs and is not safe for
// concurrent use, so measuring holds the lock.
func measureString(f *truetype.Font, dpi, size float64, s string) int {
	k := faceKey{f, dpi, size}
	facesMu.Lock()
	defer facesMu.Unlock()
	fc, ok := faces[k]
	if !ok {
		fc = truetype.NewFace(f, &truetype.Options{DPI: dpi, Size: size})
		faces[k] = fc
	}
	return font.MeasureString(fc, s).Ceil()
}

// svgRenderer implements go-chart's Renderer, writing SVG elements.
type svgRenderer struct {
	b      bytes.Buffer
	w, h   int
	dpi    float64
	font   *truetype.Font
	style  gochart.Style
	path   strings.Builder
	rotate *float64
	dots   [][2]int // the observed points' dots, in drawing order
}

func (r *svgRenderer) ResetStyle()                    { r.style = gochart.Style{}; r.path.Reset() }
func (r *svgRenderer) GetDPI() float64                { return r.dpi }
func (r *svgRenderer) SetDPI(d float64)               { r.dpi = d }
func (r *svgRenderer) SetClassName(string)            {}
func (r *svgRenderer) SetStrokeColor(c drawing.Color) { r.style.StrokeColor = c }
func (r *svgRenderer) SetFillColor(c drawing.Color)   { r.style.FillColor = c }
func (r *svgRenderer) SetStrokeWidth(w float64)       { r.style.StrokeWidth = w }
func (r *svgRenderer) SetStrokeDashArray(d []float64) { r.style.StrokeDashArray = d }
func (r *svgRenderer) SetFont(f *truetype.Font)       { r.font = f }
func (r *svgRenderer) SetFontColor(c drawing.Color)   { r.style.FontColor = c }
func (r *svgRenderer) SetFontSize(s float64)          { r.style.FontSize = s }
func (r *svgRenderer) SetTextRotation(rad float64)    { r.rotate = &rad }
func (r *svgRenderer) ClearTextRotation()             { r.rotate = nil }
func (r *svgRenderer) MoveTo(x, y int)                { fmt.Fprintf(&r.path, "M%d %d", x, y) }
func (r *svgRenderer) LineTo(x, y int)                { fmt.Fprintf(&r.path, "L%d %d", x, y) }
func (r *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	fmt.Fprintf(&r.path, "Q%d %d %d %d", cx, cy, x, y)
}
func (r *svgRenderer) Close()                 { r.path.WriteString("Z") }
func (r *svgRenderer) Stroke()                { r.emitPath(false, true) }
func (r *svgRenderer) Fill()                  { r.emitPath(true, false) }
func (r *svgRenderer) FillStroke()            { r.emitPath(true, true) }
func (r *svgRenderer) Save(w io.Writer) error { _, err := w.Write(r.b.Bytes()); return err }

func (r *svgRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	sx := float64(cx) + rx*math.Cos(start)
	sy := float64(cy) + ry*math.Sin(start)
	ex := float64(cx) + rx*math.Cos(start+delta)
	ey := float64(cy) + ry*math.Sin(start+delta)
	large := 0
	if math.Abs(delta) > math.Pi {
		large = 1
	}
	sweep := 0
	if delta > 0 {
		sweep = 1
	}
	if r.path.Len() == 0 {
		fmt.Fprintf(&r.path, "M%.1f %.1f", sx, sy)
	} else {
		fmt.Fprintf(&r.path, "L%.1f %.1f", sx, sy)
	}
	fmt.Fprintf(&r.path, "A%.1f %.1f 0 %d %d %.1f %.1f", rx, ry, large, sweep, ex, ey)
}

func (r *svgRenderer) Circle(radius float64, x, y int) {
	if r.style.FillColor == colObserved {
		r.dots = append(r.dots, [2]int{x, y})
	}
	fmt.Fprintf(&r.b, `<circle cx="%d" cy="%d" r="%.1f"%s/>`, x, y, radius, r.attrs(true, true))
}

func (r *svgRenderer) emitPath(fill, stroke bool) {
	if r.path.Len() == 0 {
		return
	}
	fmt.Fprintf(&r.b, `<path d="%s"%s/>`, r.path.String(), r.attrs(fill, stroke))
	r.path.Reset()
}

// attrs returns presentation attributes for the current style.
func (r *svgRenderer) attrs(fill, stroke bool) string {
	var a strings.Builder
	if fill && !r.style.FillColor.IsZero() {
		a.WriteString(color("fill", r.style.FillColor))
	} else {
		a.WriteString(` fill="none"`)
	}
	if stroke && !r.style.StrokeColor.IsZero() && r.style.StrokeWidth > 0 {
		a.WriteString(color("stroke", r.style.StrokeColor))
		fmt.Fprintf(&a, ` stroke-width="%g"`, r.style.StrokeWidth)
		if len(r.style.StrokeDashArray) > 0 {
			parts := make([]string, len(r.style.StrokeDashArray))
			for i, v := range r.style.StrokeDashArray {
				parts[i] = fmt.Sprintf("%g", v)
			}
			fmt.Fprintf(&a, ` stroke-dasharray="%s"`, strings.Join(parts, " "))
		}
	}
	return a.String()
}

func color(attr string, c drawing.Color) string {
	s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
	if c.A < 255 {
		s += fmt.Sprintf(` %s-opacity="%.2f"`, attr, float64(c.A)/255)
	}
	return s
}

func (r *svgRenderer) Text(body string, x, y int) {
	size := drawing.PointsToPixels(r.dpi, r.style.FontSize)
	fill := r.style.FontColor
	if fill.IsZero() {
		fill = colText
	}
	rot := ""
	if r.rotate != nil {
		rot = fmt.Sprintf(` transform="rotate(%.2f,%d,%d)"`, *r.rotate*180/math.Pi, x, y)
	}
	fmt.Fprintf(&r.b, `<text x="%d" y="%d" font-size="%.1f"%s%s>%s</text>`, x, y, size, color("fill", fill), rot, html.EscapeString(body))
}

func (r *svgRenderer) MeasureText(body string) gochart.Box {
	if r.font == nil {
		return gochart.Box{}
	}
	w := measureString(r.font, r.dpi, r.style.FontSize, body)
	box := gochart.Box{Right: w, Bottom: int(drawing.PointsToPixels(r.dpi, r.style.FontSize))}
	if r.rotate != nil {
		box = box.Corners().Rotate(*r.rotate * 180 / math.Pi).Box()
	}
	return box
}
