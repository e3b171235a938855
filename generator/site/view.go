package site

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"planpress/generator/assess"
	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/numfmt"
	"planpress/generator/project"
)

// IndView is an indicator as pages show it in one language and year.
type IndView struct {
	Ind         *indicator.Indicator
	ID          string
	Name        string
	Unit        string
	AreaName    string
	URL         string // relative to the site root
	Result      assess.Result
	Status      string // status label
	StatusClass string
	Reason      string // how the status was reached
	Caveat      string // why the status is provisional, or ""
	Latest      string // "27.0 μg/m³ (2025)" or "no data"
	Target      string
	Baseline    string
	Rows        []ObsRow
	Components  [][2]string
	Quote       string
	QuoteEn     string
	SectionURL  string
	Chart       template.HTML
	HasChart    bool
	Sources     []SourceView
	Note        string
}

// ObsRow is a year of an indicator's values table.
type ObsRow struct {
	Year   int
	Value  string
	Note   string
	Source *SourceView
}

// SourceView is a source as cited on a page.
type SourceView struct {
	ID, Title, Publisher, Date, Grade, GradeText, URL string
	N                                                 int // number in the page's source list
}

// unitSep returns the separator between a number and its unit.
func unitSep(unit string) string {
	if unit == "%" || unit == "" || unit == "‰" {
		return ""
	}
	return " "
}

// Value formats v with the indicator's unit and precision in lang.
func Value(ind *indicator.Indicator, v float64, lang string) string {
	u := ind.Unit.Get(lang)
	d := ind.Decimals
	if lang == "en" {
		v, d, u = numfmt.English(v, d, u)
	}
	s := numfmt.Format(v, d, lang)
	if ind.Kind == indicator.Change && v > 0 {
		s = "+" + s
	}
	return s + unitSep(u) + u
}

// exactValue is Value with as many decimals as v needs (up to 4 more).
func exactValue(ind *indicator.Indicator, v float64, lang string) string {
	d := *ind
	for d.Decimals < ind.Decimals+4 && math.Abs(v*math.Pow10(d.Decimals)-math.Round(v*math.Pow10(d.Decimals))) > 1e-9 {
		d.Decimals++
	}
	return Value(&d, v, lang)
}

// ObsValue formats an observation (value with qualifier, or its text).
func ObsValue(ind *indicator.Indicator, o indicator.Observation, p *project.Project, lang string) string {
	if o.Value == nil {
		if t := o.Text.Get(lang); t != "" {
			return t
		}
		if o.Status != "" {
			return p.T(lang, "obs-"+o.Status)
		}
		return p.T(lang, "no-data")
	}
	if o.Qualifier == "" {
		return Value(ind, *o.Value, lang)
	}
	return assess.FigureText(ind.Kind, *o.Value, o.Qualifier, words(p, ind, lang))
}

// words are the UI strings and number formats the progress method's
// sentences use for ind in lang (Words adds the target).
func words(p *project.Project, ind *indicator.Indicator, lang string) assess.Words {
	return assess.Words{
		T:      func(k string) string { return p.T(lang, k) },
		Value:  func(v float64) string { return Value(ind, v, lang) },
		Amount: func(v float64) string { return amount(ind, v, p, lang) },
		Rate: func(x float64, cagr bool) string {
			if cagr {
				return numfmt.Percent(x, 2, lang) + p.T(lang, "per-year")
			}
			u := ind.Unit.Get(lang)
			return numfmt.Signed(x, ind.Decimals+1, lang) + unitSep(u) + u + p.T(lang, "per-year")
		},
	}
}

// Words is what the progress method needs to word a result of ind in lang.
func Words(p *project.Project, ind *indicator.Indicator, lang string) assess.Words {
	w := words(p, ind, lang)
	w.Target = TargetText(ind, p, lang)
	return w
}

// amount is an unsigned distance in the indicator's unit: percentage points
// for a share in %, the unit otherwise (a change in % stays in %).
func amount(ind *indicator.Indicator, v float64, p *project.Project, lang string) string {
	lvl := *ind
	if lvl.Kind != indicator.Change && lvl.Kind != indicator.PeakReduction && ind.Unit.En == "%" {
		d := lvl.Decimals
		for d < lvl.Decimals+4 && math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) > 1e-9 {
			d++
		}
		return numfmt.Format(v, d, lang) + p.T(lang, "unit-points")
	}
	lvl.Kind = indicator.Level // no sign
	return exactValue(&lvl, v, lang)
}

