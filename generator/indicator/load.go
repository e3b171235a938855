package indicator

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"planpress/generator/diag"
	"planpress/generator/internal/fsutil"
)

// Term is a glossary entry: the English rendering a Chinese term must get.
type Term struct {
	Zh string `toml:"zh"`
	En string `toml:"en"`
	// Pattern, instead of Zh, is a regular expression for a set formula
	// (a number followed by 以上); the English paragraph must then have En
	// (or one of Also) at least as many times as the Chinese has matches.
	Pattern string   `toml:"pattern"`
	Also    []string `toml:"also"`
	Note    string   `toml:"note"`
	Line    int      `toml:"-"`
}

// Table1Row is a row of Table 1, reconstructed from the plan text.
type Table1Row struct {
	Item    Text   `toml:"item"`
	Value   Text   `toml:"value"`
	Quote   string `toml:"quote"`
	Section string `toml:"section"`
	Line    int    `toml:"-"`
}

// Table1 is the plan's Table 1 (results of the 13th plan period).
type Table1 struct {
	Title Text        `toml:"title"`
	Note  Text        `toml:"note"`
	Rows  []Table1Row `toml:"row"`
}

// Register is everything under data/ that describes commitments and values.
type Register struct {
	Areas        []Area
	Indicators   []Indicator
	Sources      []Source
	Observations []Observation // sorted by indicator order, then year
	Table1       Table1
	Glossary     []Term
	Sourcing     []SourcingRecord // data/sourcing.toml: where figures were looked for
	Years        []int            // years that have an annual file
	Empty        map[int]int      // entries left empty (no value yet), by year

	broken      map[string]bool            // files that did not parse: references to them are not checked
	badIDs      map[string]map[string]bool // ids reported invalid, folded (idFold), by file ("areas", "sources", "indicators")
	wrong       map[string]bool            // indicators with a wrong field: checks that rest on their fields are skipped
	indText     *diag.Text                 // data/indicators.toml, to find the line of a key
	t1Text      *diag.Text                 // data/table1.toml, likewise
	periodEarly bool                       // base_year disagrees with most target years or year files: said once, at data/site.toml
	periodLate  bool                       // target_year likewise
	indicators  map[string]*Indicator
	sources     map[string]*Source
	areas       map[string]*Area
	byInd       map[string][]Observation
	sourcing    map[string]*SourcingRecord
}

// Unsure reports whether a reference to id in file ("areas", "sources",
// "indicators") cannot be judged: the file did not parse, or an entry of it
// has an invalid id (reported at its line) that id may stand for. An
// unknown reference is then not reported: it follows from that problem.
func (r *Register) Unsure(file, id string) bool {
	return r.broken[file] || r.badIDs[file][idFold(id)]
}

