package site

import (
	"html/template"

	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/present"
)

// IndView is an indicator as pages show it in one language and year: the
// shared view model and, on pages that show it, the chart as SVG.
type IndView struct {
	*present.Indicator
	Chart    template.HTML
	HasChart bool
}

// indView builds the view of an indicator as of year, as lists show it.
func (r *builder) indView(ind *indicator.Indicator, lang string, year int) *IndView {
	return &IndView{Indicator: present.NewIndicator(r.p, ind, lang, year, present.Summary)}
}

// indViewChart is the view with what the indicator page shows: the values
// table, sources, calculation and chart.
func (r *builder) indViewChart(ind *indicator.Indicator, lang string, year int) *IndView {
	p := r.p
	v := &IndView{Indicator: present.NewIndicator(p, ind, lang, year, present.Full)}
	if ind.Kind != indicator.Binary {
		spec := present.ChartSpec(p, ind, v.Result, lang, year, "c-"+ind.ID)
		spec.Desc = present.Describe(p, ind, spec, v.Target, v.Status, lang)
		if len(spec.Observed) > 0 { // no chart without a figure: the page says so
			svg, err := chart.SVG(spec, p.FontsFor(lang))
			if err == nil {
				v.Chart = template.HTML(svg)
				v.HasChart = true
			}
		}
	}
	return v
}