// StatusText is a result's status as badges and lists show it: with the
// year of the figure it rests on when older, and marked provisional.
func StatusText(p *project.Project, ind *indicator.Indicator, res assess.Result, lang string) string {
	w := words(p, ind, lang)
	l := res.Label(w)
	if res.Provisional {
		l = assess.Fill(p.T(lang, "status-provisional"), map[string]string{"status": l})
	}
	return l
}

// TargetText describes the target with its bound in lang.
func TargetText(ind *indicator.Indicator, p *project.Project, lang string) string {
	t := ind.Target
	by := fmt.Sprintf(p.T(lang, "by-year"), t.Year)
	if !t.Quantified() {
		return t.Text.Get(lang) + " " + by
	}
	v := Value(ind, t.Value, lang)
	var s string
	switch t.Bound {
	case indicator.About:
		lvl := *ind
		lvl.Kind = indicator.Level // a tolerance has no sign: "±0.5%", never "±+0.5%"
		s = fmt.Sprintf(p.T(lang, "bound-about"), v, exactValue(&lvl, t.Tolerance, lang))
	case indicator.AtLeast:
		s = fmt.Sprintf(p.T(lang, "bound-at-least"), v)
	case indicator.AtMost:
		s = fmt.Sprintf(p.T(lang, "bound-at-most"), v)
	default:
		s = v
	}
	s += " " + by
	if t.Aspirational {
		s += p.T(lang, "aspirational")
	}
	return s
}

func statusClass(s assess.Status) string { return "st-" + string(s) }

// indView builds the view of an indicator as of year.
func (r *builder) indView(ind *indicator.Indicator, lang string, year int) *IndView {
	return r.indViewChart(ind, lang, year, false)
}

// indViewChart is indView; with withChart set it adds what the indicator
// page shows: the values table, sources, calculation and chart.
func (r *builder) indViewChart(ind *indicator.Indicator, lang string, year int, withChart bool) *IndView {
	p := r.p
	v := &IndView{
		Ind: ind, ID: ind.ID, Name: ind.Name.Get(lang), Unit: ind.Unit.Get(lang),
		URL: lang + "/indicators/" + ind.ID + "/", Quote: ind.Quote, QuoteEn: ind.QuoteEn,
		Note: indicator.CiteSources(ind.Note.Get(lang), CiteTitle(p, lang)),
	}
	if a := p.Reg.Area(ind.Area); a != nil {
		v.AreaName = a.Name.Get(lang)
	}
	if pg := p.Plans[lang].Sections()[ind.Section]; pg != nil {
		v.SectionURL = lang + "/plan/" + pg.ID + "/#" + ind.Section
		if pg.ID == ind.Section {
			v.SectionURL = lang + "/plan/" + pg.ID + "/"
		}
	}
	res := p.Results[ind.ID][year] // computed once, before rendering (project.Assess)
	v.Result = res
	v.Status = StatusText(p, ind, res, lang)
	if withChart {
		w := Words(p, ind, lang)
		v.Reason, v.Caveat = res.Explain(w), res.CaveatText(w)
	}
	v.StatusClass = statusClass(res.Status)
	v.Target = TargetText(ind, p, lang)
	if b := ind.Baseline; b != nil {
		v.Baseline = fmt.Sprintf("%s (%d)", Value(ind, b.Value, lang), b.Year)
	}
	v.Latest = p.T(lang, "no-data")
	var last *indicator.Observation
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		if o.Year > year {
			continue
		}
		o := o
		last = &o
	}
	if last != nil {
		v.Latest = fmt.Sprintf("%s (%d)", ObsValue(ind, *last, p, lang), last.Year)
	}
	if !withChart {
		return v // lists need no table, calculation or chart
	}
	// values table: every year of the plan, missing years say so
	for y := p.Config.BaseYear; y <= year; y++ {
		row := ObsRow{Year: y, Value: p.T(lang, "no-data")}
		if o, ok := p.Reg.Observation(ind.ID, y); ok {
			row.Value = ObsValue(ind, o, p, lang)
			row.Note = indicator.CiteSources(o.Note.Get(lang), CiteTitle(p, lang))
			row.Source = r.sourceView(o.Source, lang)
		} else if b := ind.Baseline; b != nil && b.Year == y {
			row.Value = Value(ind, b.Value, lang)
			row.Source = r.sourceView(b.Source, lang)
			row.Note = p.T(lang, "baseline-note")
		}
		v.Rows = append(v.Rows, row)
	}
	seen := map[string]bool{}
	for _, row := range v.Rows {
		if row.Source != nil && !seen[row.Source.ID] {
			seen[row.Source.ID] = true
			v.Sources = append(v.Sources, *row.Source)
		}
	}
	// sources a note refers to ({source:ID}) are listed too
	for y := p.Config.BaseYear; y <= year; y++ {
		if o, ok := p.Reg.Observation(ind.ID, y); ok {
			for _, id := range indicator.SourceRefs(o.Note.Get(lang)) {
				if sv := r.sourceView(id, lang); sv != nil && !seen[id] {
					seen[id] = true
					v.Sources = append(v.Sources, *sv)
				}
			}
		}
	}
	v.Components = Components(p, ind, res, lang)
	if ind.Kind != indicator.Binary {
		spec := r.chartSpec(ind, v, lang, year, "c-"+ind.ID)
		if len(spec.Observed) > 0 || spec.Target != nil {
			svg, err := chart.SVG(spec, p.Fonts)
			if err == nil {
				v.Chart = template.HTML(svg)
				v.HasChart = true
			}
		}
	}
	return v
}

