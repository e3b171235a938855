package project

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"planpress/generator/indicator"
	"planpress/generator/plan"
)

// checkParity reports sections and paragraphs that one language has and the
// other lacks: the same pages, headings (by id, in order) and directives,
// and the same number of paragraphs in each section.
func checkParity(zh, en *plan.Plan) indicator.Problems {
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
			ps = append(ps, indicator.Problem{File: "content/en/plan", Msg: fmt.Sprintf("page %q is missing in English", z.ID), Hint: "translate content/zh-Hant/plan/" + z.ID + ".md"})
			continue
		}
		ps = append(ps, pageParity(z, e)...)
	}
	for _, e := range en.Pages {
		if !zhPages[e.ID] {
			ps = append(ps, indicator.Problem{File: e.File, Msg: fmt.Sprintf("page %q has no Chinese original", e.ID), Hint: "remove it or add the Chinese page"})
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

func pageParity(z, e *plan.Page) indicator.Problems {
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
				ps = append(ps, indicator.Problem{File: e.File, Line: line, Msg: fmt.Sprintf("section structure differs from the Chinese: %q where the Chinese has %q", b, a), Hint: "the same headings ({#id}) and boxes/tables in the same order in both languages"})
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
			ps = append(ps, indicator.Problem{File: e.File, Line: line, Msg: fmt.Sprintf("section %s has %d paragraphs in English and %d in Chinese", id, ec[id], zc[id]), Hint: "translate each Chinese paragraph as one English paragraph"})
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

// checkGlossary reports English paragraphs that do not use the glossary's
// rendering of a term their Chinese paragraph contains, and set formulae
// (patterns) rendered fewer times than the Chinese has them. The terms
// are linear in the size of the glossary and of the text (plus the terms
// found): all terms are looked for at once, each paragraph read once.
func checkGlossary(zh, en *plan.Plan, terms []indicator.Term) indicator.Problems {
	var ps indicator.Problems
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
					ps = append(ps, indicator.Problem{File: e.File, Line: lines[i], Msg: fmt.Sprintf("the Chinese has the formula %s %d time(s) but the English has %q %d time(s)", f.re.FindString(pr[0]), n, f.t.En, have), Hint: "render the formula as the glossary says (data/glossary.toml, line " + fmt.Sprint(f.t.Line) + ") or change the glossary"})
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
					ps = append(ps, indicator.Problem{File: e.File, Line: lines[i], Msg: fmt.Sprintf("the Chinese has %s but the English lacks %q", t.Zh, t.En), Hint: "use the glossary's term (data/glossary.toml) or change the glossary"})
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
// Chinese plan text, and sections that do not exist.
func checkQuotes(zh *plan.Plan, reg *indicator.Register) indicator.Problems {
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
			ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line, Msg: fmt.Sprintf("quote of %q is not in the plan text: %q", ind.ID, short(ind.Quote)), Hint: "copy the quote exactly from content/zh-Hant/plan (same punctuation, half-width or full-width as there)"})
		}
		if sections[ind.Section] == nil && !(ind.Context && ind.Section == "") {
			ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line, Msg: fmt.Sprintf("indicator %q: section %q is not in the plan", ind.ID, ind.Section), Hint: "use a heading id of content/zh-Hant/plan, e.g. ch2-s3"})
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

// checkQuotesEn reports indicators whose English quote is not found verbatim in the English plan at the indicator's section (its own
// paragraphs and those of its items), matched exactly as the Chinese quote
// is.
func checkQuotesEn(en *plan.Plan, reg *indicator.Register) indicator.Problems {
	var ps indicator.Problems
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
		if ind.QuoteEn == "" {
			continue // optional, as quote is
		}
		found := false
		for _, p := range text[ind.Section] {
			if strings.Contains(p, ind.QuoteEn) {
				found = true
				break
			}
		}
		if !found {
			ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line, Msg: fmt.Sprintf("quote_en of %q is not in the English plan at section %s: %q", ind.ID, ind.Section, short(ind.QuoteEn)), Hint: "copy the words exactly from content/en/plan at that section (same punctuation and capitals), or correct the English plan"})
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
