package assess

import (
	"math"
	"slices"
	"strconv"
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

// period is the plan period of the cases: base 2020, target 2025.
var period = Period{BaseYear: 2020, TargetYear: 2025}

// graded returns o from a source of grade g.
func graded(o indicator.Observation, g string) indicator.Observation {
	o.Grade = g
	return o
}

var (
	// PM2.5 35 µg/m³ 左右 by 2025, base 38 in 2020; default tolerance 5 % of 35 = 1.75,
	// so any value <= 36.75 meets.
	pm25 = indicator.Indicator{ID: "pm25", Kind: indicator.Level, Direction: indicator.Decrease,
		Unit:     indicator.Text{Zh: "微克/立方米", En: "µg/m³"},
		Baseline: base(2020, 38), Target: indicator.Target{Year: 2025, Value: 35, Bound: indicator.About}}
	pm25NoBase = indicator.Indicator{ID: "pm25nb", Kind: indicator.Level, Direction: indicator.Decrease,
		Target: indicator.Target{Year: 2025, Value: 35, Bound: indicator.About}}
	// Good-air days 80 % 以上 by 2025, base 75.
	goodDays = indicator.Indicator{ID: "good-days", Kind: indicator.Level, Direction: indicator.Increase,
		Unit:     indicator.Text{Zh: "%", En: "%"},
		Baseline: base(2020, 75), Target: indicator.Target{Year: 2025, Value: 80, Bound: indicator.AtLeast}}
	// Renewable share 14 % 左右 by 2025, base 10; default tolerance 0.5 points: >= 13.5 meets.
	renew = indicator.Indicator{ID: "renew", Kind: indicator.Level, Direction: indicator.Increase,
		Unit:     indicator.Text{Zh: "%", En: "%"},
		Baseline: base(2020, 10), Target: indicator.Target{Year: 2025, Value: 14, Bound: indicator.About}}
	// Water use per GDP 10 以內 by 2025, base 12.
	water = indicator.Indicator{ID: "water", Kind: indicator.Level, Direction: indicator.Decrease,
		Baseline: base(2020, 12), Target: indicator.Target{Year: 2025, Value: 10, Bound: indicator.AtMost}}
	// Forest cover maintained at 44 % 以上, already 44.4 in 2020.
	forest = indicator.Indicator{ID: "forest", Kind: indicator.Level, Direction: indicator.Maintain,
		Unit:     indicator.Text{Zh: "%", En: "%"},
		Baseline: base(2020, 44.4), Target: indicator.Target{Year: 2025, Value: 44, Bound: indicator.AtLeast}}
	// Imported green power 300 (100 GWh) 力爭 by 2025 from 0 in 2020.
	greenPower = indicator.Indicator{ID: "green-power", Kind: indicator.Level, Direction: indicator.Increase,
		Baseline: base(2020, 0), Target: indicator.Target{Year: 2025, Value: 300, Bound: indicator.AtLeast, Aspirational: true}}
	// Ultra-low-energy buildings, cumulative 200 以上 by 2025, no baseline: 0 in 2020.
	cumul = indicator.Indicator{ID: "cumul", Kind: indicator.Cumulative, Direction: indicator.Increase,
		Target: indicator.Target{Year: 2025, Value: 200, Bound: indicator.AtLeast}}
	// CO₂ per unit GDP −18 % 左右 by 2025; percentage kind: tolerance 0.5, met when <= −17.5.
	co2 = indicator.Indicator{ID: "co2", Kind: indicator.Change, Direction: indicator.Decrease,
		Unit:   indicator.Text{Zh: "%", En: "%"},
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
		Target: indicator.Target{Year: 2025, Text: indicator.Text{Zh: "建成設施", En: "facility built"}}}
)

var (
	// Share of good-air days 穩步提升 (rise steadily), no figure: base 75.4 in 2020.
	// Tolerance 1 % of 75.4 = 0.754.
	goodAir = indicator.Indicator{ID: "good-air", Kind: indicator.Level, Direction: indicator.Increase,
		Unit: indicator.Text{Zh: "%", En: "%"}, Baseline: base(2020, 75.4),
		Target: indicator.Target{Year: 2025, Text: indicator.Text{Zh: "穩步提升", En: "rise steadily"}}}
	// Ecological index 保持穩定 (maintain), base 100: tolerance 1.
	ecoIndex = indicator.Indicator{ID: "eco", Kind: indicator.Level, Direction: indicator.Maintain,
		Baseline: base(2020, 100), Target: indicator.Target{Year: 2025, Text: indicator.Text{Zh: "保持穩定", En: "stay stable"}}}
	// Noise complaints 穩中有降 (fall steadily), no baseline.
	noise = indicator.Indicator{ID: "noise", Kind: indicator.Level, Direction: indicator.Decrease,
		Target: indicator.Target{Year: 2025, Text: indicator.Text{Zh: "穩中有降", En: "fall steadily"}}}
	// Dust fall at most 5 per district; the baseline 6 is citywide: not comparable.
	dust = indicator.Indicator{ID: "dust", Kind: indicator.Level, Direction: indicator.Decrease,
		Baseline: &indicator.Point{Year: 2020, Value: 6, Comparable: new(bool), Note: indicator.Text{Zh: "全市", En: "citywide"}},
		Target:   indicator.Target{Year: 2025, Value: 5, Bound: indicator.AtMost}}
	// A context series: PM10, no target.
	pm10 = indicator.Indicator{ID: "pm10", Kind: indicator.Level, Direction: indicator.Decrease, Context: true}
	// A target without a year: the period's target year (2025) is used.
	noYear = indicator.Indicator{ID: "no-year", Kind: indicator.Level, Direction: indicator.Increase,
		Baseline: base(2020, 10), Target: indicator.Target{Value: 20, Bound: indicator.AtLeast, YearAssumed: true}}
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
		reason Reason
		method Method
		ratio  float64 // checked when != 0
		final  bool
		used   []int
	}{
		// --- levels, CAGR, before the target year ---
		{"decreasing level on track", pm25, []indicator.Observation{ob(2021, 37)}, 2021, OnTrack, ReasonRate, MethodCAGR,
			// (37/38)^1 − 1 = −0.026316; R = −0.026316 / −0.016313 = 1.6132 >= 0.95; 37 > 36.75 so not met
			1.6132, false, []int{2021}},
		{"decreasing level acceleration needed", pm25, []indicator.Observation{ob(2022, 37)}, 2022, Acceleration, ReasonRate, MethodCAGR,
			// (37/38)^(1/2) − 1 = 0.986754 − 1 = −0.013246; R = 0.013246/0.016313 = 0.8120 in [0.6, 0.95)
			0.8120, false, []int{2022}},
		{"decreasing level limited", pm25, []indicator.Observation{ob(2023, 37.5)}, 2023, Limited, ReasonRate, MethodCAGR,
			// (37.5/38)^(1/3) − 1: ln 0.986842 = −0.013245, /3 = −0.004415 → −0.004405; R = 0.004405/0.016313 = 0.2700
			0.2700, false, []int{2023}},
		{"decreasing level deterioration", pm25, []indicator.Observation{ob(2021, 39)}, 2021, Deterioration, ReasonRate, MethodCAGR,
			// (39/38) − 1 = +0.026316; R = 0.026316 / −0.016313 = −1.6132 < 0
			-1.6132, false, []int{2021}},
		{"target reached before the target year", pm25, []indicator.Observation{ob(2021, 33)}, 2021, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// 33 <= 35 (about, decrease) → reached early; R = (33/38 − 1)/−0.016313 = 8.0659 is shown, not decisive
			8.0659, false, []int{2021}},
		{"about at the edge of the tolerance", pm25, []indicator.Observation{ob(2022, 36.75)}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// tolerance 0.05 × 35 = 1.75; 36.75 <= 35 + 1.75 → met
			0, false, []int{2022}},
		{"about just outside the tolerance", pm25, []indicator.Observation{ob(2022, 36.8)}, 2022, OnTrack, ReasonRate, MethodCAGR,
			// 36.8 > 36.75 not met; (36.8/38)^(1/2) − 1 = 0.984084 − 1 = −0.015916; R = 0.015916/0.016313 = 0.9757 >= 0.95
			0.9757, false, []int{2022}},
		{"about qualifier taken as stated", pm25, []indicator.Observation{obq(2022, 34, "about")}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// "about 34" read as 34 <= 36.75 → met
			0, false, []int{2022}},
		{"met then lost: the latest decides", pm25, []indicator.Observation{ob(2021, 33), ob(2022, 38.5)}, 2022, Deterioration, ReasonRate, MethodCAGR,
			// latest 38.5 > 36.75 not met; (38.5/38)^(1/2) − 1 = 1.006557 − 1 = +0.006557; R = −0.4020 < 0
			-0.4020, false, []int{2022}},
		{"lost then met", pm25, []indicator.Observation{ob(2022, 34), ob(2021, 39)}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// unsorted input; latest is 2022: 34 <= 36.75 → met
			0, false, []int{2022}},
		{"later observations are not used", pm25, []indicator.Observation{ob(2021, 37), ob(2024, 30)}, 2021, OnTrack, ReasonRate, MethodCAGR,
			// as of 2021 only 37 counts: R = 1.6132 as in the first case (30 in 2024 ignored)
			1.6132, false, []int{2021}},
		{"missing years: gap then value", pm25, []indicator.Observation{missing(2021), ob(2023, 37)}, 2023, Limited, ReasonRate, MethodCAGR,
			// 2021 has no value, 2022 absent; 2023: (37/38)^(1/3) − 1: ln 0.973684 = −0.026668, /3 = −0.008889
			// → −0.008850; R = 0.008850/0.016313 = 0.5425 < 0.6
			0.5425, false, []int{2023}},
		{"missing years: nothing yet", pm25, []indicator.Observation{missing(2021), ob(2023, 37)}, 2022, NoData, ReasonBaselineOnly, MethodCAGR,
			// as of 2022 the only observation has no value; only the register's baseline is known
			0, false, nil},
		{"no data and no baseline", pm25NoBase, nil, 2022, NoData, ReasonNoFigure, MethodLinear, 0, false, nil},
		{"a base-year figure is no figure of the period", pm25NoBase, []indicator.Observation{ob(2020, 38)}, 2021, NoData, ReasonBaselineOnly, MethodCAGR,
			// the 2020 observation is the baseline; nothing after it
			0, false, nil},
		{"base-year observation as baseline", pm25NoBase, []indicator.Observation{ob(2020, 38), ob(2021, 37)}, 2021, OnTrack, ReasonRate, MethodCAGR,
			// same as the first case with the baseline taken from the 2020 observation, which is then used
			1.6132, false, []int{2020, 2021}},
		{"no baseline and not met", pm25NoBase, []indicator.Observation{ob(2022, 40)}, 2022, Undetermined, ReasonNoBaseline, MethodLinear,
			// no register baseline and no 2020 observation; 40 > 36.75
			0, false, []int{2022}},
		{"no baseline but met", pm25NoBase, []indicator.Observation{ob(2022, 34)}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure, 0, false, []int{2022}},

		// --- one-sided bounds ---
		{"at-least edge met", goodDays, []indicator.Observation{ob(2023, 80)}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// 80 >= 80 → met (R = (80/75)^(1/3)−1 / (80/75)^(1/5)−1 = 0.021747/0.012991 = 1.6740, not decisive)
			1.6740, false, []int{2023}},
		{"at-least just below", goodDays, []indicator.Observation{ob(2023, 79.99)}, 2023, OnTrack, ReasonRate, MethodCAGR,
			// 79.99 < 80; (79.99/75)^(1/3) − 1: ln 1.066533 = 0.064414, /3 = 0.021471 → 0.021703;
			// required (80/75)^(1/5) − 1: ln 1.066667 = 0.064539, /5 = 0.012908 → 0.012991; R = 1.6706
			1.6706, false, []int{2023}},
		{"at-most edge met", water, []indicator.Observation{ob(2022, 10)}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure, 0, false, []int{2022}},
		{"at-most just above", water, []indicator.Observation{ob(2022, 10.01)}, 2022, OnTrack, ReasonRate, MethodCAGR,
			// 10.01 > 10; (10.01/12)^(1/2) − 1 = 0.913327 − 1 = −0.086673; required (10/12)^(1/5) − 1:
			// ln 0.833333 = −0.182322, /5 = −0.036464 → −0.035807; R = 2.4205
			2.4205, false, []int{2022}},
		{"percentage about: default 0.5 points", renew, []indicator.Observation{ob(2024, 13.5)}, 2024, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// 13.5 >= 14 − 0.5 → met
			0, false, []int{2024}},

		// --- target met at baseline ---
		{"target met at baseline, still met", forest, []indicator.Observation{ob(2022, 44.6)}, 2022, ReachedEarly, ReasonReachedEarly, MethodFigure, 0, false, []int{2022}},
		{"target met at baseline, now lost", forest, []indicator.Observation{ob(2022, 43.8)}, 2022, Deterioration, ReasonLostTarget, MethodCAGR,
			// baseline 44.4 >= 44 met; 43.8 < 44 → deterioration whatever R
			// ((43.8/44.4)^(1/2) − 1 = −0.006780; required (44/44.4)^(1/5) − 1 = −0.001808; R = 3.7496)
			3.7496, false, []int{2022}},
		{"met at baseline, no figure since: no verdict", forest, nil, 2022, NoData, ReasonBaselineOnly, MethodCAGR,
			// the red-line case: a baseline that meets the target is not a figure of the period
			0, false, nil},

		// --- linear share ---
		{"zero baseline", greenPower, []indicator.Observation{ob(2022, 100)}, 2022, Acceleration, ReasonRate, MethodLinear,
			// CAGR impossible from 0: (100 − 0)/2 = 50 a year; required (300 − 0)/5 = 60; R = 0.8333
			0.8333, false, []int{2022}},
		{"eliminate: zero target", blackWater, []indicator.Observation{ob(2022, 50)}, 2022, OnTrack, ReasonRate, MethodLinear,
			// (50 − 142)/2 = −46; (0 − 142)/5 = −28.4; R = 1.6197
			1.6197, false, []int{2022}},
		{"cumulative on track", cumul, []indicator.Observation{ob(2023, 150)}, 2023, OnTrack, ReasonRate, MethodLinear,
			// baseline 0 in 2020: 150/3 = 50 a year; required 200/5 = 40; R = 1.25
			1.25, false, []int{2023}},
		{"threshold 0.95 exactly", cumul, []indicator.Observation{ob(2021, 38)}, 2021, OnTrack, ReasonRate, MethodLinear,
			// 38/1 = 38; 200/5 = 40; R = 38/40 = 0.95 → on track (>= 0.95)
			0.95, false, []int{2021}},
		{"just below 0.95", cumul, []indicator.Observation{ob(2021, 37.96)}, 2021, Acceleration, ReasonRate, MethodLinear,
			// 37.96/40 = 0.949 < 0.95
			0.949, false, []int{2021}},
		{"threshold 0.6 exactly", cumul, []indicator.Observation{ob(2021, 24)}, 2021, Acceleration, ReasonRate, MethodLinear,
			// 24/40 = 0.6 → acceleration needed (>= 0.6)
			0.6, false, []int{2021}},
		{"just below 0.6", cumul, []indicator.Observation{ob(2021, 23.96)}, 2021, Limited, ReasonRate, MethodLinear,
			// 23.96/40 = 0.599 < 0.6
			0.599, false, []int{2021}},
		{"threshold 0 exactly: no progress", cumul, []indicator.Observation{ob(2021, 0)}, 2021, Limited, ReasonRate, MethodLinear,
			// 0/1 = 0; R = 0/40 = 0 → limited or no progress (>= 0)
			0, false, []int{2021}},
		{"just below 0", cumul, []indicator.Observation{ob(2021, -0.4)}, 2021, Deterioration, ReasonRate, MethodLinear,
			// −0.4/40 = −0.01 < 0
			-0.01, false, []int{2021}},
		{"change from baseline", co2, []indicator.Observation{ob(2022, -8)}, 2022, OnTrack, ReasonRate, MethodLinear,
			// baseline 0 in 2020: −8/2 = −4 a year; required −18/5 = −3.6; R = 1.1111; −8 > −17.5 not met
			1.1111, false, []int{2022}},
		{"change from baseline, limited", co2, []indicator.Observation{ob(2022, -2)}, 2022, Limited, ReasonRate, MethodLinear,
			// −2/2 = −1; R = −1/−3.6 = 0.2778
			0.2778, false, []int{2022}},
		{"peak reduction", peak, []indicator.Observation{ob(2023, -3)}, 2023, Limited, ReasonRate, MethodLinear,
			// baseline 0 in 2020: −3/3 = −1 a year; required −10/5 = −2; R = 0.5 < 0.6
			0.5, false, []int{2023}},
		{"peak reduction reached", peak, []indicator.Observation{ob(2023, -10.2)}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// −10.2 <= −10 (at least 10 % below the peak)
			0, false, []int{2023}},

		// --- the target year ---
		{"final year met", co2, []indicator.Observation{ob(2024, -15), ob(2025, -17.6)}, 2025, Achieved, ReasonMet, MethodFinal,
			// −17.6 <= −18 + 0.5 = −17.5 → met
			0, true, []int{2025}},
		{"final year not met", co2, []indicator.Observation{ob(2025, -17.4)}, 2025, NotAchieved, ReasonNotMet, MethodFinal,
			// −17.4 > −17.5 → not met (no ratio band in the final year)
			0, true, []int{2025}},
		{"final year not met although on track before", pm25, []indicator.Observation{ob(2024, 37), ob(2025, 37)}, 2025, NotAchieved, ReasonNotMet, MethodFinal,
			// 37 > 36.75
			0, true, []int{2025}},
		{"target year without its figure: reached in 2024", pm25, []indicator.Observation{ob(2024, 34)}, 2025, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// 2024: 34 <= 36.75, no 2025 figure → reached early, not final, never "no data"
			0, false, []int{2024}},
		{"after the target year: latest decides", rural, []indicator.Observation{ob(2022, 56), ob(2023, 50)}, 2023, NotAchieved, ReasonNotMet, MethodFinal,
			// target year 2022, assessed in 2023: the latest value 50 (2023) < 55 → not met, although 2022 met it
			0, true, []int{2023}},
		{"after the target year: target-year value", rural, []indicator.Observation{ob(2022, 56)}, 2023, Achieved, ReasonMet, MethodFinal,
			// no 2023 value; 2022 >= target year and 56 >= 55 → met
			0, true, []int{2022}},
		{"target year from the period", noYear, []indicator.Observation{ob(2023, 21)}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// no target year: 2025 from the period; 21 >= 20 in 2023 → reached early
			0, false, []int{2023}},

		// --- figures stated as bounds ---
		{"more-than meets", goodDays, []indicator.Observation{obq(2023, 81, "more-than")}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// true value > 81 >= 80 → met
			0, false, []int{2023}},
		{"more-than cannot decide", goodDays, []indicator.Observation{obq(2023, 78, "more-than")}, 2023, Undetermined, ReasonBoundUndecided, MethodCAGR,
			// > 78 could be 79 or 85
			0, false, []int{2023}},
		{"less-than decides not met but gives no rate", goodDays, []indicator.Observation{obq(2023, 78, "less-than")}, 2023, Undetermined, ReasonBoundNoRate, MethodCAGR,
			// < 78 < 80: not met; the true value is unknown, so no R
			0, false, []int{2023}},
		{"less-than under an at-most target", water, []indicator.Observation{obq(2023, 9, "less-than")}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			// true value < 9 <= 10 → met
			0, false, []int{2023}},
		{"more-than under an at-most target, final", water, []indicator.Observation{obq(2025, 12, "more-than")}, 2025, NotAchieved, ReasonBoundNotMet, MethodFinal,
			// true value > 12 > 10 → cannot meet
			0, true, []int{2025}},
		{"at-least in the target year meets", goodDays, []indicator.Observation{obq(2025, 80, "at-least")}, 2025, Achieved, ReasonBoundMet, MethodFinal,
			// [80, ∞) within [80, ∞)
			0, true, []int{2025}},
		{"at-most in the target year: undecided", goodDays, []indicator.Observation{obq(2025, 82, "at-most")}, 2025, Undetermined, ReasonBoundUndecided, MethodFinal,
			// (−∞, 82] could be 79 or 81: not final
			0, false, []int{2025}},
		{"a fall of more than 18% meets −18% about", co2, []indicator.Observation{obq(2025, -18, "less-than")}, 2025, Achieved, ReasonBoundMet, MethodFinal,
			// true value < −18 <= −17.5
			0, true, []int{2025}},

		// --- a baseline of another scope ---
		{"non-comparable baseline gives no rate", dust, []indicator.Observation{ob(2023, 5.5)}, 2023, Undetermined, ReasonNotComparable, MethodCAGR,
			// 5.5 > 5 not met; the citywide baseline 6 is not compared with a per-district target
			0, false, []int{2023}},
		{"non-comparable baseline: a figure that meets still decides", dust, []indicator.Observation{ob(2023, 4.8)}, 2023, ReachedEarly, ReasonReachedEarly, MethodFigure,
			0, false, []int{2023}},

		// --- direction-only targets (tolerance 1 % of the reference) ---
		{"direction: rose beyond the tolerance", goodAir, []indicator.Observation{ob(2024, 85.2)}, 2024, OnTrack, ReasonDirectionToward, MethodDirection,
			// 85.2 − 75.4 = 9.8 > 0.754
			0, false, []int{2024}},
		{"direction: rose, target year", goodAir, []indicator.Observation{ob(2024, 85.2), ob(2025, 80)}, 2025, Achieved, ReasonDirectionToward, MethodDirection,
			// 80 − 75.4 = 4.6 > 0.754, a 2025 figure → final
			0, true, []int{2025}},
		{"direction: within the tolerance", goodAir, []indicator.Observation{ob(2023, 76.1)}, 2023, Limited, ReasonDirectionFlat, MethodDirection,
			// 76.1 − 75.4 = 0.7 <= 0.754
			0, false, []int{2023}},
		{"direction: within the tolerance in the target year", goodAir, []indicator.Observation{ob(2025, 76.1)}, 2025, NotAchieved, ReasonDirectionFlat, MethodDirection,
			0, true, []int{2025}},
		{"direction: fell", goodAir, []indicator.Observation{ob(2022, 74)}, 2022, Deterioration, ReasonDirectionAgainst, MethodDirection,
			// 74 − 75.4 = −1.4 < −0.754
			0, false, []int{2022}},
		{"maintain: held within the tolerance", ecoIndex, []indicator.Observation{ob(2023, 99.1)}, 2023, OnTrack, ReasonDirectionHeld, MethodDirection,
			// 99.1 − 100 = −0.9 >= −1
			0, false, []int{2023}},
		{"maintain: fell beyond the tolerance", ecoIndex, []indicator.Observation{ob(2023, 98.9)}, 2023, Deterioration, ReasonDirectionAgainst, MethodDirection,
			// −1.1 < −1
			0, false, []int{2023}},
		{"direction without baseline: first and latest figures", noise, []indicator.Observation{ob(2021, 50), ob(2023, 45)}, 2023, OnTrack, ReasonDirectionToward, MethodDirection,
			// reference 50 (2021), tolerance 0.5; 45 − 50 = −5: a fall beyond the tolerance
			0, false, []int{2021, 2023}},
		{"direction without baseline: one figure", noise, []indicator.Observation{ob(2022, 50)}, 2023, Undetermined, ReasonSingleFigure, MethodDirection,
			0, false, []int{2022}},
		{"direction: a bound that decides", goodAir, []indicator.Observation{obq(2024, 77, "more-than")}, 2024, OnTrack, ReasonDirectionToward, MethodDirection,
			// change > 77 − 75.4 = 1.6 > 0.754 whatever the true value
			0, false, []int{2024}},
		{"direction: a bound that does not decide", goodAir, []indicator.Observation{obq(2024, 76, "more-than")}, 2024, Undetermined, ReasonBoundUndecided, MethodDirection,
			// change > 0.6: could be 0.7 (flat) or 2 (a rise)
			0, false, []int{2024}},

		// --- binary ---
		{"binary reached before the target year", binary, []indicator.Observation{obs(2022, "achieved")}, 2023, ReachedEarly, ReasonBinaryEarly, MethodBinary, 0, false, []int{2022}},
		{"binary not yet", binary, []indicator.Observation{obs(2022, "not-achieved")}, 2023, Undetermined, ReasonBinaryNotYet, MethodBinary, 0, false, []int{2022}},
		{"binary missing", binary, nil, 2023, NoData, ReasonNoFigure, "", 0, false, nil},
		{"binary base year only", binary, []indicator.Observation{obs(2020, "achieved")}, 2023, NoData, ReasonBaselineOnly, "", 0, false, nil},
		{"binary final not met", binary, []indicator.Observation{obs(2022, "achieved"), obs(2025, "not-achieved")}, 2025, NotAchieved, ReasonBinaryNotMet, MethodBinary, 0, true, []int{2025}},
		{"binary final met", binary, []indicator.Observation{obs(2025, "achieved")}, 2025, Achieved, ReasonBinaryMet, MethodBinary, 0, true, []int{2025}},
		{"binary: reported achieved in 2024, no 2025 result", binary, []indicator.Observation{obs(2024, "achieved")}, 2025, ReachedEarly, ReasonBinaryEarly, MethodBinary, 0, false, []int{2024}},
		{"binary: not achieved in 2023, no 2025 result", binary, []indicator.Observation{obs(2023, "not-achieved")}, 2025, Undetermined, ReasonBinaryNotYet, MethodBinary, 0, false, []int{2023}},

		// --- context series ---
		{"context series", pm10, []indicator.Observation{ob(2022, 60)}, 2022, Context, ReasonContext, "", 0, false, []int{2022}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.obs {
				c.obs[i].Indicator = c.ind.ID
			}
			r := Assess(c.ind, c.obs, c.year, period)
			if r.Status != c.want || r.Reason != c.reason {
				t.Errorf("status = %s (%s), want %s (%s); R = %.4f", r.Status, r.Reason, c.want, c.reason, r.Ratio)
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
			if !slices.Equal(r.Used, c.used) {
				t.Errorf("used = %v, want %v", r.Used, c.used)
			}
			if r.Met != (r.Status == Achieved || r.Status == ReachedEarly || r.Reason == ReasonDirectionHeld || r.Reason == ReasonDirectionToward) {
				t.Errorf("met = %v with status %s", r.Met, r.Status)
			}
			if r.Indicator != c.ind.ID || r.Year != c.year {
				t.Errorf("indicator/year = %s/%d", r.Indicator, r.Year)
			}
			if e := Evidence(r, c.obs); e != "" {
				t.Errorf("evidence: %s", e)
			}
			if r.Provisional || len(r.Caveats) > 0 {
				t.Errorf("provisional without a caveat in the data: %v", r.Caveats)
			}
		})
	}
}

