// Package present is the view model shared by the site and the PDFs: an
// indicator's figures formatted for a language (values, targets, statuses),
// its chart specification, values table, calculation and citations. Both
// outputs take their words and numbers from here, so that a figure prints
// the same way in HTML and in a PDF.
package present

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"planpress/generator/assess"
	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/numfmt"
	"planpress/generator/project"
)

// UnitSep returns the separator between a number and its unit.
func UnitSep(unit string) string {
	if unit == "%" || unit == "" || unit == "‰" {
		return ""
	}
	return " "
}

// FigureUnit is the unit written after the indicator's figures in lang:
// none for a plain number such as an index.
func FigureUnit(p *project.Project, ind *indicator.Indicator, lang string) string {
	if ind.PlainNumber {
		return ""
	}
	return p.Text(ind.Unit, lang)
}

// Value formats v with the indicator's unit in lang, with the indicator's
// decimals or, for a figure stated more finely (44.95 of a one-decimal
// share), as many as it is written with, up to two more: a stated figure
// is never shown rounded. A positive change carries a plus sign.
func Value(p *project.Project, ind *indicator.Indicator, v float64, lang string) string {
	return value(p, ind, v, numfmt.Decimals(v, ind.Decimals, ind.Decimals+2), lang, ind.Kind == indicator.Change)
}

// value formats v with d decimals and the unit, signed or not. A unit
// written with a counting word ("10,000 t") is restated as readers of that
// language count (numfmt.English).
func value(p *project.Project, ind *indicator.Indicator, v float64, d int, lang string, signed bool) string {
	u := FigureUnit(p, ind, lang)
	v, d, u = numfmt.English(v, d, u)
	s := numfmt.Format(v, d, lang)
	if signed && v > 0 {
		s = "+" + s
	}
	return s + UnitSep(u) + u
}

// Magnitude formats a width such as a tolerance: as many decimals as v
// needs (up to 4 more than the indicator's) and never a sign, since it
// follows "±".
func Magnitude(p *project.Project, ind *indicator.Indicator, v float64, lang string) string {
	return value(p, ind, v, numfmt.Decimals(v, ind.Decimals, ind.Decimals+4), lang, false)
}

// ObsValue formats an observation (value with qualifier, or its text).
func ObsValue(p *project.Project, ind *indicator.Indicator, o indicator.Observation, lang string) string {
	if o.Value == nil {
		if t := p.Text(o.Text, lang); t != "" {
			return t
		}
		if o.Status != "" {
			return p.T(lang, "obs-"+o.Status)
		}
		return p.T(lang, "no-data")
	}
	if o.Qualifier == "" {
		return Value(p, ind, *o.Value, lang)
	}
	return assess.FigureText(ind.Kind, *o.Value, o.Qualifier, words(p, ind, lang))
}

// words are the UI strings and number formats the progress method's
// sentences use for ind in lang (Words adds the target).
func words(p *project.Project, ind *indicator.Indicator, lang string) assess.Words {
	return assess.Words{
		T:      func(k string) string { return p.T(lang, k) },
		Value:  func(v float64) string { return Value(p, ind, v, lang) },
		Amount: func(v float64) string { return amount(p, ind, v, lang) },
		Rate: func(x float64, cagr bool) string {
			if cagr {
				return numfmt.Percent(x, 2, lang) + p.T(lang, "per-year")
			}
			u := FigureUnit(p, ind, lang)
			return numfmt.Signed(x, ind.Decimals+1, lang) + UnitSep(u) + u + p.T(lang, "per-year")
		},
	}
}

// Words is what the progress method needs to word a result of ind in lang.
func Words(p *project.Project, ind *indicator.Indicator, lang string) assess.Words {
	w := words(p, ind, lang)
	w.Target = TargetText(p, ind, lang)
	return w
}

// amount is an unsigned distance in the indicator's unit: percentage points
// for a share in %, the unit otherwise (a change in % stays in %).
func amount(p *project.Project, ind *indicator.Indicator, v float64, lang string) string {
	if ind.Kind != indicator.Change && ind.Kind != indicator.PeakReduction && ind.Unit.Has("%") {
		return numfmt.Format(v, numfmt.Decimals(v, ind.Decimals, ind.Decimals+4), lang) + p.T(lang, "unit-points")
	}
	return Magnitude(p, ind, v, lang)
}

// StatusText is a result's status as badges and lists show it: with the
// year of the figure it rests on when older, and marked provisional.
func StatusText(p *project.Project, ind *indicator.Indicator, res assess.Result, lang string) string {
	l := res.Label(words(p, ind, lang))
	if res.Provisional {
		l = assess.Fill(p.T(lang, "status-provisional"), map[string]string{"status": l})
	}
	return l
}

