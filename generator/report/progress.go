package report

import (
	"fmt"
	"strings"

	"planpress/generator/output"
	"planpress/generator/present"
	"planpress/generator/project"
)

// progressPDF is the progress report of a year in lang (the report of the
// target year is the final assessment), from the same view model as the
// HTML report page (present.Report): cover, contents, main points,
// scorecard, per area a table of its commitments and detail blocks for the
// commitments with figures, an appendix for those without, method,
// numbered sources.
func progressPDF(p *project.Project, lang string, year int, warn *Warnings) ([]byte, error) {
	r := present.NewReport(p, lang, year)
	m := meta(p, lang, r.Title+" · "+p.Text(p.Config.Title, lang), p.T(lang, "pdf-report-subject"))
	m.Header = r.Title + " · " + p.Text(p.Config.Short, lang)
	T := func(k string) string { return p.T(lang, k) }
	return write(p.FontsFor(lang), m, output.ReportPDF(year, lang), warn, func(d *doc) error {
		cover(d, T("pdf-report-kicker"), r.Title, coverLines(p, r, lang, year))

		entries := []Anchor{{ID: "main-points", Title: T("main-points")}, {ID: "summary", Title: T("summary")}}
		for _, a := range r.Areas {
			entries = append(entries, Anchor{ID: "area-" + a.ID, Title: a.Name})
			for _, b := range a.Details {
				entries = append(entries, Anchor{ID: "ind-" + b.ID, Title: b.Name, Level: 1})
			}
		}
		entries = append(entries, Anchor{ID: "appendix", Title: T("report-appendix")},
			Anchor{ID: "methodology", Title: T("report-method")}, Anchor{ID: "sources", Title: T("pdf-sources")})
		d.reserveContents(T("contents"), entries)

		// main points and the scorecard share a page
		d.newPage()
		d.heading(0, "main-points", T("main-points"))
		for _, mp := range r.MainPoints {
			d.para("• "+mp.Text, paraOpt{pt: 10, after: 1.5})
		}
		d.heading(0, "summary", T("summary"))
		d.para(fmt.Sprintf(T("scorecard-total"), r.Total), paraOpt{pt: 9.5, after: 2})
		var rows [][]Cell
		for _, a := range r.Areas {
			rows = append(rows, []Cell{{Text: a.Name}, {Text: fmt.Sprint(a.Total)},
				{Text: a.ProgressText}, {Text: a.ReportingText}})
		}
		rows = append(rows, []Cell{{Text: T("report-total")}, {Text: fmt.Sprint(r.Total)},
			{Text: r.ProgressText}, {Text: r.ReportingText}})
		d.table([]float64{textW * 0.2, textW * 0.1, textW * 0.4, textW * 0.3},
			[]string{T("area"), T("pdf-count"), T("report-progress"), T("report-reporting")}, rows, 8.5)

		for _, a := range r.Areas {
			// an area starts a page unless the page is less than half full
			if d.y() > marginT+(limitY-marginT)/2 {
				d.newPage()
			}
			d.heading(0, "area-"+a.ID, a.Name)
			rows = nil
			for _, v := range a.Rows {
				rows = append(rows, []Cell{{Text: v.Name}, {Text: v.Latest}, {Text: v.Target}, {Text: v.Status}})
			}
			d.table([]float64{textW * 0.34, textW * 0.2, textW * 0.24, textW * 0.22},
				[]string{T("report-commitment"), T("latest"), T("target"), T("status")}, rows, 8)
			for _, b := range a.Details {
				if err := detailBlock(d, p, lang, year, b); err != nil {
					return err
				}
			}
		}

		d.newPage()
		d.heading(0, "appendix", T("report-appendix"))
		d.para(r.AppendixIntro, paraOpt{pt: 9.5, after: 2})
		rows = nil
		for _, a := range r.Appendix {
			tgt := a.Target
			if a.Baseline != "" {
				tgt += p.T(lang, "list-sep") + T("report-baseline") + T("colon") + a.Baseline
			}
			src := a.Sourcing
			if src == "" {
				src = T("report-no-sourcing")
			}
			rows = append(rows, []Cell{{Text: a.Name}, {Text: tgt}, {Text: src}})
		}
		d.table([]float64{textW * 0.26, textW * 0.2, textW * 0.54},
			[]string{T("report-commitment"), T("target"), T("report-sourcing")}, rows, 7.5)

		d.heading(0, "methodology", T("report-method"))
		d.para(T("report-method-text"), paraOpt{pt: 9.5, after: 2})

		d.heading(0, "sources", T("pdf-sources"))
		for _, s := range r.Sources {
			parts := []string{s.Title}
			if s.Publisher != "" {
				parts = append(parts, s.Publisher)
			}
			if s.Date != "" {
				parts = append(parts, s.Date)
			}
			parts = append(parts, s.GradeText)
			d.para(fmt.Sprintf("[%d] %s", s.N, strings.Join(parts, T("list-sep"))), paraOpt{pt: 8.5, after: 0.3})
			if s.URL != "" {
				d.linkPara(s.URL, s.URL, paraOpt{pt: 7.5, left: 6, color: colAccent, after: 1})
			} else {
				d.setY(d.y() + 1)
			}
		}
		return nil
	})
}

