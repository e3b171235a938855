package report

import (
	"fmt"
	"strings"

	"planpress/generator/assess"
	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/present"
	"planpress/generator/project"
)

// progressPDF is the progress report of a year in lang; the report of the
// target year is the final assessment.
func progressPDF(p *project.Project, lang string, year int, warn *Warnings) ([]byte, error) {
	title := fmt.Sprintf(p.T(lang, "report-title"), year)
	if year >= p.Config.TargetYear {
		title = fmt.Sprintf(p.T(lang, "final-report-title"), year)
	}
	m := meta(p, lang, title+" · "+p.Text(p.Config.Title, lang), p.T(lang, "pdf-report-subject"))
	m.Header = title + " · " + p.Text(p.Config.Short, lang)
	// number the sources in order of first citation
	num := map[string]int{}
	var cited []*indicator.Source
	cite := func(id string) int {
		if id == "" {
			return 0
		}
		if n, ok := num[id]; ok {
			return n
		}
		s := p.Reg.Source(id)
		if s == nil {
			return 0
		}
		cited = append(cited, s)
		num[id] = len(cited)
		return num[id]
	}
	for _, ind := range p.Reg.Indicators {
		if ind.Baseline != nil {
			cite(ind.Baseline.Source)
		}
		for _, o := range p.Reg.ObservationsOf(ind.ID) {
			if o.Year <= year {
				cite(o.Source)
				for _, id := range indicator.SourceRefs(o.Note.Get(lang)) {
					cite(id) // a note's {source:ID} is a numbered citation too
				}
			}
		}
	}
	return write(p.FontsFor(lang), m, output.ReportPDF(year, lang), warn, func(d *doc) error {
		pm := p.Plans[lang].Index.Meta
		lines := []string{p.Text(p.Config.Title, lang), p.Text(p.Config.Issuer, lang)}
		if pm != nil {
			lines = append(lines, pm.DocNumber)
		}
		lines = append(lines, "", fmt.Sprintf(p.T(lang, "pdf-data-to"), year), p.T(lang, "edition")+p.T(lang, "colon")+p.Config.Date)
		cover(d, p.T(lang, "pdf-report-kicker"), title, lines)

		// summary scorecard
		d.newPage()
		d.heading(0, "summary", p.T(lang, "summary"))
		total := map[assess.Status]int{}
		commitments := 0
		for _, ind := range p.Reg.Indicators {
			if ind.Commitment() { // context series and forecasts are not counted
				total[p.Results[ind.ID][year].Status]++
				commitments++
			}
		}
		d.para(fmt.Sprintf(p.T(lang, "scorecard-total"), commitments), paraOpt{after: 2})
		var rows [][]Cell
		for _, s := range assess.Statuses() {
			rows = append(rows, []Cell{{Text: p.T(lang, s.Key())}, {Text: fmt.Sprint(total[s])}})
		}
		d.table([]float64{textW * 0.7, textW * 0.3}, []string{p.T(lang, "status"), p.T(lang, "pdf-count")}, rows, 9.5)
		rows = nil
		for _, a := range p.Reg.Areas {
			per := map[assess.Status]int{}
			n := 0
			for _, ind := range p.Reg.InArea(a.ID) {
				if ind.Commitment() {
					per[p.Results[ind.ID][year].Status]++
					n++
				}
			}
			var parts []string
			for _, s := range assess.Statuses() {
				if per[s] > 0 {
					parts = append(parts, fmt.Sprintf("%s %d", p.T(lang, s.Key()), per[s]))
				}
			}
			rows = append(rows, []Cell{{Text: p.Text(a.Name, lang)}, {Text: fmt.Sprint(n)}, {Text: strings.Join(parts, p.T(lang, "list-sep"))}})
		}
		d.table([]float64{textW * 0.3, textW * 0.12, textW * 0.58}, []string{p.T(lang, "area"), p.T(lang, "pdf-count"), p.T(lang, "statuses")}, rows, 9.5)

		var entries []Anchor
		entries = append(entries, Anchor{ID: "summary", Title: p.T(lang, "summary")})
		for _, a := range p.Reg.Areas {
			entries = append(entries, Anchor{ID: "area-" + a.ID, Title: p.Text(a.Name, lang)})
			for _, ind := range p.Reg.InArea(a.ID) {
				entries = append(entries, Anchor{ID: "ind-" + ind.ID, Title: p.Text(ind.Name, lang), Level: 1})
			}
		}
		entries = append(entries, Anchor{ID: "methodology", Title: p.T(lang, "methodology")}, Anchor{ID: "sources", Title: p.T(lang, "pdf-sources")})
		d.reserveContents(p.T(lang, "contents"), entries)

		for _, a := range p.Reg.Areas {
			d.newPage()
			d.heading(0, "area-"+a.ID, p.Text(a.Name, lang))
			for _, ind := range p.Reg.InArea(a.ID) {
				if err := indicatorSection(d, p, lang, year, ind, cite); err != nil {
					return err
				}
			}
		}
		d.newPage()
		d.heading(0, "methodology", p.T(lang, "methodology"))
		if pg := p.Pages[lang]["methodology"]; pg != nil {
			markdownPDF(d, pg.Body)
		}
		d.newPage()
		d.heading(0, "sources", p.T(lang, "pdf-sources"))
		for i, s := range cited {
			t := p.Text(s.Title, lang)
			if t == "" {
				t = p.Text(s.Title, p.Source().Code)
			}
			parts := []string{t}
			if pub := p.Text(s.Publisher, lang); pub != "" {
				parts = append(parts, pub)
			}
			if s.Date != "" {
				parts = append(parts, s.Date)
			}
			parts = append(parts, p.T(lang, "grade-"+s.Grade))
			d.para(fmt.Sprintf("[%d] %s", i+1, strings.Join(parts, p.T(lang, "list-sep"))), paraOpt{pt: 9.5, after: 0.5})
			if s.URL != "" {
				d.linkPara(s.URL, s.URL, paraOpt{pt: 8.5, left: 6, color: colAccent, after: 1.5})
			} else {
				d.setY(d.y() + 1)
			}
		}
		return nil
	})
}