// CiteTitle returns how a note's {source:ID} reads on the site and in the
// open data: the source's title (its title in the plan's own language when
// it has no translation).
func CiteTitle(p *project.Project, lang string) func(id string) string {
	return func(id string) string {
		s := p.Reg.Source(id)
		if s == nil {
			return ""
		}
		if t := p.Text(s.Title, lang); t != "" {
			return t
		}
		return p.Text(s.Title, p.Source().Code)
	}
}

// TargetText describes the target with its bound in lang.
func TargetText(p *project.Project, ind *indicator.Indicator, lang string) string {
	t := ind.Target
	by := fmt.Sprintf(p.T(lang, "by-year"), t.Year)
	if !t.Quantified() {
		return JoinWords(p.Text(t.Text, lang), by)
	}
	v := Value(p, ind, t.Value, lang)
	var s string
	switch t.Bound {
	case indicator.About:
		s = fmt.Sprintf(p.T(lang, "bound-about"), v, Magnitude(p, ind, t.Tolerance, lang))
	case indicator.AtLeast:
		s = fmt.Sprintf(p.T(lang, "bound-at-least"), v)
	case indicator.AtMost:
		s = fmt.Sprintf(p.T(lang, "bound-at-most"), v)
	default:
		s = v
	}
	s = JoinWords(s, by)
	if t.Aspirational {
		s += p.T(lang, "aspirational")
	}
	return s
}

// JoinWords joins two phrases with a space, except before full-width
// punctuation such as "（", which carries its own spacing.
func JoinWords(a, b string) string {
	if r, _ := utf8.DecodeRuneInString(b); a == "" || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) {
		return a + b
	}
	return a + " " + b
}

// BaselineText is the baseline as "value (year)", or "" without one.
func BaselineText(p *project.Project, ind *indicator.Indicator, lang string) string {
	b := ind.Baseline
	if b == nil {
		return ""
	}
	return fmt.Sprintf("%s (%d)", Value(p, ind, b.Value, lang), b.Year)
}

// StatusClass is the CSS class of a status.
func StatusClass(s assess.Status) string { return "st-" + string(s) }

// Citation is a source as cited on a page or in a report.
type Citation struct {
	ID, Title, Publisher, Date, Grade, GradeText, URL string
	N                                                 int // number in the page's source list
}

// Cite returns the citation of a source id, or nil for none.
func Cite(p *project.Project, id, lang string) *Citation {
	if id == "" {
		return nil
	}
	s := p.Reg.Source(id)
	if s == nil {
		return nil
	}
	c := &Citation{ID: s.ID, Title: p.Text(s.Title, lang), Publisher: p.Text(s.Publisher, lang), Date: s.Date, Grade: s.Grade, URL: s.URL,
		GradeText: p.T(lang, "grade-"+s.Grade)}
	if c.Title == "" {
		c.Title = p.Text(s.Title, p.Source().Code)
	}
	return c
}

// Row is a year of an indicator's values table.
type Row struct {
	Year     int
	Value    string
	Note     string    // its {source:ID} references as the sources' titles
	RawNote  string    // with its {source:ID} references, for outputs that number sources
	SourceID string    // the source named in the data ("" for none)
	Source   *Citation // nil when the source is not in the register
	HasValue bool      // an observation or the baseline fills the year
}

// YearRow is the values-table row of year y: the observation, else the
// baseline when it falls in y, else "no data".
func YearRow(p *project.Project, ind *indicator.Indicator, y int, lang string) Row {
	row := Row{Year: y, Value: p.T(lang, "no-data")}
	if o, ok := p.Reg.Observation(ind.ID, y); ok {
		row.Value = ObsValue(p, ind, o, lang)
		row.RawNote = p.Text(o.Note, lang)
		row.Note = indicator.CiteSources(row.RawNote, CiteTitle(p, lang))
		row.SourceID = o.Source
		row.HasValue = true
	} else if b := ind.Baseline; b != nil && b.Year == y {
		row.Value = Value(p, ind, b.Value, lang)
		row.SourceID = b.Source
		row.Note = p.T(lang, "baseline-note")
		row.RawNote = row.Note
		row.HasValue = true
	}
	row.Source = Cite(p, row.SourceID, lang)
	return row
}

// Latest is the last observation up to year as "value (year)", or "no
// data".
func Latest(p *project.Project, ind *indicator.Indicator, year int, lang string) string {
	var last *indicator.Observation
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		if o.Year > year {
			continue
		}
		o := o
		last = &o
	}
	if last == nil {
		return p.T(lang, "no-data")
	}
	return fmt.Sprintf("%s (%d)", ObsValue(p, ind, *last, lang), last.Year)
}

