package project

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"planpress/generator/assess"
	"planpress/generator/indicator"
	"planpress/generator/internal/testutil"
)

// TestRealEvidence: on the real data, every published status that is a
// verdict rests on figures of the data, each of a year up to the report
// year and after the base year, or on the base-year figure of a rate.
func TestRealEvidence(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	verdicts := 0
	for _, ind := range p.Reg.Indicators {
		obs := p.Reg.ObservationsOf(ind.ID)
		for _, y := range p.Years {
			r := p.Results[ind.ID][y]
			if !r.Status.Verdict() || r.Status == assess.Context {
				if len(r.Used) > 0 && r.Status != assess.Context {
					t.Errorf("%s %d: %s names figures %v", ind.ID, y, r.Status, r.Used)
				}
				continue
			}
			verdicts++
			if len(r.Used) == 0 {
				t.Errorf("%s %d: %s rests on no figure", ind.ID, y, r.Status)
			}
			period := false
			for _, u := range r.Used {
				o, ok := p.Reg.Observation(ind.ID, u)
				if !ok || u > y || (o.Value == nil && o.Status == "") {
					t.Errorf("%s %d: %s rests on a figure of %d that the data do not hold", ind.ID, y, r.Status, u)
				}
				period = period || u > p.Config.BaseYear
			}
			if !period {
				t.Errorf("%s %d: %s rests on no figure of the plan period (%v)", ind.ID, y, r.Status, r.Used)
			}
			if e := assess.Evidence(r, obs); e != "" {
				t.Errorf("%s %d: %s", ind.ID, y, e)
			}
		}
	}
	if verdicts == 0 {
		t.Fatal("no verdict at all: the test checks nothing")
	}
	// the red line has no figure of the period: its baseline alone is no verdict
	if r := p.Results["ecological-red-line-share"][p.LatestYear()]; r.Status.Verdict() && len(r.Used) == 0 {
		t.Errorf("ecological-red-line-share: %s without a figure", r.Status)
	}
}

// TestRealFinalScorecard: in the final scorecard no commitment whose latest
// figure meets its target is "no data" or "undetermined", and no commitment
// with a figure is "no data".
func TestRealFinalScorecard(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	final := p.Config.TargetYear
	if !slices.Contains(p.Years, final) {
		t.Fatalf("no report for the target year %d", final)
	}
	checked := 0
	for _, ind := range p.Reg.Indicators {
		if !ind.Commitment() {
			continue
		}
		r := p.Results[ind.ID][final]
		var last *indicator.Observation
		for _, o := range p.Reg.ObservationsOf(ind.ID) {
			if o.Year > p.Config.BaseYear && o.Year <= final && (o.Value != nil || o.Status != "") {
				o := o
				last = &o
			}
		}
		if last == nil {
			continue
		}
		checked++
		if r.Status == assess.NoData {
			t.Errorf("%s: no data although %d has a figure", ind.ID, last.Year)
		}
		meets := false
		switch {
		case ind.Kind == indicator.Binary:
			meets = last.Status == "achieved"
		case ind.Target.Quantified() && last.Value != nil:
			meets, _ = assess.Decide(ind, *last.Value, last.Qualifier)
		}
		if meets && (r.Status == assess.NoData || r.Status == assess.Undetermined) {
			t.Errorf("%s: the %d figure meets the target but the final status is %s (%s)", ind.ID, last.Year, r.Status, r.Reason)
		}
	}
	if checked == 0 {
		t.Fatal("no commitment with a figure: the test checks nothing")
	}
}

// TestMethodWords: every status, reporting status, reason and caveat has
// its words in every language, and the sentences use only known
// placeholders.
func TestMethodWords(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{SkipAssess: true})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, k := range assess.Placeholders {
		known[k] = true
	}
	var keys []string
	for _, s := range append(assess.Statuses(), assess.Context) {
		keys = append(keys, s.Key())
	}
	for _, r := range []assess.Reporting{assess.ReportedOfficial, assess.ReportedMedia, assess.NotFound} {
		keys = append(keys, r.Key())
	}
	for _, c := range assess.Caveats() {
		keys = append(keys, "caveat-"+string(c))
	}
	var reasons []string
	for _, r := range assess.Reasons() {
		reasons = append(reasons, "reason-"+string(r))
	}
	for _, q := range indicator.Qualifiers {
		keys = append(keys, "fig-"+q, "fig-fall-"+q, "fig-rise-"+q)
	}
	keys = append(keys, "fig-fall", "fig-rise", "provisional", "caveat-sep", "status-as-of", "status-provisional",
		"method-cagr", "method-linear", "method-binary", "method-final", "method-direction", "method-figure")
	ph := regexp.MustCompile(`\{([a-z_]+)\}`)
	for _, lang := range Langs {
		for _, k := range append(keys, reasons...) {
			if strings.TrimSpace(p.Strings[lang][k]) == "" {
				t.Errorf("%s: no words for %q", lang, k)
			}
		}
		for _, k := range reasons {
			for _, m := range ph.FindAllStringSubmatch(p.Strings[lang][k], -1) {
				if !known[m[1]] {
					t.Errorf("%s %s: unknown placeholder {%s}", lang, k, m[1])
				}
			}
		}
	}
}

// TestRealScorecardsDifferOnlyByNewFigures: a commitment without a figure
// for the last report year keeps the status of the year before.
func TestRealScorecardsDifferOnlyByNewFigures(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Years) < 2 {
		t.Fatal("fewer than two report years")
	}
	last, prev := p.Years[len(p.Years)-1], p.Years[len(p.Years)-2]
	same := 0
	for _, ind := range p.Reg.Indicators {
		if _, ok := p.Reg.Observation(ind.ID, last); ok {
			continue
		}
		a, b := p.Results[ind.ID][prev], p.Results[ind.ID][last]
		if a.Status != b.Status || a.Reason != b.Reason || !slices.Equal(a.Used, b.Used) {
			t.Errorf("%s: %s (%s) in %d but %s (%s) in %d with no %d figure", ind.ID, a.Status, a.Reason, prev, b.Status, b.Reason, last, last)
		}
		same++
	}
	if same == 0 {
		t.Fatal("every indicator has a figure for the last year: the test checks nothing")
	}
}

// TestRealDirectionTargetsDecided: every direction-only commitment with a
// starting figure (a comparable baseline or an earlier figure of the
// period) and an exact latest figure has a verdict in every report year.
func TestRealDirectionTargetsDecided(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, ind := range p.Reg.Indicators {
		if !ind.Commitment() || ind.Kind == indicator.Binary || ind.Target.Quantified() {
			continue
		}
		for _, y := range p.Years {
			var figs []indicator.Observation
			for _, o := range p.Reg.ObservationsOf(ind.ID) {
				if o.Year > p.Config.BaseYear && o.Year <= y && o.Value != nil {
					figs = append(figs, o)
				}
			}
			if len(figs) == 0 || assess.IsBound(figs[len(figs)-1].Qualifier) {
				continue
			}
			start := len(figs) >= 2 || (ind.Baseline != nil && ind.Baseline.Alike())
			if !start {
				continue
			}
			checked++
			r := p.Results[ind.ID][y]
			if !r.Status.Verdict() || r.Status == assess.Undetermined {
				t.Errorf("%s %d: %d figures but %s (%s)", ind.ID, y, len(figs), r.Status, r.Reason)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no direction-only commitment with figures: the test checks nothing")
	}
}
