// The open data and the files made for machines: CSV and JSON downloads,
// the search index, the Atom feeds, the sitemap and robots.txt.

package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"planpress/generator/assess"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/plan"
	"planpress/generator/present"
	"planpress/generator/project"
)

// CSVCell neutralises a cell that a spreadsheet would run as a formula:
// text that starts with =, +, -, @, a tab or a line break (after any
// spaces and quotes) gets a ' in front of that character, and so does every such start after a
// semicolon, tab or line break inside the cell, where a spreadsheet that
// splits on semicolons (the list separator of many locales) or a reader
// that splits lines would start a new cell. Plain decimal numbers (-18,
// 27.5) stay numbers; "-Inf", "+1", "1e5" and the like are text.
func CSVCell(s string) string {
	if s == "" || reNumber.MatchString(s) {
		return s
	}
	var b strings.Builder
	start := true // at the start of the cell or after a separator
	for i := 0; i < len(s); i++ {
		c := s[i]
		if start && strings.IndexByte(formulaStart, c) >= 0 {
			b.WriteByte('\'')
		}
		b.WriteByte(c)
		switch {
		case c == ';' || c == '\t' || c == '\r' || c == '\n':
			start = true
		case c != ' ' && c != '"':
			start = false
		}
	}
	return b.String()
}

// formulaStart are the characters a spreadsheet may read as the start of
// a formula (space is skipped before them).
const formulaStart = "=+-@\t\r\n"

var reNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// csvField writes cell c as a field: quoted when it holds a separator
// (comma, semicolon, tab), a quote or a line break, starts or ends with a
// space, or had to be neutralised, so that every such cell is quoted the
// same way.
func csvField(c string) string {
	n := CSVCell(c)
	if n == c && !strings.ContainsAny(c, ",;\"\r\n\t") && (c == "" || c[0] != ' ' && c[len(c)-1] != ' ') {
		return c
	}
	return `"` + strings.ReplaceAll(n, `"`, `""`) + `"`
}

func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // spreadsheets read UTF-8 with a byte order mark
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(csvField(c))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func csvHeader(p *project.Project, lang string) []string {
	keys := []string{"csv-indicator", "csv-name", "csv-year", "csv-value", "csv-unit", "csv-qualifier", "csv-status", "csv-text", "csv-source", "csv-source-title", "csv-grade", "csv-url", "csv-note",
		"csv-target", "csv-assessment", "csv-provisional"}
	h := make([]string, len(keys))
	for i, k := range keys {
		h[i] = p.T(lang, k)
	}
	return h
}

func csvRows(p *project.Project, lang string, ind *indicator.Indicator) [][]string {
	var rows [][]string
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		v := ""
		if o.Value != nil {
			v = strconv.FormatFloat(*o.Value, 'f', -1, 64)
		}
		st, title, grade, url := "", "", "", ""
		if o.Status != "" {
			st = o.Status
		}
		if s := p.Reg.Source(o.Source); s != nil {
			title, grade, url = p.Text(s.Title, lang), s.Grade, s.URL
			if title == "" {
				title = p.Text(s.Title, p.Source().Code)
			}
		}
		// the progress status as of the row's year, when it is a report year
		verdict, prov := "", ""
		if res, ok := p.Results[ind.ID][o.Year]; ok {
			verdict, prov = string(res.Status), strconv.FormatBool(res.Provisional)
		}
		rows = append(rows, []string{ind.ID, p.Text(ind.Name, lang), strconv.Itoa(o.Year), v, p.Text(ind.Unit, lang), o.Qualifier, st, p.Text(o.Text, lang), o.Source, title, grade, url, indicator.CiteSources(p.Text(o.Note, lang), present.CiteTitle(p, lang)),
			present.TargetText(p, ind, lang), verdict, prov})
	}
	return rows
}

func indicatorCSV(r *builder, lang string, ind *indicator.Indicator) []byte {
	return writeCSV(append([][]string{csvHeader(r.p, lang)}, csvRows(r.p, lang, ind)...))
}

// DatasetCSV is every observation of every indicator in one table.
func DatasetCSV(p *project.Project, lang string) []byte {
	rows := [][]string{csvHeader(p, lang)}
	for i := range p.Reg.Indicators {
		rows = append(rows, csvRows(p, lang, &p.Reg.Indicators[i])...)
	}
	return writeCSV(rows)
}

type jsonObs struct {
	Year        int      `json:"year"`
	Value       *float64 `json:"value"`
	Qualifier   string   `json:"qualifier,omitempty"`
	Status      string   `json:"status,omitempty"`
	Text        string   `json:"text,omitempty"`
	Source      string   `json:"source"`
	Note        string   `json:"note,omitempty"`
	Preliminary bool     `json:"preliminary,omitempty"`
	AsOf        string   `json:"as_of,omitempty"`
}