// ChartSpec defines the chart of an indicator up to year in lang: the
// observed values (the baseline first when it comes earlier), the path to
// the target and the status in words. The site and the PDFs draw the same.
func ChartSpec(p *project.Project, ind *indicator.Indicator, res assess.Result, lang string, year int, id string) chart.Spec {
	s := chart.Spec{
		ID: id, Title: p.Text(ind.Name, lang), Unit: p.Text(ind.Unit, lang), Decimals: ind.Decimals,
		FromYear: p.Config.BaseYear, ToYear: p.Config.TargetYear,
		Labels: chart.Labels{Observed: p.T(lang, "chart-observed"), Target: p.T(lang, "chart-target"), Path: p.T(lang, "chart-path"),
			Bound: p.T(lang, "chart-bound"), Provisional: p.T(lang, "chart-provisional")},
		Status: p.T(lang, "status") + p.T(lang, "colon") + p.T(lang, res.Status.Key()), // short: it shares a line with the unit
	}
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		if o.Value != nil && o.Year <= year {
			s.Observed = append(s.Observed, chart.Point{Year: o.Year, Value: *o.Value, Bound: BoundOf(o.Qualifier),
				Provisional: o.Preliminary || o.AsOf != ""})
		}
	}
	if b := ind.Baseline; b != nil {
		s.Baseline = &chart.Point{Year: b.Year, Value: b.Value}
		if len(s.Observed) == 0 || s.Observed[0].Year > b.Year {
			s.Observed = append([]chart.Point{{Year: b.Year, Value: b.Value}}, s.Observed...)
		}
	} else if res.HasBase {
		s.Baseline = &chart.Point{Year: res.BaseYear, Value: res.BaseValue}
	}
	if ind.Target.Quantified() {
		s.Target = &chart.Point{Year: ind.Target.Year, Value: ind.Target.Value}
	}
	return s
}

// BoundOf is the direction of a figure given as a bound: +1 for "more
// than"/"at least", −1 for "less than"/"at most", 0 otherwise.
func BoundOf(qualifier string) int {
	switch qualifier {
	case "more-than", "at-least":
		return 1
	case "less-than", "at-most":
		return -1
	}
	return 0
}

// Describe is a chart's text alternative: trend, latest, target, status.
func Describe(p *project.Project, ind *indicator.Indicator, s chart.Spec, target, status, lang string) string {
	var parts []string
	if n := len(s.Observed); n > 0 {
		first, last := s.Observed[0], s.Observed[n-1]
		trend := "trend-flat"
		switch {
		case last.Value > first.Value:
			trend = "trend-up"
		case last.Value < first.Value:
			trend = "trend-down"
		}
		if n == 1 {
			parts = append(parts, fmt.Sprintf(p.T(lang, "desc-one"), Value(p, ind, last.Value, lang), last.Year))
		} else {
			parts = append(parts, fmt.Sprintf(p.T(lang, "desc-trend"), Value(p, ind, first.Value, lang), first.Year, Value(p, ind, last.Value, lang), last.Year, p.T(lang, trend), n))
		}
	} else {
		parts = append(parts, p.T(lang, "desc-none"))
	}
	parts = append(parts, p.T(lang, "target")+p.T(lang, "colon")+target)
	parts = append(parts, p.T(lang, "status")+p.T(lang, "colon")+status)
	return strings.Join(parts, p.T(lang, "sentence-sep"))
}

// Components lists the calculation components of a result in lang: base,
// latest, target, method, rates, ratio, status and the reasoning.
func Components(p *project.Project, ind *indicator.Indicator, res assess.Result, lang string) [][2]string {
	dash := "—"
	var c [][2]string
	add := func(k, v string) { c = append(c, [2]string{p.T(lang, k), v}) }
	val := func(ok bool, v float64, y int) string {
		if !ok {
			return dash
		}
		return fmt.Sprintf("%s (%d)", Value(p, ind, v, lang), y)
	}
	add("comp-base", val(res.HasBase, res.BaseValue, res.BaseYear))
	add("comp-latest", val(res.HasLatest, res.LatestValue, res.LatestYear))
	add("comp-target", TargetText(p, ind, lang))
	add("comp-reporting", p.T(lang, res.Reporting.Key()))
	add("comp-method", p.T(lang, "method-"+string(res.Method)))
	if res.HasRatio {
		if res.RateMethod != res.Method {
			add("comp-rate-method", p.T(lang, "method-"+string(res.RateMethod)))
		}
		w := words(p, ind, lang)
		add("comp-actual", w.Rate(res.ActualRate, res.RateMethod == assess.MethodCAGR))
		add("comp-required", w.Rate(res.RequiredRate, res.RateMethod == assess.MethodCAGR))
		add("comp-ratio", assess.FormatRatio(res.Ratio))
	} else {
		add("comp-actual", dash)
		add("comp-required", dash)
		add("comp-ratio", dash)
	}
	used := dash
	if len(res.Used) > 0 {
		ys := make([]string, len(res.Used))
		for i, y := range res.Used {
			ys[i] = fmt.Sprint(y)
		}
		used = strings.Join(ys, p.T(lang, "list-sep"))
	}
	add("comp-used", used)
	add("comp-status", StatusText(p, ind, res, lang))
	w := Words(p, ind, lang)
	add("comp-reason", res.Explain(w))
	if res.Provisional {
		add("comp-confidence", res.CaveatText(w))
	}
	return c
}
