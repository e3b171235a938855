package chart

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"planpress/generator/fonts"
)

// TestPNGMatchesGoChart: the fast raster path (no invisible fills, our own
// encoder) gives the image go-chart's own PNG renderer gives, up to the
// rounding of putting the drawing on white at the end, at the full size.
func TestPNGMatchesGoChart(t *testing.T) {
	fs, err := fonts.Find("")
	if err != nil {
		t.Fatalf("%v (scripts/setup installs a font)", err)
	}
	s := Spec{
		ID: "t", Unit: "%", Decimals: 1, FromYear: 2020, ToYear: 2025,
		Observed: []Point{{Year: 2020, Value: 10}, {Year: 2021, Value: 12}, {Year: 2023, Value: 11.5}},
		Baseline: &Point{Year: 2020, Value: 10}, Target: &Point{Year: 2025, Value: 20},
		Labels: Labels{Observed: "Observed", Target: "Target", Path: "Path"}, Status: "Status: on track",
	}
	data, err := PNG(s, fs, OpenGraph)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG image/png reads: %v", err)
	}
	if b := got.Bounds(); b.Dx() != OpenGraph.W || b.Dy() != OpenGraph.H {
		t.Fatalf("size %v, want %d × %d", b, OpenGraph.W, OpenGraph.H)
	}
	var ref bytes.Buffer
	if err := buildLayout(s, fs, OpenGraph).Render(gochart.PNG, &ref); err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(&ref)
	if err != nil {
		t.Fatal(err)
	}
	differ, dark := 0, 0
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			d := colourDistance(got, want, x, y)
			if d > 6 {
				t.Fatalf("pixel (%d, %d) differs by %d", x, y, d)
			}
			if d > 0 {
				differ++
			}
			if r, _, _, _ := got.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark < 1000 {
		t.Errorf("only %d dark pixels: the chart was not drawn", dark)
	}
	if total := b.Dx() * b.Dy(); differ > total/10 {
		t.Errorf("%d of %d pixels differ", differ, total)
	}
}

func colourDistance(a, b image.Image, x, y int) int {
	r1, g1, b1, _ := a.At(x, y).RGBA()
	r2, g2, b2, _ := b.At(x, y).RGBA()
	abs := func(v int) int {
		if v < 0 {
			return -v
		}
		return v
	}
	return abs(int(r1>>8)-int(r2>>8)) + abs(int(g1>>8)-int(g2>>8)) + abs(int(b1>>8)-int(b2>>8))
}
