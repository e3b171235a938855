package chart

import (
	"math"
	"strings"
	"testing"

	"planpress/generator/fonts"
)

// TestAxisEnds: the value axis has a bounded number of ticks for any
// range, including infinite, huge and tiny ones, and keeps a sane range as
// it was.
func TestAxisEnds(t *testing.T) {
	cases := []struct{ lo, hi float64 }{
		{0, 38}, {-18, 0}, {0, 1.7e308}, {-1.7e308, 1.7e308}, {0, math.Inf(1)}, {math.Inf(-1), 0},
		{math.NaN(), 1}, {1e300, 1e300 + 1}, {0, 5e-324}, {1e15, 1e15 + 1},
	}
	for _, c := range cases {
		lo, hi := math.Min(c.lo, 0), math.Max(c.hi, 0)
		step := niceStep((hi - lo) / 5)
		ymin := math.Floor(lo/step) * step
		ymax := math.Ceil(hi*1.08/step) * step
		a, b, st, n := axis(ymin, ymax, step)
		if n < 1 || n > MaxTicks || math.IsNaN(a+b+st) || math.IsInf(a+b+st, 0) || a+st == a {
			t.Errorf("%v–%v: axis %v–%v step %v, %d ticks", c.lo, c.hi, a, b, st, n)
		}
	}
	if a, b, st, n := axis(0, 45, 5); a != 0 || b != 45 || st != 5 || n != 9 {
		t.Errorf("0–45 by 5 became %v–%v by %v (%d ticks)", a, b, st, n)
	}
	for _, c := range [][2]int{{2020, 2025}, {2025, 2020}, {2020, 200000000}, {-5, 2025}} {
		if ys := years(c[0], c[1]); len(ys) > MaxTicks+1 || len(ys) < 2 {
			t.Errorf("years %d–%d: %d ticks", c[0], c[1], len(ys))
		}
	}
	if ys := years(2020, 2025); len(ys) != 6 || ys[0] != 2020 || ys[5] != 2025 {
		t.Errorf("years 2020–2025: %v", ys)
	}
}

// TestHugeValuesDraw: a chart of values at the ends of float64, or not
// finite, is drawn (and ends) instead of looping on its axis.
func TestHugeValuesDraw(t *testing.T) {
	fs, err := fonts.Find("")
	if err != nil {
		t.Fatalf("%v (scripts/setup installs a font)", err)
	}
	for _, v := range []float64{1.7e308, -1.7e308, math.Inf(1), math.NaN(), 5e-324} {
		s := Spec{ID: "t", Unit: "%", Decimals: 1, FromYear: 2020, ToYear: 2025,
			Observed: []Point{{Year: 2020, Value: v}, {Year: 2021, Value: 1}}, Baseline: &Point{Year: 2020, Value: v}, Target: &Point{Year: 2025, Value: v},
			Labels: Labels{Observed: "Observed", Target: "Target", Path: "Path"}}
		svg, err := SVG(s, fs)
		if err != nil || !strings.Contains(string(svg), "</svg>") {
			t.Errorf("value %v: err %v, %d bytes", v, err, len(svg))
		}
	}
}
