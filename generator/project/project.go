// Package project loads and validates everything a build reads: the site
// configuration, UI strings, plan text and pages, the data register and
// fonts, and computes the progress assessments that renderers show.
package project

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"planpress/generator/assess"
	"planpress/generator/convert"
	"planpress/generator/diag"
	"planpress/generator/fonts"
	"planpress/generator/indicator"
	"planpress/generator/input"
	"planpress/generator/internal/fsutil"
	"planpress/generator/plan"
)

// Config is data/site.toml.
type Config struct {
	BaseURL    string         `toml:"base_url"`
	Date       string         `toml:"date"` // edition date, YYYY-MM-DD: PDF dates and feed times
	BaseYear   int            `toml:"base_year"`
	TargetYear int            `toml:"target_year"`
	Title      indicator.Text `toml:"title"`
	Short      indicator.Text `toml:"short_title"`
	Issuer     indicator.Text `toml:"issuer"`
	Publisher  indicator.Text `toml:"publisher"`
	// Who compiles the site and the reports, beside Publisher: its address,
	// a contact (e-mail or web address) and an optional disclaimer, shown
	// on the reports' covers and footers and on the About page.
	PublisherAddress indicator.Text `toml:"publisher_address"`
	PublisherContact string         `toml:"publisher_contact"`
	Disclaimer       indicator.Text `toml:"disclaimer"`
	// ReportAuthor is the Author of the PDFs; empty: the publisher. The
	// issuer of the plan is never the author unless named here.
	ReportAuthor indicator.Text `toml:"report_author"`
	Licence      indicator.Text `toml:"licence"`
	LicenceURL   string         `toml:"licence_url"` // the licence of the data and translation, for metadata
	Coverage     indicator.Text `toml:"coverage"`    // the place the plan covers, for metadata
	// Contact says how to send a missing figure (indicator pages without
	// one show it); ContactURL is its link (mailto: or https:), optional.
	Contact    indicator.Text `toml:"contact"`
	ContactURL string         `toml:"contact_url"`
	Fonts      struct {
		Main string `toml:"main"`
	} `toml:"fonts"`
	Editions []Edition `toml:"edition"` // none: DefaultEditions
	// Headlines are the indicators the home page shows first (then others
	// with values in three years or more).
	Headlines []string `toml:"headlines"`
	// Tables are the plan's tables that it publishes as images, rebuilt
	// from data, by the id of their {{< table ID "…" >}} line. Empty: the
	// plan has none, and the site no tables page.
	Tables struct {
		Results        string `toml:"results"`         // rebuilt from data/table1.toml
		Targets        string `toml:"targets"`         // lists the indicators of TargetsSection
		TargetsSection string `toml:"targets_section"` // the section whose targets it states
	} `toml:"tables"`
	// Notice is how the PDF sets the plan's notice (its covering letter).
	Notice struct {
		FlushLeft int `toml:"flush_left"` // first paragraphs set flush left (document number, addressees)
		Signed    int `toml:"signed"`     // last paragraphs set to the right (issuer, date)
	} `toml:"notice"`
}

// HasTables reports whether the plan has tables rebuilt from data.
func (c *Config) HasTables() bool { return c.Tables.Results != "" || c.Tables.Targets != "" }

// Project is the loaded, checked input of a build.
type Project struct {
	Root         string
	FS           fs.FS // the project's files (the folder Root unless loaded from memory)
	Config       Config
	Strings      map[string]map[string]string     // lang → key → text
	Plans        map[string]*plan.Plan            // lang → plan text
	Pages        map[string]map[string]*plan.Page // lang → name → page
	Editions     []Edition                        // the language editions, in order (data/site.toml)
	Reg          *indicator.Register              // areas, indicators, sources, values
	Results      map[string]map[int]assess.Result // indicator → report year → result
	Search       SearchFold                       // the search's folding (data/search/)
	Fonts        *fonts.Set                       // [fonts] main
	editionFonts map[string]*fonts.Set            // editions with a font of their own
	quotes       map[string]map[string]string     // converted edition → indicator id → quote
	Years        []int                            // report years: years after the base year that have an annual file
}

// T returns the UI string key in lang; a missing key shows as [key].
func (p *Project) T(lang, key string) string {
	if s, ok := p.Strings[lang][key]; ok {
		return s
	}
	return "[" + key + "]"
}