// chartSpec defines the chart of an indicator up to year.
func (r *builder) chartSpec(ind *indicator.Indicator, v *IndView, lang string, year int, id string) chart.Spec {
	s := ChartSpec(r.p, ind, v.Result, lang, year, id)
	s.Desc = r.describe(ind, v, s, lang)
	return s
}

// ChartSpec defines the chart of an indicator up to year in lang: the
// observed values (the baseline first when it comes earlier), the path to
// the target and the status in words. The site and the PDFs draw the same.
func ChartSpec(p *project.Project, ind *indicator.Indicator, res assess.Result, lang string, year int, id string) chart.Spec {
	s := chart.Spec{
		ID: id, Title: ind.Name.Get(lang), Unit: ind.Unit.Get(lang), Decimals: ind.Decimals,
		FromYear: p.Config.BaseYear, ToYear: p.Config.TargetYear,
		Labels: chart.Labels{Observed: p.T(lang, "chart-observed"), Target: p.T(lang, "chart-target"), Path: p.T(lang, "chart-path")},
		Status: p.T(lang, "status") + p.T(lang, "colon") + p.T(lang, res.Status.Key()), // short: it shares a line with the unit
	}
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		if o.Value != nil && o.Year <= year {
			s.Observed = append(s.Observed, chart.Point{Year: o.Year, Value: *o.Value})
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

// describe is the chart's text alternative: trend, latest, target, status.
func (r *builder) describe(ind *indicator.Indicator, v *IndView, s chart.Spec, lang string) string {
	p := r.p
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
			parts = append(parts, fmt.Sprintf(p.T(lang, "desc-one"), Value(ind, last.Value, lang), last.Year))
		} else {
			parts = append(parts, fmt.Sprintf(p.T(lang, "desc-trend"), Value(ind, first.Value, lang), first.Year, Value(ind, last.Value, lang), last.Year, p.T(lang, trend), n))
		}
	} else {
		parts = append(parts, p.T(lang, "desc-none"))
	}
	parts = append(parts, p.T(lang, "target")+p.T(lang, "colon")+v.Target)
	parts = append(parts, p.T(lang, "status")+p.T(lang, "colon")+v.Status)
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
		return fmt.Sprintf("%s (%d)", Value(ind, v, lang), y)
	}
	add("comp-base", val(res.HasBase, res.BaseValue, res.BaseYear))
	add("comp-latest", val(res.HasLatest, res.LatestValue, res.LatestYear))
	add("comp-target", TargetText(ind, p, lang))
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

// CiteTitle returns how a note's {source:ID} reads on the site and in the
// open data: the source's title (its Chinese title when it has no
// translation).
func CiteTitle(p *project.Project, lang string) func(id string) string {
	return func(id string) string {
		s := p.Reg.Source(id)
		if s == nil {
			return ""
		}
		if t := s.Title.Get(lang); t != "" {
			return t
		}
		return s.Title.Zh
	}
}

// sourceView returns the citation of a source id.
func (r *builder) sourceView(id, lang string) *SourceView {
	p := r.p
	if id == "" {
		return nil
	}
	s := p.Reg.Source(id)
	if s == nil {
		return nil
	}
	sv := &SourceView{ID: s.ID, Title: s.Title.Get(lang), Publisher: s.Publisher.Get(lang), Date: s.Date, Grade: s.Grade, URL: s.URL,
		GradeText: p.T(lang, "grade-"+s.Grade)}
	if sv.Title == "" {
		sv.Title = s.Title.Zh
	}
	return sv
}
