package project

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"planpress/generator/indicator"
	"planpress/generator/plan"
)

// checkParity reports sections and paragraphs that the source edition (se)
// has and a translation (te) lacks, or the other way: the same pages,
// headings (by id, in order) and directives, and the same number of
// paragraphs in each section.
func checkParity(zh, en *plan.Plan, se, te *Edition) indicator.Problems {
	var ps indicator.Problems
	enPages := map[string]*plan.Page{}
	for _, pg := range en.Pages {
		enPages[pg.ID] = pg
	}
	zhPages := map[string]bool{}
	for _, z := range zh.Pages {
		zhPages[z.ID] = true
		e := enPages[z.ID]
		if e == nil {
			ps = append(ps, indicator.Problem{File: "content/" + te.Code + "/plan", Msg: fmt.Sprintf("page %q is missing in %s", z.ID, te.Name), Hint: "translate content/" + se.Code + "/plan/" + z.ID + ".md"})
			continue
		}
		ps = append(ps, pageParity(z, e, se, te)...)
	}
	for _, e := range en.Pages {
		if !zhPages[e.ID] {
			ps = append(ps, indicator.Problem{File: e.File, Msg: fmt.Sprintf("page %q has no original in %s", e.ID, se.Name), Hint: "remove it or add the page to content/" + se.Code + "/plan"})
		}
	}
	return ps
}

func blockSig(b plan.Block) string {
	switch b.Kind {
	case plan.Section:
		return "## " + b.ID
	case plan.Item:
		return "### " + b.ID
	case plan.Directive:
		return b.Name + " " + b.ID
	}
	return "paragraph"
}

func pageParity(z, e *plan.Page, se, te *Edition) indicator.Problems {
	var ps indicator.Problems
	zc, ec := z.ParagraphCounts(), e.ParagraphCounts()
	zs, es := structure(z), structure(e)
	if strings.Join(zs, "|") != strings.Join(es, "|") {
		// name the first heading or directive that differs
		for i := 0; i < len(zs) || i < len(es); i++ {
			var a, b string
			if i < len(zs) {
				a = zs[i]
			}
			if i < len(es) {
				b = es[i]
			}
			if a != b {
				line := 0
				for _, bl := range e.Blocks {
					if blockSig(bl) == b {
						line = bl.Line
					}
				}
				ps = append(ps, indicator.Problem{File: e.File, Line: line, Msg: fmt.Sprintf("section structure differs from the %s: %q where the %s has %q", se.Name, b, se.Name, a), Hint: "the same headings ({#id}) and boxes/tables in the same order in every edition"})
				break
			}
		}
	}
	for _, id := range orderedOwners(z) {
		if zc[id] != ec[id] {
			line := 0
			for _, bl := range e.Blocks {
				if bl.ID == id || (bl.Owner == id && line == 0) {
					line = bl.Line
					break
				}
			}
			ps = append(ps, indicator.Problem{File: e.File, Line: line, Msg: fmt.Sprintf("section %s has %d paragraphs in %s and %d in %s", id, ec[id], te.Name, zc[id], se.Name), Hint: fmt.Sprintf("translate each %s paragraph as one %s paragraph", se.Name, te.Name)})
		}
	}
	return ps
}

func structure(p *plan.Page) []string {
	var s []string
	for _, b := range p.Blocks {
		if b.Kind != plan.Para {
			s = append(s, blockSig(b))
		}
	}
	return s
}

func orderedOwners(p *plan.Page) []string {
	ids := []string{p.ID}
	for _, h := range p.Headings() {
		ids = append(ids, h.ID)
	}
	return ids
}

