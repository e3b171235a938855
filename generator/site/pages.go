package site

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"path"
	"sort"
	"strings"
	"sync"

	"planpress/generator/assess"
	"planpress/generator/chart"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/plan"
	"planpress/generator/present"
	"planpress/generator/project"
)

// jobs returns one function per output file or group of files.
func (r *builder) jobs() []func() error {
	p := r.p
	var jobs []func() error
	jobs = append(jobs, r.rootPage, r.notFound, r.searchFold)
	for _, lang := range r.p.Langs() {
		lang := lang
		jobs = append(jobs,
			func() error { return r.home(lang) },
			func() error { return r.planIndex(lang) },
			func() error { return r.indicatorIndex(lang) },
			func() error { return r.reportIndex(lang) },
			func() error { return r.searchIndex(lang) },
			func() error { return r.feed(lang) },
		)
		if p.Config.HasTables() {
			jobs = append(jobs, func() error { return r.tables(lang) })
		}
		pl := p.Plans[lang]
		for i := range pl.Pages {
			i := i
			jobs = append(jobs, func() error { return r.chapter(lang, i) })
		}
		for name := range p.Pages[lang] {
			name := name
			jobs = append(jobs, func() error { return r.contentPage(lang, name) })
		}
		for i := range p.Reg.Indicators {
			ind := &p.Reg.Indicators[i]
			jobs = append(jobs, func() error { return r.indicatorPage(lang, ind) })
		}
		for _, y := range p.Years {
			y := y
			jobs = append(jobs, func() error { return r.report(lang, y) })
		}
	}
	return jobs
}

// laterJobs are the pages made of parts that jobs produce.
func (r *builder) laterJobs() []func() error {
	var jobs []func() error
	for _, lang := range r.p.Langs() {
		lang := lang
		jobs = append(jobs, func() error { return r.planAll(lang) })
	}
	return jobs
}

// inEveryLanguage is a text in each edition's language, in edition order.
func (r *builder) inEveryLanguage(t indicator.Text) []string {
	var out []string
	for _, lang := range r.p.Langs() {
		out = append(out, r.p.Text(t, lang))
	}
	return out
}

// rootPage is the language choice at the site root, in the preferred
// edition's language, which it lists first; it names the plan in every
// language.
func (r *builder) rootPage() error {
	lang := r.p.Preferred().Code
	var title []string
	for _, e := range r.p.PreferredFirst() {
		title = append(title, r.p.Text(r.p.Config.Title, e.Code))
	}
	return r.page(&Page{Lang: lang, Other: r.p.Other(lang), Template: "root", Path: output.Root, AltPath: output.Root,
		Title: strings.Join(title, " · ")})
}

// notFound is served for any missing path: it speaks every language.
func (r *builder) notFound() error {
	lang := r.p.Preferred().Code
	var title []string
	for _, l := range r.p.Langs() {
		title = append(title, r.p.T(l, "not-found"))
	}
	return r.page(&Page{Lang: lang, Other: r.p.Other(lang), Template: "404", Path: output.NotFound, NoIndex: true,
		Title: strings.Join(title, " · ")})
}

// Count is a status and how many indicators have it.
type Count struct {
	Status assess.Status
	Label  string
	Class  string
	N      int
}

// AreaScore is an area's indicators by status.
type AreaScore struct {
	ID, Name    string
	Counts      []Count
	Total       int
	Inds        []*IndView
	Reporting   []Count // by reporting status (Status is the reporting status)
	Provisional int     // verdicts marked provisional
	// ProgressBar and ReportingBar draw Counts and Reporting as stacked
	// bars (SVG, hidden from assistive technology: the counts are text).
	ProgressBar, ReportingBar template.HTML
}

// reportings are the reporting statuses in legend order.
var reportings = []assess.Reporting{assess.ReportedOfficial, assess.ReportedMedia, assess.NotFound}

