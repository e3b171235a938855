package project

import (
	"regexp"
	"sort"
	"strings"

	"planpress/generator/diag"
	"planpress/generator/indicator"
	"planpress/generator/plan"
)

// checkParity reports sections and paragraphs that the source edition (se)
// has and a translation (te) lacks, or the other way: the same pages,
// headings (by id, in order) and directives, and the same number of
// paragraphs in each section.
func checkParity(zh, en *plan.Plan, se, te *Edition) diag.Problems {
	var ps diag.Problems
	enPages := map[string]*plan.Page{}
	for _, pg := range en.Pages {
		enPages[pg.ID] = pg
	}
	zhPages := map[string]bool{}
	for _, z := range zh.Pages {
		zhPages[z.ID] = true
		e := enPages[z.ID]
		if e == nil {
			ps = append(ps, diag.Msg("content/"+te.Code+"/plan", 0, "plan-page-missing", z.ID, te.Name, "content/"+se.Code+"/plan/"+z.ID+".md"))
			continue
		}
		ps = append(ps, pageParity(z, e, se, te)...)
	}
	for _, e := range en.Pages {
		if !zhPages[e.ID] {
			ps = append(ps, diag.Msg(e.File, 0, "plan-page-no-original", e.ID, se.Name, "content/"+se.Code+"/plan"))
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

func pageParity(z, e *plan.Page, se, te *Edition) diag.Problems {
	var ps diag.Problems
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
				ps = append(ps, diag.Msg(e.File, line, "plan-structure", se.Name, b, a))
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
			ps = append(ps, diag.Msg(e.File, line, "plan-paragraphs", id, ec[id], te.Name, zc[id], se.Name))
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

// The glossary (data/glossary.toml) pairs terms of the plan's own text
// (zh) with their English renderings (en): it applies to the translation
// whose data key is en of a source whose data key is zh, as quote_en of
// data/indicators.toml does to the en edition.
const glossarySource, glossaryTarget = "zh", "en"

// checkGlossary reports English paragraphs that do not use the glossary's
// rendering of a term their Chinese paragraph contains, and set formulae
// (patterns) rendered fewer times than the Chinese has them. The terms
// are linear in the size of the glossary and of the text (plus the terms
// found): all terms are looked for at once, each paragraph read once.
func checkGlossary(zh, en *plan.Plan, terms []indicator.Term) diag.Problems {
	var ps diag.Problems
	type formula struct {
		t  indicator.Term
		re *regexp.Regexp
	}
	var formulae []formula
	zhs := make([]string, len(terms))
	for i, t := range terms {
		zhs[i] = t.Zh
		if t.Zh == "" && t.Pattern != "" {
			if re, err := regexp.Compile(t.Pattern); err == nil {
				formulae = append(formulae, formula{t, re}) // an invalid one is reported by the loader
			}
		}
	}
	m := newTermMatcher(zhs)
	// terms with the same Chinese: the matcher reports the first
	same := map[string][]int{}
	for i, t := range terms {
		if t.Zh != "" {
			same[t.Zh] = append(same[t.Zh], i)
		}
	}
	lowEn := make([]string, len(terms))
	for i, t := range terms {
		lowEn[i] = strings.ToLower(t.En)
	}
	seen := make([]bool, m.size())
	enPages := map[string]*plan.Page{}
	for _, pg := range en.Pages {
		enPages[pg.ID] = pg
	}
	var found []int
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
			// a formula is needed as often as the Chinese has it
			for _, f := range formulae {
				n := len(f.re.FindAllStringIndex(pr[0], -1))
				if n == 0 {
					continue
				}
				if have := countAny(pr[1], f.t); have < n {
					ps = append(ps, diag.Msg(e.File, lines[i], "glossary-formula", f.re.FindString(pr[0]), n, f.t.En, have, f.t.Line))
				}
			}
			found = found[:0]
			m.find(pr[0], seen, func(term int) { found = append(found, same[terms[term].Zh]...) })
			if len(found) == 0 {
				continue
			}
			sort.Ints(found) // in glossary order
			low := strings.ToLower(pr[1])
			for _, k := range found {
				if t := terms[k]; !strings.Contains(low, lowEn[k]) {
					ps = append(ps, diag.Msg(e.File, lines[i], "glossary-term", t.Zh, t.En))
				}
			}
		}
	}
	return ps
}

// countAny counts, case-insensitively and as whole words ("or more" is not
// in "for more"), the occurrences of a term's English rendering and of its
// accepted alternatives in s.
func countAny(s string, t indicator.Term) int {
	n := 0
	for _, r := range append([]string{t.En}, t.Also...) {
		n += len(renderingAt(s, r))
	}
	return n
}

// renderingAt returns the positions of the whole-word, case-insensitive
// occurrences of an English rendering in s.
func renderingAt(s, r string) [][]int {
	if r == "" {
		return nil
	}
	re, err := regexp.Compile(`(?i)(^|\PL)(` + regexp.QuoteMeta(r) + `)(\PL|$)`)
	if err != nil {
		return nil
	}
	var at [][]int
	for i := 0; i < len(s); {
		m := re.FindStringSubmatchIndex(s[i:])
		if m == nil {
			break
		}
		at = append(at, []int{i + m[4], i + m[5]})
		i += m[5]
	}
	return at
}

// checkQuotes reports indicator and table quotes not found verbatim in the
// plan's own text (edition se), and sections that do not exist.
func checkQuotes(zh *plan.Plan, reg *indicator.Register, se *Edition) diag.Problems {
	return checkQuotesIn(zh, reg, se, nil, nil)
}

// checkQuotesIn checks the quotes against the plan text of an edition;
// quotes, when given, maps each quote to the edition's own (converted).
// src, when given, is the plan text the edition is converted from: a
// section it lacks is reported by its own check, not again here.
func checkQuotesIn(zh *plan.Plan, reg *indicator.Register, se *Edition, quotes map[string]string, src *plan.Plan) diag.Problems {
	q := func(s string) string {
		if c, ok := quotes[s]; ok {
			return c
		}
		return s
	}
	var ps diag.Problems
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
	var srcSections map[string]*plan.Page
	srcText := ""
	if src != nil {
		srcSections = src.Sections()
		srcText = paraText(src)
	}
	// a quote the source's text lacks is reported by the source's check
	inSource := func(quote string) bool { return src == nil || strings.Contains(srcText, quote) }
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
		quote := q(ind.Quote)
		if pg := sections[ind.Section]; pg != nil && strings.Contains(pageText[pg], quote) {
			continue
		}
		if quote != "" && !strings.Contains(text, quote) && inSource(ind.Quote) {
			ps = append(ps, diag.Msg("data/indicators.toml", reg.KeyLine(&ind, "quote"), "quote-not-in-plan", ind.ID, short(quote), "content/"+se.Code+"/plan", se.Code))
		}
		if sections[ind.Section] == nil && !(ind.Context && ind.Section == "") && (src == nil || srcSections[ind.Section] != nil) {
			ps = append(ps, diag.Msg("data/indicators.toml", reg.KeyLine(&ind, "section"), "indicator-section", ind.ID, ind.Section, "content/"+se.Code+"/plan"))
		}
	}
	for _, row := range reg.Table1.Rows {
		if row.Quote != "" && !strings.Contains(text, q(row.Quote)) && inSource(row.Quote) {
			ps = append(ps, diag.Msg("data/table1.toml", reg.Table1Line(row.Line, "quote"), "table1-quote", short(q(row.Quote)), se.Code))
		}
	}
	return ps
}

// paraText is the plan's paragraphs, one a line.
func paraText(p *plan.Plan) string {
	var paras []string
	for _, pg := range p.Pages {
		for _, b := range pg.Blocks {
			if b.Kind == plan.Para {
				paras = append(paras, b.Text)
			}
		}
	}
	return strings.Join(paras, "\n")
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// checkQuotesEn reports indicators whose English quote is not found verbatim in the English plan at the indicator's section (its own
// paragraphs and those of its items), matched exactly as the Chinese quote
// is.
// An indicator whose section the plan's own text (src) lacks is left out:
// that section is reported.
func checkQuotesEn(en, src *plan.Plan, reg *indicator.Register) diag.Problems {
	var ps diag.Problems
	srcSections := src.Sections()
	text := map[string][]string{} // section id → its paragraphs and its items'
	for _, pg := range en.Pages {
		for _, b := range pg.Blocks {
			if b.Kind != plan.Para {
				continue
			}
			for id := b.Owner; id != ""; id = parentID(id) {
				text[id] = append(text[id], b.Text)
			}
		}
	}
	for _, ind := range reg.Indicators {
		if ind.QuoteEn == "" || srcSections[ind.Section] == nil {
			continue // optional, as quote is; or its section is wrong
		}
		found := false
		for _, p := range text[ind.Section] {
			if strings.Contains(p, ind.QuoteEn) {
				found = true
				break
			}
		}
		if !found {
			ps = append(ps, diag.Msg("data/indicators.toml", reg.KeyLine(&ind, "quote_en"), "quote-en-not-in-plan", ind.ID, ind.Section, short(ind.QuoteEn)))
		}
	}
	return ps
}

// parentID is the id of the section a heading id belongs to: ch3-s1 for
// ch3-s1-i2, ch3 for ch3-s1, "" for a page id.
func parentID(id string) string {
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return ""
}
