package report

import (
	"fmt"

	"planpress/generator/output"
	"planpress/generator/plan"
	"planpress/generator/present"
	"planpress/generator/project"
)

// planPDF is the full plan text in lang.
func planPDF(p *project.Project, lang string, warn *Warnings) ([]byte, error) {
	pl := p.Plans[lang]
	m := meta(p, lang, pl.Index.Title, p.T(lang, "pdf-plan-subject"))
	return write(p.FontsFor(lang), m, output.PlanPDF(lang), warn, func(d *doc) error {
		md := pl.Index.Meta
		var lines []string
		if md != nil {
			lines = append(lines, md.Issuer, md.DocNumber,
				p.T(lang, "meta-written-date")+p.T(lang, "colon")+md.WrittenDate,
				p.T(lang, "meta-publication-date")+p.T(lang, "colon")+md.PublicationDate)
		}
		lines = append(lines, "", p.T(lang, "edition")+p.T(lang, "colon")+p.Config.Date)
		cover(d, p.T(lang, "pdf-plan-kicker"), pl.Index.Title, lines)

		d.newPage()
		d.heading(0, "doc-meta", p.T(lang, "doc-meta"))
		if md != nil {
			var rows [][]Cell
			for _, kv := range md.Fields() {
				v := kv[1]
				if v == "" {
					v = p.T(lang, "meta-empty")
				}
				rows = append(rows, []Cell{{Text: p.T(lang, kv[0])}, {Text: v}})
			}
			d.table([]float64{45, textW - 45}, []string{p.T(lang, "item"), p.T(lang, "value")}, rows, 9.5)
		}
		var entries []Anchor
		for _, pg := range pl.Pages {
			entries = append(entries, Anchor{ID: pg.ID, Title: pg.Title, Level: 0})
			for _, h := range pg.Headings() {
				if h.Kind == plan.Section {
					entries = append(entries, Anchor{ID: h.ID, Title: h.Text, Level: 1})
				}
			}
		}
		d.reserveContents(p.T(lang, "contents"), entries)
		for _, pg := range pl.Pages {
			if err := planPage(d, p, lang, pg); err != nil {
				return err
			}
		}
		return nil
	})
}

func planPage(d *doc, p *project.Project, lang string, pg *plan.Page) error {
	d.newPage()
	d.heading(0, pg.ID, pg.Title)
	indent := 0.0
	after := 2.2
	if p.Edition(lang).CJK {
		indent = 2 * 10.5 * 0.3528
		after = 1.2
	}
	nParas := 0
	for _, b := range pg.Blocks {
		if b.Kind == plan.Para {
			nParas++
		}
	}
	k := 0
	defer func() { d.src = "" }()
	for _, b := range pg.Blocks {
		d.src = fmt.Sprintf("%s:%d", pg.File, b.Line)
		switch b.Kind {
		case plan.Para:
			k++
			o := paraOpt{indent: indent, after: after}
			if n := p.Config.Notice; pg.Kind == "notice" && (k <= n.FlushLeft || k > nParas-n.Signed) {
				// document number and addressees stand flush left as in
				// the source; the issuer and date are set to the right
				o.indent = 0
				if k > nParas-n.Signed {
					o.align = "R"
				}
			}
			d.para(b.Text, o)
		case plan.Section:
			d.heading(1, b.ID, b.Text)
		case plan.Item:
			d.heading(2, b.ID, b.Text)
		case plan.Directive:
			switch b.Name {
			case "box":
				d.note(b.Text, p.T(lang, "box-not-published"))
			case "table":
				tableBlock(d, p, lang, b)
			}
		}
	}
	return nil
}

// tableBlock writes a table rebuilt from data (data/site.toml [tables])
// where the plan shows its image.
func tableBlock(d *doc, p *project.Project, lang string, b plan.Block) {
	d.setY(d.y() + 2)
	t := p.Config.Tables
	switch {
	case b.ID != "" && b.ID == t.Results:
		t1 := p.Reg.Table1
		d.para(p.Text(t1.Title, lang), paraOpt{pt: 11, color: colAccent, after: 1})
		d.para(p.Text(t1.Note, lang), paraOpt{pt: 9, color: colMuted, after: 2})
		var rows [][]Cell
		for _, r := range t1.Rows {
			rows = append(rows, []Cell{{Text: p.Text(r.Item, lang)}, {Text: p.Text(r.Value, lang)}})
		}
		d.table([]float64{textW * 0.45, textW * 0.55}, []string{p.T(lang, "item"), p.T(lang, "result")}, rows, 9)
	case b.ID != "" && b.ID == t.Targets:
		d.para(p.T(lang, "table2-title"), paraOpt{pt: 11, color: colAccent, after: 1})
		d.para(p.T(lang, "table2-note"), paraOpt{pt: 9, color: colMuted, after: 2})
		var rows [][]Cell
		for i := range p.Reg.Indicators {
			ind := &p.Reg.Indicators[i]
			if ind.Section != t.TargetsSection {
				continue
			}
			base := present.BaselineText(p, ind, lang)
			if base == "" {
				base = "—"
			}
			rows = append(rows, []Cell{{Text: p.Text(ind.Name, lang)}, {Text: base}, {Text: present.TargetText(p, ind, lang)}})
		}
		d.table([]float64{textW * 0.4, textW * 0.2, textW * 0.4}, []string{p.T(lang, "indicator"), p.T(lang, "baseline"), p.T(lang, "target")}, rows, 9)
	default:
		d.note(b.Text, p.T(lang, "table-image-note"))
	}
}
