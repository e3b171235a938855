package sheet

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"planpress/generator/convert"
	"planpress/generator/diag"
	"planpress/generator/indicator"
)

// order is the order of an observation's keys: a key added to an entry
// goes after the nearest key before it that the entry has.
var order = []string{"indicator", "value", "qualifier", "status", "text", "preliminary", "as_of", "source", "note"}

// Columns are the column ids of the sheet for the editions' data keys:
// texts and notes have one column per key (text_zh, text_en, …).
func Columns(keys []string) []string {
	cols := []string{"indicator", "name", "unit", "value", "qualifier", "status"}
	for _, k := range keys {
		cols = append(cols, "text_"+k)
	}
	cols = append(cols, "preliminary", "as_of", "source")
	for _, k := range keys {
		cols = append(cols, "note_"+k)
	}
	// a source not yet in data/sources.toml, given with the row
	for _, k := range keys {
		cols = append(cols, "source_title_"+k)
	}
	for _, k := range keys {
		cols = append(cols, "source_publisher_"+k)
	}
	return append(cols, "source_date", "source_grade", "source_url")
}

// Header is the header row: each column id followed by its name in
// Chinese, from the message catalogue ("value 数值").
func Header(keys []string) []string {
	var h []string
	for _, c := range Columns(keys) {
		base, key, _ := strings.Cut(c, "_")
		switch {
		case c == "as_of":
			base, key = c, ""
		case strings.HasPrefix(c, "source_"):
			rest := strings.TrimPrefix(c, "source_")
			base, key, _ = strings.Cut(rest, "_")
			base = "source-" + base
		}
		h = append(h, c+" "+diag.T(diag.Zh, "sheet-col-"+strings.ReplaceAll(base, "_", "-"), key))
	}
	return h
}

// obs is an observation as the year's file writes it.
type obs struct {
	Indicator   string            `toml:"indicator"`
	Value       *float64          `toml:"value"`
	Qualifier   string            `toml:"qualifier"`
	Unit        string            `toml:"unit"`
	Status      string            `toml:"status"`
	Text        map[string]string `toml:"text"`
	Source      string            `toml:"source"`
	Note        map[string]string `toml:"note"`
	Preliminary bool              `toml:"preliminary"`
	AsOf        string            `toml:"as_of"`
}

type yearFile struct {
	Year        int   `toml:"year"`
	Observation []obs `toml:"observation"`
}

