package present_test

import (
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
