package build

import (
	"path/filepath"
	"testing"
	"time"

	"planpress/generator/internal/testutil"
	"planpress/generator/project"
	"planpress/generator/report"
	"planpress/generator/site"
	"planpress/generator/synth"
)

// BenchmarkBuild is the whole build of the real site with all PDFs.
func BenchmarkBuild(b *testing.B) {
	root := testutil.Root(b)
	out := filepath.Join(b.TempDir(), "public")
	for i := 0; i < b.N; i++ {
		if _, err := Build(Options{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

func loadReal(b *testing.B) *project.Project {
	p, err := project.Load(testutil.Root(b), project.Options{NeedFonts: true})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkPDF renders every PDF (plan text and reports, both languages).
func BenchmarkPDF(b *testing.B) {
	p := loadReal(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := report.Render(p, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTML renders every page, chart and data file of the site.
func BenchmarkHTML(b *testing.B) {
	p := loadReal(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		files, err := site.Render(p, site.Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages := 0
		for _, f := range files {
			if filepath.Ext(f.Path) == ".html" {
				pages++
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64((i+1)*pages), "ms/page")
	}
}

// BenchmarkPlanPDF renders the plan text PDF of one language.
func BenchmarkPlanPDF(b *testing.B) {
	p := loadReal(b)
	for _, lang := range project.Langs {
		b.Run(lang, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := report.PlanPDF(p, lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCorpus loads, checks and renders the HTML of a synthetic site
// with 1,000 plan pages per language: the corpus that scripts/bench also
// gives to Hugo. It reports each phase in ms and the ms per HTML page.
func BenchmarkCorpus(b *testing.B) {
	root := filepath.Join(b.TempDir(), "corpus")
	if err := synth.Write(root, testutil.Root(b), synth.Options{Indicators: 1, Years: 2, Pages: 1000}); err != nil {
		b.Fatal(err)
	}
	var load, check, html time.Duration
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		p, err := project.Load(root, project.Options{NeedFonts: true, SkipAssess: true})
		if err != nil {
			b.Fatal(err)
		}
		load += time.Since(t)
		t = time.Now()
		tmpl, err := site.LoadTemplates(root)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Assess(); err != nil {
			b.Fatal(err)
		}
		check += time.Since(t)
		t = time.Now()
		files, err := site.Render(p, site.Options{Templates: tmpl})
		if err != nil {
			b.Fatal(err)
		}
		html += time.Since(t)
		pages = 0
		for _, f := range files {
			if filepath.Ext(f.Path) == ".html" {
				pages++
			}
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(load.Milliseconds())/n, "load-ms")
	b.ReportMetric(float64(check.Milliseconds())/n, "check-ms")
	b.ReportMetric(float64(html.Milliseconds())/n, "html-ms")
	b.ReportMetric(float64((load+check+html).Microseconds())/1000/n/float64(pages), "ms/page")
}