// jsonPoint is a baseline with lower-case keys.
type jsonPoint struct {
	Year       int     `json:"year"`
	Value      float64 `json:"value"`
	Source     string  `json:"source,omitempty"`
	Note       string  `json:"note,omitempty"`
	Comparable bool    `json:"comparable"`
}

// jsonAssessment is the progress status of one report year.
type jsonAssessment struct {
	Year        int      `json:"year"`
	Status      string   `json:"status"`
	Final       bool     `json:"final"`
	Provisional bool     `json:"provisional"`
	Caveats     []string `json:"caveats"`
	FigureYears []int    `json:"figure_years"` // the years of the figures the status rests on
	ReasonCode  string   `json:"reason_code"`
	Reason      string   `json:"reason"`
	Reporting   string   `json:"reporting"`
}

type jsonInd struct {
	ID         string         `json:"id"`
	Area       string         `json:"area"`
	Name       string         `json:"name"`
	Unit       string         `json:"unit"`
	Direction  string         `json:"direction"`
	Kind       string         `json:"kind"`
	Section    string         `json:"plan_section"`
	Quote      string         `json:"quote"`
	Context    bool           `json:"context"`  // a context series, not a commitment
	Forecast   bool           `json:"forecast"` // an expectation of the plan, not a commitment
	Baseline   *jsonPoint     `json:"baseline,omitempty"`
	Target     map[string]any `json:"target"`
	Values     []jsonObs      `json:"values"`
	Reporting  string         `json:"reporting"` // as of the latest report year
	Assessment map[string]any `json:"assessment"`
	// Assessments has one entry per report year.
	Assessments []jsonAssessment  `json:"assessments"`
	Sources     map[string]string `json:"sources"`
}

func indJSON(p *project.Project, lang string, ind *indicator.Indicator) jsonInd {
	t := ind.Target
	j := jsonInd{ID: ind.ID, Area: ind.Area, Name: p.Text(ind.Name, lang), Unit: p.Text(ind.Unit, lang), Direction: string(ind.Direction),
		Kind: string(ind.Kind), Section: ind.Section, Quote: ind.Quote, Context: ind.Context, Forecast: ind.Forecast,
		Target: map[string]any{"year": t.Year, "year_assumed": t.YearAssumed, "bound": string(t.Bound), "aspirational": t.Aspirational, "text": p.Text(t.Text, lang)},
		Values: []jsonObs{}, Assessments: []jsonAssessment{}, Sources: map[string]string{}}
	if b := ind.Baseline; b != nil {
		j.Baseline = &jsonPoint{Year: b.Year, Value: b.Value, Source: b.Source, Note: indicator.CiteSources(p.Text(b.Note, lang), present.CiteTitle(p, lang)), Comparable: b.Alike()}
	}
	if t.Quantified() {
		j.Target["value"] = t.Value
		j.Target["tolerance"] = t.Tolerance
	}
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		j.Values = append(j.Values, jsonObs{Year: o.Year, Value: o.Value, Qualifier: o.Qualifier, Status: o.Status, Text: p.Text(o.Text, lang), Source: o.Source, Note: indicator.CiteSources(p.Text(o.Note, lang), present.CiteTitle(p, lang)),
			Preliminary: o.Preliminary, AsOf: o.AsOf})
		if s := p.Reg.Source(o.Source); s != nil {
			j.Sources[s.ID] = p.Text(s.Title, lang)
		}
	}
	w := present.Words(p, ind, lang)
	for _, y := range p.Years {
		res := p.Results[ind.ID][y]
		a := jsonAssessment{Year: y, Status: string(res.Status), Final: res.Final, Provisional: res.Provisional,
			Caveats: []string{}, FigureYears: []int{}, ReasonCode: string(res.Reason), Reason: res.Explain(w), Reporting: string(res.Reporting)}
		for _, c := range res.Caveats {
			a.Caveats = append(a.Caveats, string(c))
		}
		a.FigureYears = append(a.FigureYears, res.Used...)
		j.Assessments = append(j.Assessments, a)
	}
	res := p.Results[ind.ID][p.LatestYear()]
	j.Reporting = string(res.Reporting)
	j.Assessment = map[string]any{"year": res.Year, "status": string(res.Status), "method": string(res.Method), "final": res.Final,
		"provisional": res.Provisional, "reason_code": string(res.Reason), "reason": res.Explain(w)}
	if res.HasBase {
		j.Assessment["base_year"], j.Assessment["base_value"] = res.BaseYear, finite(res.BaseValue)
	}
	if res.HasLatest {
		j.Assessment["latest_year"], j.Assessment["latest_value"] = res.LatestYear, finite(res.LatestValue)
	}
	if res.HasRatio {
		j.Assessment["actual_rate"], j.Assessment["required_rate"], j.Assessment["ratio"] = finite(res.ActualRate), finite(res.RequiredRate), finite(res.Ratio)
	}
	return j
}

