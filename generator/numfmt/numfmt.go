// Package numfmt formats numbers for readers in each site language.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Format renders v with d decimals and thousands separators. Both site
// languages group digits by three with a comma; the minus sign is U+2212.
func Format(v float64, d int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if d < 0 {
		d = 0
	}
	if d > 6 {
		d = 6
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', d, 64)
	neg := v < 0 && strings.Trim(s, "0.") != ""
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteString(frac)
	return b.String()
}

// Decimals is the number of decimals v is written with: the fewest, at
// least min and at most max, that show it without rounding (within 1e-9,
// so that a difference such as 45 − 44.95 counts as 0.05).
func Decimals(v float64, min, max int) int {
	d := min
	for d < max && math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) > 1e-9 {
		d++
	}
	return d
}

// Signed is Format with a plus sign for positive values (changes).
func Signed(v float64, d int, lang string) string {
	s := Format(v, d, lang)
	if v > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// Percent formats a fraction (0.05) as a percentage ("5.0%").
func Percent(frac float64, d int, lang string) string {
	return Signed(frac*100, d, lang) + "%"
}

// English restates a value given in a Chinese counting unit (萬 10,000 or
// 億 100 million, written "10,000 t" or "100 million kWh" in English) in the
// way English readers count: 1.38 "10,000 t" is 13,800 t, 350 "100 million
// kWh" is 35 billion kWh, 128 "10,000 vehicles" is 1.28 million vehicles. It
// returns the value, the decimals to show and the unit; other units pass
// through unchanged.
func English(v float64, decimals int, unit string) (float64, int, string) {
	switch {
	case strings.HasPrefix(unit, "10,000 "):
		v, unit = v*1e4, strings.TrimPrefix(unit, "10,000 ")
		decimals = max(decimals-4, 0)
	case strings.HasPrefix(unit, "100 million "):
		v, unit = v*1e8, strings.TrimPrefix(unit, "100 million ")
		decimals = max(decimals-8, 0)
	default:
		return v, decimals, unit
	}
	for _, s := range []struct {
		f    float64
		name string
		d    int
	}{{1e9, "billion", 9}, {1e6, "million", 6}} {
		if math.Abs(v) >= s.f {
			// as many decimals as the source's figure has digits
			return v / s.f, trim(v/s.f, decimals+s.d), s.name + " " + unit
		}
	}
	return v, decimals, unit
}

// trim returns the fewest decimals (at most max) that show v exactly.
func trim(v float64, max int) int {
	for d := 0; d < max; d++ {
		if math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) < 1e-6 {
			return d
		}
	}
	return max
}
