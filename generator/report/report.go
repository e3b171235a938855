package report

import (
	"errors"
	"sort"
	"time"

	"planpress/generator/diag"
	"planpress/generator/fonts"
	"planpress/generator/output"
	"planpress/generator/project"
)

// Docs are the PDFs of the project: the plan text in each language and the
// report of each year in each language.
func Docs(p *project.Project) []output.Doc {
	var docs []output.Doc
	for _, lang := range p.Langs() {
		docs = append(docs, output.Doc{Kind: output.PlanText, Lang: lang})
		for _, y := range p.Years {
			docs = append(docs, output.Doc{Kind: output.ProgressReport, Lang: lang, Year: y})
		}
	}
	return docs
}

// write lays a document out in one pass: the contents pages are reserved
// first and filled in at the end, when every heading's page is known.
func write(fs *fonts.Set, m Meta, name string, warn *Warnings, body func(*doc) error) ([]byte, error) {
	d, err := newDoc(fs, m, name, warn)
	if err != nil {
		return nil, err
	}
	if err := body(d); err != nil {
		return nil, err
	}
	d.fillContents()
	return d.bytes()
}

// Options configure Render.
type Options struct {
	Workers int
	// Sink, when set, receives each PDF as soon as it is finished (from
	// several goroutines at once), and Render keeps none in memory.
	Sink func(output.File) error
}

// Render writes every PDF of the project: the plan text and the report of
// each year, in each language. Warnings list characters substituted.
func Render(p *project.Project, opt Options) ([]output.File, []diag.Problem, error) {
	if p.Results == nil {
		return nil, nil, errors.New("report: the project is not assessed (call Project.Assess before rendering)")
	}
	type job struct {
		f   output.File
		run func() ([]byte, error)
	}
	warn := &Warnings{}
	var jobs []job
	for _, d := range Docs(p) {
		d := d
		run := func() ([]byte, error) { return planPDF(p, d.Lang, warn) }
		if d.Kind == output.ProgressReport {
			run = func() ([]byte, error) { return progressPDF(p, d.Lang, d.Year, warn) }
		}
		jobs = append(jobs, job{output.File{Path: d.Path(), Doc: &d}, run})
	}
	out := make([]output.File, len(jobs))
	errs := make([]error, len(jobs)) // by job, so that the first is stable
	var runs []func() error
	for _, i := range largestFirst(len(jobs), func(i int) output.Doc { return *jobs[i].f.Doc }) {
		runs = append(runs, func() error {
			data, err := jobs[i].run()
			out[i], errs[i] = jobs[i].f, err
			out[i].Size = len(data)
			out[i].Data = data
			if err == nil && opt.Sink != nil {
				errs[i] = opt.Sink(out[i])
				out[i].Data = nil
			}
			return nil
		})
	}
	diag.Run(runs, opt.Workers)
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return out, warn.List(), nil
}

// largestFirst orders n jobs so that long ones start early and the
// workers finish together: the plan texts, then the reports from the
// latest year (which holds the most data) back.
func largestFirst(n int, file func(int) output.Doc) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rank := func(f output.Doc) int {
		if f.Kind == output.PlanText {
			return 1 << 30
		}
		return f.Year
	}
	sort.SliceStable(order, func(a, b int) bool { return rank(file(order[a])) > rank(file(order[b])) })
	return order
}

// meta is a PDF's metadata: its Author is who publishes the site
// (data/site.toml report_author, else publisher), never the issuer of the
// plan unless configured so; the subject names the plan's issuer.
func meta(p *project.Project, lang, title, subject string) Meta {
	author := p.Text(p.Config.ReportAuthor, lang)
	if author == "" {
		author = p.Text(p.Config.Publisher, lang)
	}
	if is := p.Text(p.Config.Issuer, lang); is != "" {
		subject += p.T(lang, "sentence-sep") + p.T(lang, "report-issuer") + p.T(lang, "colon") + is
	}
	return Meta{
		Title: title, Author: author, Subject: subject, Lang: lang,
		Keywords: p.T(lang, "pdf-keywords"), Date: p.Time().In(time.UTC), Header: title,
		PageOf: p.T(lang, "pdf-page-of"), CJK: p.Edition(lang).CJK, Footer: p.Text(p.Config.Publisher, lang), OtherLang: otherLang(p, lang),
	}
}

// otherLang is the first edition written in the other script than lang's
// (Chinese or Latin), whose language tags text of that script in lang's
// documents; "" when there is none.
func otherLang(p *project.Project, lang string) string {
	cjk := p.Edition(lang).CJK
	for _, e := range p.Editions {
		if e.CJK != cjk {
			return e.Code
		}
	}
	return ""
}

// cover writes the first page.
func cover(d *doc, kicker, title string, lines []string) {
	d.newPage()
	d.setY(70)
	d.para(kicker, paraOpt{pt: 12, color: colMuted, after: 4})
	d.para(title, paraOpt{pt: 22, color: colAccent, after: 10})
	for _, l := range lines {
		d.para(l, paraOpt{pt: 11, after: 1.5})
	}
}

// PlanPDF renders the plan text PDF of one language (for benchmarks).
func PlanPDF(p *project.Project, lang string) ([]byte, error) {
	return planPDF(p, lang, &Warnings{})
}
