package present_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/present"
)

// TestPlainNumberHasNoUnit: an index (plain_number = true) is written
// without its unit after figures, in every edition, while other figures
// keep theirs.
func TestPlainNumberHasNoUnit(t *testing.T) {
	p := realProject(t)
	ei, pm := p.Reg.Indicator("ecological-index"), p.Reg.Indicator("pm25-annual-mean")
	if ei == nil || pm == nil || !ei.PlainNumber {
		t.Fatal("the real register lacks the ecological index as a plain number, or PM2.5")
	}
	for _, lang := range p.Langs() {
		if got := present.Value(p, ei, 70.8, lang); got != "70.8" {
			t.Errorf("%s: index written as %q, want 70.8", lang, got)
		}
		if got := present.Value(p, pm, 27, lang); !strings.HasSuffix(got, p.Text(pm.Unit, lang)) {
			t.Errorf("%s: PM2.5 written as %q, without its unit", lang, got)
		}
	}
}

// TestJoinWords: a space between phrases, none before full-width
// punctuation.
func TestJoinWords(t *testing.T) {
	for _, c := range [][3]string{
		{"穩步提升", "（2025年）", "穩步提升（2025年）"},
		{"rise steadily", "by 2025", "rise steadily by 2025"},
		{"", "by 2025", "by 2025"},
	} {
		if got := present.JoinWords(c[0], c[1]); got != c[2] {
			t.Errorf("JoinWords(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// TestStatedFiguresNotRounded: every figure of the real data is shown as
// its source states it (44.95 of a one-decimal share is 44.95, not 45.0),
// in the plan's own edition, where no counting unit is restated: the number
// on the page reads back as the value of the data file.
func TestStatedFiguresNotRounded(t *testing.T) {
	p := realProject(t)
	lang := p.Source().Code
	n := 0
	for _, o := range p.Reg.Observations {
		ind := p.Reg.Indicator(o.Indicator)
		if o.Value == nil || o.Qualifier != "" || ind == nil {
			continue
		}
		shown := present.ObsValue(p, ind, o, lang)
		num := strings.NewReplacer(",", "", "−", "-", "+", "").Replace(strings.Fields(strings.TrimSuffix(shown, p.Text(ind.Unit, lang)))[0])
		got, err := strconv.ParseFloat(strings.TrimRight(num, "%"), 64)
		if err != nil || math.Abs(got-*o.Value) > 1e-9*math.Max(1, math.Abs(*o.Value)) {
			t.Errorf("%s %d: %v is shown as %q", o.Indicator, o.Year, *o.Value, shown)
		}
		n++
	}
	if n < 80 {
		t.Errorf("only %d plain figures checked", n)
	}
	// a difference below the indicator's precision is still a change
	forest := p.Reg.Indicator("forest-coverage")
	if forest == nil || forest.Decimals != 1 {
		t.Fatal("the register lacks forest-coverage with one decimal")
	}
	if got := present.Value(p, forest, 44.95, "en"); got != "44.95%" {
		t.Errorf("44.95 shown as %q", got)
	}
	if got := present.Value(p, forest, 45, "en"); got != "45.0%" {
		t.Errorf("45 shown as %q", got)
	}
}