// stackedBar draws counts as one bar of segments, widths in proportion.
func stackedBar(cs []Count) template.HTML {
	total := 0
	for _, c := range cs {
		total += c.N
	}
	if total == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<svg class="bar" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true" focusable="false">`)
	x, seen := 0, 0
	for _, c := range cs {
		if c.N == 0 {
			continue
		}
		seen += c.N
		w := c.N * 1000 / total
		if seen == total {
			w = 1000 - x // the last segment ends the bar
		}
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="0" width="%d" height="16" fill="currentColor"/>`, html.EscapeString(c.Class), x, w)
		x += w
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// scorecard counts statuses overall and per area as of year.
func (r *builder) scorecard(lang string, year int, withViews bool) ([]Count, []AreaScore) {
	p := r.p
	total := map[assess.Status]int{}
	var areas []AreaScore
	for _, a := range p.Reg.Areas {
		as := AreaScore{ID: a.ID, Name: p.Text(a.Name, lang)}
		per := map[assess.Status]int{}
		rep := map[assess.Reporting]int{}
		for _, ind := range p.Reg.InArea(a.ID) {
			if ind.Commitment() { // context series and forecasts are not counted
				res := p.Results[ind.ID][year]
				per[res.Status]++
				total[res.Status]++
				rep[res.Reporting]++
				as.Total++
				if res.Provisional && res.Status.Verdict() {
					as.Provisional++
				}
			}
			if withViews {
				as.Inds = append(as.Inds, r.indView(ind, lang, year))
			}
		}
		as.Counts = counts(p, per, lang)
		for _, rs := range reportings {
			as.Reporting = append(as.Reporting, Count{Status: assess.Status(rs), Label: p.T(lang, rs.Key()), Class: "rp-" + string(rs), N: rep[rs]})
		}
		as.ProgressBar, as.ReportingBar = stackedBar(as.Counts), stackedBar(as.Reporting)
		areas = append(areas, as)
	}
	return counts(p, total, lang), areas
}

func counts(p *project.Project, m map[assess.Status]int, lang string) []Count {
	var cs []Count
	for _, s := range assess.Statuses() {
		cs = append(cs, Count{Status: s, Label: p.T(lang, s.Key()), Class: present.StatusClass(s), N: m[s]})
	}
	return cs
}

// HomeBody is the home page.
type HomeBody struct {
	Year      int
	Final     bool
	Counts    []Count
	Areas     []AreaScore
	Headlines []*IndView
	Total     int
	Answer    string // one or two sentences with the numbers (data/i18n home-answer)
}

// answer fills the home page's answer sentences (the UI strings
// home-answer and home-answer-provisional) with the counts of year.
func answer(p *project.Project, lang string, year, total int, cs []Count, areas []AreaScore) string {
	n := map[assess.Status]int{}
	for _, c := range cs {
		n[c.Status] = c.N
	}
	prov := 0
	for _, a := range areas {
		prov += a.Provisional
	}
	d := func(k int) string { return fmt.Sprint(k) }
	rep := strings.NewReplacer("{year}", d(year), "{total}", d(total),
		"{met}", d(n[assess.Achieved]), "{early}", d(n[assess.ReachedEarly]), "{missed}", d(n[assess.NotAchieved]),
		"{ontrack}", d(n[assess.OnTrack]), "{offtrack}", d(n[assess.Acceleration]+n[assess.Limited]+n[assess.Deterioration]),
		"{undetermined}", d(n[assess.Undetermined]), "{nodata}", d(n[assess.NoData]), "{provisional}", d(prov))
	s := rep.Replace(p.T(lang, "home-answer"))
	if prov > 0 {
		s += rep.Replace(p.T(lang, "home-answer-provisional"))
	}
	return s
}

// chartFiles writes a chart's downloads (base.svg, base.png) and its
// og:image (og.png beside them, the same image as base.png), all from the
// same chart definition.
func (r *builder) chartFiles(v *IndView, lang, base string) error {
	fs := r.p.FontsFor(lang)
	svg, err := chart.SVGLayout(*v.Spec, fs, chart.Screen, nil)
	if err != nil {
		return err
	}
	r.add(output.File{Path: base + ".svg", Data: append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), svg...)})
	png, err := chart.PNG(*v.Spec, fs, chart.OpenGraph)
	if err != nil {
		return err
	}
	r.add(output.File{Path: base + ".png", Data: png})
	r.add(output.File{Path: path.Dir(base) + "/og.png", Data: png})
	return nil
}

// ogImage writes the 1200 × 630 image of a chart at site path at.
func (r *builder) ogImage(v *IndView, lang, at string) error {
	png, err := chart.PNG(*v.Spec, r.p.FontsFor(lang), chart.OpenGraph)
	if err != nil {
		return err
	}
	r.add(output.File{Path: at, Data: png})
	return nil
}

// ogChart is the chart of a home or report page's og:image: the first
// headline indicator with a chart as of year.
func (r *builder) ogChart(lang string, year int) *IndView {
	p := r.p
	ids := append([]string(nil), p.Config.Headlines...)
	for _, ind := range p.Reg.Indicators {
		ids = append(ids, ind.ID)
	}
	for _, id := range ids {
		if ind := p.Reg.Indicator(id); ind != nil && ind.Commitment() {
			if v := r.indViewChart(ind, lang, year); v.HasChart {
				return v
			}
		}
	}
	return nil
}

func (r *builder) home(lang string) error {
	p := r.p
	year := p.LatestYear()
	total := 0
	for _, ind := range p.Reg.Indicators {
		if ind.Commitment() {
			total++
		}
	}
	b := &HomeBody{Year: year, Final: year >= p.Config.TargetYear, Total: total}
	b.Counts, b.Areas = r.scorecard(lang, year, false)
	b.Answer = answer(p, lang, year, total, b.Counts, b.Areas)
	for _, id := range p.Config.Headlines {
		if ind := p.Reg.Indicator(id); ind != nil && len(b.Headlines) < 4 {
			if v := r.indViewChart(ind, lang, year); v.HasChart {
				b.Headlines = append(b.Headlines, v)
			}
		}
	}
	for i := range p.Reg.Indicators {
		if len(b.Headlines) >= 4 {
			break
		}
		ind := &p.Reg.Indicators[i]
		dup := false
		for _, h := range b.Headlines {
			dup = dup || h.ID == ind.ID
		}
		if !dup && len(p.Reg.ObservationsOf(ind.ID)) >= 3 {
			if v := r.indViewChart(ind, lang, year); v.HasChart {
				b.Headlines = append(b.Headlines, v)
			}
		}
	}
	pg := &Page{Lang: lang, Other: p.Other(lang), Template: "home", Nav: "home",
		Path: output.Home(lang), AltPath: output.Home(p.Other(lang)), Title: p.Text(p.Config.Short, lang), Body: b}
	if v := r.ogChart(lang, year); v != nil {
		pg.OGImage = output.Home(lang) + "og.png"
		if err := r.ogImage(v, lang, pg.OGImage); err != nil {
			return err
		}
	}
	return r.page(pg)
}

// TOCEntry is a line of the plan's table of contents.
type TOCEntry struct {
	Title string
	URL   string // site path
	Href  string // link from the plan index page
	Level int
	Kids  []TOCEntry
}

// PlanIndexBody is the plan index page.
type PlanIndexBody struct {
	Meta    [][2]string
	TOC     []TOCEntry
	TOCHTML template.HTML // TOC as list items, escaped as the templates escape
	Intro   template.HTML
}

func (r *builder) toc(lang string) []TOCEntry {
	var out []TOCEntry
	for _, pg := range r.p.Plans[lang].Pages {
		url := output.PlanPage(lang, pg.ID)
		e := TOCEntry{Title: pg.Title, URL: url, Href: relLink(output.Plan(lang), url), Level: 1}
		for _, h := range pg.Headings() {
			if h.Kind == plan.Section {
				e.Kids = append(e.Kids, TOCEntry{Title: h.Text, URL: url + "#" + h.ID, Href: e.Href + "#" + h.ID, Level: 2})
			}
		}
		out = append(out, e)
	}
	return out
}

// tocItems writes the entries as <li> elements with nested lists, one
// line per entry; a contents of thousands of lines is written here rather
// than by a template loop.
func tocItems(toc []TOCEntry) template.HTML {
	var b bytes.Buffer
	item := func(e TOCEntry) {
		b.WriteString(`<li><a href="`)
		writeEscaped(&b, e.Href, escURL)
		b.WriteString(`">`)
		writeEscaped(&b, e.Title, escHTML)
		b.WriteString(`</a>`)
	}
	for _, e := range toc {
		item(e)
		if len(e.Kids) > 0 {
			b.WriteString(`<ol>`)
			for _, k := range e.Kids {
				item(k)
				b.WriteString(`</li>`)
			}
			b.WriteString(`</ol>`)
		}
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

func (r *builder) planIndex(lang string) error {
	p := r.p
	idx := p.Plans[lang].Index
	b := &PlanIndexBody{TOC: r.toc(lang)}
	b.TOCHTML = tocItems(b.TOC)
	if m := idx.Meta; m != nil {
		for _, kv := range m.Fields() {
			v := kv[1]
			if v == "" {
				v = p.T(lang, "meta-empty")
			}
			b.Meta = append(b.Meta, [2]string{p.T(lang, kv[0]), v})
		}
	}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "planindex", Nav: "plan",
		Path: output.Plan(lang), AltPath: output.Plan(p.Other(lang)), Title: idx.Title, Body: b})
}

