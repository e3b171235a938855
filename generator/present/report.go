package present

import (
	"fmt"
	"math"
	"strings"

	"planpress/generator/assess"
	"planpress/generator/indicator"
	"planpress/generator/numfmt"
	"planpress/generator/project"
)

// Report is a yearly progress report as both outputs print it (the HTML
// report page and the PDF): main points, the scorecard by area, a table of
// every commitment per area, detail blocks for the commitments with
// figures, one appendix for those without, and the sources numbered in
// order of first citation.
type Report struct {
	Year       int
	Final      bool
	Title      string
	MainPoints []MainPoint
	Progress   []StatusCount // commitments by progress status, all areas
	Reporting  []StatusCount // commitments by reporting status, all areas
	Total      int           // commitments (context series and forecasts are not counted)
	// ProgressText and ReportingText are the counts as a line ("label n; …").
	ProgressText, ReportingText string
	Areas                       []ReportArea
	Appendix                    []AppendixRow
	Sources                     []Citation // numbered: Sources[i].N == i+1
	// AppendixIntro says what the appendix lists.
	AppendixIntro string
	// Who issued the plan and who publishes the report (data/site.toml).
	Issuer, Publisher, PublisherAddress, Contact, Disclaimer string
	num                                                      map[string]int
}

// MainPoint is a sentence of the main points; Figures counts the figures it
// states with their change on the year before.
type MainPoint struct {
	Text    string
	Changes int
}

// StatusCount is a status and how many commitments have it.
type StatusCount struct {
	Key, Label, Class string
	N                 int
}

// ReportArea is an area of the plan in a report.
type ReportArea struct {
	ID, Name  string
	Total     int
	Progress  []StatusCount // only statuses that occur
	Reporting []StatusCount
	// ProgressText and ReportingText are the counts as a line.
	ProgressText, ReportingText string
	Rows                        []*Indicator // every commitment of the area (summary view)
	Details                     []*Block     // the commitments with figures
}

// Block is the detail block of a commitment with figures.
type Block struct {
	*Indicator
	Values []ReportValue // the years with a figure, sources numbered
}

// ReportValue is a figure in a detail block.
type ReportValue struct {
	Year  int
	Value string
	Cite  string // "[3]" or ""
	N     int    // the source's number (0: none)
	Note  string // {source:ID} references as numbers
}

// AppendixRow is a commitment without any figure up to the report year.
type AppendixRow struct {
	ID, Name, Area, Target string
	Baseline               string // "value (year)" or ""
	Sourcing               string // the sourcing record: what was found ("" without a record)
}

// HasFigure reports whether a commitment has a figure of the plan period
// (after the base year) up to year; a baseline alone shows no progress.
func HasFigure(p *project.Project, ind *indicator.Indicator, year int) bool {
	return p.Results[ind.ID][year].Reporting != assess.NotFound
}

// Cite returns the number of a source in the report ("" for none),
// numbering it on first use.
func (r *Report) cite(p *project.Project, id, lang string) string {
	if id == "" {
		return ""
	}
	if n, ok := r.num[id]; ok {
		return fmt.Sprintf("[%d]", n)
	}
	c := Cite(p, id, lang)
	if c == nil {
		return ""
	}
	c.N = len(r.Sources) + 1
	r.Sources = append(r.Sources, *c)
	r.num[id] = c.N
	return fmt.Sprintf("[%d]", c.N)
}

// Number rewrites a text's {source:ID} references as the sources' numbers
// in this report.
func (r *Report) Number(p *project.Project, text, lang string) string {
	return indicator.CiteSources(text, func(id string) string { return r.cite(p, id, lang) })
}