// checkGlossary reports paragraphs of a translation (te) that do not use
// the glossary's rendering of a term their paragraph of the source edition
// (se) contains. Terms without a rendering for te are left out.
func checkGlossary(zh, en *plan.Plan, all []indicator.Term, se, te *Edition) indicator.Problems {
	var ps indicator.Problems
	type term struct{ Zh, En string }
	var terms []term
	for _, t := range all {
		if t.Get(te.DataKey) != "" {
			terms = append(terms, term{t.Get(se.DataKey), t.Get(te.DataKey)})
		}
	}
	// all terms in one alternation, longest first; a term inside another
	// (碳中和 in 碳達峰碳中和) is then not matched on its own, so when terms
	// overlap each is also looked up directly in paragraphs that match
	var alts []string
	for _, t := range terms {
		if t.Zh != "" {
			alts = append(alts, regexp.QuoteMeta(t.Zh))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	sort.Slice(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	any := regexp.MustCompile(strings.Join(alts, "|"))
	overlapping := false
	for _, a := range terms {
		for _, b := range terms {
			if a.Zh != b.Zh && a.Zh != "" && b.Zh != "" && strings.Contains(a.Zh, b.Zh) {
				overlapping = true
			}
		}
	}
	enPages := map[string]*plan.Page{}
	for _, pg := range en.Pages {
		enPages[pg.ID] = pg
	}
	for _, z := range zh.Pages {
		e := enPages[z.ID]
		if e == nil || len(e.Blocks) != len(z.Blocks) {
			continue // parity reports it
		}
		pairs := [][2]string{{z.Title, e.Title}}
		lines := []int{1}
		for i := range z.Blocks {
			pairs = append(pairs, [2]string{z.Blocks[i].Text, e.Blocks[i].Text})
			lines = append(lines, e.Blocks[i].Line)
		}
		for i, pr := range pairs {
			// one pass finds the terms a paragraph contains
			found := map[string]bool{}
			for _, m := range any.FindAllString(pr[0], -1) {
				found[m] = true
			}
			if len(found) == 0 {
				continue
			}
			low := strings.ToLower(pr[1])
			for _, t := range terms {
				if t.Zh != "" && (found[t.Zh] || strings.Contains(pr[0], t.Zh) && overlapping) && !strings.Contains(low, strings.ToLower(t.En)) {
					ps = append(ps, indicator.Problem{File: e.File, Line: lines[i], Msg: fmt.Sprintf("the %s has %s but the %s lacks %q", se.Name, t.Zh, te.Name, t.En), Hint: "use the glossary's term (data/glossary.toml) or change the glossary"})
				}
			}
		}
	}
	return ps
}

// checkQuotes reports indicator and table quotes not found verbatim in the
// plan's own text (edition se), and sections that do not exist.
func checkQuotes(zh *plan.Plan, reg *indicator.Register, se *Edition) indicator.Problems {
	var ps indicator.Problems
	var paras []string
	for _, pg := range zh.Pages {
		for _, b := range pg.Blocks {
			if b.Kind == plan.Para {
				paras = append(paras, b.Text)
			}
		}
	}
	text := strings.Join(paras, "\n")
	sections := zh.Sections()
	pageText := map[*plan.Page]string{}
	for _, pg := range zh.Pages {
		var ps []string
		for _, b := range pg.Blocks {
			if b.Kind == plan.Para {
				ps = append(ps, b.Text)
			}
		}
		pageText[pg] = strings.Join(ps, "\n")
	}
	for _, ind := range reg.Indicators {
		// the quote is looked for in its own page, and only when not there
		// in the whole text: linear in the size of the plan
		if pg := sections[ind.Section]; pg != nil && strings.Contains(pageText[pg], ind.Quote) {
			continue
		}
		if ind.Quote != "" && !strings.Contains(text, ind.Quote) {
			ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line, Msg: fmt.Sprintf("quote of %q is not in the plan text: %q", ind.ID, short(ind.Quote)), Hint: "copy the quote exactly from content/" + se.Code + "/plan (same punctuation, half-width or full-width as there)"})
		}
		if sections[ind.Section] == nil {
			ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line, Msg: fmt.Sprintf("indicator %q: section %q is not in the plan", ind.ID, ind.Section), Hint: "use a heading id of content/" + se.Code + "/plan, e.g. ch2-s3"})
		}
	}
	for _, row := range reg.Table1.Rows {
		if row.Quote != "" && !strings.Contains(text, row.Quote) {
			ps = append(ps, indicator.Problem{File: "data/table1.toml", Line: row.Line, Msg: fmt.Sprintf("quote %q is not in the plan text", short(row.Quote)), Hint: "copy the quote exactly from the plan text"})
		}
	}
	return ps
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
