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
