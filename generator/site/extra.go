package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"planpress/generator/assess"
	"planpress/generator/plan"
	"planpress/generator/project"
)

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
	pdfs := append([]PDFInfo(nil), r.pdfs...)
	sort.SliceStable(pdfs, func(i, j int) bool {
		if pdfs[i].Kind != pdfs[j].Kind {
			return pdfs[i].Kind == "plan"
		}
		if pdfs[i].Year != pdfs[j].Year {
			return pdfs[i].Year > pdfs[j].Year
		}
		return pdfs[i].Lang == lang && pdfs[j].Lang != lang
	})
	for _, f := range pdfs {
		title := p.Plans[f.Lang].Index.Title
		if f.Kind == "report" {
			title = fmt.Sprintf(p.T(lang, "report-title"), f.Year)
			if f.Year >= p.Config.TargetYear {
				title = fmt.Sprintf(p.T(lang, "final-report-title"), f.Year)
			}
		} else {
			title = p.T(lang, "plan-pdf")
		}
		b.PDFs = append(b.PDFs, PDFRow{Title: title, URL: f.Path, Lang: f.Lang, LangName: p.T(f.Lang, "lang-name"), Size: humanSize(f.Size, lang)})
	}
	b.Dataset = []DataRow{
		{Title: p.T(lang, "dataset"), URL: lang + "/data/dataset.csv", Format: "CSV"},
		{Title: p.T(lang, "dataset"), URL: lang + "/data/dataset.json", Format: "JSON"},
		{Title: p.T(lang, "checksums"), URL: "checksums.txt", Format: "SHA-256"},
	}
	r.add(File{Path: lang + "/data/dataset.csv", Data: DatasetCSV(p, lang)})
	r.add(File{Path: lang + "/data/dataset.json", Data: DatasetJSON(p, lang)})
	return r.page(&Page{Lang: lang, Other: other(lang), Template: "downloads", Nav: "downloads",
		Path: lang + "/downloads/", AltPath: other(lang) + "/downloads/", Title: p.T(lang, "downloads"), Body: b})
}

// AboutBody is the about page: its text and the list of sources.
type AboutBody struct {
	ContentBody
	Sources []SourceView
	Cite    string
}

// searchEntry is one searchable item: a plan section or an indicator.
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
		cur := searchEntry{Title: pg.Title, URL: lang + "/plan/" + pg.ID + "/", Kind: "plan"}
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
				cur = searchEntry{Title: b.Text, URL: lang + "/plan/" + pg.ID + "/#" + b.ID, Kind: "plan"}
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
			Title: ind.Name.Get(lang), URL: lang + "/indicators/" + ind.ID + "/", Kind: "indicator",
			Text: strings.Join([]string{ind.Name.Zh, ind.Name.En, ind.Quote, ind.QuoteEn, StatusText(p, &ind, res, lang)}, " "),
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
	r.add(File{Path: lang + "/search/index.json", Data: js[len(pre):n]})
	// the same index as a script, so search also works from file://
	r.add(File{Path: lang + "/search/index.js", Data: js})
	return r.page(&Page{Lang: lang, Other: other(lang), Template: "search", Nav: "search",
		Path: lang + "/search/", AltPath: other(lang) + "/search/", Title: p.T(lang, "search")})
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
	f := feed{Lang: lang, Title: p.Config.Short.Get(lang) + " · " + p.T(lang, "feed-title"), ID: base + lang + "/feed.xml", Updated: updated,
		Links: []link{{Href: base + lang + "/feed.xml", Rel: "self", Type: "application/atom+xml"}, {Href: base + lang + "/reports/", Rel: "alternate", Type: "text/html"}}}
	f.Author.Name = p.Config.Publisher.Get(lang)
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
		url := fmt.Sprintf("%s%s/reports/%d/", base, lang, y)
		f.Entries = append(f.Entries, entry{Title: title, ID: url, Updated: updated,
			Links:   []link{{Href: url, Rel: "alternate", Type: "text/html"}, {Href: base + ReportPDF(y, lang), Rel: "enclosure", Type: "application/pdf"}},
			Summary: strings.Join(parts, p.T(lang, "list-sep"))})
	}
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	r.add(File{Path: lang + "/feed.xml", Data: append([]byte(xml.Header), append(data, '\n')...)})
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
		if !strings.HasSuffix(fp, "index.html") || strings.HasPrefix(fp, "assets/") {
			continue
		}
		path := strings.TrimSuffix(fp, "index.html")
		b.WriteString("\n  <url>\n    <loc>")
		esc(base + path)
		b.WriteString("</loc>")
		for _, lang := range project.Langs {
			if strings.HasPrefix(path, lang+"/") {
				rest := strings.TrimPrefix(path, lang+"/")
				for _, l := range project.Langs {
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
