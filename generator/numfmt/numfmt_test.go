package numfmt

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		want string
	}{
		{38, 0, "38"},
		{30.5, 1, "30.5"},
		{1165.2, 1, "1,165.2"},
		{1234567.891, 2, "1,234,567.89"},
		{-18, 0, "−18"},
		{-0.0001, 1, "0.0"},
		{0, 0, "0"},
		{999.95, 1, "1,000.0"},
		{100, 0, "100"},
		{1000, 0, "1,000"},
		{math.NaN(), 1, "—"},
		{math.Inf(1), 1, "—"},
		{5, -1, "5"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.d, "en"); got != c.want {
			t.Errorf("Format(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

func TestSignedAndPercent(t *testing.T) {
	if got := Signed(2.5, 1, "en"); got != "+2.5" {
		t.Errorf("Signed = %q", got)
	}
	if got := Signed(0, 1, "en"); got != "0.0" {
		t.Errorf("Signed(0) = %q", got)
	}
	if got := Percent(-0.01631, 2, "zh-Hant"); got != "−1.63%" {
		t.Errorf("Percent = %q", got)
	}
}

func FuzzFormat(f *testing.F) {
	for _, v := range []float64{0, 1, -1, 1e9, 1165.2, -0.5, math.MaxFloat64} {
		f.Add(v, 2)
	}
	f.Fuzz(func(t *testing.T, v float64, d int) {
		s := Format(v, d, "en")
		if s == "" {
			t.Fatalf("empty output for %v", v)
		}
	})
}

func TestEnglish(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		unit string
		want string
	}{
		{1.38, 2, "10,000 t", "13,800 t"},
		{0.12, 2, "10,000 t", "1,200 t"},
		{1165.2, 1, "10,000 t", "11.652 million t"},
		{128, 0, "10,000 vehicles", "1.28 million vehicles"},
		{100, 0, "10,000 mu", "1 million mu"},
		{350, 0, "100 million kWh", "35 billion kWh"},
		{40.6, 1, "100 million m³", "4.06 billion m³"},
		{85, 0, "10,000 m³ a day", "850,000 m³ a day"},
		{38, 1, "μg/m³", "38.0 μg/m³"},
		{14, 0, "%", "14 %"},
	}
	for _, c := range cases {
		v, d, u := English(c.v, c.d, c.unit)
		if got := Format(v, d, "en") + " " + u; got != c.want {
			t.Errorf("English(%v %s) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
