package chart

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"planpress/generator/fonts"
)

func TestAppendFixed(t *testing.T) {
	for _, v := range []float64{0, 1, -1, 0.004, -0.004, 12.3456, 841.89, -273.15, 1e6 + 0.25, 0.1 + 0.2} {
		for prec := 0; prec <= 3; prec++ {
			s := string(appendFixed(nil, v, prec))
			got, err := strconv.ParseFloat(s, 64)
			if err != nil || math.Abs(got-v) > 0.5/pow10[prec]+1e-9 {
				t.Errorf("appendFixed(%v, %d) = %q", v, prec, s)
			}
			if dot := strings.IndexByte(s, '.'); prec > 0 && (dot < 0 || len(s)-dot-1 != prec) || prec == 0 && dot >= 0 {
				t.Errorf("appendFixed(%v, %d) = %q: wrong number of decimals", v, prec, s)
			}
		}
	}
}

// writer draws text with fpdf in one font, for the tests.
type writer struct{ pdf *fpdf.Fpdf }

func (w writer) Text(x, y float64, s string, pt float64) {
	w.pdf.SetFont("f", "", pt)
	w.pdf.Text(x, y, s)
}

func (w writer) RotatedText(x, y float64, s string, pt, deg float64) {
	w.pdf.SetFont("f", "", pt)
	w.pdf.TransformBegin()
	w.pdf.TransformRotate(deg, x, y)
	w.pdf.Text(x, y, s)
	w.pdf.TransformEnd()
}

func (w writer) Width(s string, pt float64) float64 {
	w.pdf.SetFont("f", "", pt)
	return w.pdf.GetStringWidth(s)
}

// TestDrawPDFLeavesTheState checks that after a chart the page's drawing
// state is fpdf's again: colours, line width, a solid dash and butt caps.
// Without a target the chart ends with the legend's dot (a round cap).
func TestDrawPDFLeavesTheState(t *testing.T) {
	fs, err := fonts.Find("")
	if err != nil {
		t.Fatalf("%v (scripts/setup installs a font)", err)
	}
	full := Spec{
		ID: "t", Unit: "%", Decimals: 1, FromYear: 2020, ToYear: 2030,
		Observed: []Point{{Year: 2020, Value: 10}, {Year: 2021, Value: 12}, {Year: 2023, Value: 11.5}},
		Baseline: &Point{Year: 2020, Value: 10}, Target: &Point{Year: 2030, Value: 20},
		Labels: Labels{Observed: "Observed", Target: "Target", Path: "Path"}, Status: "Status: on track",
	}
	noTarget := full
	noTarget.Target, noTarget.Baseline = nil, nil
	for name, s := range map[string]Spec{"full": full, "no target": noTarget} {
		t.Run(name, func(t *testing.T) { checkStateAfter(t, fs, s) })
	}
}

func checkStateAfter(t *testing.T, fs *fonts.Set, s Spec) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes("f", "", fs.Main.TTF)
	pdf.AddPage()
	pdf.SetDrawColor(10, 20, 30)
	pdf.SetFillColor(40, 50, 60)
	pdf.SetTextColor(40, 50, 60)
	pdf.SetLineWidth(0.3)
	if _, err := DrawPDF(pdf, writer{pdf}, s, fs, 20, 30, 140); err != nil {
		t.Fatal(err)
	}
	dr, dg, db := pdf.GetDrawColor()
	fr, fg, fb := pdf.GetFillColor()
	tr, tg, tb := pdf.GetTextColor()
	if (rgb{dr, dg, db}) != (rgb{10, 20, 30}) || pdf.GetLineWidth() != 0.3 {
		t.Fatalf("fpdf's draw colour or line width changed: %v %v %v, %v", dr, dg, db, pdf.GetLineWidth())
	}
	if (rgb{tr, tg, tb}) != (rgb{fr, fg, fb}) {
		t.Errorf("text colour %v %v %v is not the fill colour %v %v %v", tr, tg, tb, fr, fg, fb)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	want := pageState{
		stroke: string(appendColor(nil, rgb{dr, dg, db}, "", "")),
		fill:   string(appendColor(nil, rgb{fr, fg, fb}, "", "")),
		width:  "0.85", dash: "[]", cap: "0",
	}
	if got := lastState(t, out.String()); got != want {
		t.Errorf("after the chart the page's state is %+v, want fpdf's %+v", got, want)
	}
}

// pageState is the drawing state of a page: colour operands as written
// (gray or RGB), line width, dash array and line cap.
type pageState struct{ stroke, fill, width, dash, cap string }

// lastState follows the colour, width, dash and cap operators of the
// first page's content, outside q … Q, and returns the state at its end.
func lastState(t *testing.T, pdf string) pageState {
	t.Helper()
	i := strings.Index(pdf, "stream\n")
	j := strings.Index(pdf, "\nendstream")
	if i < 0 || j < i {
		t.Fatal("no content stream")
	}
	st := pageState{cap: "0", dash: "[]"}
	depth := 0
	for _, line := range strings.Split(pdf[i+len("stream\n"):j], "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "BT" {
			continue
		}
		args := strings.Join(f[:len(f)-1], " ")
		switch op := f[len(f)-1]; {
		case op == "q":
			depth++
		case op == "Q":
			depth--
		case depth > 0:
		case op == "G" || op == "RG":
			st.stroke = args + " "
		case op == "g" || op == "rg":
			st.fill = args + " "
		case op == "w":
			st.width = args
		case op == "d":
			st.dash = f[0]
		case op == "J":
			st.cap = args
		}
	}
	return st
}
