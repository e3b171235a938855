package indicator

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"planpress/generator/input"
	"planpress/generator/internal/fsutil"
)

// Problem is one finding of a check, at a place in an input file.
type Problem struct {
	File      string
	Line, Col int
	Msg       string
	Hint      string
}

// Error formats the problem as file:line:col: message (hint).
func (p Problem) Error() string {
	loc := p.File
	if p.Line > 0 {
		loc += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			loc += ":" + strconv.Itoa(p.Col)
		}
	}
	s := loc + ": " + p.Msg
	if p.Hint != "" {
		s += " (" + p.Hint + ")"
	}
	return s
}

// Problems is a list of findings; it is an error when not empty.
type Problems []Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

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

	broken     map[string]bool // files that did not parse: references to them are not checked
	indicators map[string]*Indicator
	sources    map[string]*Source
	areas      map[string]*Area
	byInd      map[string][]Observation
	sourcing   map[string]*SourcingRecord
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

// Limits are the plan's year range, for validation.
type Limits struct{ FirstYear, LastYear int }

var (
	reID   = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	reYear = regexp.MustCompile(`^(\d{4})\.toml$`)
	reDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	// errors of type mismatches name the line in their text
	reErrLine = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: `)
)

// ValidID reports whether s is a valid id: a-z, 0-9 and inner hyphens.
func ValidID(s string) bool { return len(s) <= 64 && reID.MatchString(s) }

// file is an input file's text with helpers to find where things are.
type file struct {
	path    string
	lines   []string
	entries map[string][]int // lines of [[name]] headers, by name
}

func readFile(root, rel string) (*file, []byte, error) {
	data, err := fsutil.ReadInput(root, filepath.Join(root, rel), input.MaxDataFile)
	if err != nil {
		return nil, nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	return &file{path: rel, lines: strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")}, data, nil
}

// entryLine returns the line of the n-th (0-based) [[name]] header.
func (f *file) entryLine(name string, n int) int {
	if f.entries == nil {
		f.entries = map[string][]int{}
	}
	lines, ok := f.entries[name]
	if !ok {
		re := regexp.MustCompile(`^\s*\[\[\s*` + regexp.QuoteMeta(name) + `\s*\]\]`)
		for i, l := range f.lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[[") && re.MatchString(l) {
				lines = append(lines, i+1)
			}
		}
		f.entries[name] = lines
	}
	if n < len(lines) {
		return lines[n]
	}
	return 0
}

// keyLine returns the line of key within the entry starting at from (or the
// first occurrence in the file when from is 0); from when not found.
func (f *file) keyLine(key string, from int) int {
	re := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=|[{,]\s*` + regexp.QuoteMeta(key) + `\s*=`)
	start := from - 1
	if start < 0 {
		start = 0
	}
	for i := start; i < len(f.lines); i++ {
		if i > start && from > 0 && strings.HasPrefix(strings.TrimSpace(f.lines[i]), "[[") {
			break
		}
		if re.MatchString(f.lines[i]) {
			return i + 1
		}
	}
	return from
}

// hasSyntaxError reports whether a file's problems include a TOML error
// (the file could not be read as a whole).
func hasSyntaxError(ps Problems) bool {
	for _, p := range ps {
		if strings.HasPrefix(p.Msg, "TOML") || strings.Contains(p.Msg, "empty") {
			return true
		}
	}
	return false
}

// decode decodes a TOML file into v, reporting syntax errors, type errors and
// unknown keys as problems.
func decode(root, path string, v any, known string) (*file, Problems) {
	f, data, err := readFile(root, path)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, Problems{{File: path, Msg: err.Error()}}
		}
		return nil, Problems{{File: path, Msg: err.Error(), Hint: "create the file or restore it from version control"}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return f, Problems{{File: path, Line: 1, Msg: "file is empty", Hint: "restore its content from version control"}}
	}
	if line, msg := input.Check(data); line > 0 {
		return f, Problems{{File: path, Line: line, Msg: msg}}
	}
	if line, msg := input.TOMLDepth(data); line > 0 {
		return f, Problems{{File: path, Line: line, Msg: msg}}
	}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return f, Problems{{File: path, Line: pe.Position.Line, Col: pe.Position.Col, Msg: "TOML: " + pe.Message, Hint: tomlHint(pe)}}
		}
		line := 0
		if m := reErrLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		msg := strings.TrimPrefix(reErrLine.ReplaceAllString(err.Error(), ""), "toml: ")
		return f, Problems{{File: path, Line: line, Msg: "TOML: " + msg, Hint: "check the value types: numbers without quotes, text in quotes"}}
	}
	var ps Problems
	for _, k := range md.Undecoded() {
		last := k[len(k)-1]
		ps = append(ps, Problem{File: path, Line: f.keyLine(last, 0), Msg: fmt.Sprintf("unknown key %q", k.String()), Hint: "known keys here: " + known + "; check the spelling"})
	}
	return f, ps
}

