package assess

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/indicator"
)

func fp(v float64) *float64 { return &v }

func ob(year int, v float64) indicator.Observation {
	return indicator.Observation{Year: year, Value: fp(v)}
}

func obq(year int, v float64, q string) indicator.Observation {
	o := ob(year, v)
	o.Qualifier = q
	return o
}

func obs(year int, status string) indicator.Observation {
	return indicator.Observation{Year: year, Status: status}
}

func missing(year int) indicator.Observation { return indicator.Observation{Year: year} }

func base(year int, v float64) *indicator.Point { return &indicator.Point{Year: year, Value: v} }

var (
	// PM2.5 35 µg/m³ 左右 by 2025, base 38 in 2020; default tolerance 5 % of 35 = 1.75,
	// so any value <= 36.75 meets.
	pm25 = indicator.Indicator{ID: "pm25", Kind: indicator.Level, Direction: indicator.Decrease,
		Unit:     indicator.Text{"zh": "微克/立方米", "en": "µg/m³"},
		Baseline: base(2020, 38), Target: indicator.Target{Year: 2025, Value: 35, Bound: indicator.About}}
	pm25NoBase = indicator.Indicator{ID: "pm25nb", Kind: indicator.Level, Direction: indicator.Decrease,
		Target: indicator.Target{Year: 2025, Value: 35, Bound: indicator.About}}
	// Good-air days 80 % 以上 by 2025, base 75.
	goodDays = indicator.Indicator{ID: "good-days", Kind: indicator.Level, Direction: indicator.Increase,
		Unit:     indicator.Text{"zh": "%", "en": "%"},
		Baseline: base(2020, 75), Target: indicator.Target{Year: 2025, Value: 80, Bound: indicator.AtLeast}}
	// Renewable share 14 % 左右 by 2025, base 10; default tolerance 0.5 points: >= 13.5 meets.
	renew = indicator.Indicator{ID: "renew", Kind: indicator.Level, Direction: indicator.Increase,
		Unit:     indicator.Text{"zh": "%", "en": "%"},
		Baseline: base(2020, 10), Target: indicator.Target{Year: 2025, Value: 14, Bound: indicator.About}}
	// Water use per GDP 10 以內 by 2025, base 12.
	water = indicator.Indicator{ID: "water", Kind: indicator.Level, Direction: indicator.Decrease,
		Baseline: base(2020, 12), Target: indicator.Target{Year: 2025, Value: 10, Bound: indicator.AtMost}}
	// Forest cover maintained at 44 % 以上, already 44.4 in 2020.
	forest = indicator.Indicator{ID: "forest", Kind: indicator.Level, Direction: indicator.Maintain,
		Unit:     indicator.Text{"zh": "%", "en": "%"},
		Baseline: base(2020, 44.4), Target: indicator.Target{Year: 2025, Value: 44, Bound: indicator.AtLeast}}
	// Imported green power 300 (100 GWh) 力爭 by 2025 from 0 in 2020.
	greenPower = indicator.Indicator{ID: "green-power", Kind: indicator.Level, Direction: indicator.Increase,
		Baseline: base(2020, 0), Target: indicator.Target{Year: 2025, Value: 300, Bound: indicator.AtLeast, Aspirational: true}}
	// Ultra-low-energy buildings, cumulative 200 以上 by 2025, no baseline: 0 in 2020.
	cumul = indicator.Indicator{ID: "cumul", Kind: indicator.Cumulative, Direction: indicator.Increase,
		Target: indicator.Target{Year: 2025, Value: 200, Bound: indicator.AtLeast}}
	// CO₂ per unit GDP −18 % 左右 by 2025; percentage kind: tolerance 0.5, met when <= −17.5.
	co2 = indicator.Indicator{ID: "co2", Kind: indicator.Change, Direction: indicator.Decrease,
		Unit:   indicator.Text{"zh": "%", "en": "%"},
		Target: indicator.Target{Year: 2025, Value: -18, Bound: indicator.About}}
	// 降低18%以上 written as at-least −18: read as "−18 or lower".
	co2AtLeast = indicator.Indicator{ID: "co2b", Kind: indicator.Change, Direction: indicator.Decrease,
		Target: indicator.Target{Year: 2025, Value: -18, Bound: indicator.AtLeast}}
	// Carbon emissions 10 % below the peak (以上) by 2025.
	peak = indicator.Indicator{ID: "peak", Kind: indicator.PeakReduction, Direction: indicator.Decrease,
		Target: indicator.Target{Year: 2025, Value: -10, Bound: indicator.AtLeast}}
	// Black and odorous water bodies eliminated: 0 by 2025 from 142.
	blackWater = indicator.Indicator{ID: "black-water", Kind: indicator.Level, Direction: indicator.Eliminate,
		Baseline: base(2020, 142), Target: indicator.Target{Year: 2025, Value: 0, Bound: indicator.AtMost}}
	// Rural sewage coverage 55 % 以上 by 2022, base 40.
	rural = indicator.Indicator{ID: "rural", Kind: indicator.Level, Direction: indicator.Increase,
		Baseline: base(2020, 40), Target: indicator.Target{Year: 2022, Value: 55, Bound: indicator.AtLeast}}
	binary = indicator.Indicator{ID: "bin", Kind: indicator.Binary,
		Target: indicator.Target{Year: 2025, Text: indicator.Text{"zh": "建成設施", "en": "facility built"}}}
)

