package site

import (
	"fmt"
	"html/template"

	"planpress/generator/chart"
	"planpress/generator/output"
	"planpress/generator/present"
)

// ReportBody is a yearly progress report: the same content as the PDF of
// that year (present.Report), with the charts as SVG.
type ReportBody struct {
	*present.Report
	Areas      []ReportAreaView
	PDF        string
	Prev, Next *TOCEntry
}

// ReportAreaView is an area of a report with its detail blocks' charts.
type ReportAreaView struct {
	present.ReportArea
	Blocks []ReportBlock
}

// ReportBlock is a detail block with its chart ("" when it has none).
type ReportBlock struct {
	*present.Block
	Chart template.HTML
}

func (r *builder) report(lang string, year int) error {
	p := r.p
	rep := present.NewReport(p, lang, year)
	b := &ReportBody{Report: rep, PDF: output.ReportPDF(year, lang)}
	for _, a := range rep.Areas {
		av := ReportAreaView{ReportArea: a}
		for _, blk := range a.Details {
			rb := ReportBlock{Block: blk}
			hasValue := false
			for _, o := range p.Reg.ObservationsOf(blk.ID) {
				hasValue = hasValue || (o.Value != nil && o.Year <= year)
			}
			if hasValue {
				spec := present.ChartSpec(p, blk.Ind, blk.Result, lang, year, "r-"+blk.ID)
				spec.Desc = present.Describe(p, blk.Ind, spec, blk.Target, blk.Status, lang)
				svg, err := chart.SVG(spec, p.FontsFor(lang))
				if err != nil {
					return fmt.Errorf("report %d %s: chart of %s: %w", year, lang, blk.ID, err)
				}
				rb.Chart = template.HTML(svg)
			}
			av.Blocks = append(av.Blocks, rb)
		}
		b.Areas = append(b.Areas, av)
	}
	for i, y := range p.Years {
		if y != year {
			continue
		}
		if i > 0 {
			b.Prev = &TOCEntry{Title: fmt.Sprintf(p.T(lang, "report-title"), p.Years[i-1]), URL: output.Report(lang, p.Years[i-1])}
		}
		if i+1 < len(p.Years) {
			t := fmt.Sprintf(p.T(lang, "report-title"), p.Years[i+1])
			if p.Years[i+1] >= p.Config.TargetYear {
				t = fmt.Sprintf(p.T(lang, "final-report-title"), p.Years[i+1])
			}
			b.Next = &TOCEntry{Title: t, URL: output.Report(lang, p.Years[i+1])}
		}
	}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "report", Nav: "reports",
		Path: output.Report(lang, year), AltPath: output.Report(p.Other(lang), year), Title: rep.Title, Body: b})
}