// ChapterBody is a page of the plan text.
type ChapterBody struct {
	HTML       template.HTML
	Prev, Next *TOCEntry
	Kind       string
}

func (r *builder) chapter(lang string, i int) error {
	p := r.p
	pages := p.Plans[lang].Pages
	pg := pages[i]
	// the plan's own text, and an edition converted from it, mark the
	// quotes in place; translations list the commitments after paragraphs
	own := lang == p.Source().Code || p.QuoteLang(lang) == lang
	var after func(int) string
	if !own {
		after = r.commitmentNotes(lang, pg.ID)
	}
	conv, err := r.converted(lang, pg)
	if err != nil {
		return err
	}
	r.parts[lang][i] = allPart(pg, conv.finish(func(d Directive) string { return r.directive(lang, d) }, nil))
	bodyHTML := conv.finish(func(d Directive) string { return r.directive(lang, d) }, after)
	if own {
		bodyHTML = r.highlightQuotes(lang, pg, bodyHTML)
	}
	bodyHTML = altLinks(bodyHTML, p.Other(lang), pg.ID, p.T(p.Other(lang), "lang-short"), p.T(p.Other(lang), "alt-section"))
	b := &ChapterBody{HTML: template.HTML(bodyHTML), Kind: pg.Kind}
	if i > 0 {
		b.Prev = &TOCEntry{Title: pages[i-1].Title, URL: output.PlanPage(lang, pages[i-1].ID)}
	}
	if i+1 < len(pages) {
		b.Next = &TOCEntry{Title: pages[i+1].Title, URL: output.PlanPage(lang, pages[i+1].ID)}
	}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "chapter", Nav: "plan",
		Path: output.PlanPage(lang, pg.ID), AltPath: output.PlanPage(p.Other(lang), pg.ID), Title: pg.Title, Body: b})
}

