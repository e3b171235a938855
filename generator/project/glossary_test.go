package project

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"planpress/generator/indicator"
	"planpress/generator/plan"
)

// TestTermMatcherAgainstContains: the matcher finds exactly the terms that
// strings.Contains finds, on random texts and overlapping random terms.
func TestTermMatcherAgainstContains(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("碳達峰中和ab")
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		return b.String()
	}
	for round := 0; round < 300; round++ {
		terms := make([]string, 1+rng.Intn(30))
		for i := range terms {
			terms[i] = word(rng.Intn(5)) // some empty, many overlapping
		}
		m := newTermMatcher(terms)
		seen := make([]bool, m.size())
		for k := 0; k < 5; k++ {
			text := word(rng.Intn(40))
			got := map[string]bool{}
			m.find(text, seen, func(i int) {
				if got[terms[i]] {
					t.Fatalf("term %q reported twice in %q", terms[i], text)
				}
				got[terms[i]] = true
			})
			for _, term := range terms {
				if want := term != "" && strings.Contains(text, term); got[term] != want {
					t.Fatalf("terms %q, text %q: found %q = %v, want %v", terms, text, term, got[term], want)
				}
			}
			for i, s := range seen {
				if s {
					t.Fatalf("scratch space left marked at %d", i)
				}
			}
		}
	}
}

// TestGlossaryOfManyTerms checks a plan against a glossary of 400,000
// terms, many inside each other: the problems are exactly those of the
// few terms that occur. (The check reads each paragraph once whatever the
// glossary's size; the old one compared every pair of terms.)
func TestGlossaryOfManyTerms(t *testing.T) {
	var terms []indicator.Term
	for i := 0; i < 400000; i++ {
		// terms that never occur: 甲 followed by the number's digits as
		// ideographs, so many are prefixes and suffixes of each other
		var b strings.Builder
		b.WriteString("甲")
		for _, d := range fmt.Sprint(i) {
			b.WriteRune([]rune("零一二三四五六七八九")[d-'0'])
		}
		terms = append(terms, indicator.Term{Zh: b.String(), En: "term " + fmt.Sprint(i)})
	}
	terms = append(terms,
		indicator.Term{Zh: "碳達峰碳中和", En: "carbon peaking and carbon neutrality"},
		indicator.Term{Zh: "碳中和", En: "carbon neutrality"},
		indicator.Term{Zh: "河長制", En: "river chief system"},
		indicator.Term{Zh: "乙一", En: "first"})
	zh := &plan.Plan{Pages: []*plan.Page{{ID: "ch1", Title: "第一章", Blocks: []plan.Block{
		{Kind: plan.Para, Text: "推進碳達峰碳中和。"},
		{Kind: plan.Para, Text: "全面推行河長制，乙一。"},
		{Kind: plan.Para, Text: "實現碳中和。"},
	}}}}
	en := &plan.Plan{Pages: []*plan.Page{{ID: "ch1", File: "content/en/plan/ch1.md", Title: "Chapter 1", Blocks: []plan.Block{
		{Kind: plan.Para, Text: "Advance carbon peaking and carbon neutrality.", Line: 5},
		{Kind: plan.Para, Text: "Apply the river chief system everywhere.", Line: 7},
		{Kind: plan.Para, Text: "Achieve climate neutrality.", Line: 9},
	}}}}
	ps := checkGlossary(zh, en, terms)
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%d %s", p.Line, p.Msg))
	}
	sort.Strings(got)
	want := []string{
		`7 the Chinese has 乙一 but the English lacks "first"`,
		`9 the Chinese has 碳中和 but the English lacks "carbon neutrality"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
