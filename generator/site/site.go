// Package site renders the bilingual static website: HTML pages through
// html/template, inline SVG charts, CSV and JSON downloads, the sitemap,
// feeds and the search index.
package site

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"

	"planpress/generator/indicator"
	"planpress/generator/input"
	"planpress/generator/internal/fsutil"
	"planpress/generator/project"
)

// File is one output file: a path relative to the output root and its bytes.
type File struct {
	Path string
	Data []byte
}

// Page is what every template receives.
type Page struct {
	Lang     string
	Other    string // the other language
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

	// set by the builder for every page
	Canonical    string // the page's absolute URL
	AltCanonical string // the absolute URL of the other-language page
	AltRel       string // link from this page to the other-language page
	SiteTitle    string // the site's short title in the page's language
	OtherName    string // the name of the other language, in that language
	Framed       bool   // the page has the site header, menu and footer (not the root chooser or 404)

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
	return strings.Repeat("../", p.Depth()) + target + frag
}

// renderer holds what page builders share.
type builder struct {
	p     *project.Project
	tmpl  map[string]*template.Template
	md    map[string]goldmark.Markdown
	mu    sync.Mutex
	files []File
	pdfs  []PDFInfo

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
	Workers   int        // parallel page renderers; 0 means one per CPU
	PDFs      []PDFInfo  // the PDFs of the build, for the downloads page
	Templates *Templates // templates from LoadTemplates; nil: read them from the project
}

// Templates are a project's parsed page templates.
type Templates struct {
	byName map[string]*template.Template
	frames *frameSet
}

// LoadTemplates reads and parses the project's templates/ folder.
func LoadTemplates(root string) (*Templates, error) {
	r := &builder{}
	if err := r.loadTemplates(filepath.Join(root, "templates")); err != nil {
		return nil, err
	}
	return &Templates{r.tmpl, r.frames}, nil
}

// PDFInfo describes a PDF of the build.
type PDFInfo struct {
	Path string
	Lang string
	Kind string // "plan" or "report"
	Year int
	Size int
}