// idFold is an id as an invalid id may stand for it: lower case, letters
// and digits only ("PM25 annual mean" and "pm25-annual-mean" alike).
func idFold(id string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(id) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// badID records an invalid id of file.
func (r *Register) badID(file, id string) {
	if r.badIDs == nil {
		r.badIDs = map[string]map[string]bool{}
	}
	if r.badIDs[file] == nil {
		r.badIDs[file] = map[string]bool{}
	}
	if f := idFold(id); f != "" {
		r.badIDs[file][f] = true
	}
}

// KeyLine is the line of data/indicators.toml where the indicator sets
// key (its entry's first line when it does not).
func (r *Register) KeyLine(ind *Indicator, key string) int {
	if r.indText == nil {
		return ind.Line
	}
	return r.indText.KeyLine(key, ind.Line)
}

// Table1Line is the line of data/table1.toml where the row starting at
// line sets key (line when it does not).
func (r *Register) Table1Line(line int, key string) int {
	if r.t1Text == nil {
		return line
	}
	return r.t1Text.KeyLine(key, line)
}

// SourcingOf returns the sourcing record of an indicator, or nil.
func (r *Register) SourcingOf(id string) *SourcingRecord { return r.sourcing[id] }

// Indicator returns the indicator with id, or nil.
func (r *Register) Indicator(id string) *Indicator { return r.indicators[id] }

// Source returns the source with id, or nil.
func (r *Register) Source(id string) *Source { return r.sources[id] }

// Area returns the area with id, or nil.
func (r *Register) Area(id string) *Area { return r.areas[id] }

// ObservationsOf returns the observations of an indicator in year order.
func (r *Register) ObservationsOf(id string) []Observation { return r.byInd[id] }

// Observation returns the observation of an indicator in a year, if any.
func (r *Register) Observation(id string, year int) (Observation, bool) {
	for _, o := range r.byInd[id] {
		if o.Year == year {
			return o, true
		}
	}
	return Observation{}, false
}

// InArea returns the indicators of an area in register order.
func (r *Register) InArea(area string) []*Indicator {
	var out []*Indicator
	for i := range r.Indicators {
		if r.Indicators[i].Area == area {
			out = append(out, &r.Indicators[i])
		}
	}
	return out
}

// Limits are what validation needs to know of the project: the plan's year
// range and the data keys of its editions.
type Limits struct {
	FirstYear, LastYear int
	Keys                []string // data key of every edition: each text field has these
	Source              string   // data key of the plan's own text
	Table1              bool     // data/table1.toml is needed (a table is rebuilt from it)
}

// example is a text field written out with the given keys.
func example(keys []string) string {
	return "{ " + strings.Join(keys, ` = "…", `) + ` = "…" }`
}

// lacks says which of the keys a text lacks, as "en" or "zh and en".
func lacks(t Text, keys []string) string {
	m := t.Lacks(keys)
	switch len(m) {
	case 0:
		return ""
	case 1:
		return m[0]
	}
	return strings.Join(m[:len(m)-1], ", ") + " and " + m[len(m)-1]
}

// unknownKeys lists the keys of the texts in v (a struct, slice or Text,
// walked through) that are no edition's data key.
func unknownKeys(v any, keys []string) []string {
	known := map[string]bool{}
	for _, k := range keys {
		known[k] = true
	}
	seen := map[string]bool{}
	var out []string
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		switch rv.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !rv.IsNil() {
				walk(rv.Elem())
			}
		case reflect.Struct:
			for i := 0; i < rv.NumField(); i++ {
				if rv.Type().Field(i).IsExported() {
					walk(rv.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i))
			}
		case reflect.Map:
			if t, ok := rv.Interface().(Text); ok {
				for k := range t {
					if !known[k] && !seen[k] {
						seen[k] = true
						out = append(out, k)
					}
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
	sort.Strings(out)
	return out
}

var (
	reYear = regexp.MustCompile(`^(\d{4})\.toml$`)
	reDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// decode reads and decodes a TOML file of the project into v (see
// diag.DecodeTOML); the text is nil when the file could not be read.
func decode(fsys fs.FS, path string, v any, known string) (*diag.Text, diag.Problems, bool) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		if fsutil.IsLimit(err) { // a special file, a link out of the project, a file too large
			return nil, diag.Problems{diag.MsgErr(path, 0, err, "file-limit", err)}, false
		}
		return nil, diag.Problems{diag.MsgErr(path, 0, err, "file-unreadable-create", err)}, false
	}
	return diag.DecodeTOML(path, data, v, diag.TOML{Known: known})
}

// Load reads ROOT/data/areas.toml, indicators.toml, sources.toml,
// table1.toml, glossary.toml and annual/YYYY.toml, and validates each by
// itself and against the others. It returns every problem found, not just
// the first; problems name files by their paths in fsys (the project).
func Load(fsys fs.FS, lim Limits) (*Register, diag.Problems) {
	r := &Register{}
	var ps diag.Problems
	path := func(n string) string { return "data/" + n }

	var areas struct {
		Area []Area `toml:"area"`
	}
	fa, p, okAreas := decode(fsys, path("areas.toml"), &areas, "[[area]] id, name")
	ps = append(ps, p...)
	r.broken = map[string]bool{}
	r.wrong = map[string]bool{}
	if !okAreas {
		// what was decoded is not to be trusted: nothing more is said of it
		areas.Area = nil
	}
	if fa == nil || len(p) > 0 {
		r.broken["areas"] = true
	} else {
		for i := range areas.Area {
			areas.Area[i].Line = fa.EntryLine("area", i)
		}
	}
	r.Areas = areas.Area

	var inds struct {
		Indicator []Indicator `toml:"indicator"`
	}
	fi, p, okInd := decode(fsys, path("indicators.toml"), &inds, "[[indicator]] id, area, name, unit, direction, kind, decimals, binding, section, quote, quote_en, baseline (year, value, source, note, comparable), target (year, value, bound, tolerance, aspirational, text, year_assumed), note, context, forecast")
	ps = append(ps, p...)
	if !okInd {
		// the file could not be read as a whole: its entries, partly
		// decoded, are not checked (their problems would follow from the
		// one reported)
		r.broken["indicators"] = true
		inds.Indicator = nil
	}
	r.indText = fi
	if fi != nil {
		for i := range inds.Indicator {
			inds.Indicator[i].Line = fi.EntryLine("indicator", i)
		}
	}
	r.Indicators = inds.Indicator

	var srcs struct {
		Source []Source `toml:"source"`
	}
	fsrc, p, okSrc := decode(fsys, path("sources.toml"), &srcs, "[[source]] id, title, publisher, date, grade, url")
	ps = append(ps, p...)
	if !okSrc {
		r.broken["sources"] = true
		srcs.Source = nil
	}
	if fsrc != nil {
		for i := range srcs.Source {
			srcs.Source[i].Line = fsrc.EntryLine("source", i)
		}
	}
	r.Sources = srcs.Source

	if _, err := fs.Stat(fsys, "data/table1.toml"); err != nil && !lim.Table1 {
		// a plan without a table rebuilt from data needs no table1.toml
	} else if ft, p, _ := decode(fsys, path("table1.toml"), &r.Table1, "title, note, [[row]] item, value, quote, section"); ft != nil {
		ps = append(ps, p...)
		r.t1Text = ft
		for i := range r.Table1.Rows {
			r.Table1.Rows[i].Line = ft.EntryLine("row", i)
		}
	} else {
		ps = append(ps, p...)
	}
	var gl struct {
		Term []Term `toml:"term"`
	}
	fg, p, _ := decode(fsys, path("glossary.toml"), &gl, "[[term]] zh or pattern, en, also, note")
	ps = append(ps, p...)
	if fg != nil {
		for i := range gl.Term {
			gl.Term[i].Line = fg.EntryLine("term", i)
		}
	}
	r.Glossary = gl.Term

	ps = append(ps, r.index(fi, fsrc, lim, fsys)...)
	ps = append(ps, r.loadAnnual(fsys, lim)...)
	ps = append(ps, r.loadSourcing(fsys, lim)...)
	return r, ps
}

// index builds the lookup maps and checks each register file by itself.
func (r *Register) index(fi, fsrc *diag.Text, lim Limits, fsys fs.FS) diag.Problems {
	var ps diag.Problems
	// target years outside the plan period: when most are, the period of
	// data/site.toml is what is wrong, said once there
	var outside []outsideYear
	withYear := 0
	add := func(file string, line int, key string, args ...any) {
		ps = append(ps, diag.Msg(file, line, key, args...))
	}
	addP := func(p *diag.Problem) {
		if p != nil {
			ps = append(ps, *p)
		}
	}
	texts := func(file string, line int, what any, single bool, t ...Text) {
		for _, x := range t {
			for _, k := range sortedKeys(x) {
				addP(text(file, line, what, x[k], single))
			}
		}
	}
	keys := lim.Keys
	ex := example(keys)
	// a key that is no edition's, such as a typing slip, is never dropped silently
	foreign := func(file string, line int, what string, v any) {
		if u := unknownKeys(v, keys); len(u) > 0 {
			add(file, line, "data-foreign-keys", what, strings.Join(u, ", "), strings.Join(keys, ", "))
		}
	}
	r.areas = map[string]*Area{}
	for i := range r.Areas {
		a := &r.Areas[i]
		f := "data/areas.toml"
		if !diag.ValidID(a.ID) {
			add(f, a.Line, "area-id", a.ID)
			r.badID("areas", a.ID)
		} else if _, dup := r.areas[a.ID]; dup {
			add(f, a.Line, "area-twice", a.ID)
		}
		if l := lacks(a.Name, keys); l != "" {
			add(f, a.Line, "area-name", a.ID, l, ex)
		}
		foreign(f, a.Line, fmt.Sprintf("area %q", a.ID), a)
		texts(f, a.Line, fmt.Sprintf("name of area %q", a.ID), true, a.Name)
		r.areas[a.ID] = a
	}
	r.sources = map[string]*Source{}
	for i := range r.Sources {
		s := &r.Sources[i]
		f := "data/sources.toml"
		line := s.Line
		if !diag.ValidID(s.ID) {
			ps = append(ps, diag.Msg(f, line, "source-bad-id", s.ID))
			r.badID("sources", s.ID)
		} else if _, dup := r.sources[s.ID]; dup {
			ps = append(ps, diag.Msg(f, line, "source-duplicate", s.ID))
		}
		if s.Title.Empty() {
			ps = append(ps, diag.Msg(f, line, "source-no-title", s.ID, ex))
		}
		foreign(f, line, fmt.Sprintf("source %q", s.ID), s)
		if !strings.Contains("ABCD", s.Grade) || len(s.Grade) != 1 {
			ps = append(ps, diag.Msg(f, line, "source-grade", s.ID, s.Grade))
		}
		if s.Date != "" && !ValidDate(s.Date) {
			ps = append(ps, diag.Msg(f, fsrc.KeyLine("date", line), "source-date", s.ID, s.Date, MinYear, MaxYear))
		}
		texts(f, line, diag.P("what-title-of-source", s.ID), true, s.Title, s.Publisher)
		addP(text(f, line, diag.P("what-url-of-source", s.ID), s.URL, true))
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			switch {
			case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
				ps = append(ps, diag.Msg(f, fsrc.KeyLine("url", line), "source-url", s.ID, s.URL))
			case s.Grade == "C" || s.Grade == "D":
				ps = append(ps, diag.Msg(f, fsrc.KeyLine("url", line), "source-repost-url", s.ID, s.Grade))
			}
		}
		r.sources[s.ID] = s
	}
	r.indicators = map[string]*Indicator{}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		f := "data/indicators.toml"
		line := ind.Line
		at := func(key string) int {
			if fi == nil {
				return line
			}
			return fi.KeyLine(key, line)
		}
		// lazy adds a problem found without its line at the line of key:
		// finding lines costs more than the checks
		lazy := func(key string, p *diag.Problem) {
			if p != nil {
				p.Line = at(key)
				ps = append(ps, *p)
			}
		}
		lazyTexts := func(key, what string, single bool, t Text) {
			for _, k := range sortedKeys(t) {
				lazy(key, text(f, 0, what, t[k], single))
			}
		}
		before := len(ps)
		if !diag.ValidID(ind.ID) {
			ps = append(ps, diag.Msg(f, at("id"), "ind-bad-id", ind.ID))
			r.badID("indicators", ind.ID)
		} else if _, dup := r.indicators[ind.ID]; dup {
			ps = append(ps, diag.Msg(f, at("id"), "ind-duplicate", ind.ID))
		}
		r.indicators[ind.ID] = ind
		if r.areas[ind.Area] == nil && !r.Unsure("areas", ind.Area) {
			ps = append(ps, diag.Msg(f, at("area"), "ind-unknown-area", ind.ID, ind.Area))
		}
		if l := lacks(ind.Name, keys); l != "" {
			ps = append(ps, diag.Msg(f, at("name"), "ind-no-name", ind.ID, l, ex))
		}
		// the checks that depend on the kind wait for a valid one
		kindOK := ind.Kind == Level || ind.Kind == Cumulative || ind.Kind == Change || ind.Kind == PeakReduction || ind.Kind == Binary
		if l := lacks(ind.Unit, keys); kindOK && ind.Kind != Binary && l != "" {
			ps = append(ps, diag.Msg(f, at("unit"), "ind-no-unit", ind.ID, l, ex))
		}
		foreign(f, line, fmt.Sprintf("indicator %q", ind.ID), ind)
		lazyTexts("name", fmt.Sprintf("name of indicator %q", ind.ID), true, ind.Name)
		lazyTexts("unit", fmt.Sprintf("unit of indicator %q", ind.ID), true, ind.Unit)
		lazy("section", text(f, 0, diag.P("what-section-of", ind.ID), ind.Section, true))
		lazy("quote", text(f, 0, diag.P("what-quote-of", ind.ID), ind.Quote, false))
		lazy("quote_en", text(f, 0, diag.P("what-quote-en-of", ind.ID), ind.QuoteEn, false))
		lazyTexts("target", fmt.Sprintf("target text of indicator %q", ind.ID), false, ind.Target.Text)
		lazyTexts("note", fmt.Sprintf("note of indicator %q", ind.ID), false, ind.Note)
		switch ind.Direction {
		case Increase, Decrease, Eliminate, Maintain:
		default:
			ps = append(ps, diag.Msg(f, at("direction"), "ind-direction", ind.ID, ind.Direction))
		}
		switch ind.Kind {
		case Level, Cumulative, Change, PeakReduction, Binary:
		default:
			ps = append(ps, diag.Msg(f, at("kind"), "ind-kind", ind.ID, ind.Kind))
		}
		if ind.Decimals < 0 || ind.Decimals > 4 {
			ps = append(ps, diag.Msg(f, at("decimals"), "ind-decimals", ind.ID, ind.Decimals))
		}
		if ind.Quote == "" && !ind.Context {
			ps = append(ps, diag.Msg(f, at("quote"), "ind-no-quote", ind.ID))
		}
		t := ind.Target
		tolBad := finite(f, 0, fmt.Sprintf("tolerance of %q", ind.ID), t.Tolerance)
		lazy("tolerance", tolBad)
		if tolBad == nil && t.Tolerance < 0 {
			ps = append(ps, diag.Msg(f, at("tolerance"), "ind-negative-tolerance", ind.ID, t.Tolerance))
		}
		if ind.Context {
			if ind.Forecast {
				add(f, at("forecast"), "ind-context-forecast", ind.ID)
			}
			if t.Bound != "" || !t.Text.Empty() || t.Value != 0 {
				add(f, at("target"), "ind-context-target", ind.ID)
			}
			if ind.Kind == Binary {
				add(f, at("kind"), "ind-context-binary", ind.ID)
			}
		}
		if b := ind.Baseline; b != nil && !b.Alike() && lacks(b.Note, keys) != "" {
			add(f, at("baseline"), "ind-incomparable-note", ind.ID, strings.Join(keys, " and "))
		}
		switch {
		case ind.Context:
		case t.Bound == About:
			if tolBad == nil && t.Tolerance == 0 {
				ps = append(ps, diag.Msg(f, at("target"), "ind-about-tolerance", ind.ID))
			}
		case t.Bound == AtLeast, t.Bound == AtMost, t.Bound == Exact:
		case t.Bound == "":
			if kindOK && ind.Kind != Binary && t.Text.Get(lim.Source) == "" {
				add(f, at("target"), "ind-target-empty", ind.ID)
			}
		default:
			ps = append(ps, diag.Msg(f, at("target"), "ind-bound", ind.ID, t.Bound))
		}
		if l := lacks(t.Text, keys); ind.Kind == Binary && l != "" {
			add(f, at("target"), "ind-binary-text", ind.ID, l, ex)
		}
		if t.Year == 0 && !ind.Context {
			ps = append(ps, diag.Msg(f, at("target"), "ind-target-no-year", ind.ID))
		} else if lim.Valid() && (!ind.Context || t.YearAssumed) {
			// a target year outside the plan period; an assumed one is
			// told with the rule it was assumed by
			withYear++
			var p *diag.Problem
			if t.YearAssumed {
				if t.Year <= lim.FirstYear || t.Year > lim.LastYear {
					q := diag.Msg(f, 0, "ind-assumed-year", ind.ID, t.Year, lim.FirstYear, lim.LastYear)
					p = &q
				}
			} else {
				p = yearIn(f, 0, "ind-target-year-range", ind.ID, t.Year, lim.FirstYear+1, lim.LastYear)
			}
			if p != nil {
				p.Line = at("target")
				outside = append(outside, outsideYear{*p, ind.ID, t.Year})
			}
		}
		ps = append(ps, r.checkRefs(f, at("note"), fmt.Sprintf("note of %q", ind.ID), ind.Note)...)
		if b := ind.Baseline; b != nil {
			ps = append(ps, r.checkRefs(f, at("baseline"), fmt.Sprintf("baseline note of %q", ind.ID), b.Note)...)
			if lim.Valid() {
				lazy("baseline", yearIn(f, 0, "ind-baseline-year-range", ind.ID, b.Year, lim.FirstYear-BaselineLead, lim.LastYear, BaselineLead))
			}
			lazy("baseline", plausible(ind, f, 0, b.Value, "baseline"))
			lazyTexts("baseline", fmt.Sprintf("baseline note of %q", ind.ID), false, b.Note)
			if b.Source != "" && b.Source != "plan" && r.sources[b.Source] == nil && !r.Unsure("sources", b.Source) {
				ps = append(ps, diag.Msg(f, at("baseline"), "ind-baseline-source", ind.ID, b.Source))
			}
		}
		if t.Bound != "" {
			lazy("target", plausible(ind, f, 0, t.Value, "target"))
		} else {
			lazy("target", finite(f, 0, diag.P("what-target-of", ind.ID), t.Value))
		}
		if len(ps) > before {
			// a wrong field is reported once, at its line: the checks of
			// the year files that rest on the indicator's fields are skipped
			r.wrong[ind.ID] = true
		}
	}
	period, early, late := periodProblems(outside, withYear, lim, fsys)
	r.periodEarly, r.periodLate = early, late
	ps = append(ps, period...)
	for i := range r.Table1.Rows {
		row := r.Table1.Rows[i]
		if l := lacks(row.Item, keys) + lacks(row.Value, keys); l != "" {
			add("data/table1.toml", row.Line, "table1-row-text", strings.Join(keys, " or "), ex)
		}
		foreign("data/table1.toml", row.Line, "table 1 row", row)
		texts("data/table1.toml", row.Line, "table 1 item or value", true, row.Item, row.Value)
		addP(text("data/table1.toml", row.Line, "table 1 quote", row.Quote, false))
	}
	for i, t := range r.Glossary {
		if (t.Zh == "") == (t.Pattern == "") || t.En == "" {
			add("data/glossary.toml", t.Line, "glossary-entry", i+1)
		}
		if t.Pattern != "" {
			if _, err := regexp.Compile(t.Pattern); err != nil {
				add("data/glossary.toml", t.Line, "glossary-pattern", t.Pattern, err)
			}
		}
		addP(text("data/glossary.toml", t.Line, fmt.Sprintf("glossary term %d", i+1), t.Zh, true))
		addP(text("data/glossary.toml", t.Line, fmt.Sprintf("glossary term %d", i+1), t.En, true))
		addP(text("data/glossary.toml", t.Line, fmt.Sprintf("glossary term %d", i+1), t.Pattern, true))
		for _, a := range t.Also {
			addP(text("data/glossary.toml", t.Line, fmt.Sprintf("glossary term %d", i+1), a, true))
		}
		addP(text("data/glossary.toml", t.Line, fmt.Sprintf("note of glossary term %d", i+1), t.Note, false))
	}
	return ps
}