func TestAssess(t *testing.T) {
	// pm25 required CAGR: (35/38)^(1/5) − 1 = 0.921053^0.2 − 1; ln 0.921053 = −0.082238, /5 = −0.016448,
	// exp = 0.983687 → −0.016313 a year. Used by every pm25 case below.
	cases := []struct {
		name   string
		ind    indicator.Indicator
		obs    []indicator.Observation
		year   int
		want   Status
		method Method
		ratio  float64 // checked when != 0 or zeroRatio
		final  bool
	}{
		// --- levels, CAGR ---
		{"decreasing level on track", pm25, []indicator.Observation{ob(2021, 37)}, 2021, OnTrack, MethodCAGR,
			// (37/38)^1 − 1 = −0.026316; R = −0.026316 / −0.016313 = 1.6132 >= 0.95; 37 > 36.75 so not met
			1.6132, false},
		{"decreasing level acceleration needed", pm25, []indicator.Observation{ob(2022, 37)}, 2022, Acceleration, MethodCAGR,
			// (37/38)^(1/2) − 1 = 0.986754 − 1 = −0.013246; R = 0.013246/0.016313 = 0.8120 in [0.6, 0.95)
			0.8120, false},
		{"decreasing level limited", pm25, []indicator.Observation{ob(2023, 37.5)}, 2023, Limited, MethodCAGR,
			// (37.5/38)^(1/3) − 1: ln 0.986842 = −0.013245, /3 = −0.004415 → −0.004405; R = 0.004405/0.016313 = 0.2700
			0.2700, false},
		{"decreasing level deterioration", pm25, []indicator.Observation{ob(2021, 39)}, 2021, Deterioration, MethodCAGR,
			// (39/38) − 1 = +0.026316; R = 0.026316 / −0.016313 = −1.6132 < 0
			-1.6132, false},
		{"decreasing level achieved", pm25, []indicator.Observation{ob(2021, 33)}, 2021, Achieved, MethodCAGR,
			// (33/38) − 1 = −0.131579; R = 0.131579/0.016313 = 8.0659, but 33 <= 35 (about, decrease) → achieved whatever R
			8.0659, false},
		{"about at the edge of the tolerance", pm25, []indicator.Observation{ob(2022, 36.75)}, 2022, Achieved, MethodCAGR,
			// tolerance 0.05 × 35 = 1.75; 36.75 <= 35 + 1.75 → met
			0, false},
		{"about just outside the tolerance", pm25, []indicator.Observation{ob(2022, 36.8)}, 2022, OnTrack, MethodCAGR,
			// 36.8 > 36.75 not met; (36.8/38)^(1/2) − 1 = 0.984084 − 1 = −0.015916; R = 0.015916/0.016313 = 0.9757 >= 0.95
			0.9757, false},
		{"about qualifier taken as stated", pm25, []indicator.Observation{obq(2022, 34, "about")}, 2022, Achieved, MethodCAGR,
			// "about 34" read as 34 <= 36.75 → met
			0, false},
		{"met then lost: the latest decides", pm25, []indicator.Observation{ob(2021, 33), ob(2022, 38.5)}, 2022, Deterioration, MethodCAGR,
			// latest 38.5 > 36.75 not met; (38.5/38)^(1/2) − 1 = 1.006557 − 1 = +0.006557; R = −0.4020 < 0
			-0.4020, false},
		{"lost then met", pm25, []indicator.Observation{ob(2022, 34), ob(2021, 39)}, 2022, Achieved, MethodCAGR,
			// unsorted input; latest is 2022: 34 <= 36.75 → met
			0, false},
		{"later observations are not used", pm25, []indicator.Observation{ob(2021, 37), ob(2024, 30)}, 2021, OnTrack, MethodCAGR,
			// as of 2021 only 37 counts: R = 1.6132 as in the first case (30 in 2024 ignored)
			1.6132, false},
		{"missing years: gap then value", pm25, []indicator.Observation{missing(2021), ob(2023, 37)}, 2023, Limited, MethodCAGR,
			// 2021 has no value, 2022 absent; 2023: (37/38)^(1/3) − 1: ln 0.973684 = −0.026668, /3 = −0.008889
			// → −0.008850; R = 0.008850/0.016313 = 0.5425 < 0.6
			0.5425, false},
		{"missing years: nothing yet", pm25, []indicator.Observation{missing(2021), ob(2023, 37)}, 2022, NoData, MethodCAGR,
			// as of 2022 the only observation has no value; baseline 38 does not meet 35 about → no data
			0, false},
		{"no data", pm25, nil, 2022, NoData, MethodCAGR, 0, false},
		{"one data point only", pm25NoBase, []indicator.Observation{ob(2020, 38)}, 2021, NotAssessable, MethodCAGR,
			// baseline = the 2020 observation 38, latest = the same point, 38 > 36.75 → no rate → not assessable
			0, false},
		{"no baseline and not met", pm25NoBase, []indicator.Observation{ob(2022, 40)}, 2022, NotAssessable, MethodLinear,
			// no register baseline and no 2020 observation; 40 > 36.75
			0, false},
		{"no baseline but met", pm25NoBase, []indicator.Observation{ob(2022, 34)}, 2022, Achieved, MethodLinear, 0, false},

		// --- one-sided bounds ---
		{"at-least edge met", goodDays, []indicator.Observation{ob(2023, 80)}, 2023, Achieved, MethodCAGR,
			// 80 >= 80 → met (R = (80/75)^(1/3)−1 / (80/75)^(1/5)−1 = 0.021747/0.012991 = 1.6740, not decisive)
			1.6740, false},
		{"at-least just below", goodDays, []indicator.Observation{ob(2023, 79.99)}, 2023, OnTrack, MethodCAGR,
			// 79.99 < 80; (79.99/75)^(1/3) − 1: ln 1.066533 = 0.064414, /3 = 0.021471 → 0.021703;
			// required (80/75)^(1/5) − 1: ln 1.066667 = 0.064539, /5 = 0.012908 → 0.012991; R = 1.6706
			1.6706, false},
		{"at-most edge met", water, []indicator.Observation{ob(2022, 10)}, 2022, Achieved, MethodCAGR, 0, false},
		{"at-most just above", water, []indicator.Observation{ob(2022, 10.01)}, 2022, OnTrack, MethodCAGR,
			// 10.01 > 10; (10.01/12)^(1/2) − 1 = 0.913327 − 1 = −0.086673; required (10/12)^(1/5) − 1:
			// ln 0.833333 = −0.182322, /5 = −0.036464 → −0.035807; R = 2.4205
			2.4205, false},
		{"percentage about: default 0.5 points", renew, []indicator.Observation{ob(2024, 13.5)}, 2024, Achieved, MethodCAGR,
			// 13.5 >= 14 − 0.5 → met
			0, false},

		// --- target met at baseline ---
		{"target met at baseline, still met", forest, []indicator.Observation{ob(2022, 44.6)}, 2022, Achieved, MethodCAGR, 0, false},
		{"target met at baseline, now lost", forest, []indicator.Observation{ob(2022, 43.8)}, 2022, Deterioration, MethodCAGR,
			// required (44/44.4)^(1/5) − 1 = −0.001808 (wrong sign, baseline 44.4 >= 44 already met); 43.8 < 44
			// → deterioration whatever R ((43.8/44.4)^(1/2) − 1 = −0.006780, R = 3.7496)
			3.7496, false},
		{"met at baseline, no observation", forest, nil, 2022, Achieved, MethodCAGR, 0, false},

		// --- linear share ---
		{"zero baseline", greenPower, []indicator.Observation{ob(2022, 100)}, 2022, Acceleration, MethodLinear,
			// CAGR impossible from 0: (100 − 0)/2 = 50 a year; required (300 − 0)/5 = 60; R = 0.8333
			0.8333, false},
		{"eliminate: zero target", blackWater, []indicator.Observation{ob(2022, 50)}, 2022, OnTrack, MethodLinear,
			// (50 − 142)/2 = −46; (0 − 142)/5 = −28.4; R = 1.6197
			1.6197, false},
		{"cumulative on track", cumul, []indicator.Observation{ob(2023, 150)}, 2023, OnTrack, MethodLinear,
			// baseline 0 in 2020: 150/3 = 50 a year; required 200/5 = 40; R = 1.25
			1.25, false},
		{"threshold 0.95 exactly", cumul, []indicator.Observation{ob(2021, 38)}, 2021, OnTrack, MethodLinear,
			// 38/1 = 38; 200/5 = 40; R = 38/40 = 0.95 → on track (>= 0.95)
			0.95, false},
		{"just below 0.95", cumul, []indicator.Observation{ob(2021, 37.96)}, 2021, Acceleration, MethodLinear,
			// 37.96/40 = 0.949 < 0.95
			0.949, false},
		{"threshold 0.6 exactly", cumul, []indicator.Observation{ob(2021, 24)}, 2021, Acceleration, MethodLinear,
			// 24/40 = 0.6 → acceleration needed (>= 0.6)
			0.6, false},
		{"just below 0.6", cumul, []indicator.Observation{ob(2021, 23.96)}, 2021, Limited, MethodLinear,
			// 23.96/40 = 0.599 < 0.6
			0.599, false},
		{"threshold 0 exactly: no progress", cumul, []indicator.Observation{ob(2021, 0)}, 2021, Limited, MethodLinear,
			// 0/1 = 0; R = 0/40 = 0 → limited or no progress (>= 0)
			0, false},
		{"just below 0", cumul, []indicator.Observation{ob(2021, -0.4)}, 2021, Deterioration, MethodLinear,
			// −0.4/40 = −0.01 < 0
			-0.01, false},
		{"change from baseline", co2, []indicator.Observation{ob(2022, -8)}, 2022, OnTrack, MethodLinear,
			// baseline 0 in 2020: −8/2 = −4 a year; required −18/5 = −3.6; R = 1.1111; −8 > −17.5 not met
			1.1111, false},
		{"change from baseline, limited", co2, []indicator.Observation{ob(2022, -2)}, 2022, Limited, MethodLinear,
			// −2/2 = −1; R = −1/−3.6 = 0.2778
			0.2778, false},
		{"peak reduction", peak, []indicator.Observation{ob(2023, -3)}, 2023, Limited, MethodLinear,
			// baseline 0 in 2020: −3/3 = −1 a year; required −10/5 = −2; R = 0.5 < 0.6
			0.5, false},
		{"peak reduction achieved", peak, []indicator.Observation{ob(2023, -10.2)}, 2023, Achieved, MethodLinear,
			// −10.2 <= −10 (at least 10 % below the peak)
			0, false},

		// --- final year ---
		{"final year met", co2, []indicator.Observation{ob(2024, -15), ob(2025, -17.6)}, 2025, Achieved, MethodFinal,
			// −17.6 <= −18 + 0.5 = −17.5 → met
			0, true},
		{"final year not met", co2, []indicator.Observation{ob(2025, -17.4)}, 2025, NotMet, MethodFinal,
			// −17.4 > −17.5 → not met (no ratio band in the final year)
			0, true},
		{"final year not met although on track before", pm25, []indicator.Observation{ob(2024, 37), ob(2025, 37)}, 2025, NotMet, MethodFinal,
			// 37 > 36.75
			0, true},
		{"final year with no data", pm25, []indicator.Observation{ob(2024, 34)}, 2025, NoData, MethodFinal,
			// 2024 met, but no value for 2025 or later → final verdict: no data
			0, true},
		{"after the target year: latest decides", rural, []indicator.Observation{ob(2022, 56), ob(2023, 50)}, 2023, NotMet, MethodFinal,
			// target year 2022, assessed in 2023: the latest value 50 (2023) < 55 → not met, although 2022 met it
			0, true},
		{"after the target year: target-year value", rural, []indicator.Observation{ob(2022, 56)}, 2023, Achieved, MethodFinal,
			// no 2023 value; 2022 >= target year and 56 >= 55 → met
			0, true},

		// --- bounds as values ---
		{"more-than meets", goodDays, []indicator.Observation{obq(2023, 81, "more-than")}, 2023, Achieved, MethodCAGR,
			// true value > 81 >= 80 → met
			0, false},
		{"more-than cannot decide", goodDays, []indicator.Observation{obq(2023, 78, "more-than")}, 2023, NotAssessable, MethodCAGR,
			// > 78 could be 79 or 85
			0, false},
		{"less-than under an at-most target", water, []indicator.Observation{obq(2023, 9, "less-than")}, 2023, Achieved, MethodCAGR,
			// true value < 9 <= 10 → met
			0, false},
		{"more-than under an at-most target, final", water, []indicator.Observation{obq(2025, 12, "more-than")}, 2025, NotMet, MethodFinal,
			// true value > 12 > 10 → cannot meet
			0, true},

		// --- binary ---
		{"binary achieved", binary, []indicator.Observation{obs(2022, "achieved")}, 2023, Achieved, MethodBinary, 0, false},
		{"binary not achieved", binary, []indicator.Observation{obs(2022, "not-achieved")}, 2023, NotAssessable, MethodBinary, 0, false},
		{"binary missing", binary, nil, 2023, NoData, MethodBinary, 0, false},
		{"binary final not met", binary, []indicator.Observation{obs(2022, "achieved"), obs(2025, "not-achieved")}, 2025, NotMet, MethodBinary, 0, true},
		{"binary final met", binary, []indicator.Observation{obs(2025, "achieved")}, 2025, Achieved, MethodBinary, 0, true},
		{"binary final no data", binary, []indicator.Observation{obs(2023, "not-achieved")}, 2025, NoData, MethodBinary, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.obs {
				c.obs[i].Indicator = c.ind.ID
			}
			r := Assess(c.ind, c.obs, c.year)
			if r.Status != c.want {
				t.Errorf("status = %s, want %s (R = %.4f, reason %q)", r.Status, c.want, r.Ratio, r.Reason["en"])
			}
			if r.Method != c.method {
				t.Errorf("method = %s, want %s", r.Method, c.method)
			}
			if r.Final != c.final {
				t.Errorf("final = %v, want %v", r.Final, c.final)
			}
			if c.ratio != 0 && (!r.HasRatio || math.Abs(r.Ratio-c.ratio) > 5e-4) {
				t.Errorf("ratio = %.5f (has %v), want %.4f", r.Ratio, r.HasRatio, c.ratio)
			}
			if r.Met != (r.Status == Achieved) {
				t.Errorf("met = %v with status %s", r.Met, r.Status)
			}
			if r.Reason["zh"] == "" || r.Reason["en"] == "" {
				t.Errorf("empty reason: %+v", r.Reason)
			}
			if !strings.Contains(r.Reason["en"], r.Status.Label("en")) || !strings.Contains(r.Reason["zh"], r.Status.Label("zh-Hant")) {
				t.Errorf("reason does not name the status: %+v", r.Reason)
			}
			if r.Indicator != c.ind.ID || r.Year != c.year {
				t.Errorf("indicator/year = %s/%d", r.Indicator, r.Year)
			}
		})
	}
}