// coverLines are the cover's lines under the title: the plan and its
// issuer, the data year and edition, then who publishes the report.
func coverLines(p *project.Project, r *present.Report, lang string, year int) []string {
	T := func(k string) string { return p.T(lang, k) }
	lines := []string{p.Text(p.Config.Title, lang), T("report-issuer") + T("colon") + r.Issuer}
	if pm := p.Plans[lang].Index.Meta; pm != nil && pm.DocNumber != "" {
		lines = append(lines, pm.DocNumber)
	}
	lines = append(lines, "", fmt.Sprintf(T("pdf-data-to"), year), T("edition")+T("colon")+p.Config.Date, "",
		T("report-published-by")+T("colon")+r.Publisher)
	if r.PublisherAddress != "" {
		lines = append(lines, r.PublisherAddress)
	}
	if r.Contact != "" {
		lines = append(lines, T("report-contact")+T("colon")+r.Contact)
	}
	if r.Disclaimer != "" {
		lines = append(lines, r.Disclaimer)
	}
	return lines
}

// detailWidth is the width of a detail block's chart on the page.
const detailWidth = textW * 0.56

// detailBlock writes a commitment with figures: status and how it was
// reached, target and quote, chart, and its figures with numbered sources.
func detailBlock(d *doc, p *project.Project, lang string, year int, b *present.Block) error {
	T := func(k string) string { return p.T(lang, k) }
	ind := b.Ind
	hasChart := false
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		hasChart = hasChart || (o.Value != nil && o.Year <= year)
	}
	// the heading keeps its status lines (heading does); the chart may
	// go to the next page rather than leave more than half a page empty
	if d.y()+35 > limitY && d.y() > marginT+20 {
		d.newPage()
	}
	d.heading(1, "ind-"+b.ID, b.Name)
	d.para(T("status")+T("colon")+b.Status+T("sentence-sep")+b.Reason, paraOpt{pt: 9, after: 0.8})
	if b.Caveat != "" {
		d.para(b.Caveat, paraOpt{pt: 9, after: 0.8})
	}
	d.para(T("target")+T("colon")+b.Target+"  “"+b.Quote+"”", paraOpt{pt: 8.5, color: colMuted, after: 1.5})
	if hasChart {
		// the source line cites the sources of the figures charted
		var nums []string
		seen := map[string]bool{}
		for _, v := range b.Values {
			if v.Cite != "" && !seen[v.Cite] {
				seen[v.Cite] = true
				nums = append(nums, v.Cite)
			}
		}
		source := ""
		if len(nums) > 0 {
			source = T("source") + T("colon") + strings.Join(nums, T("list-sep"))
		}
		s := present.ChartSpec(p, ind, b.Result, lang, year, ind.ID)
		if err := d.figure(s, p.FontsFor(lang), detailWidth, source); err != nil {
			return err
		}
	}
	var rows [][]Cell
	for _, v := range b.Values {
		rows = append(rows, []Cell{{Text: fmt.Sprint(v.Year)}, {Text: v.Value}, {Text: v.Cite}, {Text: v.Note}})
	}
	d.table([]float64{textW * 0.1, textW * 0.26, textW * 0.08, textW * 0.56},
		[]string{T("year"), T("value"), T("source"), T("pdf-note")}, rows, 8)
	return nil
}