// NewReport is the report of year in lang.
func NewReport(p *project.Project, lang string, year int) *Report {
	r := &Report{Year: year, Final: year >= p.Config.TargetYear, num: map[string]int{}}
	r.Title = fmt.Sprintf(p.T(lang, "report-title"), year)
	if r.Final {
		r.Title = fmt.Sprintf(p.T(lang, "final-report-title"), year)
	}
	prog, rep := map[string]int{}, map[string]int{}
	for _, a := range p.Reg.Areas {
		ra := ReportArea{ID: a.ID, Name: p.Text(a.Name, lang)}
		ap, arp := map[string]int{}, map[string]int{}
		for _, ind := range p.Reg.InArea(a.ID) {
			if !ind.Commitment() { // context series and forecasts are not counted
				continue
			}
			res := p.Results[ind.ID][year]
			ra.Total++
			r.Total++
			ap[string(res.Status)]++
			prog[string(res.Status)]++
			arp[string(res.Reporting)]++
			rep[string(res.Reporting)]++
			v := NewIndicator(p, ind, lang, year, Full)
			ra.Rows = append(ra.Rows, v)
			if !HasFigure(p, ind, year) {
				row := AppendixRow{ID: ind.ID, Name: v.Name, Area: ra.Name, Target: v.Target, Baseline: v.Baseline}
				if s := p.Sourcing(ind.ID); s != nil {
					// what was found (it says for what and where); the
					// full record is on the indicator's page
					row.Sourcing = r.Number(p, p.Text(s.Found, lang), lang)
				}
				r.Appendix = append(r.Appendix, row)
				continue
			}
			d := &Block{Indicator: v}
			for _, row := range v.Rows {
				if !row.HasValue {
					continue
				}
				c := r.cite(p, row.SourceID, lang)
				d.Values = append(d.Values, ReportValue{Year: row.Year, Value: row.Value, Cite: c, N: r.num[row.SourceID], Note: r.Number(p, row.RawNote, lang)})
			}
			v.Reason = r.Number(p, v.Reason, lang)
			v.Note = r.Number(p, p.Text(ind.Note, lang), lang)
			ra.Details = append(ra.Details, d)
		}
		ra.Progress = statusCounts(p, lang, ap, progressKeys(), false)
		ra.Reporting = statusCounts(p, lang, arp, reportingKeys(), false)
		ra.ProgressText, ra.ReportingText = CountsText(p, lang, ra.Progress), CountsText(p, lang, ra.Reporting)
		r.Areas = append(r.Areas, ra)
	}
	r.Progress = statusCounts(p, lang, prog, progressKeys(), true)
	r.Reporting = statusCounts(p, lang, rep, reportingKeys(), true)
	r.ProgressText, r.ReportingText = CountsText(p, lang, r.Progress), CountsText(p, lang, r.Reporting)
	r.MainPoints = mainPoints(p, lang, year, r)
	r.AppendixIntro = assess.Fill(p.T(lang, "report-appendix-intro"), map[string]string{"span": span(p.Config.BaseYear+1, year)})
	r.Issuer, r.Publisher = p.Text(p.Config.Issuer, lang), p.Text(p.Config.Publisher, lang)
	r.PublisherAddress, r.Contact, r.Disclaimer = p.Text(p.Config.PublisherAddress, lang), p.Config.PublisherContact, p.Text(p.Config.Disclaimer, lang)
	return r
}

func progressKeys() []string {
	var ks []string
	for _, s := range assess.Statuses() {
		ks = append(ks, string(s))
	}
	return ks
}

func reportingKeys() []string {
	return []string{string(assess.ReportedOfficial), string(assess.ReportedMedia), string(assess.NotFound)}
}

// statusCounts lists the counts in the order of keys; all keeps zeros.
func statusCounts(p *project.Project, lang string, m map[string]int, keys []string, all bool) []StatusCount {
	var out []StatusCount
	prog := len(keys) > 3
	for _, k := range keys {
		if m[k] == 0 && !all {
			continue
		}
		c := StatusCount{Key: k, N: m[k]}
		if prog {
			c.Label, c.Class = p.T(lang, assess.Status(k).Key()), StatusClass(assess.Status(k))
		} else {
			c.Label, c.Class = p.T(lang, assess.Reporting(k).Key()), "rep-"+k
		}
		out = append(out, c)
	}
	return out
}

// CountsText is counts as "label n, label n".
func CountsText(p *project.Project, lang string, cs []StatusCount) string {
	var parts []string
	for _, c := range cs {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.Label, c.N))
		}
	}
	return strings.Join(parts, p.T(lang, "list-sep"))
}

// plainFigure is the value of ind in year when it is a plain number (not a
// bound or a text): an observation, else the baseline of that year.
func plainFigure(p *project.Project, ind *indicator.Indicator, year int) (float64, bool) {
	if o, ok := p.Reg.Observation(ind.ID, year); ok {
		if o.Value == nil || o.Qualifier != "" {
			return 0, false
		}
		return *o.Value, true
	}
	if b := ind.Baseline; b != nil && b.Year == year {
		return b.Value, true
	}
	return 0, false
}