// commitmentNotes returns, for a translated page, a function that adds after
// each paragraph the commitments whose Chinese quote stands in the same
// paragraph of the original (parity guarantees the same position).
func (r *builder) commitmentNotes(lang, pageID string) func(int) string {
	p := r.p
	var zh *plan.Page
	for _, pg := range p.Plans[p.Source().Code].Pages {
		if pg.ID == pageID {
			zh = pg
		}
	}
	if zh == nil {
		return nil
	}
	var paras []string
	for _, b := range zh.Blocks {
		if b.Kind == plan.Para {
			paras = append(paras, b.Text)
		}
	}
	notes := map[int][]string{}
	for _, ind := range r.stated[pageID] {
		if ind.Quote == "" {
			continue
		}
		for k, t := range paras {
			if strings.Contains(t, p.Quote(ind, lang)) {
				res := p.Results[ind.ID][p.LatestYear()]
				notes[k] = append(notes[k], fmt.Sprintf(`<a href="%s">%s</a> <span class="badge %s">%s</span>`,
					html.EscapeString(relLink(output.PlanPage(lang, pageID), output.Indicator(lang, ind.ID))), html.EscapeString(p.Text(ind.Name, lang)), present.StatusClass(res.Status), html.EscapeString(present.StatusText(p, ind, res, lang))))
				break
			}
		}
	}
	label := html.EscapeString(p.T(lang, "commitments-here"))
	return func(k int) string {
		if len(notes[k]) == 0 {
			return ""
		}
		return `<p class="commitments"><span>` + label + `</span> ` + strings.Join(notes[k], " · ") + "</p>\n"
	}
}

