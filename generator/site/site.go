// Package site renders the static website of every edition. site.go is
// the core: the Page every template receives, its links (Rel), and
// Render/Start/Finish with the worker pool. pages.go holds the page
// builders; templates.go and frame.go the page-template engine (templates
// parsed once, page frames filled in); exports.go the open data (CSV,
// JSON), the search index, feeds, sitemap and robots.txt; view.go adds the
// chart to package present's view of an indicator.
package site

import (
	"bytes"
	"errors"
	"html/template"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"planpress/generator/diag"
	"planpress/generator/indicator"
	"planpress/generator/output"
	"planpress/generator/project"
)

// Page is what every template receives.
type Page struct {
	Lang     string // the edition's code
	Key      string // the edition's data key: {{.Site.Config.Title.Get .Key}}
	Dir      string // the edition's writing direction, ltr or rtl
	Other    string // the edition the language switch leads to
	Title    string
	Desc     string
	Path     string // site path of the page, e.g. "en/plan/ch1/" ("" for the root)
	AltPath  string // the same page in the other language
	Nav      string // which menu entry is current
	Site     *project.Project
	Body     any
	JSONLD   template.JS
	NoIndex  bool
	Template string
	OGImage  string // site path of the page's og:image PNG (1200 × 630), or ""

	// set by the builder for every page
	Canonical    string        // the page's absolute URL
	AltCanonical string        // the absolute URL of the other-language page
	AltRel       string        // link from this page to the other-language page
	OGImageURL   string        // the absolute URL of OGImage, or ""
	SiteTitle    string        // the site's short title in the page's language
	OtherName    string        // the name of the other language, in that language
	Alternates   template.HTML // <link rel="alternate"> to the page in every other edition (after the page's own)
	Switch       template.HTML // the language switch: a link to the page in every other edition
	Framed       bool          // the page has the site header, menu and footer (not the root chooser or 404)

	b      *builder
	source string // the content file the page is made from ("" when generated)
}

// Chrome returns a part of the page frame (assets, menu, footer) that
// depends only on the language, the page's depth, its template and menu
// entry: it is executed once per combination and reused.
func (p *Page) Chrome(name string) (template.HTML, error) {
	key := name + "|" + p.Lang + "|" + strconv.Itoa(p.Depth()) + "|" + p.Nav + "|" + p.Template
	v, _ := p.b.chrome.LoadOrStore(key, &chromeMemo{})
	m := v.(*chromeMemo)
	m.once.Do(func() {
		var buf bytes.Buffer
		m.err = p.b.tmpl[p.Template].ExecuteTemplate(&buf, name, p)
		m.html = template.HTML(buf.String())
	})
	return m.html, m.err
}

type chromeMemo struct {
	once sync.Once
	html template.HTML
	err  error
}

// T returns a UI string in the page's language.
func (p *Page) T(key string) string { return p.Site.T(p.Lang, key) }

// Locale is the page's og:locale: its edition's locale.
func (p *Page) Locale() string { return p.Site.OGLocale(p.Lang) }

// TL returns a UI string in the other language.
func (p *Page) TL(lang, key string) string { return p.Site.T(lang, key) }

// Depth is how many directories the page is below the root.
func (p *Page) Depth() int { return strings.Count(p.Path, "/") }

// Rel returns a link from this page to a site path ("en/plan/" →
// "../../en/plan/index.html"), so the site works from any folder and from
// file:// as well as from a server.
func (p *Page) Rel(target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if p.Template == "404" {
		// the 404 page is served at any path: link from the site root
		return "/" + target + frag
	}
	return relLink(p.Path, target+frag)
}

// relLink is a link from the page at site path from to a site path
// (index.html added to a folder), through the site root: the one way pages
// link, whether a template or Go writes the link.
func relLink(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	return strings.Repeat("../", strings.Count(from, "/")) + target + frag
}