// outsideYear is an indicator whose target year lies outside the plan
// period, with its problem.
type outsideYear struct {
	p    diag.Problem
	id   string
	year int
}

// periodProblems are the problems of the target years (and year files)
// outside the plan period: one for each, or, when most of the n
// indicators with a target year or most year files lie outside it on the
// same side, one at base_year or target_year of data/site.toml (the period
// is wrong, not every indicator); the problems on that side then follow
// from it and are left out. early and late say which side is wrong.
func periodProblems(outside []outsideYear, n int, lim Limits, fsys fs.FS) (ps diag.Problems, early, late bool) {
	if !lim.Valid() {
		return nil, false, false // data/site.toml has its own problem
	}
	var lateInd, earlyInd []outsideYear
	for _, o := range outside {
		if o.year > lim.LastYear {
			lateInd = append(lateInd, o)
		} else {
			earlyInd = append(earlyInd, o)
		}
	}
	var files, lateFiles, earlyFiles []int
	for _, y := range annualYears(fsys) {
		files = append(files, y)
		switch {
		case y > lim.LastYear:
			lateFiles = append(lateFiles, y)
		case y < lim.FirstYear:
			earlyFiles = append(earlyFiles, y)
		}
	}
	const site = "data/site.toml"
	line := func(key string) int {
		data, err := fs.ReadFile(fsys, site)
		if err != nil {
			return 0
		}
		return diag.NewText(site, data, 1).KeyLine(key, 0)
	}
	most := func(k, of int) bool { return k > 1 && 2*k > of }
	switch {
	case most(len(lateInd), n):
		ps, late = diag.Problems{diag.Msg(site, line("target_year"), "site-target-year-before-targets", lim.LastYear, len(lateInd), n, lateInd[0].id, lateInd[0].year)}, true
	case most(len(lateFiles), len(files)):
		ps, late = diag.Problems{diag.Msg(site, line("target_year"), "site-target-year-before-files", lim.LastYear, len(lateFiles), len(files), lateFiles[0])}, true
	}
	switch {
	case most(len(earlyInd), n):
		ps, early = append(ps, diag.Msg(site, line("base_year"), "site-base-year-after-targets", lim.FirstYear, len(earlyInd), n, earlyInd[0].id, earlyInd[0].year)), true
	case most(len(earlyFiles), len(files)):
		ps, early = append(ps, diag.Msg(site, line("base_year"), "site-base-year-after-files", lim.FirstYear, len(earlyFiles), len(files), earlyFiles[0])), true
	}
	for _, o := range outside {
		if o.year > lim.LastYear && !late || o.year <= lim.LastYear && !early {
			ps = append(ps, o.p)
		}
	}
	return ps, early, late
}

