// Package assess derives the progress status of each indicator from its
// baseline, its target and the yearly observations. The method is the one
// published on the methodology pages (content/*/methodology.md): the ratio R of
// the actual annual rate of change since the baseline to the rate required to
// reach the target (Statistics Canada's method, used by Open SDG), with a
// linear share of the required change where a growth rate cannot be computed,
// and a plain met / not met verdict from the target year on.
package assess

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"planpress/generator/indicator"
)

// PlanBaseYear is the plan's base year: the year whose observation serves as
// the baseline when the register states none.
const PlanBaseYear = 2020

// Thresholds of the ratio R of actual to required annual rate.
const (
	OnTrackMin      = 0.95 // R >= 0.95: on track
	AccelerationMin = 0.6  // 0.6 <= R < 0.95: progress, acceleration needed
	LimitedMin      = 0.0  // 0 <= R < 0.6: limited or no progress; R < 0: deterioration
)

// eps absorbs floating-point noise in comparisons with targets and thresholds.
const eps = 1e-9

// Result is the assessment of one indicator as of one year, with every
// component of the calculation so that pages can show it.
type Result struct {
	Indicator string
	Year      int // assessment as of this year (uses observations with Year <= this)

	Status Status
	Method Method
	// RateMethod is how the rates were computed (cagr or linear), also
	// when Method is the final verdict.
	RateMethod Method
	Final      bool // Year >= target year: the verdict is met / not met

	BaseYear  int
	BaseValue float64
	HasBase   bool

	LatestYear      int
	LatestValue     float64
	HasLatest       bool
	LatestQualifier string

	TargetYear  int
	TargetValue float64

	// Rates per year: CAGR as a fraction (0.05 = 5 %) or linear units per year.
	ActualRate, RequiredRate, Ratio float64
	HasRatio                        bool

	Met bool // the latest value (or, with no observation, the baseline) meets the target

	Reason indicator.Text // how the status was reached, one sentence per language
}

// Tolerance returns the accepted distance from the target of an "about" (左右)
// target: the register's tolerance when it states one, otherwise 0.5
// percentage points for percentage targets (a "%" unit, or a change or
// peak-reduction kind) and 5 % of the target value for other levels.
func Tolerance(ind indicator.Indicator) float64 {
	if ind.Target.Tolerance > 0 {
		return ind.Target.Tolerance
	}
	if isPercent(ind) {
		return 0.5
	}
	return math.Abs(ind.Target.Value) * 0.05
}

func isPercent(ind indicator.Indicator) bool {
	if ind.Kind == indicator.Change || ind.Kind == indicator.PeakReduction {
		return true
	}
	u := strings.TrimSpace(ind.Unit["en"])
	z := strings.TrimSpace(ind.Unit["zh"])
	return strings.HasPrefix(u, "%") || strings.HasPrefix(z, "%") || strings.HasPrefix(z, "％") ||
		strings.EqualFold(u, "percent") || strings.EqualFold(u, "per cent")
}

// Range returns the interval [lo, hi] of values that meet the target (either
// end may be infinite).
//
//   - at-least: [target, +∞); at-most: (−∞, target]; exact: [target, target].
//   - about: the desired side of the target or within the tolerance of it:
//     (−∞, target+tol] for decrease and eliminate, [target−tol, +∞) for increase
//     and maintain, [target−tol, target+tol] when no direction is given.
//   - change and peak-reduction kinds whose target has the sign of the
//     direction (−18 with decrease, +10 with increase) are read as "this much
//     change or more in the desired direction", whatever the bound says
//     (降低18%以上 is at-least 18 % of reduction, that is a value <= −18);
//     an "about" bound adds the tolerance.
//   - a missing or unknown bound is read from the direction (at-least for
//     increase and maintain, at-most for decrease and eliminate), else exact.
func Range(ind indicator.Indicator) (lo, hi float64) {
	t := ind.Target.Value
	inf := math.Inf(1)
	var tol float64
	if ind.Target.Bound == indicator.About {
		tol = Tolerance(ind)
	}
	down := ind.Direction == indicator.Decrease || ind.Direction == indicator.Eliminate
	up := ind.Direction == indicator.Increase
	if ind.Kind == indicator.Change || ind.Kind == indicator.PeakReduction {
		switch {
		case down && t < 0:
			return -inf, t + tol
		case up && t > 0:
			return t - tol, inf
		}
	}
	switch ind.Target.Bound {
	case indicator.AtLeast:
		return t, inf
	case indicator.AtMost:
		return -inf, t
	case indicator.Exact:
		return t, t
	case indicator.About:
		switch {
		case down:
			return -inf, t + tol
		case up || ind.Direction == indicator.Maintain:
			return t - tol, inf
		}
		return t - tol, t + tol
	}
	switch {
	case down:
		return -inf, t
	case up || ind.Direction == indicator.Maintain:
		return t, inf
	}
	return t, t
}