// Time returns the edition date as a time (for PDF metadata and feeds).
// SOURCE_DATE_EPOCH, when set, wins over data/site.toml.
// An invalid SOURCE_DATE_EPOCH is ignored here; commands refuse it first
// (SourceDateEpoch).
func (p *Project) Time() time.Time {
	if t, ok, err := SourceDateEpoch(); ok && err == nil {
		return t
	}
	t, err := time.Parse("2006-01-02", p.Config.Date)
	if err != nil {
		return time.Date(p.Config.TargetYear, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// SourceDateEpoch reads the environment variable SOURCE_DATE_EPOCH: ok
// is false when it is not set; an error when it is not a count of seconds
// since 1970 (digits only) up to the end of indicator.MaxYear.
func SourceDateEpoch() (t time.Time, ok bool, err error) {
	s, set := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !set || s == "" {
		return time.Time{}, false, nil
	}
	maxSec := time.Date(indicator.MaxYear, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	bad := len(s) > 11
	var sec int64
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			bad = true
			break
		}
		sec = sec*10 + int64(c-'0')
	}
	if bad || sec > maxSec {
		return time.Time{}, true, diag.Msg("", 0, "sde-bad", s, maxSec, indicator.MaxYear, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	}
	return time.Unix(sec, 0).UTC(), true, nil
}

// Period is the plan period of data/site.toml, as the progress method reads it.
func (p *Project) Period() assess.Period {
	return assess.Period{BaseYear: p.Config.BaseYear, TargetYear: p.Config.TargetYear}
}

// Sourcing returns the sourcing record of an indicator (data/sourcing.toml),
// or nil when none was kept.
func (p *Project) Sourcing(id string) *indicator.SourcingRecord { return p.Reg.SourcingOf(id) }

// LatestYear is the last report year.
func (p *Project) LatestYear() int {
	if len(p.Years) == 0 {
		return p.Config.BaseYear
	}
	return p.Years[len(p.Years)-1]
}

// Options change how a project is loaded.
type Options struct {
	NeedFonts bool  // find fonts (builds need them, checks do not)
	FS        fs.FS // the project's files; nil: the folder root (tests give a project in memory)
}

// Load reads and checks the project at root. It returns every problem it
// finds as diag.Problems, or another error for what is not input.
func Load(root string, opt Options) (*Project, error) {
	fsys := opt.FS
	if fsys == nil {
		fsys = Files(root)
	}
	p := &Project{Root: root, FS: fsys, Strings: map[string]map[string]string{}, Plans: map[string]*plan.Plan{}, Pages: map[string]map[string]*plan.Page{}}
	_, errSite := fs.Stat(fsys, "data/site.toml")
	_, errContent := fs.Stat(fsys, "content")
	if errSite != nil && errContent != nil {
		abs, _ := filepath.Abs(root)
		return nil, diag.Problems{diag.Msg(abs, 0, "project-none")}
	}
	var ps diag.Problems
	siteLines, e := loadTOML(fsys, "data/site.toml", &p.Config, "base_url, date, base_year, target_year, title, short_title, issuer, publisher, publisher_address, publisher_contact, disclaimer, report_author, licence, licence_url, coverage, contact, contact_url, headlines, [tables] results, targets, targets_section, [notice] flush_left, signed, [fonts] main, [[edition]] code, name, dir, source, data_key, font, default, cjk, convert_from")
	ps = append(ps, e...)
	eds, eps := checkEditions(p.Config.Editions)
	ps = append(ps, eps...)
	p.Editions = eds
	if len(eps) > 0 {
		sortProblems(ps)
		return p, ps // nothing else can be read without the editions
	}
	langs := p.Langs()
	if len(e) == 0 {
		ps = append(ps, checkConfig(&p.Config, siteLines)...)
	}
	convs, cps := p.converters(fsys)
	ps = append(ps, cps...)
	for _, cv := range convs {
		if err := cv.fill(&p.Config, "data/site.toml"); err != nil {
			return p, err
		}
	}
	for _, lang := range langs {
		m := map[string]string{}
		lines, e := loadTOML(fsys, "data/i18n/"+lang+".toml", &m, "any key = \"text\"")
		ps = append(ps, e...)
		for k, v := range m {
			if n := utf8.RuneCountInString(v); n > input.MaxText {
				ps = append(ps, diag.Msg("data/i18n/"+lang+".toml", keyLineOf(lines, k), "ui-string-long", k, n, input.MaxText))
			}
		}
		p.Strings[lang] = m
	}
	ps = append(ps, stringParity(langs, p.Strings)...)
	sf, sps := loadSearchFold(fsys)
	p.Search = sf
	ps = append(ps, sps...)
	// fonts and the data files load while the plan text is read
	type fontsResult struct {
		set  *fonts.Set
		byEd map[string]*fonts.Set
		err  error
	}
	fontsDone := make(chan fontsResult, 1)
	if opt.NeedFonts {
		go func() {
			// the fonts must render the plan's titles in every edition
			var sample []string
			for _, e := range p.Editions {
				sample = append(sample, p.Config.Title.Get(e.DataKey), p.Config.Short.Get(e.DataKey))
			}
			fs, err := fonts.Find(p.Config.Fonts.Main, sample...)
			r := fontsResult{set: fs, err: err, byEd: map[string]*fonts.Set{}}
			for _, e := range p.Editions {
				if e.Font != "" && r.err == nil {
					r.byEd[e.Code], r.err = fonts.Find(e.Font, p.Config.Title.Get(e.DataKey), p.Config.Short.Get(e.DataKey))
				}
			}
			fontsDone <- r
		}()
	}
	type regResult struct {
		reg *indicator.Register
		ps  diag.Problems
	}
	regDone := make(chan regResult, 1)
	go func() {
		reg, rps := indicator.Load(fsys, p.Limits())
		regDone <- regResult{reg, rps}
	}()
	type langResult struct {
		plan  *plan.Plan
		pages map[string]*plan.Page
		ps    diag.Problems
	}
	results := make([]langResult, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lr := &results[i]
			pl, err := plan.LoadPlan(fsys, lang)
			if err != nil {
				lr.ps = append(lr.ps, diag.Of(err)...)
				return
			}
			lr.plan = pl
			pages, err := plan.LoadPages(fsys, lang)
			if err != nil {
				lr.ps = append(lr.ps, diag.Of(err)...)
				return
			}
			lr.pages = pages
		}()
	}
	wg.Wait()
	for i, lang := range langs {
		ps = append(ps, results[i].ps...)
		if results[i].plan != nil {
			p.Plans[lang] = results[i].plan
			ps = append(ps, checkHeadingIDs(results[i].plan)...)
		}
		if results[i].pages != nil {
			p.Pages[lang] = results[i].pages
		}
	}
	rr := <-regDone
	reg := rr.reg
	ps = append(ps, rr.ps...)
	p.Reg = reg
	for _, cv := range convs {
		if err := cv.fill(reg, "data"); err != nil {
			return p, err
		}
		qs, err := cv.quotes(reg)
		if err != nil {
			return p, err
		}
		if p.quotes == nil {
			p.quotes = map[string]map[string]string{}
		}
		p.quotes[cv.ed.Code] = qs
		if pl := p.Plans[cv.ed.Code]; pl != nil {
			ps = append(ps, checkQuotesIn(pl, reg, cv.ed, qs, p.Plans[cv.ed.ConvertFrom])...)
		}
		fresh, err := cv.c.Files(fsys, cv.ed.ConvertFrom, cv.ed.Code)
		if err != nil {
			return p, err
		}
		ps = append(ps, convert.Stale(fsys, fresh, cv.ed.Code)...)
		ps = append(ps, cv.c.Unused()...)
	}
	ps = append(ps, p.checkPlanFacts()...)
	// every translation against the plan's own text; the glossary and
	// quote_en for the edition they are written for
	se := p.Source()
	if src := p.Plans[se.Code]; src != nil {
		trs := p.Translations()
		checks := make([]diag.Problems, 1+3*len(trs))
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); checks[0] = checkQuotes(src, reg, se) }()
		for i, te := range trs {
			tr := p.Plans[te.Code]
			if tr == nil {
				continue
			}
			wg.Add(1)
			go func() { defer wg.Done(); checks[1+3*i] = checkParity(src, tr, se, te) }()
			if se.DataKey == glossarySource && te.DataKey == glossaryTarget {
				wg.Add(2)
				go func() { defer wg.Done(); checks[2+3*i] = checkGlossary(src, tr, reg.Glossary) }()
				go func() { defer wg.Done(); checks[3+3*i] = checkQuotesEn(tr, src, reg) }()
			}
		}
		wg.Wait()
		for _, c := range checks {
			ps = append(ps, c...)
		}
	}
	if srcPages := p.Pages[se.Code]; srcPages != nil {
		for _, te := range p.Translations() {
			trPages := p.Pages[te.Code]
			if trPages == nil {
				continue
			}
			for _, name := range sortedKeys(srcPages) {
				if trPages[name] == nil {
					if te.ConvertFrom != "" {
						ps = append(ps, diag.Msg("content/"+se.Code+"/"+name+".md", 0, "page-no-counterpart-convert", te.Name, te.ConvertFrom))
					} else {
						ps = append(ps, diag.Msg("content/"+se.Code+"/"+name+".md", 0, "page-no-counterpart", te.Name, "content/"+te.Code+"/"+name+".md"))
					}
				}
			}
			for _, name := range sortedKeys(trPages) {
				if srcPages[name] == nil {
					ps = append(ps, diag.Msg("content/"+te.Code+"/"+name+".md", 0, "page-no-counterpart", se.Name, "content/"+se.Code+"/"+name+".md"))
				}
			}
		}
	}
	for _, y := range reg.Years {
		if y > p.Config.BaseYear {
			p.Years = append(p.Years, y)
		}
	}
	if len(ps) > 0 {
		sortProblems(ps)
		return p, ps
	}
	if opt.NeedFonts {
		fr := <-fontsDone
		if fr.err != nil {
			var fp diag.Problem
			if errors.As(fr.err, &fp) {
				// a problem of data/site.toml: told at the line of [fonts] main
				if fp.Line == 0 && p.Config.Fonts.Main != "" {
					fp.Line = keyLineOf(siteLines, "main")
				}
				return p, diag.Problems{fp}
			}
			return p, fr.err
		}
		p.Fonts, p.editionFonts = fr.set, fr.byEd
	}
	return p, nil
}

