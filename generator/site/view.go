package site

import (
	"fmt"
	"html/template"
	"strings"

	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/present"
)

// IndView is an indicator as pages show it in one language and year: the
// shared view model and, on pages that show it, the chart as SVG.
type IndView struct {
	*present.Indicator
	Chart    template.HTML
	HasChart bool
	// HasFigure: at least one observed value up to the year; a page
	// without one draws no chart and shows its sourcing record instead.
	HasFigure bool
	Sourcing  *SourcingView // data/sourcing.toml, or nil
	Cite      string        // the "cite this" line of the indicator page
	Spec      *chart.Spec   // the chart's definition (with HasChart)
	Legend    []Legend      // the chart's key, as text beside it
	ChartSrc  string        // the chart's source line: its sources' titles
}

// Legend is an entry of a chart's key: the line's class and label.
type Legend struct{ Class, Label string }

// SourcingView is an indicator's sourcing record in one language.
type SourcingView struct {
	Searched  string
	LookedFor string
	Checked   []string
	Found     string
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
	for y := p.Config.BaseYear + 1; y <= year && !v.HasFigure; y++ { // the baseline alone is no figure of the plan period
		_, v.HasFigure = p.Reg.Observation(ind.ID, y)
	}
	if rec := p.Sourcing(ind.ID); rec != nil {
		sv := &SourcingView{Searched: rec.Searched, LookedFor: p.Text(rec.LookedFor, lang), Found: p.Text(rec.Found, lang)}
		for _, c := range rec.Checked {
			sv.Checked = append(sv.Checked, p.Text(c, lang))
		}
		v.Sourcing = sv
	}
	v.Cite = fmt.Sprintf(p.T(lang, "cite-indicator"), p.Text(p.Config.Publisher, lang), v.Name, p.Text(p.Config.Short, lang), p.Config.Date, p.Config.BaseURL+output.Indicator(lang, ind.ID))
	if ind.Kind != indicator.Binary && v.HasFigure {
		spec := present.ChartSpec(p, ind, v.Result, lang, year, "c-"+ind.ID)
		spec.Desc = present.Describe(p, ind, spec, v.Target, v.Status, lang)
		if len(spec.Observed) > 0 { // no chart without a figure: the page says so
			rows := map[int]present.Row{}
			for _, row := range v.Rows {
				rows[row.Year] = row
			}
			var tips []string
			for _, pt := range spec.Observed {
				row := rows[pt.Year]
				tip := fmt.Sprintf("%d%s%s", pt.Year, p.T(lang, "colon"), row.Value)
				if row.Source != nil {
					tip += " · " + row.Source.Title
				}
				tips = append(tips, tip)
			}
			svg, err := chart.SVGLayout(spec, p.FontsFor(lang), chart.Screen, tips)
			if err == nil {
				v.Chart = template.HTML(svg)
				v.HasChart = true
				v.Spec = &spec
				v.Legend = append(v.Legend, Legend{"lg-observed", spec.Labels.Observed})
				var bound, prov bool // the open markers, keyed only when a point is so drawn (as the printed chart does)
				for _, pt := range spec.Observed {
					bound = bound || pt.Bound != 0
					prov = prov || (pt.Provisional && pt.Bound == 0)
				}
				if prov && spec.Labels.Provisional != "" {
					v.Legend = append(v.Legend, Legend{"lg-provisional", spec.Labels.Provisional})
				}
				if bound && spec.Labels.Bound != "" {
					v.Legend = append(v.Legend, Legend{"lg-bound", spec.Labels.Bound})
				}
				if spec.Target != nil {
					v.Legend = append(v.Legend, Legend{"lg-target", spec.Labels.Target})
				}
				if spec.Target != nil && spec.Baseline != nil {
					v.Legend = append(v.Legend, Legend{"lg-path", spec.Labels.Path})
				}
				var src []string
				for _, c := range v.Sources {
					src = append(src, c.Title)
				}
				if len(src) > 0 {
					v.ChartSrc = p.T(lang, "source") + p.T(lang, "colon") + strings.Join(src, "; ")
				}
			}
		}
	}
	return v
}
