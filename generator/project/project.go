// Package project loads and validates everything a build reads: the site
// configuration, UI strings, plan text and pages, the data register and
// fonts, and computes the progress assessments that renderers show.
package project

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"planpress/generator/assess"
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
	Licence    indicator.Text `toml:"licence"`
	Fonts      struct {
		Main string `toml:"main"`
	} `toml:"fonts"`
}

// Project is the loaded, checked input of a build.
type Project struct {
	Root    string
	Config  Config
	Strings map[string]map[string]string     // lang → key → text
	Plans   map[string]*plan.Plan            // lang → plan text
	Pages   map[string]map[string]*plan.Page // lang → name → page
	Reg     *indicator.Register              // areas, indicators, sources, values
	Results map[string]map[int]assess.Result // indicator → report year → result
	Fonts   *fonts.Set
	Years   []int // report years: years after the base year that have an annual file
}

// Langs are the site languages in order.
var Langs = plan.Languages

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
		return time.Time{}, true, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a time: it must be the seconds since 1970-01-01 UTC, digits only, at most %d (the end of %d); unset it or set e.g. SOURCE_DATE_EPOCH=%d", s, maxSec, indicator.MaxYear, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
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
	NeedFonts  bool // find fonts (builds need them, checks do not)
	SkipAssess bool // leave Results empty; the caller runs Assess itself
}