// maxRows is the number of recent years a report's values table lists.
const maxRows = 10

// indicatorSection writes one indicator: status, chart, values, calculation.
func indicatorSection(d *doc, p *project.Project, lang string, year int, ind *indicator.Indicator, cite func(string) int) error {
	res := p.Results[ind.ID][year]
	hasChart := ind.Kind != indicator.Binary
	if hasChart {
		hasChart = ind.Baseline != nil
		for _, o := range p.Reg.ObservationsOf(ind.ID) {
			hasChart = hasChart || (o.Value != nil && o.Year <= year)
		}
	}
	// keep the heading, the status lines and the chart on one page
	need := 40.0
	if hasChart {
		need += textW * 0.82 * chart.Height / chart.Width
	}
	if d.y()+need > limitY && d.y() > marginT+20 {
		d.newPage()
	}
	d.heading(1, "ind-"+ind.ID, p.Text(ind.Name, lang))
	w := present.Words(p, ind, lang)
	d.para(p.T(lang, "status")+p.T(lang, "colon")+present.StatusText(p, ind, res, lang)+p.T(lang, "sentence-sep")+res.Explain(w), paraOpt{pt: 9.5, after: 1})
	if res.Provisional {
		d.para(res.CaveatText(w), paraOpt{pt: 9.5, after: 1})
	}
	d.para(p.T(lang, "target")+p.T(lang, "colon")+present.TargetText(p, ind, lang), paraOpt{pt: 9.5, after: 1})
	d.para("“"+ind.Quote+"”", paraOpt{pt: 9, color: colMuted, after: 1.5})

	if hasChart {
		// the source line cites the sources of the values charted
		var nums []string
		seen := map[int]bool{}
		for _, o := range p.Reg.ObservationsOf(ind.ID) {
			if o.Value != nil && o.Year <= year {
				if n := cite(o.Source); n > 0 && !seen[n] {
					seen[n] = true
					nums = append(nums, fmt.Sprintf("[%d]", n))
				}
			}
		}
		source := ""
		if len(nums) > 0 {
			source = p.T(lang, "source") + p.T(lang, "colon") + strings.Join(nums, p.T(lang, "list-sep"))
		}
		s := present.ChartSpec(p, ind, res, lang, year, ind.ID)
		if err := d.figure(s, p.FontsFor(lang), textW*0.82, source); err != nil {
			return err
		}
	}
	var rows [][]Cell
	// the table lists the baseline year and, for long plans, the last
	// maxRows years (the chart shows them all; the site and CSV list all)
	from := p.Config.BaseYear
	if year-from > maxRows {
		from = year - maxRows + 1
	}
	years := []int{p.Config.BaseYear}
	for y := max(from, p.Config.BaseYear+1); y <= year; y++ {
		years = append(years, y)
	}
	for _, y := range years {
		row := present.YearRow(p, ind, y, lang)
		src := ""
		if row.HasValue {
			if n := cite(row.SourceID); n > 0 {
				src = fmt.Sprintf("[%d]", n)
			}
		}
		// a note's {source:ID} is the source's number in this report
		note := indicator.CiteSources(row.RawNote, func(id string) string {
			if n := cite(id); n > 0 {
				return fmt.Sprintf("[%d]", n)
			}
			return ""
		})
		rows = append(rows, []Cell{{Text: fmt.Sprint(y)}, {Text: row.Value}, {Text: src}, {Text: note}})
	}
	if empty := func() bool {
		for _, r := range rows {
			if r[2].Text != "" || r[3].Text != "" {
				return false
			}
		}
		return true
	}(); empty {
		// no value in any year: one line says so
		rows = [][]Cell{{{Text: fmt.Sprintf("%d–%d", p.Config.BaseYear, year)}, {Text: p.T(lang, "no-data")}, {}, {}}}
	}
	d.table([]float64{textW * 0.14, textW * 0.28, textW * 0.1, textW * 0.48}, []string{p.T(lang, "year"), p.T(lang, "value"), p.T(lang, "source"), p.T(lang, "pdf-note")}, rows, 8.5)
	rows = nil
	for _, kv := range present.Components(p, ind, res, lang) {
		rows = append(rows, []Cell{{Text: kv[0]}, {Text: kv[1]}})
	}
	d.table([]float64{textW * 0.3, textW * 0.7}, []string{p.T(lang, "calculation"), ""}, rows, 8.5)
	return nil
}