func TestZeroRatioIsComputed(t *testing.T) {
	// cumulative 0 in 2021: actual 0, required 40 → R = 0 exactly, and it is shown as 0.00 not −0.00.
	r := Assess(cumul, []indicator.Observation{ob(2021, 0)}, 2021)
	if !r.HasRatio || r.Ratio != 0 || math.Signbit(r.Ratio) || FormatRatio(r.Ratio) != "0.00" {
		t.Errorf("ratio %v %v %s", r.HasRatio, r.Ratio, FormatRatio(r.Ratio))
	}
	// decreasing: actual 0 / required −28.4 = −0 must not read as deterioration.
	r = Assess(blackWater, []indicator.Observation{ob(2022, 142)}, 2022)
	if r.Status != Limited || math.Signbit(r.Ratio) {
		t.Errorf("status %s ratio %v", r.Status, r.Ratio)
	}
}

func TestComponents(t *testing.T) {
	// pm25, 2022 = 37: base 38 (2020), latest 37 (2022), target 35 (2025),
	// actual (37/38)^(1/2) − 1 = −0.013246, required −0.016313.
	r := Assess(pm25, []indicator.Observation{ob(2020, 38), ob(2022, 37)}, 2022)
	if !r.HasBase || r.BaseYear != 2020 || r.BaseValue != 38 || !r.HasLatest || r.LatestYear != 2022 ||
		r.LatestValue != 37 || r.TargetYear != 2025 || r.TargetValue != 35 {
		t.Fatalf("components %+v", r)
	}
	if math.Abs(r.ActualRate+0.013246) > 1e-6 || math.Abs(r.RequiredRate+0.016313) > 1e-6 {
		t.Errorf("rates %v %v", r.ActualRate, r.RequiredRate)
	}
	if !strings.Contains(r.Reason["en"], "R = 0.81") || !strings.Contains(r.Reason["zh"], "R = 0.81") {
		t.Errorf("reason %+v", r.Reason)
	}
	// Observations of other indicators are ignored.
	o := ob(2022, 30)
	o.Indicator = "other"
	if r := Assess(pm25, []indicator.Observation{o}, 2022); r.Status != NoData {
		t.Errorf("other indicator's observation used: %s", r.Status)
	}
	// A 2020 observation is the baseline when the register has none.
	r = Assess(pm25NoBase, []indicator.Observation{ob(2020, 38), ob(2021, 37)}, 2021)
	if !r.HasBase || r.BaseValue != 38 || r.Status != OnTrack {
		t.Errorf("baseline from 2020 observation: %+v", r)
	}
}