func TestOnTrackAsOfAnEarlierYear(t *testing.T) {
	// Assessed in 2025 with the latest figure 36.8 from 2023 (36.8 > 36.75: not met):
	// ln(36.8/38) = −0.032088, /3 = −0.010696 → −0.010639; R = 0.010639/0.016313 = 0.6522
	// → acceleration needed as of 2023, never "no data".
	r := Assess(pm25, []indicator.Observation{ob(2023, 36.8)}, 2025, period)
	if r.Status != Acceleration || r.Final || r.LatestYear != 2023 || math.Abs(r.Ratio-0.6522) > 5e-4 {
		t.Errorf("got %s final %v latest %d R %.4f", r.Status, r.Final, r.LatestYear, r.Ratio)
	}
}

func TestPeriodFromConfig(t *testing.T) {
	// A plan with base 2015 and target 2020: the 2015 observation is the
	// baseline, 2017 is a figure of the period. No register baseline; a
	// level with base 100 → CAGR; (110/100)^(1/2) − 1 = 0.048809;
	// required (120/100)^(1/5) − 1 = 0.037137; R = 1.3143.
	ind := indicator.Indicator{ID: "x", Kind: indicator.Level, Direction: indicator.Increase,
		Target: indicator.Target{Year: 2020, Value: 120, Bound: indicator.AtLeast}}
	r := Assess(ind, []indicator.Observation{ob(2015, 100), ob(2017, 110)}, 2017, Period{BaseYear: 2015, TargetYear: 2020})
	if r.Status != OnTrack || r.BaseYear != 2015 || math.Abs(r.Ratio-1.3143) > 5e-4 || !slices.Equal(r.Used, []int{2015, 2017}) {
		t.Errorf("got %s base %d R %.4f used %v", r.Status, r.BaseYear, r.Ratio, r.Used)
	}
	// The same data with base year 2017 has no figure of the period.
	r = Assess(ind, []indicator.Observation{ob(2015, 100), ob(2017, 110)}, 2017, Period{BaseYear: 2017, TargetYear: 2020})
	if r.Status != NoData {
		t.Errorf("base 2017: got %s", r.Status)
	}
}