// Assess computes every indicator's result for every report year (and for
// LatestYear, the year the pages show, when there is no report year yet),
// and checks that every verdict rests on a figure up to its year: a status
// that claims progress without one is a problem (check and build fail on
// it). It is the one place that runs the method: the pipeline calls it
// once, after loading and before rendering; the outputs only read Results.
func (p *Project) Assess() error {
	p.Results = map[string]map[int]assess.Result{}
	period := p.Period()
	years := p.Years
	if len(years) == 0 {
		years = []int{p.LatestYear()} // no report year yet: pages show the base year
	}
	var ps diag.Problems
	for _, ind := range p.Reg.Indicators {
		m := map[int]assess.Result{}
		obs := p.Reg.ObservationsOf(ind.ID)
		for _, y := range years {
			r := assess.Assess(ind, obs, y, period)
			if e := assess.Evidence(r, obs); e != "" {
				ps = append(ps, diag.Msg("data/indicators.toml", ind.Line, "indicator-evidence", ind.ID, e))
			}
			m[y] = r
		}
		p.Results[ind.ID] = m
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

func sortProblems(ps diag.Problems) { ps.Sort() }

// Files are the files of the project at root as the loaders read them:
// regular files only, symbolic links only inside the project, and each of
// bounded size by kind (data files, Markdown and templates, static assets).
func Files(root string) fs.FS { return fsutil.InputFS(root, inputLimit) }

// maxStatic is the largest file of templates/static/ (images, scripts).
const maxStatic = 64 << 20

func inputLimit(name string) int64 {
	switch {
	case strings.HasPrefix(name, "templates/static/"):
		return maxStatic
	case strings.HasPrefix(name, "data/"):
		return input.MaxDataFile
	}
	return input.MaxTextFile
}

// loadTOML decodes a small TOML file, reporting errors and unknown keys.
// It returns the file's lines, for messages about its values.
func loadTOML(fsys fs.FS, name string, v any, known string) ([]string, diag.Problems) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, diag.Problems{diag.MsgErr(name, 0, err, "file-limit", err)}
		}
		return nil, diag.Problems{diag.MsgErr(name, 0, err, "file-unreadable-restore", err)}
	}
	t, ps, _ := diag.DecodeTOML(name, data, v, diag.TOML{Known: known})
	return t.Lines, ps
}

