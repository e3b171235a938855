package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/indicator"
	"planpress/generator/internal/testutil"
)

func TestRealProjectLoadsClean(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatalf("the project does not pass its own checks:\n%v", err)
	}
	if len(p.Reg.Indicators) < 60 {
		t.Errorf("only %d indicators", len(p.Reg.Indicators))
	}
	for _, ind := range p.Reg.Indicators {
		if len(p.Results[ind.ID]) != len(p.Years) {
			t.Errorf("%s: assessed for %d years, want %d", ind.ID, len(p.Results[ind.ID]), len(p.Years))
		}
	}
}

// edit applies a change to a file of a project copy and returns the problems
// Load reports.
func loadEdited(t *testing.T, file string, edit func(string) string) indicator.Problems {
	t.Helper()
	root := testutil.CopyProject(t)
	path := filepath.Join(root, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	changed := edit(string(data))
	if changed == string(data) {
		t.Fatalf("edit of %s changed nothing", file)
	}
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(root, Options{})
	var ps indicator.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load of broken %s: %v, want problems", file, err)
	}
	return ps
}

func expect(t *testing.T, ps indicator.Problems, wants ...string) {
	t.Helper()
	all := ps.Error()
	for _, w := range wants {
		if !strings.Contains(all, w) {
			t.Errorf("problems lack %q:\n%s", w, all)
		}
	}
}

func TestParityNamesTheSection(t *testing.T) {
	// drop the last paragraph of section ch3-s1-i2 in English
	ps := loadEdited(t, "content/en/plan/ch3.md", func(s string) string {
		i := strings.Index(s, "{#ch3-s1-i2}")
		j := strings.Index(s[i:], "\n\n") + i + 2
		k := strings.Index(s[j:], "\n\n") + j + 2
		return s[:j] + s[k:]
	})
	expect(t, ps, "content/en/plan/ch3.md", "section ch3-s1-i2 has", "paragraphs in English")
}

func TestParityMissingHeading(t *testing.T) {
	ps := loadEdited(t, "content/en/plan/ch5.md", func(s string) string {
		return strings.Replace(s, "{#ch5-s2}", "{#ch5-s9}", 1)
	})
	expect(t, ps, "content/en/plan/ch5.md", "section structure differs", "ch5-s2")
}

func TestGlossaryEnforced(t *testing.T) {
	ps := loadEdited(t, "content/en/plan/ch5.md", func(s string) string {
		return strings.ReplaceAll(s, "ecological protection red line", "eco red line")
	})
	expect(t, ps, "content/en/plan/ch5.md", `lacks "ecological protection red line"`)
}

func TestFormulaNumberOrMore(t *testing.T) {
	// 35%以上 is inclusive: "exceed 35%" is not the plan's commitment
	ps := loadEdited(t, "content/en/plan/ch4.md", func(s string) string {
		return strings.Replace(s, "reclaimed water utilization rate will reach 35% or more", "reclaimed water utilization rate will exceed 35%", 1)
	})
	expect(t, ps, "content/en/plan/ch4.md:", "以上 2 time(s)", `"or more" 1 time(s)`)
}

func TestFormulaCountsEachOccurrence(t *testing.T) {
	// two 以下 in the paragraph need two renderings, not one
	ps := loadEdited(t, "content/en/plan/ch6.md", func(s string) string {
		return strings.Replace(s, "regional environmental noise at 55 decibels or less", "regional environmental noise below 55 decibels", 1)
	})
	expect(t, ps, "content/en/plan/ch6.md:", "70分貝以下 2 time(s)", `"or less" 1 time(s)`)
}

func TestFormulaSetPhrase(t *testing.T) {
	ps := loadEdited(t, "content/en/plan/ch2.md", func(s string) string {
		return strings.Replace(s, "carbon emissions remaining stable with a slight decline", "a steady decline in carbon emissions", 1)
	})
	expect(t, ps, "content/en/plan/ch2.md:", "穩中有降", `"stable with a slight decline"`)
}

func TestGlossaryBadPattern(t *testing.T) {
	ps := loadEdited(t, "data/glossary.toml", func(s string) string {
		return s + "\n[[term]]\npattern = '\\d+(以上'\nen = \"x\"\n"
	})
	expect(t, ps, "data/glossary.toml:", "not a valid regular expression")
}

func TestQuoteEnMustBeVerbatim(t *testing.T) {
	ps := loadEdited(t, "data/indicators.toml", func(s string) string {
		return strings.Replace(s, `quote_en = "the annual mean PM2.5 concentration falling to about 35 μg/m³"`, `quote_en = "the annual mean PM2.5 concentration falls to about 35 μg/m³"`, 1)
	})
	expect(t, ps, "data/indicators.toml:", `quote_en of "pm25-annual-mean" is not in the English plan at section ch2-s3`)
}

func TestQuoteEnAtItsSection(t *testing.T) {
	// the words are in the plan, but in chapter 2, not at the section named
	ps := loadEdited(t, "data/indicators.toml", func(s string) string {
		i := strings.Index(s, `id = "imported-green-electricity"`)
		j := strings.Index(s[i:], "quote_en = ") + i
		k := strings.Index(s[j:], "\n") + j
		return s[:j] + `quote_en = "the share of renewable energy in energy consumption will reach about 14%"` + s[k:]
	})
	expect(t, ps, "data/indicators.toml:", `quote_en of "imported-green-electricity" is not in the English plan at section ch3-s1-i1`)
}

func TestEveryQuoteHasItsEnglish(t *testing.T) {
	// check finds each quote_en in the English plan; here: none is missing
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ind := range p.Reg.Indicators {
		if ind.Quote != "" {
			n++
			if ind.QuoteEn == "" {
				t.Errorf("%s (data/indicators.toml:%d) has a quote but no quote_en", ind.ID, ind.Line)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d quotes", n)
	}
}

func TestQuoteMustBeVerbatim(t *testing.T) {
	ps := loadEdited(t, "data/indicators.toml", func(s string) string {
		return strings.Replace(s, `quote = "PM2.5年均濃度降至35微克/立方米左右"`, `quote = "PM2.5年均濃度降至35微克左右"`, 1)
	})
	expect(t, ps, "data/indicators.toml:", `quote of "pm25-annual-mean" is not in the plan text`)
}

func TestMissingString(t *testing.T) {
	ps := loadEdited(t, "data/i18n/en.toml", func(s string) string {
		return strings.Replace(s, "\nhome = \"Home\"\n", "\n", 1)
	})
	expect(t, ps, "data/i18n/en.toml", `string "home" is missing`)
}