// altLinks adds, after each heading's permalink, a link to the same section
// in the edition o, the one the language switch leads to.
func altLinks(h, o, page, label, name string) string {
	const open = `<a class="permalink" href="#`
	from := output.PlanPage(o, page) // the same depth as the page in its own edition
	pre := ` <a class="alt" href="` + html.EscapeString(relLink(from, from)) + `#`
	post := `" hreflang="` + o + `" lang="` + o + `" aria-label="` + html.EscapeString(label+" "+name) + `">` + html.EscapeString(label) + `</a>`
	var b strings.Builder
	b.Grow(len(h) + strings.Count(h, open)*(len(pre)+len(post)+32))
	for {
		i := strings.Index(h, open)
		if i < 0 {
			break
		}
		rest := h[i+len(open):]
		n := 0
		for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= '0' && rest[n] <= '9' || rest[n] == '-') {
			n++
		}
		id := rest[:n]
		end := strings.Index(rest, "</a>")
		if n == 0 || n >= len(rest) || rest[n] != '"' || end < 0 || !strings.HasSuffix(rest[:end], ">#") {
			b.WriteString(h[:i+len(open)])
			h = rest
			continue
		}
		cut := i + len(open) + end + len("</a>")
		b.WriteString(h[:cut])
		b.WriteString(pre + id + post)
		h = h[cut:]
	}
	b.WriteString(h)
	return b.String()
}

// converted returns a plan page's body converted once, shared by its
// chapter page and the whole-plan page.
func (r *builder) converted(lang string, pg *plan.Page) (*converted, error) {
	v, _ := r.bodies.LoadOrStore(lang+"/"+pg.ID, &memo{})
	m := v.(*memo)
	m.once.Do(func() {
		m.c, m.err = convert(r.md[lang], pg.Body)
		if m.err != nil {
			m.err = fmt.Errorf("%s: %w", pg.File, m.err)
		}
	})
	return m.c, m.err
}

type memo struct {
	once sync.Once
	c    *converted
	err  error
}

// AllBody is the whole plan text on one page, for printing and reading
// offline.
type AllBody struct {
	HTML    template.HTML
	Heading string // the plan's title (the page title says "full text")
}

func (r *builder) planAll(lang string) error {
	p := r.p
	parts := r.parts[lang]
	n := 0
	for _, h := range parts {
		n += len(h)
	}
	var all strings.Builder
	all.Grow(n)
	for _, h := range parts {
		all.WriteString(h)
	}
	b := &AllBody{HTML: template.HTML(all.String()), Heading: p.Plans[lang].Index.Title}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "planall", Nav: "plan",
		Path: output.PlanAll(lang), AltPath: output.PlanAll(p.Other(lang)), Title: fmt.Sprintf(p.T(lang, "plan-all-title"), b.Heading), Body: b})
}

// allPart is a plan page as a part of the whole-plan page: its headings
// move down one level under the part's h2 (ids stay unique).
func allPart(pg *plan.Page, h string) string {
	id := html.EscapeString(pg.ID)
	var b strings.Builder
	b.Grow(len(h) + 3*len(id) + len(pg.Title) + 128)
	b.WriteString(`<section class="part k-`)
	b.WriteString(html.EscapeString(pg.Kind))
	b.WriteString(`" aria-labelledby="` + id + `"><h2 id="` + id + `">`)
	b.WriteString(html.EscapeString(pg.Title))
	b.WriteString(`</h2>`)
	headingsDown(&b, h)
	b.WriteString(`</section>`)
	return b.String()
}

// headingsDown writes h with its h2 and h3 elements made h3 and h4.
func headingsDown(b *strings.Builder, h string) {
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 || i+3 >= len(h) {
			b.WriteString(h)
			return
		}
		j := i + 1
		if h[j] == '/' {
			j++
		}
		if j+1 < len(h) && h[j] == 'h' && (h[j+1] == '2' || h[j+1] == '3') && j+2 < len(h) && (h[j+2] == '>' || h[j+2] == ' ') {
			b.WriteString(h[:j+1])
			b.WriteByte(h[j+1] + 1)
			h = h[j+2:]
			continue
		}
		b.WriteString(h[:j])
		h = h[j:]
	}
}

