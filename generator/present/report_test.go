package present_test

import (
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/present"
	"planpress/generator/project"
)

func realProject(t *testing.T) *project.Project {
	t.Helper()
	p, err := project.Load(testutil.Root(t), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Assess(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReportMainPoints: every report of the real data, in every language,
// has 5–8 main points of which at least five state a figure with its
// change on the year before, and no sentence shows a source id or an
// unfilled placeholder.
func TestReportMainPoints(t *testing.T) {
	p := realProject(t)
	for _, lang := range p.Langs() {
		for _, y := range p.Years {
			r := present.NewReport(p, lang, y)
			changes := 0
			for _, m := range r.MainPoints {
				changes += m.Changes
				if strings.ContainsAny(m.Text, "{}[]") || strings.Contains(m.Text, "src") {
					t.Errorf("%s %d: main point %q has a placeholder or source id", lang, y, m.Text)
				}
				if testing.Verbose() {
					t.Logf("%s %d: %s", lang, y, m.Text)
				}
			}
			if n := len(r.MainPoints); n < 5 || n > 8 {
				t.Errorf("%s %d: %d main points, want 5–8", lang, y, n)
			}
			if changes < 5 {
				t.Errorf("%s %d: %d figures with their change on the year before, want ≥ 5", lang, y, changes)
			}
		}
	}
}
