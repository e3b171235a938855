package chart_test

import (
	"strings"
	"testing"

	"planpress/generator/chart"
	"planpress/generator/fonts"
	"planpress/generator/internal/testutil"
	"planpress/generator/present"
	"planpress/generator/project"
)

// TestNoLabelClipped: in every chart of the real data (every indicator,
// language and report year), every text lies inside the chart's box, by
// the chart's own measurement.
func TestNoLabelClipped(t *testing.T) {
	p, err := project.Load(testutil.Root(t), project.Options{NeedFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Assess(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, lang := range p.Langs() {
		for _, y := range p.Years {
			for i := range p.Reg.Indicators {
				ind := &p.Reg.Indicators[i]
				s := present.ChartSpec(p, ind, p.Results[ind.ID][y], lang, y, ind.ID)
				if len(s.Observed) == 0 {
					continue
				}
				boxes, err := chart.TextBoxes(s, p.FontsFor(lang))
				if err != nil {
					t.Fatal(err)
				}
				if len(boxes) < 4 {
					t.Fatalf("%s %s %d: only %d texts recorded", ind.ID, lang, y, len(boxes))
				}
				for _, b := range boxes {
					n++
					if !b.Inside() {
						t.Errorf("%s %s %d: %q at %d,%d–%d,%d leaves the chart's box 0,0–%d,%d", ind.ID, lang, y, b.Text, b.Left, b.Top, b.Right, b.Bottom, chart.Width, chart.Height)
					}
				}
			}
		}
	}
	t.Logf("%d labels checked", n)
}

// TestBoundAndProvisionalMarks: a bound and a provisional figure get open
// markers, the bound an arrow, and the legend names both (wrapping to a
// second row inside the box when long); a chart of plain figures has
// neither key.
func TestBoundAndProvisionalMarks(t *testing.T) {
	fs := fontSet(t)
	base := chart.Spec{ID: "b", Unit: "%", Decimals: 1, FromYear: 2020, ToYear: 2025,
		Observed: []chart.Point{{Year: 2020, Value: -2}, {Year: 2021, Value: -4}},
		Target:   &chart.Point{Year: 2025, Value: -18}, Baseline: &chart.Point{Year: 2020, Value: -2},
		Labels: chart.Labels{Observed: "Observed", Target: "Target", Path: "Path to target",
			Bound: "bound (more or less than)", Provisional: "preliminary or not year-end"}}
	plain, err := chart.SVG(base, fs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "bound (more") || strings.Contains(string(plain), "preliminary") {
		t.Errorf("a chart of plain figures shows the keys of bounds or provisional figures")
	}
	marked := base
	marked.Observed = []chart.Point{{Year: 2020, Value: -2}, {Year: 2021, Value: -4, Bound: -1}, {Year: 2022, Value: -5, Provisional: true}}
	svg, err := chart.SVG(marked, fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"bound (more or less than)", "preliminary or not year-end", `fill="#ffffff" stroke="#1f4e79"`} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("marked chart lacks %q", want)
		}
	}
	// two open markers (legend keys aside): white circles ringed in the observed colour
	if n := strings.Count(string(svg), `fill="#ffffff" stroke="#1f4e79"`); n < 4 {
		t.Errorf("%d open markers, want 2 on the plot and 2 in the legend", n)
	}
	boxes, err := chart.TextBoxes(marked, fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range boxes {
		if !b.Inside() {
			t.Errorf("%q at %d,%d–%d,%d leaves the chart's box", b.Text, b.Left, b.Top, b.Right, b.Bottom)
		}
	}
	// the measurement sees a text that does not fit
	marked.Status = strings.Repeat("status words ", 10)
	boxes, _ = chart.TextBoxes(marked, fs)
	out := false
	for _, b := range boxes {
		out = out || (b.Text == marked.Status && !b.Inside())
	}
	if !out {
		t.Errorf("a status wider than the chart is reported inside the box")
	}
}

func fontSet(t *testing.T) *fonts.Set {
	t.Helper()
	fs, err := fonts.Find("")
	if err != nil {
		t.Fatalf("%v (scripts/setup installs a font)", err)
	}
	return fs
}