// annualYears are the years of the files data/annual/YYYY.toml.
func annualYears(fsys fs.FS) []int {
	entries, _ := fs.ReadDir(fsys, "data/annual")
	var out []int
	for _, e := range entries {
		if m := reYear.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() {
			y, _ := strconv.Atoi(m[1])
			out = append(out, y)
		}
	}
	return out
}

func validQualifier(q string) bool {
	for _, k := range Qualifiers {
		if q == k {
			return true
		}
	}
	return false
}

// parseMonth reads "YYYY-MM" and returns its year.
func parseMonth(s string) (int, bool) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, false
	}
	return t.Year(), true
}

// loadSourcing reads data/sourcing.toml, when present: one record per
// commitment searched.
func (r *Register) loadSourcing(fsys fs.FS, lim Limits) diag.Problems {
	const rel = "data/sourcing.toml"
	r.sourcing = map[string]*SourcingRecord{}
	if _, err := fs.Stat(fsys, rel); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var doc struct {
		Record []SourcingRecord `toml:"record"`
	}
	f, ps, ok := decode(fsys, rel, &doc, "[[record]] indicator, searched, looked_for, checked, found")
	if !ok {
		return ps
	}
	for i := range doc.Record {
		doc.Record[i].Line = f.EntryLine("record", i)
	}
	for i := range doc.Record {
		rec := &doc.Record[i]
		at := func(k string) int { return f.KeyLine(k, rec.Line) }
		add := func(line int, key string, args ...any) {
			ps = append(ps, diag.Msg(rel, line, key, args...))
		}
		switch {
		case r.indicators[rec.Indicator] == nil:
			if !r.Unsure("indicators", rec.Indicator) {
				add(at("indicator"), "sourcing-unknown", rec.Indicator)
			}
		case r.sourcing[rec.Indicator] != nil:
			add(rec.Line, "sourcing-twice", rec.Indicator, r.sourcing[rec.Indicator].Line)
		default:
			r.sourcing[rec.Indicator] = rec
		}
		if _, err := time.Parse("2006-01-02", rec.Searched); err != nil {
			add(at("searched"), "sourcing-searched", rec.Searched, rec.Indicator)
		}
		if l := lacks(rec.LookedFor, lim.Keys); l != "" {
			add(at("looked_for"), "sourcing-looked-for", rec.Indicator, l, example(lim.Keys))
		}
		if len(rec.Checked) == 0 {
			add(at("checked"), "sourcing-checked-none", rec.Indicator)
		}
		for _, c := range rec.Checked {
			if l := lacks(c, lim.Keys); l != "" {
				add(at("checked"), "sourcing-checked-text", rec.Indicator, l, strings.Join(lim.Keys, ", "))
				break
			}
		}
		if l := lacks(rec.Found, lim.Keys); l != "" {
			add(at("found"), "sourcing-found", rec.Indicator, l, example(lim.Keys))
		}
	}
	r.Sourcing = doc.Record
	return ps
}

