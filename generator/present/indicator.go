package present

import (
	"planpress/generator/assess"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/project"
)

// Indicator is an indicator as an output shows it in one language and year.
type Indicator struct {
	Ind         *indicator.Indicator
	ID          string
	Name        string
	Unit        string
	AreaName    string
	URL         string // relative to the site root
	Result      assess.Result
	Status      string // status label
	StatusClass string
	Reason      string // with Full: how the status was reached
	Caveat      string // with Full: why the status is provisional, or ""
	Latest      string // "27.0 μg/m³ (2025)" or "no data"
	Target      string
	Baseline    string
	Rows        []Row // with Full: every year of the plan up to the year
	Components  [][2]string
	Quote       string
	QuoteEn     string
	QuoteLang   string // the language of Quote: the edition's own when converted, else the source's
	SectionURL  string
	Sources     []Citation // with Full: the sources of Rows, once each
	Note        string
}

// Detail chooses how much of an indicator a view holds.
type Detail int

const (
	// Summary is what lists show: names, status, latest value, target.
	Summary Detail = iota
	// Full adds the values table, its sources and the calculation.
	Full
)

// NewIndicator is the view of an indicator as of year. The result comes
// from p.Results, computed once before rendering.
func NewIndicator(p *project.Project, ind *indicator.Indicator, lang string, year int, detail Detail) *Indicator {
	v := &Indicator{
		Ind: ind, ID: ind.ID, Name: p.Text(ind.Name, lang), Unit: p.Text(ind.Unit, lang),
		URL: output.Indicator(lang, ind.ID), Quote: p.Quote(ind, lang), QuoteLang: p.QuoteLang(lang), QuoteEn: ind.QuoteEn,
		Note: indicator.CiteSources(p.Text(ind.Note, lang), CiteTitle(p, lang)),
	}
	if a := p.Reg.Area(ind.Area); a != nil {
		v.AreaName = p.Text(a.Name, lang)
	}
	if pg := p.Plans[lang].Sections()[ind.Section]; pg != nil {
		v.SectionURL = output.PlanPage(lang, pg.ID) + "#" + ind.Section
		if pg.ID == ind.Section {
			v.SectionURL = output.PlanPage(lang, pg.ID)
		}
	}
	res := p.Results[ind.ID][year]
	v.Result = res
	v.Status = StatusText(p, ind, res, lang)
	v.StatusClass = StatusClass(res.Status)
	v.Target = TargetText(p, ind, lang)
	v.Baseline = BaselineText(p, ind, lang)
	v.Latest = Latest(p, ind, year, lang)
	if detail < Full {
		return v
	}
	// values table: every year of the plan, missing years say so
	seen := map[string]bool{}
	for y := p.Config.BaseYear; y <= year; y++ {
		row := YearRow(p, ind, y, lang)
		v.Rows = append(v.Rows, row)
		if row.Source != nil && !seen[row.Source.ID] {
			seen[row.Source.ID] = true
			v.Sources = append(v.Sources, *row.Source)
		}
	}
	// sources a note refers to ({source:ID}) are listed too
	for y := p.Config.BaseYear; y <= year; y++ {
		if o, ok := p.Reg.Observation(ind.ID, y); ok {
			for _, id := range indicator.SourceRefs(p.Text(o.Note, lang)) {
				if c := Cite(p, id, lang); c != nil && !seen[id] {
					seen[id] = true
					v.Sources = append(v.Sources, *c)
				}
			}
		}
	}
	w := Words(p, ind, lang)
	v.Reason, v.Caveat = res.Explain(w), res.CaveatText(w)
	v.Components = Components(p, ind, res, lang)
	return v
}