// Meets reports whether the value v meets the indicator's target with its bound.
func Meets(ind indicator.Indicator, v float64) bool {
	lo, hi := Range(ind)
	return v >= lo-eps && v <= hi+eps
}

// boundVerdict judges a value that is only a bound of the true value:
// "more-than" (the true value is above v) or "less-than" (below v). It
// reports whether every possible true value meets the target (met) or none
// does (notMet); when neither, the value cannot decide.
func boundVerdict(ind indicator.Indicator, v float64, qualifier string) (met, notMet bool) {
	lo, hi := Range(ind)
	switch qualifier {
	case "more-than":
		return math.IsInf(hi, 1) && v >= lo-eps, v >= hi-eps
	case "less-than":
		return math.IsInf(lo, -1) && v <= hi+eps, v <= lo+eps
	}
	return false, false
}

func isBoundQualifier(q string) bool { return q == "more-than" || q == "less-than" }

// Assess rates the indicator as of year from obs, all the observations of the
// indicator (any order, any years; those after year are not used, nor are
// those of another indicator).
func Assess(ind indicator.Indicator, obs []indicator.Observation, year int) Result {
	r := Result{
		Indicator:   ind.ID,
		Year:        year,
		TargetYear:  ind.Target.Year,
		TargetValue: ind.Target.Value,
	}
	r.Final = r.TargetYear > 0 && year >= r.TargetYear

	var own []indicator.Observation
	for _, o := range obs {
		if o.Year <= year && (o.Indicator == "" || o.Indicator == ind.ID) {
			own = append(own, o)
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].Year < own[j].Year })

	if ind.Kind == indicator.Binary {
		assessBinary(ind, own, &r)
		return r
	}
	if !ind.Target.Quantified() {
		r.set(NotAssessable, "規劃只提出方向，未定量化目標，無法計算進度。", "The plan states a direction but no figure, so progress cannot be calculated.")
		return r
	}

	// Baseline: the register's, else the plan's base-year observation, else
	// zero in the base year for counts and changes since the baseline.
	switch {
	case ind.Baseline != nil:
		r.BaseYear, r.BaseValue, r.HasBase = ind.Baseline.Year, ind.Baseline.Value, true
	default:
		for _, o := range own {
			if o.Year == PlanBaseYear && o.Value != nil && !isBoundQualifier(o.Qualifier) {
				r.BaseYear, r.BaseValue, r.HasBase = o.Year, *o.Value, true
				break
			}
		}
		if !r.HasBase && (ind.Kind == indicator.Cumulative || ind.Kind == indicator.Change || ind.Kind == indicator.PeakReduction) {
			r.BaseYear, r.BaseValue, r.HasBase = PlanBaseYear, 0, true
		}
	}

	// Latest: the last observation with a value; the first one given wins
	// within a year.
	for i := len(own) - 1; i >= 0; i-- {
		o := own[i]
		if o.Value == nil {
			continue
		}
		if r.HasLatest && o.Year < r.LatestYear {
			break
		}
		r.LatestYear, r.LatestValue, r.HasLatest, r.LatestQualifier = o.Year, *o.Value, true, o.Qualifier
	}

	r.Method = rateMethod(ind, r)
	r.RateMethod = r.Method
	computeRates(&r)

	n := newNarrator(ind, r)
	switch {
	case r.HasLatest && isBoundQualifier(r.LatestQualifier):
		r.Met, _ = boundVerdict(ind, r.LatestValue, r.LatestQualifier)
	case r.HasLatest:
		r.Met = Meets(ind, r.LatestValue)
	}

	if r.Final {
		r.Method = MethodFinal
		finalVerdict(ind, &r, n)
		return r
	}

	switch {
	case !r.HasLatest:
		if r.HasBase && r.BaseYear <= year && Meets(ind, r.BaseValue) {
			r.Met = true
			r.set(Achieved,
				fmt.Sprintf("%s年基準值%s已符合目標%s，其後尚無觀測值：%s。", yr(r.BaseYear), n.val("zh", r.BaseValue), n.target("zh"), Achieved.Label("zh-Hant")),
				fmt.Sprintf("The %d baseline of %s already meets the target of %s and there is no later observation: %s.", r.BaseYear, n.val("en", r.BaseValue), n.target("en"), Achieved.Label("en")))
			return r
		}
		r.set(NoData,
			fmt.Sprintf("截至%s年尚無觀測值：%s。", yr(year), NoData.Label("zh-Hant")),
			fmt.Sprintf("There is no observation up to %d: %s.", year, NoData.Label("en")))
		return r
	case isBoundQualifier(r.LatestQualifier):
		if r.Met {
			r.set(Achieved,
				fmt.Sprintf("%s年數值%s%s，僅此已足以符合目標%s：%s。", yr(r.LatestYear), qualZh(r.LatestQualifier), n.val("zh", r.LatestValue), n.target("zh"), Achieved.Label("zh-Hant")),
				fmt.Sprintf("The %d value is %s %s, which alone meets the target of %s: %s.", r.LatestYear, qualEn(r.LatestQualifier), n.val("en", r.LatestValue), n.target("en"), Achieved.Label("en")))
			return r
		}
		r.set(NotAssessable,
			fmt.Sprintf("%s年數值僅知%s%s，不足以判斷是否符合目標%s，亦無法計算變化率：%s。", yr(r.LatestYear), qualZh(r.LatestQualifier), n.val("zh", r.LatestValue), n.target("zh"), NotAssessable.Label("zh-Hant")),
			fmt.Sprintf("The %d value is only known to be %s %s, which neither shows the target of %s met nor gives a rate of change: %s.", r.LatestYear, qualEn(r.LatestQualifier), n.val("en", r.LatestValue), n.target("en"), NotAssessable.Label("en")))
		return r
	case r.Met:
		r.set(Achieved,
			fmt.Sprintf("最新數值%s（%s年）已符合目標%s：%s。", n.val("zh", r.LatestValue), yr(r.LatestYear), n.target("zh"), Achieved.Label("zh-Hant")),
			fmt.Sprintf("The latest value, %s (%d), meets the target of %s: %s.", n.val("en", r.LatestValue), r.LatestYear, n.target("en"), Achieved.Label("en")))
		return r
	case !r.HasBase:
		r.set(NotAssessable,
			fmt.Sprintf("沒有基準值，無法計算變化率，而最新數值%s（%s年）未符合目標%s：%s。", n.val("zh", r.LatestValue), yr(r.LatestYear), n.target("zh"), NotAssessable.Label("zh-Hant")),
			fmt.Sprintf("There is no baseline to compute a rate of change from, and the latest value, %s (%d), does not meet the target of %s: %s.", n.val("en", r.LatestValue), r.LatestYear, n.target("en"), NotAssessable.Label("en")))
		return r
	case r.LatestYear <= r.BaseYear:
		r.set(NotAssessable,
			fmt.Sprintf("%s年基準年之後尚無觀測值，僅有一個數據點，無法計算變化率：%s。", yr(r.BaseYear), NotAssessable.Label("zh-Hant")),
			fmt.Sprintf("There is no observation after the %d baseline, so with one data point no rate of change can be computed: %s.", r.BaseYear, NotAssessable.Label("en")))
		return r
	case r.TargetYear <= r.BaseYear:
		r.set(NotAssessable,
			fmt.Sprintf("目標年份未晚於基準年，無法計算所需變化率：%s。", NotAssessable.Label("zh-Hant")),
			fmt.Sprintf("The target year is not after the baseline year, so no required rate can be computed: %s.", NotAssessable.Label("en")))
		return r
	case baseMetOrWrongWay(ind, r):
		r.set(Deterioration,
			fmt.Sprintf("%s年基準值%s已符合目標%s，但最新數值%s（%s年）未符合：%s。", yr(r.BaseYear), n.val("zh", r.BaseValue), n.target("zh"), n.val("zh", r.LatestValue), yr(r.LatestYear), Deterioration.Label("zh-Hant")),
			fmt.Sprintf("The %d baseline of %s already met the target of %s but the latest value, %s (%d), does not: %s.", r.BaseYear, n.val("en", r.BaseValue), n.target("en"), n.val("en", r.LatestValue), r.LatestYear, Deterioration.Label("en")))
		return r
	}

	s := Band(r.Ratio)
	r.set(s,
		fmt.Sprintf("按%s計，%s年以來實際年均變化為%s，所需為%s，兩者比率R = %s：%s。", methodZh(r.Method), yr(r.BaseYear), n.rate(r.ActualRate), n.rate(r.RequiredRate), FormatRatio(r.Ratio), s.Label("zh-Hant")),
		fmt.Sprintf("By %s, the actual annual change since %d of %s against %s required gives R = %s: %s.", methodEn(r.Method), r.BaseYear, n.rate(r.ActualRate), n.rate(r.RequiredRate), FormatRatio(r.Ratio), s.Label("en")))
	return r
}

