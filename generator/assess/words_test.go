package assess

import (
	"strconv"
	"testing"

	"planpress/generator/indicator"
)

// testWords are the words of a small English edition: keys as in data/i18n.
func testWords(target string) Words {
	strs := map[string]string{
		"fig-more-than": "more than {v}", "fig-less-than": "less than {v}", "fig-about": "about {v}",
		"fig-at-least": "at least {v}", "fig-at-most": "at most {v}",
		"fig-fall": "a fall of {v}", "fig-fall-more-than": "a fall of more than {v}", "fig-fall-less-than": "a fall of less than {v}",
		"fig-fall-at-least": "a fall of at least {v}", "fig-fall-at-most": "a fall of at most {v}", "fig-fall-about": "a fall of about {v}",
		"fig-rise": "a rise of {v}", "fig-rise-more-than": "a rise of more than {v}",
		"status-on-track": "on track", "status-acceleration-needed": "acceleration needed", "status-reached-early": "target reached early", "status-achieved": "target achieved",
		"status-as-of":         "{status} (as of {year})",
		"reason-reached-early": "The {latest_year} figure, {latest}, meets the target of {target}; no {target_year} figure yet.",
		"reason-rate":          "As of {latest_year}: by {method}, {actual} a year since {base_year} against {required} required: R = {ratio}.",
		"reason-bound-met":     "The {latest_year} figure, {latest}, meets the target of {target}.",
		"method-cagr":          "CAGR",
		"provisional":          "Provisional: {caveats}.", "caveat-sep": "; ",
		"caveat-preliminary": "the figure is preliminary", "caveat-grade-cd": "the figure comes from a repost",
	}
	return Words{
		T:      func(k string) string { return strs[k] },
		Value:  func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + "%" },
		Amount: func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + "%" },
		Rate: func(v float64, cagr bool) string {
			return strconv.FormatFloat(v*100, 'f', 2, 64) + "%"
		},
		Target: target,
	}
}

func TestFill(t *testing.T) {
	for _, c := range []struct{ tmpl, want string }{
		{"{a} and {b}", "1 and 2"},
		{"{a}{a}", "11"},
		{"keeps {unknown} and a lone { brace", "keeps {unknown} and a lone { brace"},
		{"no braces", "no braces"},
		{"{a", "{a"},
	} {
		if got := Fill(c.tmpl, map[string]string{"a": "1", "b": "2"}); got != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.tmpl, got, c.want)
		}
	}
}

func TestFigureText(t *testing.T) {
	w := testWords("")
	for _, c := range []struct {
		kind indicator.Kind
		v    float64
		q    string
		want string
	}{
		{indicator.Change, -4, "less-than", "a fall of more than 4%"}, // "less than −4%" as a person says it
		{indicator.Change, -4, "more-than", "a fall of less than 4%"},
		{indicator.Change, -18, "", "a fall of 18%"},
		{indicator.Change, -18, "about", "a fall of about 18%"},
		{indicator.Change, -10, "at-most", "a fall of at least 10%"},
		{indicator.PeakReduction, 3, "more-than", "a rise of more than 3%"},
		{indicator.Change, 2, "", "a rise of 2%"},
		{indicator.Level, 128, "more-than", "more than 128%"},
		{indicator.Level, 35, "", "35%"},
		{indicator.Level, 35, "at-least", "at least 35%"},
	} {
		if got := FigureText(c.kind, c.v, c.q, w); got != c.want {
			t.Errorf("FigureText(%s, %v, %q) = %q, want %q", c.kind, c.v, c.q, got, c.want)
		}
	}
}

func TestExplainAndLabel(t *testing.T) {
	w := testWords("about 35% by 2025")
	// reached early in 2024, assessed in 2025
	r := Assess(pm25, []indicator.Observation{ob(2024, 34)}, 2025, period)
	if got, want := r.Explain(w), "The 2024 figure, 34%, meets the target of about 35% by 2025; no 2025 figure yet."; got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
	if got, want := r.Label(w), "target reached early (as of 2024)"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	// a rate verdict names the year, the method, the rates and R (0.8120, shown 0.81)
	r = Assess(pm25, []indicator.Observation{ob(2022, 37)}, 2022, period)
	if got, want := r.Explain(w), "As of 2022: by CAGR, -1.32% a year since 2020 against -1.63% required: R = 0.81."; got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
	// a figure of the assessment year: no "as of"
	if got := r.Label(w); got != "acceleration needed" {
		t.Errorf("Label = %q", got)
	}
	// a bound in words: a fall of more than 18% meets about −18%
	r = Assess(co2, []indicator.Observation{obq(2025, -18, "less-than")}, 2025, period)
	if got, want := r.Explain(w), "The 2025 figure, a fall of more than 18%, meets the target of about 35% by 2025."; got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
	if got := r.Label(w); got != "target achieved" {
		t.Errorf("Label = %q", got)
	}
	// caveats
	o := graded(ob(2024, 18), "C")
	o.Preliminary = true
	r = Assess(renew, []indicator.Observation{o}, 2024, period)
	if got, want := r.CaveatText(w), "Provisional: the figure comes from a repost; the figure is preliminary."; got != want {
		t.Errorf("CaveatText = %q, want %q", got, want)
	}
	if got := Assess(renew, []indicator.Observation{ob(2024, 18)}, 2024, period).CaveatText(w); got != "" {
		t.Errorf("CaveatText of a sound verdict = %q", got)
	}
}