// Render renders the whole site and returns its files (not yet written).
func Render(p *project.Project, opt Options) ([]File, error) {
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
func Start(p *project.Project, opt Options) (*Rendering, []File, error) {
	r := &builder{p: p, md: map[string]goldmark.Markdown{}}
	if opt.Templates != nil {
		r.tmpl, r.frames = opt.Templates.byName, opt.Templates.frames
	} else if err := r.loadTemplates(filepath.Join(p.Root, "templates")); err != nil {
		return nil, nil, err
	}
	r.frames = r.frames.fresh()
	for _, lang := range project.Langs {
		r.md[lang] = newMarkdown(p.T(lang, "permalink"))
	}
	r.stated = map[string][]*indicator.Indicator{}
	secs := p.Plans["zh-Hant"].Sections()
	for i := range p.Reg.Indicators {
		ind := &p.Reg.Indicators[i]
		if pg := secs[ind.Section]; pg != nil {
			r.stated[pg.ID] = append(r.stated[pg.ID], ind)
		}
	}
	r.parts = map[string][]string{}
	for _, lang := range project.Langs {
		r.parts[lang] = make([]string, len(p.Plans[lang].Pages))
	}
	r.workers = opt.Workers
	if r.workers <= 0 {
		r.workers = runtime.NumCPU()
	}
	if err := run(r.jobs(), r.workers); err != nil {
		return nil, nil, err
	}
	if err := run(r.laterJobs(), r.workers); err != nil {
		return nil, nil, err
	}
	statics, err := r.static(filepath.Join(p.Root, "templates", "static"))
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
func (rd *Rendering) Finish(pdfs []PDFInfo) ([]File, error) {
	r := rd.r
	r.pdfs = pdfs
	var jobs []func() error
	for _, lang := range project.Langs {
		lang := lang
		jobs = append(jobs, func() error { return r.downloads(lang) })
	}
	if err := run(jobs, r.workers); err != nil {
		return nil, err
	}
	paths := append([]string(nil), rd.paths...)
	for _, f := range r.files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	r.add(File{Path: "sitemap.xml", Data: sitemap(r.p, paths)})
	r.add(File{Path: "robots.txt", Data: robots(r.p)})
	if err := r.claimErr(); err != nil {
		return nil, err
	}
	return r.files, nil
}

// run runs jobs on workers goroutines and returns the first error in job
// order.
func run(jobs []func() error, workers int) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				errs[i] = jobs[i]()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// add adds a file the build generates from the data.
func (r *builder) add(f File) { r.addFrom(f, generated("a generated file")) }

// page executes the template of pg and adds the HTML file.
func (r *builder) page(pg *Page) error {
	t := r.tmpl[pg.Template]
	if t == nil {
		return fmt.Errorf("templates/%s.html is missing", pg.Template)
	}
	pg.Site = r.p
	pg.b = r
	pg.Canonical = r.p.Config.BaseURL + pg.Path
	pg.AltCanonical = r.p.Config.BaseURL + pg.AltPath
	pg.AltRel = pg.Rel(pg.AltPath)
	pg.SiteTitle = r.p.Config.Short.Get(pg.Lang)
	pg.OtherName = r.p.T(pg.Other, "lang-name")
	pg.Framed = pg.Template != "root" && pg.Template != "404"
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	done, err := r.framed(buf, pg)
	if err == nil && !done {
		err = t.ExecuteTemplate(buf, "base", pg)
	}
	if err != nil {
		return fmt.Errorf("templates/%s.html: %w", pg.Template, err)
	}
	out := pg.Path + "index.html"
	if strings.HasSuffix(pg.Path, ".html") {
		out = pg.Path
	}
	o := generated("the page generated with templates/" + pg.Template + ".html")
	if pg.source != "" {
		o = origin{File: pg.source}
	}
	r.addFrom(File{Path: out, Data: bytes.Clone(buf.Bytes())}, o)
	return nil
}

// bufPool keeps page buffers between pages, so a page is copied once
// instead of growing a new buffer for each.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// loadTemplates parses templates/base.html with each page template.
func (r *builder) loadTemplates(dir string) error {
	src, err := readTemplate(dir, "base.html")
	if err != nil {
		return err
	}
	base := template.New("base").Funcs(funcs)
	if _, err := base.Parse(string(src)); err != nil {
		return fmt.Errorf("templates/base.html: %w", err)
	}
	partials, _ := filepath.Glob(filepath.Join(dir, "_*.html"))
	sort.Strings(partials)
	for _, pth := range partials {
		ps, err := readTemplate(dir, filepath.Base(pth))
		if err != nil {
			return err
		}
		if _, err := base.New(filepath.Base(pth)).Parse(string(ps)); err != nil {
			return fmt.Errorf("templates/%s: %w", filepath.Base(pth), err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	r.tmpl = map[string]*template.Template{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") || name == "base.html" || strings.HasPrefix(name, "_") {
			continue
		}
		src, err := readTemplate(dir, name)
		if err != nil {
			return err
		}
		t, err := base.Clone()
		if err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		r.tmpl[strings.TrimSuffix(name, ".html")] = t
	}
	r.frames = newFrameSet(r.tmpl)
	return nil
}

// readTemplate reads templates/NAME: a regular file inside the project,
// of at most input.MaxTextFile bytes, valid UTF-8 without NUL bytes.
func readTemplate(dir, name string) ([]byte, error) {
	src, err := fsutil.ReadInput(filepath.Dir(dir), filepath.Join(dir, name), input.MaxTextFile)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
		return nil, fmt.Errorf("templates: %w", err)
	}
	if line, msg := input.Check(src); line > 0 {
		return nil, fmt.Errorf("templates/%s:%d: %s", name, line, msg)
	}
	return src, nil
}

// maxStatic is the largest file of templates/static/ (images, scripts).
const maxStatic = 64 << 20

// static copies templates/static/ to assets/.
func (r *builder) static(dir string) ([]File, error) {
	files, err := fsutil.ReadInputTree(filepath.Dir(filepath.Dir(dir)), dir, maxStatic)
	if err != nil {
		return nil, fmt.Errorf("templates/static: %w", err)
	}
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Path: path.Join("assets", f.Path), Data: f.Data}
	}
	return out, nil
}

// Check parses the templates of the project at root without rendering.
func Check(root string) error {
	_, err := LoadTemplates(root)
	return err
}
