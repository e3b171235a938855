// Package chart defines the indicator charts once and draws them two ways:
// as accessible inline SVG for the site and as vector graphics with real
// text on a PDF page.
package chart

import (
	"fmt"
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"planpress/generator/fonts"
	"planpress/generator/numfmt"
)

// Point is a year and a value.
type Point struct {
	Year  int
	Value float64
	// Bound is +1 for a figure known only as a lower bound ("more than X",
	// "at least X"), −1 for an upper bound ("less than", "at most"), 0 for a
	// figure: a bound is drawn as an open marker with an arrow its way.
	Bound int
	// Provisional marks a preliminary figure or one that is not a year-end
	// figure: drawn as an open marker.
	Provisional bool
}

// Spec is what a chart shows: the observed values, the baseline and the
// target, and the words around them in one language.
type Spec struct {
	ID       string // unique within a page, used for aria ids
	Title    string
	Desc     string // a sentence: trend, latest value, target, status
	Unit     string
	Decimals int
	Observed []Point // in year order; missing years are absent
	Baseline *Point
	Target   *Point
	FromYear int
	ToYear   int
	Labels   Labels
	Status   string // the status as words, shown at the top right
}

// Labels are the legend texts in the chart's language.
type Labels struct {
	Observed, Target, Path string
	// Bound and Provisional name the open markers in the legend (shown
	// only when a point is so marked).
	Bound, Provisional string
}

// Size of charts, in px.
const (
	Width  = 480
	Height = 320
)

var (
	colObserved = drawing.Color{R: 0x1f, G: 0x4e, B: 0x79, A: 255}
	colTarget   = drawing.Color{R: 0xb0, G: 0x3a, B: 0x2e, A: 255}
	colPath     = drawing.Color{R: 0x6b, G: 0x6b, B: 0x6b, A: 255}
	colText     = drawing.Color{R: 0x22, G: 0x22, B: 0x22, A: 255}
	colGrid     = drawing.Color{R: 0xdd, G: 0xdd, B: 0xdd, A: 255}
)

// format renders v with d decimals as the text does: a real minus sign
// (U+2212) and thousands separators.
func format(v float64, d int) string { return numfmt.Format(v, d, "") }

// Layout is the size of a drawing of a chart: its canvas in px, its text
// size in points (at 96 DPI) and whether the legend and status are drawn
// in it (a page draws them as text beside the chart instead).
type Layout struct {
	W, H   int
	Font   float64
	Legend bool
}

// Print is the layout of the PDFs: the chart's original size with its key.
var Print = Layout{W: Width, H: Height, Font: 11, Legend: true}

// build returns the go-chart definition of s as printed.
func build(s Spec, fs *fonts.Set) gochart.Chart { return buildLayout(s, fs, Print) }

