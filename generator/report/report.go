package report

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"planpress/generator/fonts"
	"planpress/generator/project"
)

// File is a finished PDF: its site path and bytes.
type File struct {
	Path string
	Lang string
	Kind string // "plan" or "report"
	Year int
	Size int
	Data []byte // nil when the file went to Options.Sink
}

// PlanPath is the site path of the plan text PDF in lang.
func PlanPath(lang string) string { return fmt.Sprintf("downloads/plan-text-%s.pdf", lang) }

// ReportPath is the site path of the progress report of a year in lang.
func ReportPath(year int, lang string) string {
	return fmt.Sprintf("downloads/progress-report-%d-%s.pdf", year, lang)
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
	Sink func(File) error
}

// Render writes every PDF of the project: the plan text and the report of
// each year, in each language. Warnings list characters substituted.
func Render(p *project.Project, opt Options) ([]File, []string, error) {
	if p.Results == nil {
		return nil, nil, errors.New("report: the project is not assessed (call Project.Assess before rendering)")
	}
	type job struct {
		f   File
		run func() ([]byte, error)
	}
	warn := &Warnings{}
	var jobs []job
	for _, lang := range project.Langs {
		lang := lang
		jobs = append(jobs, job{File{Path: PlanPath(lang), Lang: lang, Kind: "plan"}, func() ([]byte, error) { return planPDF(p, lang, warn) }})
		for _, y := range p.Years {
			y := y
			jobs = append(jobs, job{File{Path: ReportPath(y, lang), Lang: lang, Kind: "report", Year: y}, func() ([]byte, error) { return progressPDF(p, lang, y, warn) }})
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	out := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	for _, i := range largestFirst(len(jobs), func(i int) File { return jobs[i].f }) {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			data, err := jobs[i].run()
			out[i], errs[i] = jobs[i].f, err
			out[i].Size = len(data)
			out[i].Data = data
			if err == nil && opt.Sink != nil {
				errs[i] = opt.Sink(out[i])
				out[i].Data = nil
			}
		}(i)
	}
	wg.Wait()
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
func largestFirst(n int, file func(int) File) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rank := func(f File) int {
		if f.Kind == "plan" {
			return 1 << 30
		}
		return f.Year
	}
	sort.SliceStable(order, func(a, b int) bool { return rank(file(order[a])) > rank(file(order[b])) })
	return order
}

func meta(p *project.Project, lang, title, subject string) Meta {
	return Meta{
		Title: title, Author: p.Config.Issuer.Get(lang), Subject: subject, Lang: lang,
		Keywords: p.T(lang, "pdf-keywords"), Date: p.Time().In(time.UTC), Header: title,
	}
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