// finite returns v, or nil (JSON null) when v is not a finite number:
// a rate computed from extreme figures (a baseline near the smallest
// float) can overflow, and JSON has no infinity.
func finite(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func marshal(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // only plain values are marshalled
	}
	return append(b, '\n')
}

func indicatorJSON(r *builder, lang string, ind *indicator.Indicator) []byte {
	return marshal(indJSON(r.p, lang, ind))
}

// DatasetJSON is the whole register and its values.
func DatasetJSON(p *project.Project, lang string) []byte {
	all := make([]jsonInd, 0, len(p.Reg.Indicators))
	for i := range p.Reg.Indicators {
		all = append(all, indJSON(p, lang, &p.Reg.Indicators[i]))
	}
	return marshal(map[string]any{"title": p.Text(p.Config.Title, lang), "language": lang, "indicators": all})
}

// datasetJSONLD is schema.org Dataset markup for an indicator page. The JSON
// encoder escapes <, > and & so no data can close the script element.
func datasetJSONLD(p *project.Project, lang string, ind *indicator.Indicator, pg *Page) template.JS {
	base := p.Config.BaseURL + pg.Path
	d := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "Dataset",
		"name":             p.Text(ind.Name, lang),
		"description":      ind.Quote,
		"inLanguage":       lang,
		"url":              base,
		"creator":          map[string]any{"@type": "Organization", "name": p.Text(p.Config.Publisher, lang)},
		"temporalCoverage": strconv.Itoa(p.Config.BaseYear) + "/" + strconv.Itoa(p.Config.TargetYear),
		"distribution": []map[string]any{
			{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": base + ind.ID + ".csv"},
			{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": base + ind.ID + ".json"},
		},
	}
	if u := p.Config.LicenceURL; u != "" {
		d["license"] = u
	}
	if place := p.Text(p.Config.Coverage, lang); place != "" {
		d["spatialCoverage"] = map[string]any{"@type": "Place", "name": place}
	}
	b, _ := json.Marshal(d)
	return template.JS(b)
}

// appendSearchIndex appends entries as a JSON array, as encoding/json
// would write it.
func appendSearchIndex(b []byte, entries []searchEntry) []byte {
	b = append(b, '[')
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"t":`...)
		b = appendJSONString(b, e.Title)
		b = append(b, `,"u":`...)
		b = appendJSONString(b, e.URL)
		b = append(b, `,"x":`...)
		b = appendJSONString(b, e.Text)
		b = append(b, `,"k":`...)
		b = appendJSONString(b, e.Kind)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string the way encoding/json does
// (with <, > and & escaped, invalid UTF-8 replaced).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// searchEntry is one searchable item: a plan section or an indicator.
type searchEntry struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Text  string `json:"x"`
	Kind  string `json:"k"`
}

// searchIndex builds the search index of a language: every section of the
// plan text with its paragraphs, and every indicator with both names.
func (r *builder) searchIndex(lang string) error {
	p := r.p
	var entries []searchEntry
	for _, pg := range p.Plans[lang].Pages {
		cur := searchEntry{Title: pg.Title, URL: output.PlanPage(lang, pg.ID), Kind: "plan"}
		var text []string
		flush := func() {
			if len(text) > 0 || cur.Title != "" {
				cur.Text = strings.Join(text, " ")
				entries = append(entries, cur)
			}
			text = nil
		}
		for _, b := range pg.Blocks {
			switch b.Kind {
			case plan.Section, plan.Item:
				flush()
				cur = searchEntry{Title: b.Text, URL: output.PlanPage(lang, pg.ID) + "#" + b.ID, Kind: "plan"}
			case plan.Para:
				text = append(text, b.Text)
			case plan.Directive:
				text = append(text, b.Text)
			}
		}
		flush()
	}
	for _, ind := range p.Reg.Indicators {
		res := p.Results[ind.ID][p.LatestYear()]
		entries = append(entries, searchEntry{
			Title: p.Text(ind.Name, lang), URL: output.Indicator(lang, ind.ID), Kind: "indicator",
			Text: strings.Join(append(r.inEveryLanguage(ind.Name), ind.Quote, ind.QuoteEn, present.StatusText(p, &ind, res, lang)), " "),
		})
	}
	size := 0
	for _, e := range entries {
		size += len(e.Title) + len(e.URL) + len(e.Text) + len(e.Kind) + 32
	}
	const pre, post = "window.PLANPRESS_INDEX=", ";\n"
	js := make([]byte, 0, len(pre)+size+size/8+len(post))
	js = append(js, pre...)
	js = appendSearchIndex(js, entries)
	n := len(js)
	js = append(js, post...)
	r.add(output.File{Path: output.SearchIndex(lang, "json"), Data: js[len(pre):n]})
	// the same index as a script, so search also works from file://
	r.add(output.File{Path: output.SearchIndex(lang, "js"), Data: js})
	return r.page(&Page{Lang: lang, Other: p.Other(lang), Template: "search", Nav: "search",
		Path: output.Search(lang), AltPath: output.Search(p.Other(lang)), Title: p.T(lang, "search")})
}

// feed writes the Atom feed of the reports of a language.
func (r *builder) feed(lang string) error {
	p := r.p
	type link struct {
		Href     string `xml:"href,attr"`
		Rel      string `xml:"rel,attr,omitempty"`
		Type     string `xml:"type,attr,omitempty"`
		Hreflang string `xml:"hreflang,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Links   []link `xml:"link"`
		Summary string `xml:"summary"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links   []link  `xml:"link"`
		Entries []entry `xml:"entry"`
	}
	base := p.Config.BaseURL
	updated := p.Time().UTC().Format("2006-01-02T15:04:05Z")
	f := feed{Lang: lang, Title: p.Text(p.Config.Short, lang) + " · " + p.T(lang, "feed-title"), ID: base + output.Feed(lang), Updated: updated,
		Links: []link{{Href: base + output.Feed(lang), Rel: "self", Type: "application/atom+xml"}, {Href: base + output.Reports(lang), Rel: "alternate", Type: "text/html"}}}
	f.Author.Name = p.Text(p.Config.Publisher, lang)
	years := append([]int(nil), p.Years...)
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	for _, y := range years {
		title := fmt.Sprintf(p.T(lang, "report-title"), y)
		if y >= p.Config.TargetYear {
			title = fmt.Sprintf(p.T(lang, "final-report-title"), y)
		}
		counts := map[assess.Status]int{}
		for _, ind := range p.Reg.Indicators {
			if ind.Commitment() {
				counts[p.Results[ind.ID][y].Status]++
			}
		}
		var parts []string
		for _, s := range assess.Statuses() {
			if counts[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", p.T(lang, s.Key()), counts[s]))
			}
		}
		url := base + output.Report(lang, y)
		f.Entries = append(f.Entries, entry{Title: title, ID: url, Updated: updated,
			Links:   []link{{Href: url, Rel: "alternate", Type: "text/html"}, {Href: base + output.ReportPDF(y, lang), Rel: "enclosure", Type: "application/pdf"}},
			Summary: strings.Join(parts, p.T(lang, "list-sep"))})
	}
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	r.add(output.File{Path: output.Feed(lang), Data: append([]byte(xml.Header), append(data, '\n')...)})
	return nil
}

// sitemap lists every page with its alternate in the other language.
func sitemap(p *project.Project, paths []string) []byte {
	base := p.Config.BaseURL
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	esc := func(s string) {
		xml.EscapeText(&b, []byte(s))
	}
	for _, fp := range paths {
		if !strings.HasSuffix(fp, "index.html") || strings.HasPrefix(fp, output.Assets) {
			continue
		}
		path := strings.TrimSuffix(fp, "index.html")
		b.WriteString("\n  <url>\n    <loc>")
		esc(base + path)
		b.WriteString("</loc>")
		for _, lang := range p.Langs() {
			if strings.HasPrefix(path, lang+"/") {
				rest := strings.TrimPrefix(path, lang+"/")
				for _, l := range p.Langs() {
					b.WriteString("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
					esc(l)
					b.WriteString("\" href=\"")
					esc(base + l + "/" + rest)
					b.WriteString("\"></xhtml:link>")
				}
			}
		}
		b.WriteString("\n  </url>")
	}
	b.WriteString("\n</urlset>\n")
	return b.Bytes()
}

func robots(p *project.Project) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + p.Config.BaseURL + "sitemap.xml\n")
}

// SearchFoldAsset is the search's folding table (data/search/), a script
// of the search page: window.PLANPRESS_FOLD = {c: pairs of characters
// (each character then its folded form), p: groups of equivalent words}.
var SearchFoldAsset = output.Asset("search-fold.js")

func (r *builder) searchFold() error {
	sf := r.p.Search
	var c strings.Builder
	for _, pr := range sf.Chars {
		c.WriteRune(pr[0])
		c.WriteRune(pr[1])
	}
	phrases := sf.Phrases
	if phrases == nil {
		phrases = [][]string{}
	}
	data, err := json.Marshal(struct {
		C string     `json:"c"`
		P [][]string `json:"p"`
	}{c.String(), phrases})
	if err != nil {
		return fmt.Errorf("search folding: %w", err)
	}
	js := append([]byte("window.PLANPRESS_FOLD="), data...)
	js = append(js, ";\n"...)
	r.add(output.File{Path: SearchFoldAsset, Data: js})
	return nil
}