// figureSentence is the main point of ind: its latest plain figure up to
// year with its change on the year before and its status against the
// target, or ok false when the two years lack plain figures.
func figureSentence(p *project.Project, ind *indicator.Indicator, lang string, year int) (string, bool) {
	if ind.Kind == indicator.Binary {
		return "", false
	}
	for y := year; y > p.Config.BaseYear; y-- {
		if _, ok := p.Reg.Observation(ind.ID, y); !ok {
			continue
		}
		// the latest figure decides: it must be plain, and so the one before
		cur, ok := plainFigure(p, ind, y)
		if !ok {
			return "", false
		}
		prev, ok := plainFigure(p, ind, y-1)
		if !ok {
			return "", false
		}
		res := p.Results[ind.ID][year]
		args := map[string]string{
			"name": p.Text(ind.Name, lang), "value": Value(p, ind, cur, lang), "year": fmt.Sprint(y),
			"prev": fmt.Sprint(y - 1), "target": TargetText(p, ind, lang), "status": StatusText(p, ind, res, lang),
		}
		d := cur - prev
		var key string
		switch {
		case math.Abs(d) < 0.5*math.Pow10(-max(numfmt.Decimals(cur, ind.Decimals, ind.Decimals+2), numfmt.Decimals(prev, ind.Decimals, ind.Decimals+2))):
			key = "mp-change-same"
		case d > 0:
			key = "mp-change-up"
		default:
			key = "mp-change-down"
		}
		// a share or a rate in % changes by points, other figures by a percentage
		if ind.Unit.Has("%") || ind.Kind == indicator.Change || prev == 0 {
			args["by"] = amount(p, ind, math.Abs(d), lang)
		} else {
			args["by"] = strings.TrimPrefix(numfmt.Percent(math.Abs(d/prev), 1, lang), "+")
		}
		args["change"] = assess.Fill(p.T(lang, key), args)
		return assess.Fill(p.T(lang, "mp-figure"), args), true
	}
	return "", false
}

// maxMainFigures is the most figure sentences the main points hold.
const maxMainFigures = 6

// mainPoints are the report's main points: the scorecard in a sentence,
// then the headline commitments of data/site.toml (and, while fewer than
// five have a change on the year before, the next commitments of the
// register that do), then the commitments without a figure.
func mainPoints(p *project.Project, lang string, year int, r *Report) []MainPoint {
	var mp []MainPoint
	with := r.Total - len(r.Appendix)
	mp = append(mp, MainPoint{Text: assess.Fill(p.T(lang, "mp-scorecard"), map[string]string{
		"total": fmt.Sprint(r.Total), "with": fmt.Sprint(with), "year": fmt.Sprint(year), "span": span(p.Config.BaseYear+1, year),
		"counts": CountsText(p, lang, r.Progress),
	})})
	seen := map[string]bool{}
	var figs []MainPoint
	add := func(ind *indicator.Indicator) {
		if ind == nil || seen[ind.ID] || !ind.Commitment() || len(figs) >= maxMainFigures {
			return
		}
		seen[ind.ID] = true
		if s, ok := figureSentence(p, ind, lang, year); ok {
			figs = append(figs, MainPoint{Text: s, Changes: 1})
		}
	}
	for _, id := range p.Config.Headlines {
		add(p.Reg.Indicator(id))
	}
	for i := range p.Reg.Indicators {
		if len(figs) >= 5 {
			break
		}
		add(&p.Reg.Indicators[i])
	}
	mp = append(mp, figs...)
	if n := len(r.Appendix); n > 0 {
		mp = append(mp, MainPoint{Text: assess.Fill(p.T(lang, "mp-no-figure"), map[string]string{"n": fmt.Sprint(n), "year": fmt.Sprint(year), "span": span(p.Config.BaseYear+1, year)})})
	}
	return mp
}

// span is "2021–2025", or "2021" for one year.
func span(from, to int) string {
	if from >= to {
		return fmt.Sprint(to)
	}
	return fmt.Sprintf("%d–%d", from, to)
}