func TestMeets(t *testing.T) {
	cases := []struct {
		ind  indicator.Indicator
		v    float64
		want bool
	}{
		{pm25, 30, true},      // desired side of about 35, decrease
		{pm25, 36.75, true},   // 35 + 1.75
		{pm25, 36.76, false},  // beyond the tolerance
		{renew, 13.5, true},   // 14 − 0.5
		{renew, 13.49, false}, // below the tolerance
		{renew, 20, true},     // desired side of about 14, increase
		{goodDays, 80, true},  // at-least edge
		{goodDays, 79.999, false},
		{water, 10, true}, // at-most edge
		{water, 10.001, false},
		{co2, -17.5, true}, // −18 + 0.5
		{co2, -17.4, false},
		{co2AtLeast, -18, true},    // 降低18%以上: −18 or lower
		{co2AtLeast, -20, true},    // more reduction is better
		{co2AtLeast, -17.9, false}, // not enough reduction
		{blackWater, 0, true},
		{blackWater, 1, false},
		{indicator.Indicator{Target: indicator.Target{Value: 100, Bound: indicator.Exact}}, 100, true},
		{indicator.Indicator{Target: indicator.Target{Value: 100, Bound: indicator.Exact}}, 99.99, false},
		{indicator.Indicator{Target: indicator.Target{Value: 100, Bound: indicator.About, Tolerance: 2}}, 97.9, false}, // no direction: two-sided
		{indicator.Indicator{Target: indicator.Target{Value: 100, Bound: indicator.About, Tolerance: 2}}, 102, true},
		{indicator.Indicator{Target: indicator.Target{Value: 100, Bound: indicator.About, Tolerance: 2}}, 102.1, false},
	}
	for i, c := range cases {
		if got := Meets(c.ind, c.v); got != c.want {
			t.Errorf("%d: Meets(%s, %v) = %v, want %v", i, c.ind.ID, c.v, got, c.want)
		}
	}
}