// Export is the sheet of a year: every indicator of the register, in its
// order, with the year's values as data/annual/YYYY.toml states them
// (names and units under the data key nameKey, for reference: the language
// the staff read; the source language when "" or when a name lacks it).
func Export(root string, r *indicator.Register, year int, lim indicator.Limits, nameKey string) ([]string, [][]string, error) {
	byInd := map[string]obs{}
	rel := annualPath(year)
	if data, err := fs.ReadFile(os.DirFS(root), rel); err == nil {
		var doc yearFile
		if _, ps, ok := diag.DecodeTOML(rel, data, &doc, diag.TOML{}); !ok {
			return nil, nil, ps
		}
		for _, o := range doc.Observation {
			byInd[o.Indicator] = o
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	cols := Columns(lim.Keys)
	in := func(t indicator.Text) string {
		if s := t.Get(nameKey); s != "" {
			return s
		}
		return t.Get(lim.Source)
	}
	var rows [][]string
	for _, ind := range r.Indicators {
		o := byInd[ind.ID]
		cell := map[string]string{
			"indicator":   ind.ID,
			"name":        in(ind.Name),
			"unit":        in(ind.Unit),
			"qualifier":   o.Qualifier,
			"status":      o.Status,
			"source":      o.Source,
			"as_of":       o.AsOf,
			"preliminary": "",
		}
		if o.Value != nil {
			cell["value"] = strconv.FormatFloat(*o.Value, 'f', -1, 64)
		}
		if o.Preliminary {
			cell["preliminary"] = "true"
		}
		for _, k := range lim.Keys {
			cell["text_"+k] = o.Text[k]
			cell["note_"+k] = o.Note[k]
		}
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = cell[c]
		}
		rows = append(rows, row)
	}
	return Header(lim.Keys), rows, nil
}

func annualPath(year int) string { return "data/annual/" + strconv.Itoa(year) + ".toml" }

// update is what one row of a sheet sets.
type update struct {
	row  int // the sheet's row number (the header is row 1)
	want obs
}

var reComma = regexp.MustCompile(`^[-+]?\d+,\d+$`)

// newSource is a source given in a row of the sheet, to be added to
// data/sources.toml.
type newSource struct {
	ID, Date, Grade, URL string
	Title, Publisher     map[string]string
	row                  int
}

// rows checks every row of the sheet and returns the updates and the new
// sources, or every problem found, each naming its row.
func rows(file string, s *Sheet, year int, r *indicator.Register, lim indicator.Limits) ([]update, []newSource, diag.Problems) {
	var ps diag.Problems
	if !s.Has("indicator") {
		return nil, nil, diag.Problems{diag.Msg(file, 0, "sheet-no-indicator")}
	}
	byName := names(r)
	// the new sources first: any row may describe one, and any row may
	// then use it by its id or its title
	news, badNew, sps := describeAll(file, s, r, lim)
	byTitle := titles(r, news)
	seen := map[string]int{}
	var ups []update
	for i := range s.Rows {
		n := i + 2
		o := obs{Indicator: s.Col(i, "indicator"), Qualifier: s.Col(i, "qualifier"), Status: s.Col(i, "status"), Source: s.Col(i, "source"), AsOf: s.Col(i, "as_of")}
		add := func(key string, args ...any) { ps = append(ps, diag.Msg(file, 0, key, append([]any{n}, args...)...)) }
		for _, k := range lim.Keys {
			if t := s.Col(i, "text_"+k); t != "" {
				if o.Text == nil {
					o.Text = map[string]string{}
				}
				o.Text[k] = t
			}
			if t := s.Col(i, "note_"+k); t != "" {
				if o.Note == nil {
					o.Note = map[string]string{}
				}
				o.Note[k] = t
			}
		}
		v := s.Col(i, "value")
		p := strings.ToLower(s.Col(i, "preliminary"))
		if o.Indicator == "" && v == "" && o.Status == "" && o.Source == "" && len(o.Text) == 0 && s.Col(i, "name") == "" {
			continue // an empty row
		}
		if o.Indicator == "" {
			o.Indicator = byName[foldName(s.Col(i, "name"))]
		} else if id, ok := byName[foldName(o.Indicator)]; ok && r.Indicator(o.Indicator) == nil {
			o.Indicator = id // the Chinese name in the indicator column
		}
		ind := r.Indicator(o.Indicator)
		if ind == nil {
			add("sheet-unknown-indicator", s.Col(i, "indicator")+s.Col(i, "name"))
			continue
		}
		if prev, dup := seen[ind.ID]; dup {
			add("sheet-twice", ind.ID, prev)
			continue
		}
		seen[ind.ID] = n
		if v == "" && o.Status == "" && len(o.Text) == 0 && o.Source == "" && o.Qualifier == "" && p == "" && o.AsOf == "" && len(o.Note) == 0 {
			continue // no figure: the entry is left as it is
		}
		if v != "" {
			f, err := strconv.ParseFloat(v, 64)
			switch {
			case reComma.MatchString(v):
				add("sheet-decimal-comma", v, strings.Replace(v, ",", ".", 1))
			case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
				add("sheet-not-number", v)
			default:
				o.Value = &f
			}
		}
		switch p {
		case "", "false", "否", "0", "no":
		case "true", "是", "1", "yes":
			o.Preliminary = true
		default:
			add("sheet-bad-preliminary", s.Col(i, "preliminary"))
		}
		switch {
		case o.Qualifier == "":
		case !contains(indicator.Qualifiers, o.Qualifier):
			add("sheet-bad-qualifier", o.Qualifier, strings.Join(indicator.Qualifiers, ", "))
		case v == "":
			add("sheet-qualifier-no-value", o.Qualifier)
		}
		if ind.Kind == indicator.Binary {
			if o.Status != "achieved" && o.Status != "not-achieved" {
				add("sheet-status", ind.ID, o.Status)
			}
		} else if o.Status != "" {
			add("sheet-status-not-binary", ind.ID)
		}
		if o.AsOf != "" && !regexp.MustCompile(`^`+strconv.Itoa(year)+`-(0[1-9]|1[0-2])$`).MatchString(o.AsOf) {
			add("sheet-bad-as-of", o.AsOf, year)
		}
		_, given := describe(s, i, lim.Keys)
		switch {
		case o.Source == "":
			add("sheet-no-source", ind.ID)
		case given, o.Source == "plan", r.Source(o.Source) != nil, isNew(news, o.Source), badNew[o.Source]:
			// a new source described here (checked above), a known one,
			// or one whose wrong description is already listed
		case byTitle[foldName(o.Source)] != "":
			o.Source = byTitle[foldName(o.Source)] // named by its title
		default:
			add("sheet-unknown-source", o.Source)
		}
		if v == "" && o.Status == "" && len(o.Text) == 0 {
			add("sheet-no-figure", ind.ID)
		}
		ups = append(ups, update{row: n, want: o})
	}
	// every problem in the order of the rows
	ps = append(ps, sps...)
	sort.SliceStable(ps, func(a, b int) bool { return rowOf(ps[a]) < rowOf(ps[b]) })
	return ups, news, ps
}

// rowOf is the row a problem of the sheet names (its first argument).
func rowOf(p diag.Problem) int {
	if len(p.Args) > 0 {
		if n, ok := p.Args[0].(int); ok {
			return n
		}
	}
	return 0
}

// describe is the new source that row i describes in the source_ columns
// (its id from column source), and whether the row describes one.
func describe(s *Sheet, i int, keys []string) (newSource, bool) {
	ns := newSource{ID: s.Col(i, "source"), Date: s.Col(i, "source_date"), Grade: s.Col(i, "source_grade"), URL: s.Col(i, "source_url"), Title: map[string]string{}, Publisher: map[string]string{}, row: i + 2}
	given := ns.Date != "" || ns.Grade != "" || ns.URL != ""
	for _, k := range keys {
		if t := s.Col(i, "source_title_"+k); t != "" {
			ns.Title[k], given = t, true
		}
		if t := s.Col(i, "source_publisher_"+k); t != "" {
			ns.Publisher[k], given = t, true
		}
	}
	return ns, given
}

// describeAll checks every description of a new source in the sheet: the
// first right one of an id is the source; a row describing it otherwise
// is wrong, naming that row. It returns the new sources, the ids whose
// descriptions are wrong (rows using them say nothing more), and the
// problems.
func describeAll(file string, s *Sheet, r *indicator.Register, lim indicator.Limits) ([]newSource, map[string]bool, diag.Problems) {
	var news []newSource
	var ps diag.Problems
	newByID := map[string]int{}
	bad := map[string]bool{}
	for i := range s.Rows {
		ns, given := describe(s, i, lim.Keys)
		if !given || ns.ID == "" {
			continue // a row without its source's id says so in its own check
		}
		n := ns.row
		add := func(key string, args ...any) { ps = append(ps, diag.Msg(file, 0, key, append([]any{n}, args...)...)) }
		if ns.ID == "plan" || r.Source(ns.ID) != nil {
			add("sheet-source-exists", ns.ID)
			continue
		}
		if prev, ok := newByID[ns.ID]; ok {
			if p := news[prev]; p.Date != ns.Date || p.Grade != ns.Grade || p.URL != ns.URL || !reflect.DeepEqual(p.Title, ns.Title) || !reflect.DeepEqual(p.Publisher, ns.Publisher) {
				add("sheet-source-differs", ns.ID, p.row)
			}
			continue
		}
		wrong := false
		check := func(ok bool, key string, args ...any) {
			if !ok {
				add(key, args...)
				wrong = true
			}
		}
		check(diag.ValidID(ns.ID), "sheet-source-id", ns.ID)
		for _, k := range lim.Keys {
			check(ns.Title[k] != "", "sheet-source-title", ns.ID, k)
		}
		check(indicator.ValidDate(ns.Date), "sheet-source-date", ns.Date)
		check(ns.Grade == "A" || ns.Grade == "B" || ns.Grade == "C" || ns.Grade == "D", "sheet-source-grade", ns.Grade)
		if ns.URL != "" {
			check(ns.Grade == "A" || ns.Grade == "B", "sheet-source-repost-url", ns.Grade)
			check(strings.HasPrefix(ns.URL, "https://") || strings.HasPrefix(ns.URL, "http://"), "sheet-source-url", ns.URL)
		}
		if wrong {
			bad[ns.ID] = true
			continue
		}
		newByID[ns.ID] = len(news)
		news = append(news, ns)
	}
	return news, bad, ps
}

// titles maps the folded title (in every language) of every source, of
// data/sources.toml and new, to its id; a title two sources share names
// neither.
func titles(r *indicator.Register, news []newSource) map[string]string {
	out := map[string]string{}
	shared := map[string]bool{}
	put := func(id string, t map[string]string) {
		for _, s := range t {
			k := foldName(s)
			if k == "" {
				continue
			}
			if prev, ok := out[k]; ok && prev != id {
				shared[k] = true
			}
			out[k] = id
		}
	}
	for _, src := range r.Sources {
		put(src.ID, src.Title)
	}
	for _, n := range news {
		put(n.ID, n.Title)
	}
	for k := range shared {
		delete(out, k)
	}
	return out
}

// names maps the folded id and name of every indicator, in every edition
// the register holds (the source's traditional name, the converted
// simplified one, English), to its id. A folded name two indicators share is left
// out: it names neither.
func names(r *indicator.Register) map[string]string {
	byName := map[string]string{}
	shared := map[string]bool{}
	for _, ind := range r.Indicators {
		// the id too, typed in capitals or full-width
		for _, n := range append([]string{ind.ID}, values(ind.Name)...) {
			k := foldName(n)
			if k == "" {
				continue
			}
			if id, ok := byName[k]; ok && id != ind.ID {
				shared[k] = true
			}
			byName[k] = ind.ID
		}
	}
	for k := range shared {
		delete(byName, k)
	}
	return byName
}

// values are the texts of t.
func values(t indicator.Text) []string {
	out := make([]string, 0, len(t))
	for _, s := range t {
		out = append(out, s)
	}
	return out
}

// foldName is a name as it is compared: full-width letters, digits and
// punctuation as half-width, traditional characters as simplified (OpenCC
// t2s, the conversion the simplified edition is made with), lower case,
// without spaces. Staff type simplified Chinese, often with full-width
// brackets; the register writes the traditional name.
func foldName(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 0xFF01 && c <= 0xFF5E:
			c -= 0xFEE0
		case unicode.IsSpace(c):
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	out := b.String()
	if t, err := convert.T2S(out); err == nil {
		out = t
	}
	return out
}

func isNew(news []newSource, id string) bool {
	for _, n := range news {
		if n.ID == id {
			return true
		}
	}
	return false
}

// sourceEntry is a new source as data/sources.toml writes it.
func sourceEntry(n newSource, keys []string) string {
	text := func(m map[string]string) string {
		var parts []string
		for _, k := range keys {
			if m[k] != "" {
				parts = append(parts, k+" = "+indicator.TOMLString(m[k]))
			}
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	var b strings.Builder
	b.WriteString("\n[[source]]\nid = " + indicator.TOMLString(n.ID) + "\ntitle = " + text(n.Title) + "\n")
	if len(n.Publisher) > 0 {
		b.WriteString("publisher = " + text(n.Publisher) + "\n")
	}
	b.WriteString("date = " + indicator.TOMLString(n.Date) + "\ngrade = " + indicator.TOMLString(n.Grade) + "\nurl = " + indicator.TOMLString(n.URL) + "\n")
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Import reads the sheet and writes its figures into ROOT/data/annual/
// YYYY.toml: an entry's keys that the sheet changes are rewritten on their
// own lines, keys it adds go in their place, entries for indicators the
// file lacks go at its end; every other line (comments included) stays as
// it is. Nothing is written when any row is wrong: the problems name every
// wrong row. It returns the number of entries changed and added.
func Import(root, file string, s *Sheet, year int, r *indicator.Register, lim indicator.Limits) (changed, added int, err error) {
	ups, news, ps := rows(filepath.Base(file), s, year, r, lim)
	if len(ps) > 0 {
		return 0, 0, ps
	}
	rel := annualPath(year)
	path := filepath.Join(root, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data = []byte("year = " + strconv.Itoa(year) + "\n")
	} else if err != nil {
		return 0, 0, err
	}
	var doc yearFile
	t, ps, ok := diag.DecodeTOML(rel, data, &doc, diag.TOML{})
	if !ok {
		return 0, 0, ps
	}
	// the file's lines as written (a line of a file saved on Windows keeps
	// its \r), cut into the part before the first entry and one part per
	// entry; a byte-order mark stays
	bom, body := splitBOM(data)
	eol := lineEnd(body)
	lines := strings.Split(string(body), "\n")
	if len(lines) != len(t.Lines) {
		return 0, 0, diag.Msg(rel, 0, "sheet-edit-lines")
	}
	var heads []int
	for i := range doc.Observation {
		heads = append(heads, t.EntryLine("observation", i)-1)
	}
	pre := lines
	if len(heads) > 0 {
		pre = lines[:heads[0]]
	}
	entries := make([][]string, len(heads))
	at := map[string]int{}
	for i, h := range heads {
		end := len(lines)
		if i+1 < len(heads) {
			end = heads[i+1]
		}
		entries[i] = append([]string(nil), lines[h:end]...)
		if _, dup := at[doc.Observation[i].Indicator]; dup {
			return 0, 0, diag.Problems{diag.Msg(rel, h+1, "sheet-file-twice", doc.Observation[i].Indicator)}
		}
		at[doc.Observation[i].Indicator] = i
	}
	// a file ending in a newline keeps it; new entries go before it
	tail := []string{}
	if n := len(lines); n > 0 && lines[n-1] == "" {
		tail = []string{""}
		if len(entries) > 0 {
			last := entries[len(entries)-1]
			entries[len(entries)-1] = last[:len(last)-1]
		} else {
			pre = pre[:len(pre)-1]
		}
	}
	var extra []string
	for ui, u := range ups {
		i, ok := at[u.want.Indicator]
		if !ok {
			extra = append(extra, eol, "[[observation]]"+eol)
			for _, k := range order {
				if l := encode(k, u.want, lim.Keys); l != "" {
					extra = append(extra, l+eol)
				}
			}
			added++
			continue
		}
		// a text or note in a language the sheet has no column for stays
		have := doc.Observation[i]
		u.want.Text = keep(have.Text, u.want.Text, s, "text_", lim.Keys)
		u.want.Note = keep(have.Note, u.want.Note, s, "note_", lim.Keys)
		ups[ui] = u
		e, n := edit(entries[i], have, u.want, s, lim.Keys, eol)
		if n > 0 {
			entries[i] = e
			changed++
		}
	}
	out := append([]string(nil), pre...)
	for _, e := range entries {
		out = append(out, e...)
	}
	if len(extra) > 0 && len(out) > 0 && len(tail) == 0 {
		// a file not ending in a newline: the new entries start on a line
		// of their own
		out[len(out)-1] += eol
	}
	out = append(append(out, extra...), tail...)
	text := append(bom, strings.Join(out, "\n")...)
	if changed+added == 0 {
		return 0, 0, nil
	}
	// the text written reads back as the sheet says, or nothing is written
	var check yearFile
	if _, ps, ok := diag.DecodeTOML(rel, text, &check, diag.TOML{}); !ok || len(ps) > 0 {
		return 0, 0, diag.Msg(rel, 0, "sheet-edit-readback", ps.Error())
	}
	got := map[string]obs{}
	for _, o := range check.Observation {
		got[o.Indicator] = o
	}
	for _, u := range ups {
		if !same(got[u.want.Indicator], u.want, s) {
			return 0, 0, diag.Msg(rel, 0, "sheet-edit-entry", u.want.Indicator, u.row)
		}
	}
	if len(news) > 0 {
		// the new sources go at the end of data/sources.toml
		sp := filepath.Join(root, "data", "sources.toml")
		old, err := os.ReadFile(sp)
		if err != nil {
			return 0, 0, err
		}
		// in the file's own line endings
		_, body := splitBOM(old)
		nl := lineEnd(body) + "\n"
		add := string(old)
		if !strings.HasSuffix(add, "\n") {
			add += nl
		}
		for _, n := range news {
			add += strings.ReplaceAll(sourceEntry(n, lim.Keys), "\n", nl)
		}
		if err := replaceFile(sp, []byte(add)); err != nil {
			return 0, 0, err
		}
	}
	if err := replaceFile(path, text); err != nil {
		return 0, 0, err
	}
	return changed, added, nil
}

// replaceFile writes data to path through a file beside it, renamed over
// it: the file is either as it was or wholly new.
func replaceFile(path string, data []byte) error {
	tmp := path + ".import-tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// column is the sheet column of an observation key ("" for text and note,
// which have one column per data key).
func inSheet(s *Sheet, key string) bool {
	switch key {
	case "text", "note":
		for _, h := range s.Header {
			if strings.HasPrefix(h, key+"_") {
				return true
			}
		}
		return false
	}
	return s.Has(key)
}

// get is the value of key in o, for comparing.
func get(o obs, key string) any {
	switch key {
	case "indicator":
		return o.Indicator
	case "value":
		return o.Value
	case "qualifier":
		return o.Qualifier
	case "status":
		return o.Status
	case "text":
		return o.Text
	case "preliminary":
		return o.Preliminary
	case "as_of":
		return o.AsOf
	case "source":
		return o.Source
	case "note":
		return o.Note
	}
	return nil
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case *float64:
		b := b.(*float64)
		return a == nil && b == nil || a != nil && b != nil && *a == *b
	case map[string]string:
		b := b.(map[string]string)
		if len(a) == 0 && len(b) == 0 {
			return true
		}
		return reflect.DeepEqual(a, b)
	}
	return a == b
}

// same reports whether got has every key of the sheet as want has it.
func same(got, want obs, s *Sheet) bool {
	for _, k := range order {
		if k == "indicator" || inSheet(s, k) {
			if !equal(get(got, k), get(want, k)) {
				return false
			}
		}
	}
	return true
}

// encode is the line of key in o; "" when o lacks it.
func encode(key string, o obs, keys []string) string {
	switch key {
	case "indicator":
		return "indicator = " + indicator.TOMLString(o.Indicator)
	case "value":
		if o.Value == nil {
			return ""
		}
		v := strconv.FormatFloat(*o.Value, 'f', -1, 64)
		if !strings.ContainsAny(v, ".") {
			v += ".0"
		}
		return "value = " + v
	case "preliminary":
		if !o.Preliminary {
			return ""
		}
		return "preliminary = true"
	case "text", "note":
		m := o.Text
		if key == "note" {
			m = o.Note
		}
		var parts []string
		for _, k := range keys {
			if m[k] != "" {
				parts = append(parts, k+" = "+indicator.TOMLString(m[k]))
			}
		}
		if len(parts) == 0 {
			return ""
		}
		return key + " = { " + strings.Join(parts, ", ") + " }"
	}
	s, _ := get(o, key).(string)
	if s == "" && key != "source" {
		return ""
	}
	if s == "" {
		return ""
	}
	return key + " = " + indicator.TOMLString(s)
}

// edit rewrites the keys of an entry (its lines, the header first) that
// the sheet changes, and returns the lines and the number of keys changed.
func edit(lines []string, have, want obs, s *Sheet, keys []string, eol string) ([]string, int) {
	find := func(key string) int {
		re := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
		for i, l := range lines {
			if re.MatchString(l) {
				return i
			}
		}
		return -1
	}
	n := 0
	for ki, k := range order {
		if k == "indicator" || !inSheet(s, k) || equal(get(have, k), get(want, k)) {
			continue
		}
		n++
		line := encode(k, want, keys)
		i := find(k)
		switch {
		case i >= 0 && line == "":
			lines = append(lines[:i], lines[i+1:]...)
		case i >= 0:
			lines[i] = line + cr(lines[i])
		default:
			// after the nearest earlier key the entry has, else the header
			pos := 0
			for j := ki - 1; j >= 0; j-- {
				if p := find(order[j]); p >= 0 {
					pos = p
					break
				}
			}
			lines = append(lines[:pos+1], append([]string{line + eol}, lines[pos+1:]...)...)
		}
	}
	return lines, n
}

// keep is want with the texts of have in the data keys the sheet has no
// column for (prefix "text_" or "note_").
func keep(have, want map[string]string, s *Sheet, prefix string, keys []string) map[string]string {
	for _, k := range keys {
		if !s.Has(prefix+k) && have[k] != "" {
			if want == nil {
				want = map[string]string{}
			}
			want[k] = have[k]
		}
	}
	return want
}

// splitBOM returns a file's byte-order mark (or nothing) and the rest.
func splitBOM(data []byte) ([]byte, []byte) {
	const bom = "\ufeff"
	if strings.HasPrefix(string(data), bom) {
		return []byte(bom), data[len(bom):]
	}
	return nil, data
}

// lineEnd is what a line written into the file ends in before its "\n":
// "\r" when most of the file's lines end in "\r\n" (a file saved on
// Windows), else nothing.
func lineEnd(data []byte) string {
	text := string(data)
	if n := strings.Count(text, "\n"); n > 0 && 2*strings.Count(text, "\r\n") > n {
		return "\r"
	}
	return ""
}

// cr is the "\r" a line of the file ends in, if any.
func cr(line string) string {
	if strings.HasSuffix(line, "\r") {
		return "\r"
	}
	return ""
}