// highlightQuotes marks each commitment's quote in the Chinese text and
// links it to its indicator page, with the status as text. Quotes that
// overlap (one sentence states several commitments) share one mark.
func (r *builder) highlightQuotes(lang string, pg *plan.Page, h string) string {
	p := r.p
	type span struct {
		start, end int
		inds       []*indicator.Indicator
	}
	var spans []span
	text := textSpans(h) // quotes are marked in text only, never inside an attribute
	for _, ind := range r.stated[pg.ID] {
		if ind.Quote == "" {
			continue
		}
		q := strings.ReplaceAll(html.EscapeString(p.Quote(ind, lang)), "&#34;", "&quot;")
		at := textIndex(h, q, text)
		if at < 0 {
			continue
		}
		spans = append(spans, span{at, at + len(q), []*indicator.Indicator{ind}})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var merged []span
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, sp.end)
			merged[n-1].inds = append(merged[n-1].inds, sp.inds...)
			continue
		}
		merged = append(merged, sp)
	}
	year := p.LatestYear()
	link := func(ind *indicator.Indicator) string {
		return html.EscapeString(relLink(output.PlanPage(lang, pg.ID), output.Indicator(lang, ind.ID)))
	}
	for i := len(merged) - 1; i >= 0; i-- {
		sp := merged[i]
		text := h[sp.start:sp.end]
		var repl string
		if len(sp.inds) == 1 {
			ind := sp.inds[0]
			res := p.Results[ind.ID][year]
			repl = fmt.Sprintf(`<mark class="commitment"><a href="%s">%s</a> <span class="badge %s">%s</span></mark>`,
				link(ind), text, present.StatusClass(res.Status), html.EscapeString(present.StatusText(p, ind, res, lang)))
		} else {
			var refs []string
			for _, ind := range sp.inds {
				res := p.Results[ind.ID][year]
				refs = append(refs, fmt.Sprintf(`<a class="badge %s" href="%s">%s%s%s</a>`, present.StatusClass(res.Status), link(ind),
					html.EscapeString(p.Text(ind.Name, lang)), html.EscapeString(p.T(lang, "colon")), html.EscapeString(present.StatusText(p, ind, res, lang))))
			}
			repl = `<mark class="commitment">` + text + ` ` + strings.Join(refs, " ") + `</mark>`
		}
		h = h[:sp.start] + repl + h[sp.end:]
	}
	return h
}

// directive renders a toc, table or box line of the plan text.
func (r *builder) directive(lang string, d Directive) string {
	p := r.p
	esc := html.EscapeString
	switch d.Name {
	case "box":
		return fmt.Sprintf(`<aside class="box" id="%s" aria-labelledby="%s-h"><h3 id="%s-h">%s</h3><p>%s</p></aside>`,
			esc(d.ID), esc(d.ID), esc(d.ID), esc(d.Title), esc(p.T(lang, "box-not-published")))
	case "table":
		if t := p.Config.Tables; d.ID == "" || (d.ID != t.Results && d.ID != t.Targets) {
			// a table the site does not rebuild: the note alone
			return fmt.Sprintf(`<aside class="box table-ref" id="%s"><h3>%s</h3><p>%s</p></aside>`,
				esc(d.ID), esc(d.Title), esc(p.T(lang, "table-image-note")))
		}
		// the same link from every plan page (a chapter, the whole plan): all at one depth
		return fmt.Sprintf(`<aside class="box table-ref" id="%s"><h3>%s</h3><p>%s <a href="%s">%s</a></p></aside>`,
			esc(d.ID), esc(d.Title), esc(p.T(lang, "table-image-note")), esc(relLink(output.PlanAll(lang), output.Tables(lang)+"#"+d.ID)), esc(p.T(lang, "table-see")))
	case "toc":
		var b strings.Builder
		b.WriteString(`<nav class="toc"><ol>`)
		for _, e := range r.toc(lang) {
			fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, esc(strings.TrimPrefix(e.URL, lang+"/plan/")+"index.html"), esc(e.Title))
		}
		b.WriteString(`</ol></nav>`)
		return b.String()
	}
	return ""
}

// IndicatorIndexBody is the list of indicators by area.
type IndicatorIndexBody struct {
	Year    int
	Counts  []Count
	Areas   []AreaScore
	Context []*IndView    // context series: listed apart, never counted
	Filter  assess.Status // "" for all
}