func TestTolerance(t *testing.T) {
	if got := Tolerance(pm25); math.Abs(got-1.75) > 1e-12 { // 5 % of 35
		t.Errorf("level default %v", got)
	}
	if got := Tolerance(renew); got != 0.5 { // percentage target
		t.Errorf("percent default %v", got)
	}
	withTol := pm25
	withTol.Target.Tolerance = 1
	if got := Tolerance(withTol); got != 1 {
		t.Errorf("stated %v", got)
	}
}

func TestBand(t *testing.T) {
	for _, c := range []struct {
		r    float64
		want Status
	}{{2, OnTrack}, {0.95, OnTrack}, {0.9499, Acceleration}, {0.6, Acceleration}, {0.5999, Limited},
		{0, Limited}, {-0.0001, Deterioration}, {-5, Deterioration}} {
		if got := Band(c.r); got != c.want {
			t.Errorf("Band(%v) = %s, want %s", c.r, got, c.want)
		}
	}
}

func TestFormatRatio(t *testing.T) {
	for _, c := range []struct {
		r    float64
		want string
	}{{0.95, "0.95"}, {0.9499, "0.94"}, {0.6, "0.60"}, {0.5999, "0.59"}, {0, "0.00"}, {-0.001, "-0.01"},
		{1.6131, "1.61"}, {38.0 / 40, "0.95"}, {24.0 / 40, "0.60"}} {
		if got := FormatRatio(c.r); got != c.want {
			t.Errorf("FormatRatio(%v) = %s, want %s", c.r, got, c.want)
		}
		// The figure shown falls in the band of the status.
		if got := Band(c.r); got != Band(mustParse(t, FormatRatio(c.r))) {
			t.Errorf("band of %v (%s) differs from band of its display", c.r, got)
		}
	}
}