func TestProvisionalAndReporting(t *testing.T) {
	prelim := ob(2024, 18)
	prelim.Preliminary = true
	asOf := ob(2024, 18)
	asOf.AsOf = "2024-10"
	cases := []struct {
		name      string
		ind       indicator.Indicator
		obs       []indicator.Observation
		year      int
		caveats   []Caveat
		reporting Reporting
	}{
		{"official figure", renew, []indicator.Observation{graded(ob(2024, 18), "A")}, 2024, nil, ReportedOfficial},
		{"media figure, grade B: not provisional", renew, []indicator.Observation{graded(ob(2024, 18), "B")}, 2024, nil, ReportedMedia},
		{"one grade-C figure", renew, []indicator.Observation{graded(ob(2024, 18), "C")}, 2024, []Caveat{CaveatGradeCD}, ReportedMedia},
		{"grade D", renew, []indicator.Observation{graded(ob(2024, 18), "D")}, 2024, []Caveat{CaveatGradeCD}, ReportedMedia},
		{"preliminary", renew, []indicator.Observation{graded(prelim, "A")}, 2024, []Caveat{CaveatPreliminary}, ReportedOfficial},
		{"as of October", renew, []indicator.Observation{graded(asOf, "A")}, 2024, []Caveat{CaveatNotYearEnd}, ReportedOfficial},
		// the verdict rests on 2024 only: the grade-C 2022 figure is not used
		{"an unused grade-C figure", renew, []indicator.Observation{graded(ob(2022, 12), "C"), graded(ob(2024, 18), "A")}, 2024, nil, ReportedOfficial},
		// a rate from a 2020 base-year observation (grade C) and a 2023 figure (A): the base is used
		{"a used base-year figure of grade C", pm25NoBase, []indicator.Observation{graded(ob(2020, 38), "C"), graded(ob(2023, 37), "A")}, 2023, []Caveat{CaveatGradeCD}, ReportedOfficial},
		{"no figure: not found", renew, nil, 2024, nil, NotFound},
		{"all three", renew, []indicator.Observation{func() indicator.Observation {
			o := graded(prelim, "C")
			o.AsOf = "2024-06"
			return o
		}()}, 2024, []Caveat{CaveatGradeCD, CaveatPreliminary, CaveatNotYearEnd}, ReportedMedia},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Assess(c.ind, c.obs, c.year, period)
			if !slices.Equal(r.Caveats, c.caveats) || r.Provisional != (len(c.caveats) > 0) {
				t.Errorf("caveats = %v (provisional %v), want %v", r.Caveats, r.Provisional, c.caveats)
			}
			if r.Reporting != c.reporting {
				t.Errorf("reporting = %s, want %s", r.Reporting, c.reporting)
			}
		})
	}
}

