package site

import (
	"bytes"
	"encoding/json"
	"html/template"
	"math"
	"regexp"
	"strconv"
	"strings"

	"planpress/generator/indicator"
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
			title, grade, url = s.Title.Get(lang), s.Grade, s.URL
			if title == "" {
				title = s.Title.Zh
			}
		}
		// the progress status as of the row's year, when it is a report year
		verdict, prov := "", ""
		if res, ok := p.Results[ind.ID][o.Year]; ok {
			verdict, prov = string(res.Status), strconv.FormatBool(res.Provisional)
		}
		rows = append(rows, []string{ind.ID, ind.Name.Get(lang), strconv.Itoa(o.Year), v, ind.Unit.Get(lang), o.Qualifier, st, o.Text.Get(lang), o.Source, title, grade, url, indicator.CiteSources(o.Note.Get(lang), CiteTitle(p, lang)),
			TargetText(ind, p, lang), verdict, prov})
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
	j := jsonInd{ID: ind.ID, Area: ind.Area, Name: ind.Name.Get(lang), Unit: ind.Unit.Get(lang), Direction: string(ind.Direction),
		Kind: string(ind.Kind), Section: ind.Section, Quote: ind.Quote, Context: ind.Context, Forecast: ind.Forecast,
		Target: map[string]any{"year": t.Year, "year_assumed": t.YearAssumed, "bound": string(t.Bound), "aspirational": t.Aspirational, "text": t.Text.Get(lang)},
		Values: []jsonObs{}, Assessments: []jsonAssessment{}, Sources: map[string]string{}}
	if b := ind.Baseline; b != nil {
		j.Baseline = &jsonPoint{Year: b.Year, Value: b.Value, Source: b.Source, Note: indicator.CiteSources(b.Note.Get(lang), CiteTitle(p, lang)), Comparable: b.Alike()}
	}
	if t.Quantified() {
		j.Target["value"] = t.Value
		j.Target["tolerance"] = t.Tolerance
	}
	for _, o := range p.Reg.ObservationsOf(ind.ID) {
		j.Values = append(j.Values, jsonObs{Year: o.Year, Value: o.Value, Qualifier: o.Qualifier, Status: o.Status, Text: o.Text.Get(lang), Source: o.Source, Note: indicator.CiteSources(o.Note.Get(lang), CiteTitle(p, lang)),
			Preliminary: o.Preliminary, AsOf: o.AsOf})
		if s := p.Reg.Source(o.Source); s != nil {
			j.Sources[s.ID] = s.Title.Get(lang)
		}
	}
	w := Words(p, ind, lang)
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
	return marshal(map[string]any{"title": p.Config.Title.Get(lang), "language": lang, "indicators": all})
}

// datasetJSONLD is schema.org Dataset markup for an indicator page. The JSON
// encoder escapes <, > and & so no data can close the script element.
func datasetJSONLD(p *project.Project, lang string, ind *indicator.Indicator, pg *Page) template.JS {
	base := p.Config.BaseURL + pg.Path
	d := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "Dataset",
		"name":             ind.Name.Get(lang),
		"description":      ind.Quote,
		"inLanguage":       lang,
		"url":              base,
		"license":          "https://creativecommons.org/licenses/by/4.0/",
		"creator":          map[string]any{"@type": "Organization", "name": p.Config.Publisher.Get(lang)},
		"temporalCoverage": strconv.Itoa(p.Config.BaseYear) + "/" + strconv.Itoa(p.Config.TargetYear),
		"spatialCoverage":  map[string]any{"@type": "Place", "name": map[string]string{"en": "Beijing", "zh-Hant": "北京市"}[lang]},
		"distribution": []map[string]any{
			{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": base + ind.ID + ".csv"},
			{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": base + ind.ID + ".json"},
		},
	}
	b, _ := json.Marshal(d)
	return template.JS(b)
}
