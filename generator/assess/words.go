package assess

import (
	"math"
	"strconv"
	"strings"

	"planpress/generator/indicator"
)

// Words is what Explain needs from the presentation, in one language: the
// UI strings and how the indicator's figures are printed. The sentences are
// the UI strings "reason-<code>", "caveat-<code>", "status-<status>" and
// "fig-…" of data/i18n, with {placeholders} filled by Fill.
type Words struct {
	T      func(key string) string           // a UI string of data/i18n
	Value  func(v float64) string            // a figure with its unit, as pages print it
	Amount func(v float64) string            // an unsigned amount in the indicator's unit (a change, a tolerance)
	Rate   func(v float64, cagr bool) string // an annual rate: a percentage for CAGR, units a year otherwise
	Target string                            // the target as pages word it
}

// Fill replaces each {name} in tmpl by args[name]; a placeholder without an
// argument is left as it is, so that a test can find it.
func Fill(tmpl string, args map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		name := tmpl[i+1 : i+j]
		b.WriteString(tmpl[:i])
		if v, ok := args[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

// Placeholders lists the names a reason sentence may use.
var Placeholders = []string{"year", "status", "latest", "latest_year", "base", "base_year", "first_year",
	"target", "target_year", "method", "actual", "required", "ratio", "change", "tolerance"}

// FigureText words a figure as a person writes it: "more than 128 …" for a
// bound; for a change ("change" and "peak-reduction" kinds) "a fall of more
// than 4%" rather than "less than −4%". Keys: "fig-<qualifier>" and
// "fig-fall[-<qualifier>]", "fig-rise[-<qualifier>]", each with {v}.
func FigureText(kind indicator.Kind, v float64, qualifier string, w Words) string {
	if kind == indicator.Change || kind == indicator.PeakReduction {
		if v == 0 {
			return w.Value(0)
		}
		dir, q := "rise", qualifier
		if v < 0 {
			dir = "fall"
			q = map[string]string{"more-than": "less-than", "less-than": "more-than",
				"at-least": "at-most", "at-most": "at-least"}[qualifier]
			if qualifier == "about" {
				q = "about"
			}
		}
		key := "fig-" + dir
		if q != "" {
			key += "-" + q
		}
		return Fill(w.T(key), map[string]string{"v": w.Amount(math.Abs(v))})
	}
	if qualifier == "" {
		return w.Value(v)
	}
	return Fill(w.T("fig-"+qualifier), map[string]string{"v": w.Value(v)})
}

// Args are the values of the placeholders of a result's sentences.
func (r Result) Args(w Words) map[string]string {
	yr := func(y int) string {
		if y == 0 {
			return "—"
		}
		return strconv.Itoa(y)
	}
	a := map[string]string{
		"year":        yr(r.Year),
		"status":      w.T(r.Status.Key()),
		"latest_year": yr(r.LatestYear),
		"base_year":   yr(r.BaseYear),
		"first_year":  yr(r.Period.BaseYear + 1),
		"target":      w.Target,
		"target_year": yr(r.TargetYear),
		"method":      w.T("method-" + string(r.RateMethod)),
		"ratio":       FormatRatio(r.Ratio),
		"latest":      "—",
		"base":        "—",
		"actual":      "—",
		"required":    "—",
	}
	if r.HasLatest && r.Kind != indicator.Binary {
		a["latest"] = FigureText(r.Kind, r.LatestValue, r.LatestQualifier, w)
	}
	if r.HasBase {
		a["base"] = w.Value(r.BaseValue)
	}
	if r.HasRatio && w.Rate != nil {
		a["actual"] = w.Rate(r.ActualRate, r.RateMethod == MethodCAGR)
		a["required"] = w.Rate(r.RequiredRate, r.RateMethod == MethodCAGR)
	}
	if r.Method == MethodDirection && w.Amount != nil {
		sign := ""
		switch {
		case r.Change > 0:
			sign = "+"
		case r.Change < 0:
			sign = "−"
		}
		a["change"] = sign + w.Amount(math.Abs(r.Change))
		a["tolerance"] = w.Amount(r.DirTolerance)
	}
	return a
}

// Explain is the sentence that says how the status was reached.
func (r Result) Explain(w Words) string {
	return Fill(w.T("reason-"+string(r.Reason)), r.Args(w))
}

// Label is the status as a badge shows it; a verdict that rests on a figure
// older than the assessment year names that year ("on track (as of
// 2023)", key "status-as-of").
func (r Result) Label(w Words) string {
	l := w.T(r.Status.Key())
	if r.Status.Verdict() && r.Status != Achieved && r.Status != NotAchieved && r.HasLatest && r.LatestYear < r.Year {
		l = Fill(w.T("status-as-of"), map[string]string{"status": l, "year": strconv.Itoa(r.LatestYear)})
	}
	return l
}

// CaveatText says why a verdict is provisional ("" when it is not), from the
// keys "provisional" ({caveats}), "caveat-<code>" and "caveat-sep".
func (r Result) CaveatText(w Words) string {
	if !r.Provisional {
		return ""
	}
	parts := make([]string, len(r.Caveats))
	for i, c := range r.Caveats {
		parts[i] = w.T("caveat-" + string(c))
	}
	return Fill(w.T("provisional"), map[string]string{"caveats": strings.Join(parts, w.T("caveat-sep"))})
}

// Reasons lists every reason code, for checks that each has its sentence.
func Reasons() []Reason {
	return []Reason{ReasonNoFigure, ReasonBaselineOnly, ReasonMet, ReasonNotMet, ReasonBoundMet, ReasonBoundNotMet,
		ReasonBoundUndecided, ReasonBoundNoRate, ReasonReachedEarly, ReasonRate, ReasonLostTarget, ReasonAgainstDirection,
		ReasonNoBaseline, ReasonNotComparable, ReasonTargetNotAfter, ReasonSingleFigure, ReasonDirectionToward,
		ReasonDirectionHeld, ReasonDirectionFlat, ReasonDirectionAgainst, ReasonBinaryMet, ReasonBinaryNotMet,
		ReasonBinaryEarly, ReasonBinaryNotYet, ReasonContext}
}

// Caveats lists every caveat code.
func Caveats() []Caveat { return []Caveat{CaveatGradeCD, CaveatPreliminary, CaveatNotYearEnd} }

// Evidence checks that a result's verdict rests on figures: a status other
// than no data names at least one observation used, of a year up to the
// assessment year, that obs holds with a figure. It returns "" when the
// result is sound, else what is wrong.
func Evidence(r Result, obs []indicator.Observation) string {
	if !r.Status.Verdict() {
		return ""
	}
	if len(r.Used) == 0 {
		return "status " + string(r.Status) + " as of " + strconv.Itoa(r.Year) + " names no figure it rests on"
	}
	for _, y := range r.Used {
		if y > r.Year {
			return "status " + string(r.Status) + " as of " + strconv.Itoa(r.Year) + " rests on a figure of " + strconv.Itoa(y)
		}
		found := false
		for _, o := range obs {
			if o.Year == y && (o.Value != nil || o.Status != "") {
				found = true
				break
			}
		}
		if !found {
			return "status " + string(r.Status) + " as of " + strconv.Itoa(r.Year) + " rests on a figure of " + strconv.Itoa(y) + " that the data do not hold"
		}
	}
	return ""
}
