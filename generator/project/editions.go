package project

import (
	"io/fs"
	"regexp"
	"strings"

	"planpress/generator/diag"
	"planpress/generator/fonts"
	"planpress/generator/indicator"
)

// Edition is one language edition of the site, listed in data/site.toml as
// [[edition]]: its language code (the folder of its content, UI strings and
// pages), its name, writing direction, whether it is the plan's own text,
// the key of its text in the data files' multilingual fields
// ({ zh = "…", en = "…" }), its font and its typesetting.
type Edition struct {
	Code    string `toml:"code"`     // BCP 47 tag: "zh-Hant", "en"
	Name    string `toml:"name"`     // in its own language: "繁體中文", "English"
	Dir     string `toml:"dir"`      // "ltr" or "rtl"; default "ltr"
	Source  bool   `toml:"source"`   // the plan as published; others are translations
	DataKey string `toml:"data_key"` // key in the data files' fields: "zh", "en"
	Font    string `toml:"font"`     // TrueType font for its PDFs and charts; "" = [fonts] main
	Default bool   `toml:"default"`  // the edition x-default and the root page prefer
	CJK     bool   `toml:"cjk"`      // set as Chinese: taller lines, indented paragraphs, no spaces between words
	Locale  string `toml:"locale"`   // its pages' og:locale ("zh_CN"); default: the code with "_" for "-"
	// ConvertFrom: the code of the edition this one is converted from
	// (planpress convert, with data/convert-CODE.toml); its text in the
	// data files is converted from that edition's key when the project loads.
	ConvertFrom string `toml:"convert_from"`
}

// DefaultEditions are the editions of a project whose data/site.toml lists
// none: the plan in traditional Chinese and its English translation.
var DefaultEditions = []Edition{
	{Code: "zh-Hant", Name: "繁體中文", Dir: "ltr", Source: true, DataKey: "zh", Default: true, CJK: true, Locale: "zh_TW"},
	{Code: "en", Name: "English", Dir: "ltr", DataKey: "en", Locale: "en_US"},
}

var editionCode = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// checkEditions fills in defaults and reports editions that cannot work.
func checkEditions(eds []Edition) ([]Edition, diag.Problems) {
	if len(eds) == 0 {
		return append([]Edition(nil), DefaultEditions...), nil
	}
	const file = "data/site.toml"
	var ps diag.Problems
	codes, keys := map[string]bool{}, map[string]bool{}
	sources, defaults := 0, 0
	for i := range eds {
		e := &eds[i]
		if e.Dir == "" {
			e.Dir = "ltr"
		}
		switch {
		case !editionCode.MatchString(e.Code):
			ps = append(ps, diag.Msg(file, 0, "edition-code", i+1, e.Code))
		case codes[e.Code]:
			ps = append(ps, diag.Msg(file, 0, "edition-twice", e.Code))
		}
		codes[e.Code] = true
		if e.DataKey == "" || keys[e.DataKey] {
			ps = append(ps, diag.Msg(file, 0, "edition-data-key", e.Code, e.DataKey))
		}
		keys[e.DataKey] = true
		if e.Dir != "ltr" && e.Dir != "rtl" {
			ps = append(ps, diag.Msg(file, 0, "edition-dir", e.Code, e.Dir))
		}
		if e.Name == "" {
			ps = append(ps, diag.Msg(file, 0, "edition-name", e.Code))
		}
		if e.Source {
			sources++
		}
		if e.Default {
			defaults++
		}
	}
	for _, e := range eds {
		if e.ConvertFrom == "" {
			continue
		}
		var from *Edition
		for i := range eds {
			if eds[i].Code == e.ConvertFrom {
				from = &eds[i]
			}
		}
		if from == nil || from.ConvertFrom != "" || from.Code == e.Code {
			ps = append(ps, diag.Msg(file, 0, "edition-convert-from", e.Code, e.ConvertFrom))
		}
		if e.Source {
			ps = append(ps, diag.Msg(file, 0, "edition-converted-source", e.Code))
		}
	}
	if sources != 1 {
		ps = append(ps, diag.Msg(file, 0, "edition-sources", sources))
	}
	if defaults > 1 {
		ps = append(ps, diag.Msg(file, 0, "edition-defaults", defaults))
	}
	return eds, ps
}

// Langs returns the codes of the editions, in the order of data/site.toml.
func (p *Project) Langs() []string {
	out := make([]string, len(p.Editions))
	for i, e := range p.Editions {
		out[i] = e.Code
	}
	return out
}

// Edition returns the edition of a code (nil for none).
func (p *Project) Edition(code string) *Edition {
	for i := range p.Editions {
		if p.Editions[i].Code == code {
			return &p.Editions[i]
		}
	}
	return nil
}

// Key returns the data key of an edition: the key of its text in the data
// files' multilingual fields.
func (p *Project) Key(lang string) string {
	if e := p.Edition(lang); e != nil {
		return e.DataKey
	}
	return lang
}

