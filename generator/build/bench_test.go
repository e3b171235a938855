package build

import (
	"path/filepath"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/project"
	"planpress/generator/report"
	"planpress/generator/site"
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