func tomlHint(pe toml.ParseError) string {
	m := pe.Message
	switch {
	case strings.Contains(m, "incompatible types") || strings.Contains(m, "cannot decode"):
		return "the value has the wrong type: numbers are written without quotes, text in double quotes"
	case strings.Contains(m, "already been defined") || strings.Contains(m, "duplicate"):
		return "a key is written twice: remove one"
	case strings.Contains(m, "expected"):
		return "check quotes, commas and brackets on this line"
	}
	return "fix the TOML syntax on this line"
}

// Load reads ROOT/data/areas.toml, indicators.toml, sources.toml,
// table1.toml, glossary.toml and annual/YYYY.toml, and validates each by
// itself and against the others. It returns every problem found, not just
// the first; problems name files relative to root.
func Load(root string, lim Limits) (*Register, Problems) {
	r := &Register{}
	var ps Problems
	path := func(n string) string { return "data/" + n }

	var areas struct {
		Area []Area `toml:"area"`
	}
	fa, p := decode(root, path("areas.toml"), &areas, "[[area]] id, name")
	ps = append(ps, p...)
	r.broken = map[string]bool{}
	if fa == nil || len(p) > 0 {
		r.broken["areas"] = true
	} else {
		for i := range areas.Area {
			areas.Area[i].Line = fa.entryLine("area", i)
		}
	}
	r.Areas = areas.Area

	var inds struct {
		Indicator []Indicator `toml:"indicator"`
	}
	fi, p := decode(root, path("indicators.toml"), &inds, "[[indicator]] id, area, name, unit, direction, kind, decimals, binding, section, quote, quote_en, baseline (year, value, source, note, comparable), target (year, value, bound, tolerance, aspirational, text, year_assumed), note, context, forecast")
	ps = append(ps, p...)
	if fi == nil || hasSyntaxError(p) {
		r.broken["indicators"] = true
	}
	if fi != nil {
		for i := range inds.Indicator {
			inds.Indicator[i].Line = fi.entryLine("indicator", i)
		}
	}
	r.Indicators = inds.Indicator

	var srcs struct {
		Source []Source `toml:"source"`
	}
	fs, p := decode(root, path("sources.toml"), &srcs, "[[source]] id, title, publisher, date, grade, url")
	ps = append(ps, p...)
	if fs == nil || hasSyntaxError(p) {
		r.broken["sources"] = true
	}
	if fs != nil {
		for i := range srcs.Source {
			srcs.Source[i].Line = fs.entryLine("source", i)
		}
	}
	r.Sources = srcs.Source

	if ft, p := decode(root, path("table1.toml"), &r.Table1, "title, note, [[row]] item, value, quote, section"); ft != nil {
		ps = append(ps, p...)
		for i := range r.Table1.Rows {
			r.Table1.Rows[i].Line = ft.entryLine("row", i)
		}
	} else {
		ps = append(ps, p...)
	}
	var gl struct {
		Term []Term `toml:"term"`
	}
	fg, p := decode(root, path("glossary.toml"), &gl, "[[term]] zh or pattern, en, also, note")
	ps = append(ps, p...)
	if fg != nil {
		for i := range gl.Term {
			gl.Term[i].Line = fg.entryLine("term", i)
		}
	}
	r.Glossary = gl.Term

	ps = append(ps, r.index(fi, fs, lim)...)
	ps = append(ps, r.loadAnnual(root, lim)...)
	ps = append(ps, r.loadSourcing(root)...)
	return r, ps
}