// renderer holds what page builders share.
type builder struct {
	p     *project.Project
	tmpl  map[string]*template.Template
	md    map[string]goldmark.Markdown
	mu    sync.Mutex
	files []output.File
	pdfs  []output.File

	stated  map[string][]*indicator.Indicator // plan page id → indicators its text states
	bodies  sync.Map                          // lang/page id → *memo of its converted body
	chrome  sync.Map                          // key → *chromeMemo of a page frame part
	parts   map[string][]string               // lang → each plan page as part of the whole-plan page
	frames  *frameSet                         // page frames by shape
	workers int

	claimed map[string]origin   // output path → what made it
	clashes map[string][]origin // output paths wanted more than once
}

// Options configure Render.
type Options struct {
	Workers   int           // parallel page renderers; 0 means one per CPU
	PDFs      []output.File // the PDFs of the build, for the downloads page
	Templates *Templates    // templates from LoadTemplates; nil: read them from the project
}

// Render renders the whole site and returns its files (not yet written).
func Render(p *project.Project, opt Options) ([]output.File, error) {
	r, files, err := Start(p, opt)
	if err != nil {
		return nil, err
	}
	rest, err := r.Finish(opt.PDFs)
	if err != nil {
		return nil, err
	}
	files = append(files, rest...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// Rendering is a site rendered but for the pages that list the PDFs.
type Rendering struct {
	r     *builder
	paths []string // site paths of the files rendered so far
}

// Start renders every file of the site except the downloads pages and the
// sitemap, which Finish adds once the PDFs are known: the files can be
// written while the PDFs are made. opt.PDFs is not used.
func Start(p *project.Project, opt Options) (*Rendering, []output.File, error) {
	if p.Results == nil {
		return nil, nil, errors.New("site: the project is not assessed (call Project.Assess before rendering)")
	}
	r := &builder{p: p, md: map[string]goldmark.Markdown{}}
	if opt.Templates != nil {
		r.tmpl, r.frames = opt.Templates.byName, opt.Templates.frames
	} else if err := r.loadTemplates(p.FS, "templates"); err != nil {
		return nil, nil, err
	}
	r.frames = r.frames.fresh()
	for _, lang := range r.p.Langs() {
		r.md[lang] = newMarkdown(p.T(lang, "permalink"))
	}
	r.stated = map[string][]*indicator.Indicator{}
	secs := p.Plans[p.Source().Code].Sections()
	for i := range p.Reg.Indicators {
		ind := &p.Reg.Indicators[i]
		if pg := secs[ind.Section]; pg != nil {
			r.stated[pg.ID] = append(r.stated[pg.ID], ind)
		}
	}
	r.parts = map[string][]string{}
	for _, lang := range r.p.Langs() {
		r.parts[lang] = make([]string, len(p.Plans[lang].Pages))
	}
	r.workers = opt.Workers
	if r.workers <= 0 {
		r.workers = runtime.NumCPU()
	}
	if err := diag.Run(r.jobs(), r.workers); err != nil {
		return nil, nil, err
	}
	if err := diag.Run(r.laterJobs(), r.workers); err != nil {
		return nil, nil, err
	}
	statics, err := r.static(p.FS, "templates/static")
	if err != nil {
		return nil, nil, err
	}
	for _, f := range statics {
		r.addFrom(f, origin{File: "templates/static/" + strings.TrimPrefix(f.Path, "assets/")})
	}
	if err := r.claimErr(); err != nil {
		return nil, nil, err
	}
	files := r.files
	r.files = nil
	rd := &Rendering{r: r}
	for _, f := range files {
		rd.paths = append(rd.paths, f.Path)
	}
	return rd, files, nil
}

// Finish renders the downloads pages listing pdfs, the sitemap and
// robots.txt, and returns them.
func (rd *Rendering) Finish(pdfs []output.File) ([]output.File, error) {
	r := rd.r
	r.pdfs = pdfs
	var jobs []func() error
	for _, lang := range r.p.Langs() {
		lang := lang
		jobs = append(jobs, func() error { return r.downloads(lang) })
	}
	if err := diag.Run(jobs, r.workers); err != nil {
		return nil, err
	}
	paths := append([]string(nil), rd.paths...)
	for _, f := range r.files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	r.add(output.File{Path: output.Sitemap, Data: sitemap(r.p, paths)})
	r.add(output.File{Path: output.Robots, Data: robots(r.p)})
	if err := r.claimErr(); err != nil {
		return nil, err
	}
	return r.files, nil
}

func (r *builder) add(f output.File) { r.addFrom(f, generated("a generated file")) }

// page executes the template of pg and adds the HTML file.
func (r *builder) page(pg *Page) error {
	t := r.tmpl[pg.Template]
	if t == nil {
		return diag.Msg("templates/"+pg.Template+".html", 0, "template-missing", pg.Template+".html")
	}
	pg.Site = r.p
	pg.b = r
	pg.Key = r.p.Key(pg.Lang)
	if e := r.p.Edition(pg.Lang); e != nil {
		pg.Dir = e.Dir
	}
	pg.Canonical = r.p.Config.BaseURL + pg.Path
	pg.AltCanonical = r.p.Config.BaseURL + pg.AltPath
	pg.AltRel = pg.Rel(pg.AltPath)
	if pg.OGImage != "" {
		pg.OGImageURL = r.p.Config.BaseURL + pg.OGImage
	}
	pg.SiteTitle = r.p.Text(r.p.Config.Short, pg.Lang)
	pg.OtherName = r.p.T(pg.Other, "lang-name")
	pg.Alternates, pg.Switch = r.alternates(pg)
	pg.Framed = pg.Template != "root" && pg.Template != "404"
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	done, err := r.framed(buf, pg)
	if err == nil && !done {
		err = t.ExecuteTemplate(buf, "base", pg)
	}
	out := pg.Path + "index.html"
	if strings.HasSuffix(pg.Path, ".html") {
		out = pg.Path
	}
	if err != nil {
		return templateProblem("templates/"+pg.Template+".html", "template-exec", err, out)
	}
	o := generated("the page generated with templates/" + pg.Template + ".html")
	if pg.source != "" {
		o = origin{File: pg.source}
	}
	r.addFrom(output.File{Path: out, Data: bytes.Clone(buf.Bytes())}, o)
	return nil
}

// alternates returns the page's links to itself in every other edition:
// the <link rel="alternate"> tags and the language switch, the edition
// Other first and then the others in the order of data/site.toml after it.
// Every edition's page has the address of AltPath with Other's code
// replaced by its own; when AltPath is not under Other's code, only Other
// is linked.
func (r *builder) alternates(pg *Page) (template.HTML, template.HTML) {
	if pg.AltPath == "" && pg.Path == "" && pg.Template == "root" {
		return "", ""
	}
	type alt struct{ code, path string }
	alts := []alt{{pg.Other, pg.AltPath}}
	if rest, ok := strings.CutPrefix(pg.AltPath, pg.Other+"/"); ok {
		for code := r.p.Other(pg.Other); code != pg.Lang && code != pg.Other; code = r.p.Other(code) {
			alts = append(alts, alt{code, code + "/" + rest})
		}
	}
	var links, sw bytes.Buffer
	for _, a := range alts {
		if a.code == pg.Lang {
			continue
		}
		links.WriteString(`<link rel="alternate" hreflang="`)
		writeEscaped(&links, a.code, escHTML)
		links.WriteString(`" href="`)
		writeEscaped(&links, r.p.Config.BaseURL+a.path, escURL)
		links.WriteString("\">\n")
		sw.WriteString(`<a class="lang" href="`)
		writeEscaped(&sw, pg.Rel(a.path), escURL)
		sw.WriteString(`" hreflang="`)
		writeEscaped(&sw, a.code, escHTML)
		sw.WriteString(`" lang="`)
		writeEscaped(&sw, a.code, escHTML)
		sw.WriteString(`">`)
		writeEscaped(&sw, r.p.T(a.code, "lang-name"), escHTML)
		sw.WriteString("</a>\n")
	}
	return template.HTML(links.String()), template.HTML(sw.String())
}