func mustParse(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return v
}

func TestLabels(t *testing.T) {
	want := map[Status][2]string{
		Achieved:      {"已達成目標", "target achieved"},
		OnTrack:       {"進度符合", "on track"},
		Acceleration:  {"有進展，需加快", "progress, acceleration needed"},
		Limited:       {"進展有限或無進展", "limited or no progress"},
		Deterioration: {"惡化", "deterioration"},
		NoData:        {"暫無數據", "no data"},
		NotAssessable: {"無法評估", "not assessable"},
		NotMet:        {"未達成目標", "target not met"},
	}
	if len(Statuses()) != len(want) {
		t.Fatalf("Statuses() has %d, want %d", len(Statuses()), len(want))
	}
	seen := map[string]Status{}
	for _, s := range Statuses() {
		w, ok := want[s]
		if !ok {
			t.Fatalf("unexpected status %s", s)
		}
		for i, lang := range []string{"zh-Hant", "en"} {
			l := s.Label(lang)
			if l == "" || l != w[i] {
				t.Errorf("%s.Label(%s) = %q, want %q", s, lang, l, w[i])
			}
			if o, dup := seen[lang+l]; dup {
				t.Errorf("%s and %s share the %s label %q", s, o, lang, l)
			}
			seen[lang+l] = s
		}
	}
	if Status("x").Label("en") != "x" {
		t.Errorf("unknown status label")
	}
}