// plausible checks a value against the indicator's unit and kind.
func plausible(ind *Indicator, file string, line int, v float64, what string) *diag.Problem {
	w := diag.P("what-" + what)
	msg := func(key string, args ...any) *diag.Problem {
		p := diag.Msg(file, line, key, append([]any{w, ind.ID}, args...)...)
		return &p
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return msg("plausible-nan")
	}
	if p := finite(file, line, diag.P("what-of", w, ind.ID), v); p != nil {
		return p
	}
	switch ind.Kind {
	case Level, Cumulative:
		if v < 0 {
			return msg("plausible-negative", v)
		}
		if ind.Unit.Has("%") && v > 100 {
			return msg("plausible-share", v)
		}
	case Change, PeakReduction:
		if math.Abs(v) > 100 && ind.Unit.Has("%") {
			return msg("plausible-change", v)
		}
	}
	return nil
}

// loadAnnual reads annual/YYYY.toml files.
func (r *Register) loadAnnual(fsys fs.FS, lim Limits) diag.Problems {
	var ps diag.Problems
	entries, err := fs.ReadDir(fsys, "data/annual")
	if err != nil {
		return diag.Problems{diag.Msg("data/annual", 0, "annual-read-dir", err.Error())}
	}
	r.byInd = map[string][]Observation{}
	r.Empty = map[int]int{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		rel := "data/annual/" + e.Name()
		m := reYear.FindStringSubmatch(e.Name())
		if m == nil {
			ps = append(ps, diag.Msg(rel, 0, "annual-file-name"))
			continue
		}
		year, _ := strconv.Atoi(m[1])
		lo, hi := lim.FirstYear, lim.LastYear
		if !lim.Valid() { // site.toml has its own problem; only sane years here
			lo, hi = MinYear, MaxYear
		}
		if year < lo || year > hi {
			if !(year < lo && r.periodEarly || year > hi && r.periodLate) { // else it follows from the period, reported
				ps = append(ps, diag.Msg(rel, 0, "annual-year-outside", year, lo, hi))
			}
			continue
		}
		var doc struct {
			Year        int           `toml:"year"`
			Observation []Observation `toml:"observation"`
		}
		const known = "year, [[observation]] indicator, value, qualifier, unit, status, text, source, note, preliminary, as_of"
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			_, p, _ := decode(fsys, rel, &doc, known) // names the read error
			ps = append(ps, p...)
			continue
		}
		// a number written as text or with a decimal comma is named at its
		// line; the entry holding it is then left unchecked
		data, wrong := numbersAsWritten(rel, data)
		ps = append(ps, wrong...)
		f, p, ok := diag.DecodeTOML(rel, data, &doc, diag.TOML{Known: known})
		ps = append(ps, p...)
		if !ok {
			// the file could not be read as a whole: what was decoded is
			// not to be trusted, so nothing more is said about it
			continue
		}
		if doc.Year != year {
			ps = append(ps, diag.Msg(rel, f.KeyLine("year", 0), "annual-year-mismatch", doc.Year, e.Name()))
		}
		r.Years = append(r.Years, year)
		seen := map[string]int{}
		for i := range doc.Observation {
			o := doc.Observation[i]
			o.Year, o.File, o.Line = year, rel, f.EntryLine("observation", i)
			at := func(k string) int { return f.KeyLine(k, o.Line) }
			if entryHas(wrong, o.Line, f.EntryLine("observation", i+1)) {
				continue
			}
			if o.Value == nil && o.Status == "" && o.Text.Empty() && o.Source == "" && o.Qualifier == "" {
				// an entry written by new-year and not filled in: no value
				r.Empty[year]++
				continue
			}
			ind := r.indicators[o.Indicator]
			if ind == nil {
				if !r.Unsure("indicators", o.Indicator) {
					ps = append(ps, diag.Msg(rel, at("indicator"), "annual-unknown-indicator", o.Indicator))
				}
				continue
			}
			if prev, dup := seen[o.Indicator]; dup {
				ps = append(ps, diag.Msg(rel, o.Line, "annual-second-value", o.Indicator, year, prev))
				continue
			}
			seen[o.Indicator] = o.Line
			if o.Source == "" {
				ps = append(ps, diag.Msg(rel, o.Line, "annual-no-source", o.Indicator))
			} else if o.Source != "plan" && r.sources[o.Source] == nil && !r.Unsure("sources", o.Source) {
				ps = append(ps, diag.Msg(rel, at("source"), "annual-unknown-source", o.Source))
			}
			// the checks resting on the indicator's fields (unit, kind)
			// are left out when one of those is wrong: reported there
			trust := !r.wrong[o.Indicator]
			if o.Unit != "" && !ind.Unit.Has(o.Unit) && trust {
				ps = append(ps, diag.Msg(rel, at("unit"), "annual-unit-differs", o.Unit, o.Indicator, ind.Unit.Get(lim.Source)))
			}
			if u := unknownKeys(o, lim.Keys); len(u) > 0 {
				ps = append(ps, diag.Msg(rel, o.Line, "annual-unused-lang", o.Indicator, strings.Join(u, ", "), strings.Join(lim.Keys, ", ")))
			}
			switch {
			case o.Qualifier == "":
			case !validQualifier(o.Qualifier):
				ps = append(ps, diag.Msg(rel, at("qualifier"), "annual-bad-qualifier", o.Qualifier, strings.Join(Qualifiers, ", ")))
			case o.Value == nil:
				ps = append(ps, diag.Msg(rel, at("qualifier"), "annual-qualifier-no-value", o.Qualifier, o.Indicator))
			}
			if o.AsOf != "" {
				if y, ok := parseMonth(o.AsOf); !ok {
					ps = append(ps, diag.Msg(rel, at("as_of"), "annual-as-of-format", o.AsOf, o.Indicator, year))
				} else if y != year {
					ps = append(ps, diag.Msg(rel, at("as_of"), "annual-as-of-year", o.AsOf, o.Indicator, year, o.AsOf[:4]))
				}
			}
			ps = append(ps, r.checkRefs(rel, at("note"), diag.P("what-note-of", o.Indicator), o.Note)...)
			ps = append(ps, r.checkRefs(rel, at("text"), diag.P("what-text-of", o.Indicator), o.Text)...)
			if s := r.sources[o.Source]; s != nil {
				o.Grade = s.Grade
			} else if o.Source == "plan" {
				o.Grade = "A"
			}
			switch {
			case !trust:
				if o.Value != nil {
					if p := finite(rel, 0, diag.P("what-value-of", o.Indicator), *o.Value); p != nil {
						p.Line = at("value")
						ps = append(ps, *p)
					}
				}
			case ind.Kind == Binary:
				if o.Status != "achieved" && o.Status != "not-achieved" {
					ps = append(ps, diag.Msg(rel, o.Line, "annual-binary-status", o.Indicator, o.Status))
				}
				if o.Value != nil {
					// not shown, but exported: it must be a number too
					if p := finite(rel, 0, diag.P("what-value-of", o.Indicator), *o.Value); p != nil {
						p.Line = at("value")
						ps = append(ps, *p)
					}
				}
			case o.Value == nil && o.Text.Empty():
				ps = append(ps, diag.Msg(rel, o.Line, "annual-no-value", o.Indicator))
			case o.Value != nil:
				if p := plausible(ind, rel, 0, *o.Value, "value"); p != nil {
					p.Line = at("value")
					ps = append(ps, *p)
				}
			}
			type field struct {
				key, what, s string
				single       bool
			}
			checks := []field{{"unit", "unit", o.Unit, true}}
			for _, k := range sortedKeys(o.Text) {
				checks = append(checks, field{"text", "text", o.Text[k], false})
			}
			for _, k := range sortedKeys(o.Note) {
				checks = append(checks, field{"note", "note", o.Note[k], false})
			}
			for _, c := range checks {
				if p := text(rel, 0, diag.P("what-"+c.what+"-of", o.Indicator), c.s, c.single); p != nil {
					p.Line = at(c.key)
					ps = append(ps, *p)
				}
			}
			if o.Status != "" && ind.Kind != Binary && trust {
				ps = append(ps, diag.Msg(rel, at("status"), "annual-status-not-binary", o.Indicator))
			}
			r.byInd[o.Indicator] = append(r.byInd[o.Indicator], o)
		}
	}
	sort.Ints(r.Years)
	for id := range r.byInd {
		sort.SliceStable(r.byInd[id], func(i, j int) bool { return r.byInd[id][i].Year < r.byInd[id][j].Year })
	}
	for _, ind := range r.Indicators {
		r.Observations = append(r.Observations, r.byInd[ind.ID]...)
	}
	return ps
}

// sortedKeys are the keys of a text in order, so that problems come out in
// the same order every time.
func sortedKeys(t Text) []string {
	out := make([]string, 0, len(t))
	for k := range t {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