// index builds the lookup maps and checks each register file by itself.
func (r *Register) index(fi, fs *file, lim Limits) Problems {
	var ps Problems
	add := func(file string, line int, msg, hint string) {
		ps = append(ps, Problem{File: file, Line: line, Msg: msg, Hint: hint})
	}
	addP := func(p *Problem) {
		if p != nil {
			ps = append(ps, *p)
		}
	}
	texts := func(file string, line int, what string, single bool, t ...Text) {
		for _, x := range t {
			addP(text(file, line, what, x.Zh, single))
			addP(text(file, line, what, x.En, single))
		}
	}
	r.areas = map[string]*Area{}
	for i := range r.Areas {
		a := &r.Areas[i]
		f := "data/areas.toml"
		if !ValidID(a.ID) {
			add(f, a.Line, fmt.Sprintf("area id %q is not valid", a.ID), "use lowercase letters, digits and hyphens")
		} else if _, dup := r.areas[a.ID]; dup {
			add(f, a.Line, fmt.Sprintf("duplicate area id %q", a.ID), "give each area its own id")
		}
		if a.Name.Zh == "" || a.Name.En == "" {
			add(f, a.Line, fmt.Sprintf("area %q lacks a name in zh or en", a.ID), "write name = { zh = \"…\", en = \"…\" }")
		}
		texts(f, a.Line, fmt.Sprintf("name of area %q", a.ID), true, a.Name)
		r.areas[a.ID] = a
	}
	r.sources = map[string]*Source{}
	for i := range r.Sources {
		s := &r.Sources[i]
		f := "data/sources.toml"
		line := s.Line
		if !ValidID(s.ID) {
			add(f, line, fmt.Sprintf("source id %q is not valid", s.ID), "use lowercase letters, digits and hyphens")
		} else if _, dup := r.sources[s.ID]; dup {
			add(f, line, fmt.Sprintf("duplicate source id %q", s.ID), "give each source its own id")
		}
		if s.Title.Zh == "" && s.Title.En == "" {
			add(f, line, fmt.Sprintf("source %q has no title", s.ID), "write title = { zh = \"…\", en = \"…\" }")
		}
		if !strings.Contains("ABCD", s.Grade) || len(s.Grade) != 1 {
			add(f, line, fmt.Sprintf("source %q has grade %q", s.ID, s.Grade), "grade is A (official site), B (state media), C (repost) or D (garbled)")
		}
		if s.Date != "" && !ValidDate(s.Date) {
			add(f, fs.keyLine("date", line), fmt.Sprintf("source %q has date %q", s.ID, s.Date), fmt.Sprintf("write a real date as YYYY-MM-DD, YYYY-MM or YYYY, between %d and %d", MinYear, MaxYear))
		}
		texts(f, line, fmt.Sprintf("title or publisher of source %q", s.ID), true, s.Title, s.Publisher)
		addP(text(f, line, fmt.Sprintf("url of source %q", s.ID), s.URL, true))
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			switch {
			case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
				add(f, fs.keyLine("url", line), fmt.Sprintf("source %q has url %q", s.ID, s.URL), "a source url must be an http or https address")
			case s.Grade == "C" || s.Grade == "D":
				add(f, fs.keyLine("url", line), fmt.Sprintf("source %q is grade %s but has a url", s.ID, s.Grade), "never link a repost: remove the url, or find the official page and raise the grade")
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
			return fi.keyLine(key, line)
		}
		// lazy adds a problem found without its line at the line of key:
		// finding lines costs more than the checks
		lazy := func(key string, p *Problem) {
			if p != nil {
				p.Line = at(key)
				ps = append(ps, *p)
			}
		}
		lazyTexts := func(key, what string, single bool, t Text) {
			lazy(key, text(f, 0, what, t.Zh, single))
			lazy(key, text(f, 0, what, t.En, single))
		}
		if !ValidID(ind.ID) {
			add(f, at("id"), fmt.Sprintf("indicator id %q is not valid", ind.ID), "use lowercase letters, digits and hyphens")
		} else if _, dup := r.indicators[ind.ID]; dup {
			add(f, at("id"), fmt.Sprintf("duplicate indicator id %q", ind.ID), "give each indicator its own id")
		}
		r.indicators[ind.ID] = ind
		if r.areas[ind.Area] == nil && !r.broken["areas"] {
			add(f, at("area"), fmt.Sprintf("indicator %q: unknown area %q", ind.ID, ind.Area), "use an id from data/areas.toml")
		}
		if ind.Name.Zh == "" || ind.Name.En == "" {
			add(f, at("name"), fmt.Sprintf("indicator %q lacks a name in zh or en", ind.ID), "write name = { zh = \"…\", en = \"…\" }")
		}
		if ind.Kind != Binary && (ind.Unit.Zh == "" || ind.Unit.En == "") {
			add(f, at("unit"), fmt.Sprintf("indicator %q lacks a unit in zh or en", ind.ID), "write unit = { zh = \"…\", en = \"…\" }")
		}
		lazyTexts("name", fmt.Sprintf("name of indicator %q", ind.ID), true, ind.Name)
		lazyTexts("unit", fmt.Sprintf("unit of indicator %q", ind.ID), true, ind.Unit)
		lazy("section", text(f, 0, fmt.Sprintf("section of indicator %q", ind.ID), ind.Section, true))
		lazy("quote", text(f, 0, fmt.Sprintf("quote of indicator %q", ind.ID), ind.Quote, false))
		lazy("quote_en", text(f, 0, fmt.Sprintf("quote_en of indicator %q", ind.ID), ind.QuoteEn, false))
		lazyTexts("target", fmt.Sprintf("target text of indicator %q", ind.ID), false, ind.Target.Text)
		lazyTexts("note", fmt.Sprintf("note of indicator %q", ind.ID), false, ind.Note)
		switch ind.Direction {
		case Increase, Decrease, Eliminate, Maintain:
		default:
			add(f, at("direction"), fmt.Sprintf("indicator %q: direction %q", ind.ID, ind.Direction), "direction is increase, decrease, eliminate or maintain")
		}
		switch ind.Kind {
		case Level, Cumulative, Change, PeakReduction, Binary:
		default:
			add(f, at("kind"), fmt.Sprintf("indicator %q: kind %q", ind.ID, ind.Kind), "kind is level, cumulative, change, peak-reduction or binary")
		}
		if ind.Decimals < 0 || ind.Decimals > 4 {
			add(f, at("decimals"), fmt.Sprintf("indicator %q: decimals %d", ind.ID, ind.Decimals), "decimals is 0 to 4")
		}
		if ind.Quote == "" && !ind.Context {
			add(f, at("quote"), fmt.Sprintf("indicator %q has no quote", ind.ID), "copy the sentence that states the commitment from the plan text")
		}
		t := ind.Target
		tolBad := finite(f, 0, fmt.Sprintf("tolerance of %q", ind.ID), t.Tolerance)
		lazy("tolerance", tolBad)
		if tolBad == nil && t.Tolerance < 0 {
			add(f, at("tolerance"), fmt.Sprintf("tolerance of %q is negative (%v)", ind.ID, t.Tolerance), "a tolerance is a distance from the target value: write it without a sign")
		}
		if ind.Context {
			if ind.Forecast {
				add(f, at("forecast"), fmt.Sprintf("indicator %q is both a context series and a forecast", ind.ID), "a context series is not in the plan: remove forecast = true, or context = true if the plan states it")
			}
			if t.Bound != "" || t.Text.Zh != "" || t.Text.En != "" || t.Value != 0 {
				add(f, at("target"), fmt.Sprintf("indicator %q is a context series but has a target", ind.ID), "a context series has no target: remove the target, or remove context = true if the plan commits to it")
			}
			if ind.Kind == Binary {
				add(f, at("kind"), fmt.Sprintf("indicator %q: a context series cannot be binary", ind.ID), "a context series is a published figure: use kind = \"level\"")
			}
		}
		if b := ind.Baseline; b != nil && !b.Alike() && (b.Note.Zh == "" || b.Note.En == "") {
			add(f, at("baseline"), fmt.Sprintf("indicator %q: a baseline with comparable = false needs a note in zh and en", ind.ID), "say in baseline.note how the baseline differs in scope from the target")
		}
		if t.YearAssumed && lim.LastYear != 0 && (t.Year <= lim.FirstYear || t.Year > lim.LastYear) {
			add(f, at("target"), fmt.Sprintf("indicator %q: target year %d is marked assumed but lies outside the plan period %d–%d", ind.ID, t.Year, lim.FirstYear, lim.LastYear), fmt.Sprintf("an assumed target year is read from the plan's context (the end of the period, %d, unless the text ties it to an earlier event): write that year", lim.LastYear))
		}
		switch {
		case ind.Context:
		case t.Bound == About:
			if tolBad == nil && t.Tolerance == 0 {
				add(f, at("target"), fmt.Sprintf("indicator %q: an \"about\" target needs a tolerance", ind.ID), "add tolerance = … to the target (see the rule at the top of the file)")
			}
		case t.Bound == AtLeast, t.Bound == AtMost, t.Bound == Exact:
		case t.Bound == "":
			if ind.Kind != Binary && t.Text.Zh == "" {
				add(f, at("target"), fmt.Sprintf("indicator %q: target has neither a bound nor a text", ind.ID), "add bound = \"about\"|\"at-least\"|\"at-most\"|\"exact\" with a value, or text = { zh, en } for a direction only")
			}
		default:
			add(f, at("target"), fmt.Sprintf("indicator %q: bound %q", ind.ID, t.Bound), "bound is about, at-least, at-most or exact")
		}
		if ind.Kind == Binary && (t.Text.Zh == "" || t.Text.En == "") {
			add(f, at("target"), fmt.Sprintf("indicator %q: a binary target needs its text in zh and en", ind.ID), "write text = { zh = \"…\", en = \"…\" } in the target")
		}
		if t.Year == 0 && !ind.Context {
			add(f, at("target"), fmt.Sprintf("indicator %q: target has no year", ind.ID), "add year = 2025 (or the year the plan gives)")
		} else if lim.Valid() && !ind.Context {
			lazy("target", yearIn(f, 0, fmt.Sprintf("target year of %q", ind.ID), t.Year, lim.FirstYear+1, lim.LastYear,
				"a target lies within the plan period, after base_year and at the latest in target_year of data/site.toml"))
		}
		ps = append(ps, r.checkRefs(f, at("note"), fmt.Sprintf("note of %q", ind.ID), ind.Note)...)
		if b := ind.Baseline; b != nil {
			ps = append(ps, r.checkRefs(f, at("baseline"), fmt.Sprintf("baseline note of %q", ind.ID), b.Note)...)
			if lim.Valid() {
				lazy("baseline", yearIn(f, 0, fmt.Sprintf("baseline year of %q", ind.ID), b.Year, lim.FirstYear-BaselineLead, lim.LastYear,
					fmt.Sprintf("a baseline lies within the plan period or up to %d years before base_year of data/site.toml", BaselineLead)))
			}
			lazy("baseline", plausible(ind, f, 0, b.Value, "baseline"))
			lazyTexts("baseline", fmt.Sprintf("baseline note of %q", ind.ID), false, b.Note)
			if b.Source != "" && b.Source != "plan" && r.sources[b.Source] == nil && !r.broken["sources"] {
				add(f, at("baseline"), fmt.Sprintf("indicator %q: baseline source %q is not in data/sources.toml", ind.ID, b.Source), "add the source or correct the id")
			}
		}
		if t.Bound != "" {
			lazy("target", plausible(ind, f, 0, t.Value, "target"))
		} else {
			lazy("target", finite(f, 0, fmt.Sprintf("target of %q", ind.ID), t.Value))
		}
	}
	for i := range r.Table1.Rows {
		row := r.Table1.Rows[i]
		if row.Item.Zh == "" || row.Item.En == "" || row.Value.Zh == "" || row.Value.En == "" {
			add("data/table1.toml", row.Line, "table 1 row lacks its item or value in zh or en", "write item = { zh, en } and value = { zh, en }")
		}
		texts("data/table1.toml", row.Line, "table 1 item or value", true, row.Item, row.Value)
		addP(text("data/table1.toml", row.Line, "table 1 quote", row.Quote, false))
	}
	for i, t := range r.Glossary {
		if (t.Zh == "") == (t.Pattern == "") || t.En == "" {
			add("data/glossary.toml", t.Line, fmt.Sprintf("glossary term %d needs en and either zh or pattern", i+1), "write zh = \"…\" (or pattern = '…') and en = \"…\"")
		}
		if t.Pattern != "" {
			if _, err := regexp.Compile(t.Pattern); err != nil {
				add("data/glossary.toml", t.Line, fmt.Sprintf("glossary pattern %q is not a valid regular expression: %v", t.Pattern, err), "fix the pattern (Go RE2 syntax; write it in single quotes)")
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
func (r *Register) loadSourcing(root string) Problems {
	const rel = "data/sourcing.toml"
	r.sourcing = map[string]*SourcingRecord{}
	if _, err := os.Stat(filepath.Join(root, rel)); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	var doc struct {
		Record []SourcingRecord `toml:"record"`
	}
	f, ps := decode(root, rel, &doc, "[[record]] indicator, searched, looked_for, checked, found")
	if f == nil || hasSyntaxError(ps) {
		return ps
	}
	for i := range doc.Record {
		doc.Record[i].Line = f.entryLine("record", i)
	}
	for i := range doc.Record {
		rec := &doc.Record[i]
		at := func(k string) int { return f.keyLine(k, rec.Line) }
		add := func(line int, msg, hint string) {
			ps = append(ps, Problem{File: rel, Line: line, Msg: msg, Hint: hint})
		}
		switch {
		case r.indicators[rec.Indicator] == nil:
			if !r.broken["indicators"] {
				add(at("indicator"), fmt.Sprintf("unknown indicator %q", rec.Indicator), "use an id from data/indicators.toml")
			}
		case r.sourcing[rec.Indicator] != nil:
			add(rec.Line, fmt.Sprintf("indicator %q has a second sourcing record (first at line %d)", rec.Indicator, r.sourcing[rec.Indicator].Line), "keep one record per indicator: merge the publications checked into one")
		default:
			r.sourcing[rec.Indicator] = rec
		}
		if _, err := time.Parse("2006-01-02", rec.Searched); err != nil {
			add(at("searched"), fmt.Sprintf("searched %q of %q is not a date YYYY-MM-DD", rec.Searched, rec.Indicator), "write the day the search was done, e.g. searched = \"2026-11-30\"")
		}
		if rec.LookedFor.Zh == "" || rec.LookedFor.En == "" {
			add(at("looked_for"), fmt.Sprintf("sourcing record of %q lacks looked_for in zh or en", rec.Indicator), "write looked_for = { zh = \"…\", en = \"…\" }: the figure, its scope and years")
		}
		if len(rec.Checked) == 0 {
			add(at("checked"), fmt.Sprintf("sourcing record of %q lists no publication checked", rec.Indicator), "write checked = [ { zh = \"…\", en = \"…\" } ]: the publications searched")
		}
		for _, c := range rec.Checked {
			if c.Zh == "" || c.En == "" {
				add(at("checked"), fmt.Sprintf("sourcing record of %q: a publication checked lacks zh or en", rec.Indicator), "give each entry of checked both zh and en")
				break
			}
		}
		if rec.Found.Zh == "" || rec.Found.En == "" {
			add(at("found"), fmt.Sprintf("sourcing record of %q lacks found in zh or en", rec.Indicator), "write found = { zh, en }: what was found, or that no figure was found")
		}
	}
	r.Sourcing = doc.Record
	return ps
}

// plausible checks a value against the indicator's unit and kind.
func plausible(ind *Indicator, file string, line int, v float64, what string) *Problem {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return &Problem{File: file, Line: line, Msg: fmt.Sprintf("%s of %q is not a number", what, ind.ID), Hint: "write a plain number"}
	}
	if p := finite(file, line, fmt.Sprintf("%s of %q", what, ind.ID), v); p != nil {
		return p
	}
	switch ind.Kind {
	case Level, Cumulative:
		if v < 0 {
			return &Problem{File: file, Line: line, Msg: fmt.Sprintf("%s of %q is negative (%v)", what, ind.ID, v), Hint: "levels and counts cannot be below zero: check the sign"}
		}
		if ind.Unit.En == "%" && v > 100 {
			return &Problem{File: file, Line: line, Msg: fmt.Sprintf("%s of %q is %v%%", what, ind.ID, v), Hint: "a share in percent lies between 0 and 100: check the figure"}
		}
	case Change, PeakReduction:
		if math.Abs(v) > 100 && ind.Unit.En == "%" {
			return &Problem{File: file, Line: line, Msg: fmt.Sprintf("%s of %q is %v%%", what, ind.ID, v), Hint: "a change in percent lies between −100 and 100 here: check the figure"}
		}
	}
	return nil
}

// loadAnnual reads annual/YYYY.toml files.
func (r *Register) loadAnnual(root string, lim Limits) Problems {
	var ps Problems
	entries, err := os.ReadDir(filepath.Join(root, "data", "annual"))
	if err != nil {
		return Problems{{File: "data/annual", Msg: err.Error(), Hint: "create data/annual with one YYYY.toml per year (planpress new-year YYYY)"}}
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
			ps = append(ps, Problem{File: rel, Msg: "annual file name is not YYYY.toml", Hint: "rename it to the year it holds, e.g. 2025.toml"})
			continue
		}
		year, _ := strconv.Atoi(m[1])
		lo, hi := lim.FirstYear, lim.LastYear
		if !lim.Valid() { // site.toml has its own problem; only sane years here
			lo, hi = MinYear, MaxYear
		}
		if year < lo || year > hi {
			ps = append(ps, Problem{File: rel, Msg: fmt.Sprintf("year %d is outside the plan's years %d–%d", year, lo, hi), Hint: "the plan runs from its base year to its target year; remove or rename the file"})
			continue
		}
		var doc struct {
			Year        int           `toml:"year"`
			Observation []Observation `toml:"observation"`
		}
		f, p := decode(root, rel, &doc, "year, [[observation]] indicator, value, qualifier, unit, status, text, source, note, preliminary, as_of")
		ps = append(ps, p...)
		if f == nil {
			continue
		}
		if doc.Year != year {
			ps = append(ps, Problem{File: rel, Line: f.keyLine("year", 0), Msg: fmt.Sprintf("year = %d but the file is %s", doc.Year, e.Name()), Hint: "make the year match the file name"})
		}
		r.Years = append(r.Years, year)
		seen := map[string]int{}
		for i := range doc.Observation {
			o := doc.Observation[i]
			o.Year, o.File, o.Line = year, rel, f.entryLine("observation", i)
			at := func(k string) int { return f.keyLine(k, o.Line) }
			if o.Value == nil && o.Status == "" && o.Text.Zh == "" && o.Text.En == "" && o.Source == "" && o.Qualifier == "" {
				// an entry written by new-year and not filled in: no value
				r.Empty[year]++
				continue
			}
			ind := r.indicators[o.Indicator]
			if ind == nil {
				if !r.broken["indicators"] {
					ps = append(ps, Problem{File: rel, Line: at("indicator"), Msg: fmt.Sprintf("unknown indicator %q", o.Indicator), Hint: "use an id from data/indicators.toml"})
				}
				continue
			}
			if prev, dup := seen[o.Indicator]; dup {
				ps = append(ps, Problem{File: rel, Line: o.Line, Msg: fmt.Sprintf("indicator %q has a second value in %d (first at line %d)", o.Indicator, year, prev), Hint: "keep one value per indicator and year; put the other in the note"})
				continue
			}
			seen[o.Indicator] = o.Line
			if o.Source == "" {
				ps = append(ps, Problem{File: rel, Line: o.Line, Msg: fmt.Sprintf("value of %q has no source", o.Indicator), Hint: "every value needs source = \"id\" from data/sources.toml"})
			} else if o.Source != "plan" && r.sources[o.Source] == nil && !r.broken["sources"] {
				ps = append(ps, Problem{File: rel, Line: at("source"), Msg: fmt.Sprintf("unknown source %q", o.Source), Hint: "add it to data/sources.toml or correct the id"})
			}
			if o.Unit != "" && o.Unit != ind.Unit.Zh && o.Unit != ind.Unit.En {
				ps = append(ps, Problem{File: rel, Line: at("unit"), Msg: fmt.Sprintf("unit %q differs from the unit of %q (%s)", o.Unit, o.Indicator, ind.Unit.En), Hint: "convert the value to the indicator's unit, or remove the unit key"})
			}
			switch {
			case o.Qualifier == "":
			case !validQualifier(o.Qualifier):
				ps = append(ps, Problem{File: rel, Line: at("qualifier"), Msg: fmt.Sprintf("qualifier %q", o.Qualifier), Hint: "qualifier is " + strings.Join(Qualifiers, ", ") + " (or leave it out)"})
			case o.Value == nil:
				ps = append(ps, Problem{File: rel, Line: at("qualifier"), Msg: fmt.Sprintf("qualifier %q on %q without a value", o.Qualifier, o.Indicator), Hint: "a qualifier says how the value is stated: add value = … or remove the qualifier"})
			}
			if o.AsOf != "" {
				if y, ok := parseMonth(o.AsOf); !ok {
					ps = append(ps, Problem{File: rel, Line: at("as_of"), Msg: fmt.Sprintf("as_of %q of %q is not YYYY-MM", o.AsOf, o.Indicator), Hint: "write the month the figure is as of, e.g. as_of = \"" + strconv.Itoa(year) + "-10\""})
				} else if y != year {
					ps = append(ps, Problem{File: rel, Line: at("as_of"), Msg: fmt.Sprintf("as_of %q of %q is not in %d", o.AsOf, o.Indicator, year), Hint: "a figure as of a month belongs to that month's year: move it to data/annual/" + o.AsOf[:4] + ".toml or correct the month"})
				}
			}
			ps = append(ps, r.checkRefs(rel, at("note"), fmt.Sprintf("note of %q", o.Indicator), o.Note)...)
			ps = append(ps, r.checkRefs(rel, at("text"), fmt.Sprintf("text of %q", o.Indicator), o.Text)...)
			if s := r.sources[o.Source]; s != nil {
				o.Grade = s.Grade
			} else if o.Source == "plan" {
				o.Grade = "A"
			}
			switch {
			case ind.Kind == Binary:
				if o.Status != "achieved" && o.Status != "not-achieved" {
					ps = append(ps, Problem{File: rel, Line: o.Line, Msg: fmt.Sprintf("%q is a yes/no indicator: status is %q", o.Indicator, o.Status), Hint: "write status = \"achieved\" or \"not-achieved\" with the source's wording in text"})
				}
				if o.Value != nil {
					// not shown, but exported: it must be a number too
					if p := finite(rel, 0, fmt.Sprintf("value of %q", o.Indicator), *o.Value); p != nil {
						p.Line = at("value")
						ps = append(ps, *p)
					}
				}
			case o.Value == nil && o.Text.Zh == "" && o.Text.En == "":
				ps = append(ps, Problem{File: rel, Line: o.Line, Msg: fmt.Sprintf("observation of %q has neither value nor text", o.Indicator), Hint: "write value = … or, for a qualitative statement, text = { zh, en }; leave a missing year out"})
			case o.Value != nil:
				if p := plausible(ind, rel, 0, *o.Value, "value"); p != nil {
					p.Line = at("value")
					ps = append(ps, *p)
				}
			}
			for _, c := range []struct {
				key, what, s string
				single       bool
			}{
				{"unit", "unit", o.Unit, true}, {"text", "text", o.Text.Zh, false}, {"text", "text", o.Text.En, false},
				{"note", "note", o.Note.Zh, false}, {"note", "note", o.Note.En, false},
			} {
				if p := text(rel, 0, fmt.Sprintf("%s of %q", c.what, o.Indicator), c.s, c.single); p != nil {
					p.Line = at(c.key)
					ps = append(ps, *p)
				}
			}
			if o.Status != "" && ind.Kind != Binary {
				ps = append(ps, Problem{File: rel, Line: at("status"), Msg: fmt.Sprintf("status on %q, which is not a yes/no indicator", o.Indicator), Hint: "use value = … for measured indicators"})
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