// WrittenKeys returns the data keys of the editions whose text the data
// files hold (not those converted at load time), in edition order.
func (p *Project) WrittenKeys() []string {
	var out []string
	for _, e := range p.Editions {
		if e.ConvertFrom == "" {
			out = append(out, e.DataKey)
		}
	}
	return out
}

// Quote returns an indicator's quote as the plan text of an edition has
// it: converted for a converted edition, else the source's.
func (p *Project) Quote(ind *indicator.Indicator, lang string) string {
	return p.QuoteText(ind.Quote, lang)
}

// QuoteText returns a quote of the source's plan text (an indicator's, a
// table's) as the plan text of an edition has it.
func (p *Project) QuoteText(q, lang string) string {
	if c, ok := p.quotes[lang][q]; ok {
		return c
	}
	return q
}

// QuoteLang is the language of the quote shown on an edition's pages.
func (p *Project) QuoteLang(lang string) string {
	if _, ok := p.quotes[lang]; ok {
		return lang
	}
	return p.Source().Code
}

// Keys returns the data keys of every edition, in edition order.
func (p *Project) Keys() []string {
	out := make([]string, len(p.Editions))
	for i, e := range p.Editions {
		out[i] = e.DataKey
	}
	return out
}

// Text returns t in the language of an edition.
func (p *Project) Text(t indicator.Text, lang string) string { return t.Get(p.Key(lang)) }

// Source is the edition of the plan's own text.
func (p *Project) Source() *Edition {
	for i := range p.Editions {
		if p.Editions[i].Source {
			return &p.Editions[i]
		}
	}
	return &p.Editions[0]
}

// Preferred is the edition the root page and x-default prefer: the one
// marked default, else the source.
func (p *Project) Preferred() *Edition {
	for i := range p.Editions {
		if p.Editions[i].Default {
			return &p.Editions[i]
		}
	}
	return p.Source()
}

// MessageKey is the data key of the edition whose language the command's
// messages are in (lang: "en" or "zh"): for Chinese the simplified edition
// when there is one, as the messages are; else the first edition of the
// language; else the source's.
func (p *Project) MessageKey(lang string) string {
	var best string
	for _, e := range p.Editions {
		code := strings.ToLower(e.Code)
		if code != lang && !strings.HasPrefix(code, lang+"-") {
			continue
		}
		if lang == "zh" && (strings.Contains(code, "hans") || strings.HasSuffix(code, "-cn") || strings.HasSuffix(code, "-sg")) {
			return e.DataKey
		}
		if best == "" {
			best = e.DataKey
		}
	}
	if best == "" {
		best = p.Source().DataKey
	}
	return best
}

// OGLocale is the og:locale of an edition's pages: its locale, else its
// code with "_" for "-".
func (p *Project) OGLocale(lang string) string {
	if e := p.Edition(lang); e != nil && e.Locale != "" {
		return e.Locale
	}
	return strings.ReplaceAll(lang, "-", "_")
}

// PreferredFirst is the editions with the preferred one first, the others
// in the order of data/site.toml: the order of the root page's choice.
func (p *Project) PreferredFirst() []Edition {
	pref := p.Preferred()
	out := make([]Edition, 0, len(p.Editions))
	if pref != nil {
		out = append(out, *pref)
	}
	for _, e := range p.Editions {
		if pref == nil || e.Code != pref.Code {
			out = append(out, e)
		}
	}
	return out
}

// Other is the edition a page's language switch leads to: the next one in
// the list, the first after the last (with two editions, the other one).
func (p *Project) Other(lang string) string {
	for i, e := range p.Editions {
		if e.Code == lang {
			return p.Editions[(i+1)%len(p.Editions)].Code
		}
	}
	return lang
}

// Translations are the editions other than the source, in order.
func (p *Project) Translations() []*Edition {
	var out []*Edition
	for i := range p.Editions {
		if !p.Editions[i].Source {
			out = append(out, &p.Editions[i])
		}
	}
	return out
}

// SourceEdition reads only the editions of data/site.toml and returns the
// source edition: where import writes the plan text.
func SourceEdition(root string) (*Edition, error) {
	eds, err := ReadEditions(root)
	if err != nil {
		return nil, err
	}
	p := &Project{Editions: eds}
	return p.Source(), nil
}

// ReadEditions reads only the editions of data/site.toml.
func ReadEditions(root string) ([]Edition, error) {
	var c struct {
		Editions []Edition `toml:"edition"`
	}
	if data, err := fs.ReadFile(Files(root), "data/site.toml"); err == nil {
		if _, ps, ok := diag.DecodeTOML("data/site.toml", data, &c, diag.TOML{}); !ok {
			return nil, ps
		}
	}
	eds, ps := checkEditions(c.Editions)
	if len(ps) > 0 {
		return nil, ps
	}
	return eds, nil
}

// FontsFor returns the fonts of an edition's PDFs and charts: its own font
// when data/site.toml gives one, else [fonts] main.
func (p *Project) FontsFor(lang string) *fonts.Set {
	if fs := p.editionFonts[lang]; fs != nil {
		return fs
	}
	return p.Fonts
}