// Band returns the status of a ratio R of actual to required annual rate.
func Band(ratio float64) Status {
	switch {
	case ratio >= OnTrackMin-eps:
		return OnTrack
	case ratio >= AccelerationMin-eps:
		return Acceleration
	case ratio >= LimitedMin-eps:
		return Limited
	}
	return Deterioration
}

// FormatRatio formats R with two decimals, rounding down, so that the figure
// shown always falls in the same band as the status (0.9499 shows as 0.94,
// not 0.95).
func FormatRatio(ratio float64) string {
	f := math.Floor(ratio*100+1e-6) / 100
	if f == 0 {
		f = 0 // no "-0.00"
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

func (r *Result) set(s Status, zh, en string) {
	r.Status = s
	r.Reason = indicator.Text{"zh": zh, "en": en}
}

// rateMethod: CAGR for levels with a positive baseline and target, the linear
// share of the required change otherwise.
func rateMethod(ind indicator.Indicator, r Result) Method {
	if (ind.Kind == indicator.Level || ind.Kind == "") && r.HasBase && r.BaseValue > 0 && r.TargetValue > 0 &&
		(!r.HasLatest || r.LatestValue >= 0) {
		return MethodCAGR
	}
	return MethodLinear
}

// computeRates fills the actual and required rates and their ratio when a
// baseline, a later numeric (not bound-only) latest value and a target year
// after the baseline are known.
func computeRates(r *Result) {
	if !r.HasBase || !r.HasLatest || isBoundQualifier(r.LatestQualifier) ||
		r.LatestYear <= r.BaseYear || r.TargetYear <= r.BaseYear {
		return
	}
	dl := float64(r.LatestYear - r.BaseYear)
	dt := float64(r.TargetYear - r.BaseYear)
	if r.Method == MethodCAGR {
		r.ActualRate = math.Pow(r.LatestValue/r.BaseValue, 1/dl) - 1
		r.RequiredRate = math.Pow(r.TargetValue/r.BaseValue, 1/dt) - 1
	} else {
		r.ActualRate = (r.LatestValue - r.BaseValue) / dl
		r.RequiredRate = (r.TargetValue - r.BaseValue) / dt
	}
	if math.Abs(r.RequiredRate) > 1e-12 {
		r.Ratio = r.ActualRate / r.RequiredRate
		if r.Ratio == 0 {
			r.Ratio = 0 // no negative zero
		}
		r.HasRatio = true
	}
}

// baseMetOrWrongWay reports whether the required rate is zero or of the wrong
// sign: the target was already met at the baseline, or reaching it would mean
// moving against the indicator's direction.
func baseMetOrWrongWay(ind indicator.Indicator, r Result) bool {
	if !r.HasRatio || Meets(ind, r.BaseValue) {
		return true
	}
	switch ind.Direction {
	case indicator.Increase:
		return r.RequiredRate < 0
	case indicator.Decrease, indicator.Eliminate:
		return r.RequiredRate > 0
	}
	return false
}

func finalVerdict(ind indicator.Indicator, r *Result, n narrator) {
	if !r.HasLatest || r.LatestYear < r.TargetYear {
		zh := fmt.Sprintf("最終評估：尚無%s年或其後的數值", yr(r.TargetYear))
		en := fmt.Sprintf("Final verdict: there is no value for %d or later", r.TargetYear)
		if r.HasLatest {
			zh += fmt.Sprintf("（最新數值為%s年的%s）", yr(r.LatestYear), n.val("zh", r.LatestValue))
			en += fmt.Sprintf(" (the latest is %s in %d)", n.val("en", r.LatestValue), r.LatestYear)
		}
		r.Met = false
		r.set(NoData, zh+"："+NoData.Label("zh-Hant")+"。", en+": "+NoData.Label("en")+".")
		return
	}
	if isBoundQualifier(r.LatestQualifier) {
		met, notMet := boundVerdict(ind, r.LatestValue, r.LatestQualifier)
		s, zhv, env := NotAssessable, "不足以判斷是否符合", "cannot show whether it meets"
		switch {
		case met:
			s, zhv, env = Achieved, "已足以符合", "meets"
		case notMet:
			s, zhv, env = NotMet, "已可確定未符合", "cannot meet"
		}
		r.set(s,
			fmt.Sprintf("最終評估：%s年數值%s%s，%s目標%s：%s。", yr(r.LatestYear), qualZh(r.LatestQualifier), n.val("zh", r.LatestValue), zhv, n.target("zh"), s.Label("zh-Hant")),
			fmt.Sprintf("Final verdict: the %d value, %s %s, %s the target of %s: %s.", r.LatestYear, qualEn(r.LatestQualifier), n.val("en", r.LatestValue), env, n.target("en"), s.Label("en")))
		return
	}
	if r.Met {
		r.set(Achieved,
			fmt.Sprintf("最終評估：%s年數值%s符合目標%s：%s。", yr(r.LatestYear), n.val("zh", r.LatestValue), n.target("zh"), Achieved.Label("zh-Hant")),
			fmt.Sprintf("Final verdict: the %d value, %s, meets the target of %s: %s.", r.LatestYear, n.val("en", r.LatestValue), n.target("en"), Achieved.Label("en")))
		return
	}
	r.set(NotMet,
		fmt.Sprintf("最終評估：%s年數值%s未符合目標%s：%s。", yr(r.LatestYear), n.val("zh", r.LatestValue), n.target("zh"), NotMet.Label("zh-Hant")),
		fmt.Sprintf("Final verdict: the %d value, %s, does not meet the target of %s: %s.", r.LatestYear, n.val("en", r.LatestValue), n.target("en"), NotMet.Label("en")))
}

func assessBinary(ind indicator.Indicator, own []indicator.Observation, r *Result) {
	r.Method = MethodBinary
	var last *indicator.Observation
	for i := len(own) - 1; i >= 0; i-- {
		if own[i].Status == "achieved" || own[i].Status == "not-achieved" {
			if last != nil && own[i].Year < last.Year {
				break
			}
			last = &own[i]
		}
	}
	target := ind.Target.Text
	tzh, ten := "", ""
	if target["zh"] != "" {
		tzh = "「" + target["zh"] + "」"
	}
	if target["en"] != "" {
		ten = " (" + target["en"] + ")"
	}
	if last == nil || (r.Final && last.Year < r.TargetYear) {
		if r.Final {
			r.set(NoData,
				fmt.Sprintf("最終評估：尚無%s年或其後關於目標%s的結果：%s。", yr(r.TargetYear), tzh, NoData.Label("zh-Hant")),
				fmt.Sprintf("Final verdict: there is no result for the target%s for %d or later: %s.", ten, r.TargetYear, NoData.Label("en")))
			return
		}
		r.set(NoData,
			fmt.Sprintf("截至%s年尚無關於目標%s的結果：%s。", yr(r.Year), tzh, NoData.Label("zh-Hant")),
			fmt.Sprintf("There is no result for the target%s up to %d: %s.", ten, r.Year, NoData.Label("en")))
		return
	}
	r.LatestYear, r.HasLatest = last.Year, true
	prefixZh, prefixEn := "", ""
	if r.Final {
		prefixZh, prefixEn = "最終評估：", "Final verdict: "
	}
	switch {
	case last.Status == "achieved":
		r.Met = true
		r.set(Achieved,
			fmt.Sprintf("%s%s年報告目標%s已達成：%s。", prefixZh, yr(last.Year), tzh, Achieved.Label("zh-Hant")),
			fmt.Sprintf("%sthe target%s is reported achieved in %d: %s.", prefixEn, ten, last.Year, Achieved.Label("en")))
	case r.Final:
		r.set(NotMet,
			fmt.Sprintf("%s%s年報告目標%s未達成：%s。", prefixZh, yr(last.Year), tzh, NotMet.Label("zh-Hant")),
			fmt.Sprintf("%sthe target%s is reported not achieved in %d: %s.", prefixEn, ten, last.Year, NotMet.Label("en")))
	default:
		r.set(NotAssessable,
			fmt.Sprintf("%s年報告目標%s尚未達成；定性目標在目標年份前無法衡量進度：%s。", yr(last.Year), tzh, NotAssessable.Label("zh-Hant")),
			fmt.Sprintf("The target%s is reported not yet achieved in %d, and progress towards a qualitative target cannot be measured before its target year: %s.", ten, last.Year, NotAssessable.Label("en")))
	}
	r.Reason["en"] = capitalize(r.Reason["en"])
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// narrator words the figures of a Result.
type narrator struct {
	ind indicator.Indicator
	r   Result
}

func newNarrator(ind indicator.Indicator, r Result) narrator { return narrator{ind, r} }

func num(v float64) string {
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func yr(y int) string { return strconv.Itoa(y) }

// val is a value with its unit.
func (n narrator) val(lang string, v float64) string {
	u := strings.TrimSpace(n.ind.Unit.Get(lang))
	s := num(v)
	switch {
	case u == "":
		return s
	case lang != "en" || strings.HasPrefix(u, "%"):
		return s + u
	}
	return s + " " + u
}

// target is the target as a phrase, with its bound and year.
func (n narrator) target(lang string) string {
	t := n.ind.Target
	v := n.val(lang, t.Value)
	directional := n.ind.Kind == indicator.Change || n.ind.Kind == indicator.PeakReduction
	var s string
	if lang == "en" {
		switch {
		case t.Bound == indicator.About:
			s = "about " + v
		case directional:
			s = v + " or better"
		case t.Bound == indicator.AtLeast:
			s = "at least " + v
		case t.Bound == indicator.AtMost:
			s = "at most " + v
		default:
			s = v
		}
		if t.Year > 0 {
			s += fmt.Sprintf(" by %d", t.Year)
		}
		return s
	}
	switch {
	case t.Bound == indicator.About:
		s = v + "左右"
	case directional:
		s = v + "或更佳"
	case t.Bound == indicator.AtLeast:
		s = v + "以上"
	case t.Bound == indicator.AtMost:
		s = v + "以內"
	default:
		s = v
	}
	if t.Year > 0 {
		s = fmt.Sprintf("（%d年%s）", t.Year, s)
	}
	return s
}

// rate formats an annual rate: a percentage for CAGR, units per year for the
// linear share.
func (n narrator) rate(v float64) string {
	if n.r.Method == MethodCAGR {
		s := strconv.FormatFloat(v*100, 'f', 2, 64) + "%"
		if s == "-0.00%" {
			s = "0.00%"
		}
		return s
	}
	d := n.ind.Decimals + 1
	if d < 2 {
		d = 2
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

func methodZh(m Method) string {
	if m == MethodCAGR {
		return "複合年均增長率"
	}
	return "線性年均變化量"
}

func methodEn(m Method) string {
	if m == MethodCAGR {
		return "compound annual growth rate"
	}
	return "linear share of the required change"
}

func qualZh(q string) string {
	if q == "less-than" {
		return "低於"
	}
	return "超過"
}

func qualEn(q string) string {
	if q == "less-than" {
		return "less than"
	}
	return "more than"
}
