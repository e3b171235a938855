package indicator

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"planpress/generator/diag"
	"planpress/generator/input"
)

// MaxMagnitude is the largest absolute value of a figure: beyond it a
// float64 no longer holds every whole number, and no figure of a plan
// comes near it (a value like 1.7e308 is a typing slip).
const MaxMagnitude = 1e15

// MinMagnitude is the smallest absolute value of a figure other than
// zero: below it, ratios of figures overflow (a baseline of 5e-324), and
// no figure of a plan is that small in any unit.
const MinMagnitude = 1e-9

// Year bounds: every year of the data lies in this range (and within the
// plan period where the data's meaning requires it).
const (
	MinYear = 1900
	MaxYear = 2200
	// MaxPeriod is the longest plan period, in years.
	MaxPeriod = 30
	// BaselineLead is how many years before the plan's base year a
	// baseline may lie (a peak year, the year a series starts).
	BaselineLead = 10
)

// finite checks that v is a number of sane magnitude.
func finite(file string, line int, what any, v float64) *diag.Problem {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		p := diag.Msg(file, line, "bound-nan", what, v)
		return &p
	}
	if math.Abs(v) > MaxMagnitude {
		p := diag.Msg(file, line, "bound-huge", what, strconv.FormatFloat(v, 'g', -1, 64), MaxMagnitude)
		return &p
	}
	if v != 0 && math.Abs(v) < MinMagnitude {
		p := diag.Msg(file, line, "bound-tiny", what, strconv.FormatFloat(v, 'g', -1, 64), MinMagnitude)
		return &p
	}
	return nil
}

// ValidDate reports whether s is a real calendar date YYYY-MM-DD, month
// YYYY-MM or year YYYY within MinYear–MaxYear.
func ValidDate(s string) bool {
	if !reDate.MatchString(s) {
		return false
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	t, err := time.Parse(layout, s)
	return err == nil && t.Year() >= MinYear && t.Year() <= MaxYear
}

// text checks a string of the data: at most max characters and, when
// single is set, on one line without control characters. It returns nil
// when the text is fine.
func text(file string, line int, what any, s string, single bool) *diag.Problem {
	if n := utf8.RuneCountInString(s); n > input.MaxString && single || n > input.MaxText {
		limit := input.MaxText
		if single {
			limit = input.MaxString
		}
		p := diag.Msg(file, line, "text-long", what, n, limit)
		return &p
	}
	if single {
		if r := input.SingleLine(s); r >= 0 {
			p := diag.Msg(file, line, "text-control", what, r)
			return &p
		}
	}
	return nil
}

// yearIn checks that a year of indicator id lies in [lo, hi]: message key
// of data/i18n/messages.toml when not, with id, y, lo, hi and more.
func yearIn(file string, line int, key, id string, y, lo, hi int, more ...any) *diag.Problem {
	if y < lo || y > hi {
		p := diag.Msg(file, line, key, append([]any{id, y, lo, hi}, more...)...)
		return &p
	}
	return nil
}

// Valid reports whether the limits are a plan period that years can be
// checked against.
func (l Limits) Valid() bool {
	return l.FirstYear >= MinYear && l.LastYear <= MaxYear && l.FirstYear < l.LastYear && l.LastYear-l.FirstYear <= MaxPeriod
}