func (r *builder) indicatorIndex(lang string) error {
	p := r.p
	year := p.LatestYear()
	counts, areas := r.scorecard(lang, year, true)
	var context []*IndView
	for i := range areas {
		var keep []*IndView
		for _, v := range areas[i].Inds {
			if v.Ind.Context {
				context = append(context, v)
			} else {
				keep = append(keep, v)
			}
		}
		areas[i].Inds = keep
	}
	err := r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "indicators", Nav: "indicators",
		Path: output.Indicators(lang), AltPath: output.Indicators(p.Other(lang)), Title: p.T(lang, "indicators"),
		Body: &IndicatorIndexBody{Year: year, Counts: counts, Areas: areas, Context: context}})
	if err != nil {
		return err
	}
	// one static page per status: the filter works without JavaScript
	for _, s := range assess.Statuses() {
		var fa []AreaScore
		for _, a := range areas {
			b := a
			b.Inds = nil
			for _, v := range a.Inds {
				if v.Result.Status == s {
					b.Inds = append(b.Inds, v)
				}
			}
			if len(b.Inds) > 0 {
				fa = append(fa, b)
			}
		}
		err := r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "indicators", Nav: "indicators",
			Path: output.Status(lang, string(s)), AltPath: output.Status(p.Other(lang), string(s)),
			Title: p.T(lang, "indicators") + p.T(lang, "colon") + p.T(lang, s.Key()),
			Body:  &IndicatorIndexBody{Year: year, Counts: counts, Areas: fa, Filter: s}})
		if err != nil {
			return err
		}
	}
	return nil
}

// IndicatorBody is an indicator page.
type IndicatorBody struct {
	V    *IndView
	Year int
}

func (r *builder) indicatorPage(lang string, ind *indicator.Indicator) error {
	p := r.p
	year := p.LatestYear()
	v := r.indViewChart(ind, lang, year)
	pg := &Page{Lang: lang, Other: p.Other(lang), Template: "indicator", Nav: "indicators",
		Path: output.Indicator(lang, ind.ID), AltPath: output.Indicator(p.Other(lang), ind.ID),
		Title: v.Name, Desc: v.Name + p.T(lang, "colon") + v.Status, Body: &IndicatorBody{V: v, Year: year}}
	pg.JSONLD = datasetJSONLD(p, lang, ind, pg)
	if v.HasChart {
		dir := output.Indicator(lang, ind.ID)
		if err := r.chartFiles(v, lang, dir+ind.ID); err != nil {
			return err
		}
		pg.OGImage = dir + "og.png"
	}
	if err := r.page(pg); err != nil {
		return err
	}
	r.add(output.File{Path: output.IndicatorData(lang, ind.ID, "csv"), Data: indicatorCSV(r, lang, ind)})
	r.add(output.File{Path: output.IndicatorData(lang, ind.ID, "json"), Data: indicatorJSON(r, lang, ind)})
	return nil
}

// ReportIndexBody is the archive of yearly reports.
type ReportIndexBody struct {
	Years []int
	Final int
}

func (r *builder) reportIndex(lang string) error {
	p := r.p
	years := append([]int(nil), p.Years...)
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "reports", Nav: "reports",
		Path: output.Reports(lang), AltPath: output.Reports(p.Other(lang)), Title: p.T(lang, "reports"),
		Body: &ReportIndexBody{Years: years, Final: p.Config.TargetYear}})
}

// TablesBody shows the plan's tables rebuilt from data: the results table
// (T1, data/table1.toml) and the targets table (T2, the indicators of a
// section), each under the id of its table line in the plan, when the
// plan has it (data/site.toml [tables]).
type TablesBody struct {
	T1ID, T1Title, T1Note string
	T1                    [][3]string
	T2ID                  string
	T2                    []*IndView
}

func (r *builder) tables(lang string) error {
	p := r.p
	t := p.Config.Tables
	b := &TablesBody{T1ID: t.Results, T2ID: t.Targets}
	if t.Results != "" {
		b.T1Title, b.T1Note = p.Text(p.Reg.Table1.Title, lang), p.Text(p.Reg.Table1.Note, lang)
		for _, row := range p.Reg.Table1.Rows {
			b.T1 = append(b.T1, [3]string{p.Text(row.Item, lang), p.Text(row.Value, lang), p.QuoteText(row.Quote, lang)})
		}
	}
	for i := range p.Reg.Indicators {
		ind := &p.Reg.Indicators[i]
		if t.Targets != "" && ind.Section == t.TargetsSection {
			b.T2 = append(b.T2, r.indView(ind, lang, p.LatestYear()))
		}
	}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "tables", Nav: "plan",
		Path: output.Tables(lang), AltPath: output.Tables(p.Other(lang)), Title: p.T(lang, "tables"), Body: b})
}