// buildLayout returns the go-chart definition of s drawn at l.
func buildLayout(s Spec, fs *fonts.Set, l Layout) gochart.Chart {
	font := fs.Main.TrueType()
	lo, hi := 0.0, 0.0
	first := true
	see := func(v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return // never drawn; the data checks refuse such values
		}
		if first {
			lo, hi, first = v, v, false
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for _, p := range s.Observed {
		see(p.Value)
	}
	if s.Target != nil {
		see(s.Target.Value)
	}
	if s.Baseline != nil {
		see(s.Baseline.Value)
	}
	// the value axis always includes zero: bars and lines are not exaggerated
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi == lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / 5)
	ymin := math.Floor(lo/step) * step
	ymax := math.Ceil(hi*1.08/step) * step
	if lo < 0 {
		ymin = math.Floor(lo*1.08/step) * step
	}
	ymin, ymax, step, n := axis(ymin, ymax, step)
	var yticks []gochart.Tick
	dec := s.Decimals
	if step >= 1 && dec > 0 && step == math.Trunc(step) {
		dec = 0
	}
	for k := 0; k <= n; k++ {
		v := ymin + float64(k)*step
		yticks = append(yticks, gochart.Tick{Value: v, Label: format(v, dec)})
	}
	var xticks []gochart.Tick
	for _, y := range years(s.FromYear, s.ToYear) {
		xticks = append(xticks, gochart.Tick{Value: float64(y), Label: fmt.Sprint(y)})
	}
	text := gochart.Style{FontSize: l.Font, FontColor: colText, Font: font}
	k := l.Font / 11 // paddings grow with the text
	bottom := 44.0
	if !l.Legend {
		bottom = 18
	}
	c := gochart.Chart{
		Width: l.W, Height: l.H, DPI: 96, Font: font,
		Background: gochart.Style{Padding: gochart.Box{Top: int(30 * k), Left: int(8 * k), Right: int(48 * k), Bottom: int(bottom * k)}},
		XAxis: gochart.XAxis{
			Style: text, Ticks: xticks,
			Range: &gochart.ContinuousRange{Min: float64(s.FromYear) - 0.3, Max: float64(s.ToYear) + 0.3},
		},
		// go-chart v2.1.2 reads the secondary range from the primary axis ticks
		YAxis: gochart.YAxis{Style: gochart.Style{Hidden: true}, Ticks: yticks, Range: &gochart.ContinuousRange{Min: ymin, Max: ymax}},
		YAxisSecondary: gochart.YAxis{
			Style: text, Ticks: yticks,
			Range:          &gochart.ContinuousRange{Min: ymin, Max: ymax},
			GridMajorStyle: gochart.Style{StrokeColor: colGrid, StrokeWidth: 1},
		},
	}
	if s.Baseline != nil && s.Target != nil {
		c.Series = append(c.Series, gochart.ContinuousSeries{
			Name:    s.Labels.Path,
			YAxis:   gochart.YAxisSecondary,
			Style:   gochart.Style{StrokeColor: colPath, StrokeWidth: 1.5, StrokeDashArray: []float64{2, 4}},
			XValues: []float64{float64(s.Baseline.Year), float64(s.Target.Year)},
			YValues: []float64{s.Baseline.Value, s.Target.Value},
		})
	}
	if s.Target != nil {
		c.Series = append(c.Series, gochart.ContinuousSeries{
			Name: s.Labels.Target, YAxis: gochart.YAxisSecondary,
			Style:   gochart.Style{StrokeColor: colTarget, StrokeWidth: 2, StrokeDashArray: []float64{8, 4}},
			XValues: []float64{float64(s.FromYear), float64(s.ToYear)},
			YValues: []float64{s.Target.Value, s.Target.Value},
		})
	}
	// observed values: one series per run of consecutive years, so a gap
	// (a year with no data) is never bridged by a line
	var run gochart.ContinuousSeries
	flush := func() {
		if len(run.XValues) > 0 {
			c.Series = append(c.Series, run)
		}
		run = gochart.ContinuousSeries{YAxis: gochart.YAxisSecondary, Style: gochart.Style{StrokeColor: colObserved, StrokeWidth: 2.5, DotColor: colObserved, DotWidth: 4}}
	}
	flush()
	for i, p := range s.Observed {
		if i > 0 && p.Year != s.Observed[i-1].Year+1 {
			flush()
		}
		run.XValues = append(run.XValues, float64(p.Year))
		run.YValues = append(run.YValues, p.Value)
	}
	flush()
	if len(c.Series) == 0 {
		// nothing to plot: an invisible series keeps the axes
		c.Series = append(c.Series, gochart.ContinuousSeries{
			YAxis:   gochart.YAxisSecondary,
			Style:   gochart.Style{StrokeWidth: 0, StrokeColor: drawing.ColorTransparent},
			XValues: []float64{float64(s.FromYear), float64(s.ToYear)}, YValues: []float64{ymin, ymin},
		})
	}
	if n := len(s.Observed); n > 0 {
		last := s.Observed[n-1]
		c.Series = append(c.Series, gochart.AnnotationSeries{
			YAxis:       gochart.YAxisSecondary,
			Style:       gochart.Style{FontSize: l.Font * 10 / 11, FontColor: colObserved, StrokeColor: colObserved, FillColor: drawing.ColorWhite, Font: font},
			Annotations: []gochart.Value2{{XValue: float64(last.Year), YValue: last.Value, Label: format(last.Value, numfmt.Decimals(last.Value, s.Decimals, s.Decimals+2))}},
		})
	}
	c.Elements = []gochart.Renderable{marks(s, ymin, ymax), legend(s, fs, l)}
	if l.Legend {
		c.Background.Padding.Bottom = int((28 + float64(legendRowH*len(legendRows(s, fs, l)))) * k)
	}
	return c
}

// MaxTicks is the most ticks an axis gets.
const MaxTicks = 40

// axis returns the value axis from ymin to ymax in n steps of step, at
// most MaxTicks. A range that is not finite, or so wide or so far from
// zero that adding a step no longer changes a value, gets the axis 0–1:
// such values are refused by the data checks, and the chart must still
// end.
func axis(ymin, ymax, step float64) (lo, hi, st float64, n int) {
	k := math.Round((ymax - ymin) / step)
	ok := !math.IsNaN(k) && k >= 1 && k <= MaxTicks && ymin+step != ymin && ymax-step != ymax &&
		!math.IsInf(ymin, 0) && !math.IsInf(ymax, 0)
	if !ok {
		return 0, 1, 0.2, 5
	}
	return ymin, ymax, step, int(k)
}

// years returns the years to mark on the time axis: every year from from
// to to, or only the two ends when the range is empty of sense (reversed,
// or longer than MaxTicks years).
func years(from, to int) []int {
	if to < from || to-from > MaxTicks {
		return []int{from, to}
	}
	out := make([]int, 0, to-from+1)
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}

// niceStep rounds a raw tick step to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}