// keyLineOf returns the line (1-based) where key is set or opens a table,
// or 0 when it is not found.
func keyLineOf(lines []string, key string) int {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "["+key+"]" {
			return i + 1
		}
		for _, k := range []string{key, `"` + key + `"`} {
			if rest, ok := strings.CutPrefix(t, k); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
				return i + 1
			}
		}
	}
	return 0
}

// checkConfig checks the values of data/site.toml: years in a sane range
// and in order, a real edition date, a base URL that is one http(s)
// address, and one-line texts of sane length.
func checkConfig(c *Config, lines []string) diag.Problems {
	var ps diag.Problems
	const f = "data/site.toml"
	add := func(key, msgKey string, args ...any) {
		ps = append(ps, diag.Msg(f, keyLineOf(lines, key), msgKey, args...))
	}
	switch {
	case c.BaseYear == 0 || c.TargetYear == 0:
		add("base_year", "site-years-missing")
	case c.BaseYear < indicator.MinYear || c.BaseYear > indicator.MaxYear:
		add("base_year", "site-base-year-range", c.BaseYear, indicator.MinYear, indicator.MaxYear)
	case c.TargetYear < indicator.MinYear || c.TargetYear > indicator.MaxYear:
		add("target_year", "site-target-year-range", c.TargetYear, indicator.MinYear, indicator.MaxYear)
	case c.TargetYear <= c.BaseYear:
		add("target_year", "site-target-before-base", c.TargetYear, c.BaseYear)
	case c.TargetYear-c.BaseYear > indicator.MaxPeriod:
		add("target_year", "site-period-long", c.BaseYear, c.TargetYear, c.TargetYear-c.BaseYear, indicator.MaxPeriod)
	}
	if r := input.SingleLine(c.BaseURL); r >= 0 {
		add("base_url", "site-base-url-control", r)
	} else if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(c.BaseURL, "/") ||
		strings.ContainsAny(c.BaseURL, " \"'<>\\`") || len(c.BaseURL) > input.MaxString {
		add("base_url", "site-base-url", c.BaseURL)
	}
	if !indicator.ValidDate(c.Date) || len(c.Date) != len("2006-01-02") {
		ps = append(ps, diag.Msg(f, keyLineOf(lines, "date"), "site-date", c.Date))
	}
	for _, t := range []struct {
		key string
		v   indicator.Text
	}{{"title", c.Title}, {"short_title", c.Short}, {"issuer", c.Issuer}, {"publisher", c.Publisher},
		{"publisher_address", c.PublisherAddress}, {"publisher_contact", indicator.Text{"": c.PublisherContact}}, {"disclaimer", c.Disclaimer}, {"report_author", c.ReportAuthor}} {
		for _, s := range t.v {
			if n := utf8.RuneCountInString(s); n > input.MaxString {
				add(t.key, "site-text-long", t.key, n, input.MaxString)
			} else if r := input.SingleLine(s); r >= 0 {
				add(t.key, "site-text-control", t.key, r)
			}
		}
	}
	for _, s := range c.Licence {
		if n := utf8.RuneCountInString(s); n > input.MaxText {
			add("licence", "site-text-long", "licence", n, input.MaxText)
		}
	}
	if r := input.SingleLine(c.Fonts.Main); r >= 0 {
		add("main", "site-font-control", r)
	}
	return ps
}