// Load reads and checks the project at root. It returns every problem it
// finds as indicator.Problems, or another error for what is not input.
func Load(root string, opt Options) (*Project, error) {
	p := &Project{Root: root, Strings: map[string]map[string]string{}, Plans: map[string]*plan.Plan{}, Pages: map[string]map[string]*plan.Page{}}
	_, errSite := os.Stat(filepath.Join(root, "data", "site.toml"))
	_, errContent := os.Stat(filepath.Join(root, "content"))
	if errSite != nil && errContent != nil {
		abs, _ := filepath.Abs(root)
		return nil, indicator.Problems{{File: abs, Msg: "not a planpress project: it has neither data/site.toml nor content/", Hint: "run the command in the project folder, or give it with --root DIR"}}
	}
	var ps indicator.Problems
	siteLines, e := loadTOML(root, "data/site.toml", &p.Config, "base_url, date, base_year, target_year, title, short_title, issuer, publisher, licence, [fonts] main")
	ps = append(ps, e...)
	if len(e) == 0 {
		ps = append(ps, checkConfig(&p.Config, siteLines)...)
	}
	for _, lang := range Langs {
		m := map[string]string{}
		lines, e := loadTOML(root, "data/i18n/"+lang+".toml", &m, "any key = \"text\"")
		ps = append(ps, e...)
		for k, v := range m {
			if n := utf8.RuneCountInString(v); n > input.MaxText {
				ps = append(ps, indicator.Problem{File: "data/i18n/" + lang + ".toml", Line: keyLineOf(lines, k), Msg: fmt.Sprintf("string %q is %d characters long (at most %d)", k, n, input.MaxText), Hint: "shorten it"})
			}
		}
		p.Strings[lang] = m
	}
	ps = append(ps, stringParity(p.Strings)...)
	// fonts and the data files load while the plan text is read
	type fontsResult struct {
		set *fonts.Set
		err error
	}
	fontsDone := make(chan fontsResult, 1)
	if opt.NeedFonts {
		go func() {
			fs, err := fonts.Find(p.Config.Fonts.Main)
			fontsDone <- fontsResult{fs, err}
		}()
	}
	type regResult struct {
		reg *indicator.Register
		ps  indicator.Problems
	}
	regDone := make(chan regResult, 1)
	go func() {
		reg, rps := indicator.Load(root, indicator.Limits{FirstYear: p.Config.BaseYear, LastYear: p.Config.TargetYear})
		regDone <- regResult{reg, rps}
	}()
	content := filepath.Join(root, "content")
	type langResult struct {
		plan  *plan.Plan
		pages map[string]*plan.Page
		ps    indicator.Problems
	}
	langs := make([]langResult, len(Langs))
	var wg sync.WaitGroup
	for i, lang := range Langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lr := &langs[i]
			pl, err := plan.LoadPlan(content, lang)
			if err != nil {
				lr.ps = append(lr.ps, problemOf(root, err))
				return
			}
			for _, pg := range append(pl.Pages, pl.Index) {
				pg.File = rel(root, pg.File)
			}
			lr.plan = pl
			pages, err := plan.LoadPages(content, lang)
			if err != nil {
				lr.ps = append(lr.ps, problemOf(root, err))
				return
			}
			for _, pg := range pages {
				pg.File = rel(root, pg.File)
			}
			lr.pages = pages
		}()
	}
	wg.Wait()
	for i, lang := range Langs {
		ps = append(ps, langs[i].ps...)
		if langs[i].plan != nil {
			p.Plans[lang] = langs[i].plan
			ps = append(ps, checkHeadingIDs(langs[i].plan)...)
		}
		if langs[i].pages != nil {
			p.Pages[lang] = langs[i].pages
		}
	}
	rr := <-regDone
	reg := rr.reg
	ps = append(ps, rr.ps...)
	p.Reg = reg
	if p.Plans["zh-Hant"] != nil && p.Plans["en"] != nil {
		var checks [4]indicator.Problems
		var wg sync.WaitGroup
		wg.Add(4)
		go func() { defer wg.Done(); checks[0] = checkParity(p.Plans["zh-Hant"], p.Plans["en"]) }()
		go func() { defer wg.Done(); checks[1] = checkGlossary(p.Plans["zh-Hant"], p.Plans["en"], reg.Glossary) }()
		go func() { defer wg.Done(); checks[2] = checkQuotes(p.Plans["zh-Hant"], reg) }()
		go func() { defer wg.Done(); checks[3] = checkQuotesEn(p.Plans["en"], reg) }()
		wg.Wait()
		for _, c := range checks {
			ps = append(ps, c...)
		}
	}
	if p.Pages["zh-Hant"] != nil && p.Pages["en"] != nil {
		for name := range p.Pages["zh-Hant"] {
			if p.Pages["en"][name] == nil {
				ps = append(ps, indicator.Problem{File: "content/zh-Hant/" + name + ".md", Msg: "page has no English counterpart", Hint: "add content/en/" + name + ".md"})
			}
		}
		for name := range p.Pages["en"] {
			if p.Pages["zh-Hant"][name] == nil {
				ps = append(ps, indicator.Problem{File: "content/en/" + name + ".md", Msg: "page has no Chinese counterpart", Hint: "add content/zh-Hant/" + name + ".md"})
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
	if !opt.SkipAssess {
		if err := p.Assess(); err != nil {
			return p, err
		}
	}
	if opt.NeedFonts {
		fr := <-fontsDone
		if fr.err != nil {
			return p, fr.err
		}
		p.Fonts = fr.set
	}
	return p, nil
}

// Assess computes every indicator's result for every report year, and
// checks that every verdict rests on a figure up to its year: a status that
// claims progress without one is a problem (check and build fail on it).
func (p *Project) Assess() error {
	p.Results = map[string]map[int]assess.Result{}
	period := p.Period()
	years := p.Years
	if len(years) == 0 {
		years = []int{p.LatestYear()} // no report year yet: pages show the base year
	}
	var ps indicator.Problems
	for _, ind := range p.Reg.Indicators {
		m := map[int]assess.Result{}
		obs := p.Reg.ObservationsOf(ind.ID)
		for _, y := range years {
			r := assess.Assess(ind, obs, y, period)
			if e := assess.Evidence(r, obs); e != "" {
				ps = append(ps, indicator.Problem{File: "data/indicators.toml", Line: ind.Line,
					Msg:  fmt.Sprintf("indicator %q: %s", ind.ID, e),
					Hint: "a verdict needs a figure up to its year: add the figure with its source to data/annual/, or report the method's error"})
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

func sortProblems(ps indicator.Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}

// problemOf turns a content error into a problem with a path relative to root.
func problemOf(root string, err error) indicator.Problem {
	var ce *plan.ContentError
	if errors.As(err, &ce) {
		return indicator.Problem{File: rel(root, ce.File), Line: ce.Line, Msg: ce.Msg}
	}
	return indicator.Problem{File: "content", Msg: err.Error()}
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}

// loadTOML decodes a small TOML file, reporting errors and unknown keys.
// It returns the file's lines, for messages about its values.
func loadTOML(root, name string, v any, known string) ([]string, indicator.Problems) {
	data, err := fsutil.ReadInput(root, filepath.Join(root, name), input.MaxDataFile)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, indicator.Problems{{File: name, Msg: err.Error()}}
		}
		return nil, indicator.Problems{{File: name, Msg: err.Error(), Hint: "restore the file from version control"}}
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	if line, msg := input.Check([]byte(s)); line > 0 {
		return nil, indicator.Problems{{File: name, Line: line, Msg: msg}}
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if line, msg := input.TOMLDepth([]byte(s)); line > 0 {
		return lines, indicator.Problems{{File: name, Line: line, Msg: msg}}
	}
	md, err := toml.Decode(s, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return lines, indicator.Problems{{File: name, Line: pe.Position.Line, Col: pe.Position.Col, Msg: "TOML: " + pe.Message, Hint: "check quotes, = signs and brackets on this line"}}
		}
		line := 0
		if m := reErrLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return lines, indicator.Problems{{File: name, Line: line, Msg: "TOML: " + strings.TrimPrefix(reErrLine.ReplaceAllString(err.Error(), ""), "toml: "), Hint: "check the value types: numbers without quotes, text in quotes"}}
	}
	var ps indicator.Problems
	for _, k := range md.Undecoded() {
		ps = append(ps, indicator.Problem{File: name, Line: keyLineOf(lines, k[len(k)-1]), Msg: fmt.Sprintf("unknown key %q", k.String()), Hint: "known keys: " + known})
	}
	return lines, ps
}

// reErrLine finds the line in the decoder's type errors.
var reErrLine = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: `)

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
func checkConfig(c *Config, lines []string) indicator.Problems {
	var ps indicator.Problems
	const f = "data/site.toml"
	add := func(key, msg, hint string) {
		ps = append(ps, indicator.Problem{File: f, Line: keyLineOf(lines, key), Msg: msg, Hint: hint})
	}
	switch {
	case c.BaseYear == 0 || c.TargetYear == 0:
		add("base_year", "base_year or target_year is missing", "write base_year = 2020 and target_year = 2025 (the plan's base and target years)")
	case c.BaseYear < indicator.MinYear || c.BaseYear > indicator.MaxYear:
		add("base_year", fmt.Sprintf("base_year %d is outside %d–%d", c.BaseYear, indicator.MinYear, indicator.MaxYear), "write the plan's base year, e.g. base_year = 2020")
	case c.TargetYear < indicator.MinYear || c.TargetYear > indicator.MaxYear:
		add("target_year", fmt.Sprintf("target_year %d is outside %d–%d", c.TargetYear, indicator.MinYear, indicator.MaxYear), "write the plan's target year, e.g. target_year = 2025")
	case c.TargetYear <= c.BaseYear:
		add("target_year", fmt.Sprintf("target_year %d is not after base_year %d", c.TargetYear, c.BaseYear), "the target year comes after the base year: check the two years")
	case c.TargetYear-c.BaseYear > indicator.MaxPeriod:
		add("target_year", fmt.Sprintf("the plan period %d–%d is %d years long (at most %d)", c.BaseYear, c.TargetYear, c.TargetYear-c.BaseYear, indicator.MaxPeriod), "check the two years for a typing slip")
	}
	if r := input.SingleLine(c.BaseURL); r >= 0 {
		add("base_url", fmt.Sprintf("base_url contains the control character %U", r), "write the address on one line, without spaces or control characters")
	} else if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(c.BaseURL, "/") ||
		strings.ContainsAny(c.BaseURL, " \"'<>\\`") || len(c.BaseURL) > input.MaxString {
		add("base_url", fmt.Sprintf("base_url %q", c.BaseURL), "write the address where the site is published, starting with https:// and ending with /")
	}
	if !indicator.ValidDate(c.Date) || len(c.Date) != len("2006-01-02") {
		add("date", fmt.Sprintf("date %q is not YYYY-MM-DD", c.Date), "write the edition date, a real date, e.g. date = \"2026-03-31\"")
	}
	for _, t := range []struct {
		key string
		v   indicator.Text
	}{{"title", c.Title}, {"short_title", c.Short}, {"issuer", c.Issuer}, {"publisher", c.Publisher}} {
		for _, s := range []string{t.v.Zh, t.v.En} {
			if n := utf8.RuneCountInString(s); n > input.MaxString {
				add(t.key, fmt.Sprintf("%s is %d characters long (at most %d)", t.key, n, input.MaxString), "shorten it")
			} else if r := input.SingleLine(s); r >= 0 {
				add(t.key, fmt.Sprintf("%s contains the control character %U", t.key, r), "write it on one line, without line breaks, tabs or control characters")
			}
		}
	}
	for _, s := range []string{c.Licence.Zh, c.Licence.En} {
		if n := utf8.RuneCountInString(s); n > input.MaxText {
			add("licence", fmt.Sprintf("licence is %d characters long (at most %d)", n, input.MaxText), "shorten it")
		}
	}
	if r := input.SingleLine(c.Fonts.Main); r >= 0 {
		add("main", fmt.Sprintf("[fonts] main contains the control character %U", r), "write the font's path on one line")
	}
	return ps
}

// stringParity reports UI strings present in one language only.
func stringParity(s map[string]map[string]string) indicator.Problems {
	var ps indicator.Problems
	for _, a := range Langs {
		for _, b := range Langs {
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
				ps = append(ps, indicator.Problem{File: "data/i18n/" + b + ".toml", Msg: fmt.Sprintf("string %q is missing (it is in %s.toml)", k, a), Hint: "add " + k + " = \"…\""})
			}
		}
	}
	return ps
}