// ContentBody is a Markdown page such as the methodology.
type ContentBody struct {
	HTML template.HTML
}

func (r *builder) contentPage(lang, name string) error {
	p := r.p
	pg := p.Pages[lang][name]
	h, err := renderBody(r.md[lang], pg.Body, func(Directive) string { return "" }, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", pg.File, err)
	}
	if name == "about" {
		b := &AboutBody{ContentBody: ContentBody{HTML: template.HTML(h)},
			Issuer: p.Text(p.Config.Issuer, lang), Publisher: p.Text(p.Config.Publisher, lang), PublisherAddress: p.Text(p.Config.PublisherAddress, lang),
			Contact: p.Config.PublisherContact, Disclaimer: p.Text(p.Config.Disclaimer, lang)}
		for _, s := range p.Reg.Sources {
			b.Sources = append(b.Sources, *present.Cite(p, s.ID, lang))
		}
		b.Cite = fmt.Sprintf(p.T(lang, "cite-as"), p.Text(p.Config.Publisher, lang), p.Text(p.Config.Short, lang), p.Config.Date, p.Config.BaseURL+lang+"/")
		return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "about", Nav: name, source: pg.File,
			Path: output.Page(lang, name), AltPath: output.Page(p.Other(lang), name), Title: pg.Title, Body: b})
	}
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "page", Nav: name, source: pg.File,
		Path: output.Page(lang, name), AltPath: output.Page(p.Other(lang), name), Title: pg.Title, Body: &ContentBody{HTML: template.HTML(h)}})
}

// DownloadsBody is the downloads page.
type DownloadsBody struct {
	PDFs    []PDFRow
	Dataset []DataRow
}

// PDFRow is a PDF listed for download.
type PDFRow struct {
	Title, URL, Lang, LangName, Size string
}

// DataRow is a data file listed for download.
type DataRow struct {
	Title, URL, Format string
}

func humanSize(n int, lang string) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func (r *builder) downloads(lang string) error {
	p := r.p
	b := &DownloadsBody{}
	var pdfs []output.File
	for _, f := range r.pdfs {
		if f.Doc != nil {
			pdfs = append(pdfs, f)
		}
	}
	sort.SliceStable(pdfs, func(i, j int) bool {
		a, b := pdfs[i].Doc, pdfs[j].Doc
		if a.Kind != b.Kind {
			return a.Kind == output.PlanText
		}
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		return a.Lang == lang && b.Lang != lang
	})
	for _, f := range pdfs {
		d := f.Doc
		title := p.T(lang, "plan-pdf")
		if d.Kind == output.ProgressReport {
			title = fmt.Sprintf(p.T(lang, "report-title"), d.Year)
			if d.Year >= p.Config.TargetYear {
				title = fmt.Sprintf(p.T(lang, "final-report-title"), d.Year)
			}
		}
		b.PDFs = append(b.PDFs, PDFRow{Title: title, URL: f.Path, Lang: d.Lang, LangName: p.T(d.Lang, "lang-name"), Size: humanSize(f.Size, lang)})
	}
	b.Dataset = []DataRow{
		{Title: p.T(lang, "dataset"), URL: output.Dataset(lang, "csv"), Format: "CSV"},
		{Title: p.T(lang, "dataset"), URL: output.Dataset(lang, "json"), Format: "JSON"},
		{Title: p.T(lang, "checksums"), URL: output.Checksums, Format: "SHA-256"},
	}
	r.add(output.File{Path: output.Dataset(lang, "csv"), Data: DatasetCSV(p, lang)})
	r.add(output.File{Path: output.Dataset(lang, "json"), Data: DatasetJSON(p, lang)})
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "downloads", Nav: "downloads",
		Path: output.Downloads(lang), AltPath: output.Downloads(p.Other(lang)), Title: p.T(lang, "downloads"), Body: b})
}

// AboutBody is the about page: its text and the list of sources.
type AboutBody struct {
	ContentBody
	Sources []present.Citation
	Cite    string
	// who publishes the site and its reports, and who issued the plan
	Issuer, Publisher, PublisherAddress, Contact, Disclaimer string
}