func TestEvidenceRejectsAVerdictWithoutAFigure(t *testing.T) {
	r := Result{Indicator: "x", Year: 2023, Status: ReachedEarly}
	if Evidence(r, nil) == "" {
		t.Error("a verdict with no figure used passed")
	}
	r.Used = []int{2022}
	if Evidence(r, []indicator.Observation{missing(2022)}) == "" {
		t.Error("a verdict resting on an empty entry passed")
	}
	if Evidence(r, []indicator.Observation{ob(2022, 1)}) != "" {
		t.Error("a sound verdict failed")
	}
	r.Used = []int{2024}
	if Evidence(r, []indicator.Observation{ob(2024, 1)}) == "" {
		t.Error("a verdict resting on a later figure passed")
	}
	if Evidence(Result{Status: NoData}, nil) != "" {
		t.Error("no data needs no figure")
	}
}

func TestZeroRatioIsComputed(t *testing.T) {
	// cumulative 0 in 2021: actual 0, required 40 → R = 0 exactly, and it is shown as 0.00 not −0.00.
	r := Assess(cumul, []indicator.Observation{ob(2021, 0)}, 2021, period)
	if !r.HasRatio || r.Ratio != 0 || math.Signbit(r.Ratio) || FormatRatio(r.Ratio) != "0.00" {
		t.Errorf("ratio %v %v %s", r.HasRatio, r.Ratio, FormatRatio(r.Ratio))
	}
	// decreasing: actual 0 / required −28.4 = −0 must not read as deterioration.
	r = Assess(blackWater, []indicator.Observation{ob(2022, 142)}, 2022, period)
	if r.Status != Limited || math.Signbit(r.Ratio) {
		t.Errorf("status %s ratio %v", r.Status, r.Ratio)
	}
}

func TestComponents(t *testing.T) {
	// pm25, 2022 = 37: base 38 (2020), latest 37 (2022), target 35 (2025),
	// actual (37/38)^(1/2) − 1 = −0.013246, required −0.016313.
	r := Assess(pm25, []indicator.Observation{ob(2020, 38), ob(2022, 37)}, 2022, period)
	if !r.HasBase || r.BaseYear != 2020 || r.BaseValue != 38 || !r.HasLatest || r.LatestYear != 2022 ||
		r.LatestValue != 37 || r.TargetYear != 2025 || r.TargetValue != 35 {
		t.Fatalf("components %+v", r)
	}
	if math.Abs(r.ActualRate+0.013246) > 1e-6 || math.Abs(r.RequiredRate+0.016313) > 1e-6 {
		t.Errorf("rates %v %v", r.ActualRate, r.RequiredRate)
	}
	// Observations of other indicators are ignored.
	o := ob(2022, 30)
	o.Indicator = "other"
	if r := Assess(pm25, []indicator.Observation{o}, 2022, period); r.Status != NoData {
		t.Errorf("other indicator's observation used: %s", r.Status)
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