// Limits are what the data files are checked against: the plan's years
// and the editions' data keys.
func (p *Project) Limits() indicator.Limits {
	return indicator.Limits{FirstYear: p.Config.BaseYear, LastYear: p.Config.TargetYear, Keys: p.WrittenKeys(), Source: p.Source().DataKey, Table1: p.Config.Tables.Results != ""}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// stringParity reports UI strings present in one language only.
func stringParity(langs []string, s map[string]map[string]string) diag.Problems {
	var ps diag.Problems
	for _, a := range langs {
		for _, b := range langs {
			if a == b {
				continue
			}
			var missing []string
			for k := range s[a] {
				if _, ok := s[b][k]; !ok {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			for _, k := range missing {
				ps = append(ps, diag.Msg("data/i18n/"+b+".toml", 0, "ui-string-missing", k, a))
			}
		}
	}
	return ps
}

// checkPlanFacts checks what data/site.toml says of the plan: headline
// indicators that exist, a targets table with a section of the plan, a
// results table with rows.
func (p *Project) checkPlanFacts() diag.Problems {
	const file = "data/site.toml"
	var ps diag.Problems
	if p.Reg.Indicators != nil {
		for _, id := range p.Config.Headlines {
			if p.Reg.Indicator(id) == nil && !p.Reg.Unsure("indicators", id) {
				ps = append(ps, diag.Msg(file, 0, "site-headline-unknown", id))
			}
		}
	}
	t := p.Config.Tables
	if (t.Targets == "") != (t.TargetsSection == "") {
		ps = append(ps, diag.Msg(file, 0, "site-tables-targets-pair"))
	}
	if src := p.Plans[p.Source().Code]; src != nil && t.TargetsSection != "" && src.Sections()[t.TargetsSection] == nil {
		ps = append(ps, diag.Msg(file, 0, "site-tables-section", t.TargetsSection, "content/"+p.Source().Code+"/plan"))
	}
	if t.Results != "" && len(p.Reg.Table1.Rows) == 0 {
		ps = append(ps, diag.Msg("data/table1.toml", 0, "table1-empty", t.Results))
	}
	return ps
}
