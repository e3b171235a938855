// Package assess derives the progress status of each indicator from its
// baseline, its target and the yearly observations. The method is the one
// published on the methodology pages (content/*/methodology.md):
//
//   - reporting: is there a figure of the plan period, and from whom;
//   - progress: a target-year figure decides achieved / not achieved; before
//     it, a figure that already meets the target is "reached early"; else the
//     ratio R of the actual annual rate of change since the baseline to the
//     rate required to reach the target (Statistics Canada's method, used by
//     Open SDG) gives on track / acceleration needed / limited progress /
//     deterioration, as of the latest figure's year; direction-only targets
//     are judged by their direction against a tolerance; figures stated as
//     bounds decide only where the bound does;
//   - confidence: a verdict resting on a grade C/D, preliminary or
//     not-year-end figure is provisional.
//
// Assess is pure: the same input gives the same Result, and it writes no
// words; Explain renders a Result's reasoning from UI strings.
package assess

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"planpress/generator/indicator"
)

// Thresholds of the ratio R of actual to required annual rate.
const (
	OnTrackMin      = 0.95 // R >= 0.95: on track
	AccelerationMin = 0.6  // 0.6 <= R < 0.95: progress, acceleration needed
	LimitedMin      = 0.0  // 0 <= R < 0.6: limited or no progress; R < 0: deterioration
)

// DirectionTolerance is the share of the reference figure within which a
// direction-only target's figure counts as unchanged: a change beyond ±1 %
// of the baseline counts as a move.
const DirectionTolerance = 0.01

// eps absorbs floating-point noise in comparisons with targets and thresholds.
const eps = 1e-9

// Period is the plan period of data/site.toml.
type Period struct {
	BaseYear   int // the plan's base year: figures of later years are the plan period's
	TargetYear int // the plan's target year: the default of a target without a year
}

// Result is the assessment of one indicator as of one year, with every
// component of the calculation so that pages can show it.
type Result struct {
	Indicator string
	Year      int // assessment as of this year (uses observations with Year <= this)
	Kind      indicator.Kind
	Period    Period

	Status Status
	Reason Reason
	// Final: a figure of the target year (or later) decides the verdict.
	Final bool
	// Provisional: the verdict rests on a figure listed in Caveats.
	Provisional bool
	Caveats     []Caveat
	// Used are the years of the observations the status rests on (the
	// register's baseline is not an observation and is not listed).
	Used      []int
	Reporting Reporting

	Method Method
	// RateMethod is how the rates were computed (cagr or linear), also
	// when Method is another.
	RateMethod Method

	BaseYear     int
	BaseValue    float64
	HasBase      bool
	BaseObserved bool // the baseline is an observation of the base year, not the register's

	LatestYear      int
	LatestValue     float64
	HasLatest       bool
	LatestQualifier string

	TargetYear  int
	TargetValue float64

	// Rates per year: CAGR as a fraction (0.05 = 5 %) or linear units per year.
	ActualRate, RequiredRate, Ratio float64
	HasRatio                        bool

	// Direction-only targets: the change of the latest figure from the
	// reference (the baseline, else the first figure) and the tolerance.
	Change, DirTolerance float64

	Met bool // the deciding figure meets the target
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
	u := strings.TrimSpace(ind.Unit.En)
	z := strings.TrimSpace(ind.Unit.Zh)
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

// IsBound reports whether an observation's qualifier makes its value a
// bound of the true figure ("more than 128") rather than the figure.
func IsBound(q string) bool {
	return q == "more-than" || q == "less-than" || q == "at-least" || q == "at-most"
}

// Decide judges a figure against the target: met when every value the
// figure allows meets the target, notMet when none does; neither when a
// bound leaves both possible. An exact (or "about") figure always decides.
func Decide(ind indicator.Indicator, v float64, qualifier string) (met, notMet bool) {
	lo, hi := Range(ind)
	switch qualifier {
	case "more-than": // true value in (v, +∞)
		return math.IsInf(hi, 1) && v >= lo-eps, v >= hi-eps
	case "at-least": // [v, +∞)
		return math.IsInf(hi, 1) && v >= lo-eps, v > hi+eps
	case "less-than": // (−∞, v)
		return math.IsInf(lo, -1) && v <= hi+eps, v <= lo+eps
	case "at-most": // (−∞, v]
		return math.IsInf(lo, -1) && v <= hi+eps, v < lo-eps
	}
	m := Meets(ind, v)
	return m, !m
}

// Assess rates the indicator as of year from obs, all the observations of the
// indicator (any order, any years; those after year are not used, nor are
// those of another indicator), in the plan period p. Each observation's
// Grade (set by the loader from its source) decides reporting and caveats.
func Assess(ind indicator.Indicator, obs []indicator.Observation, year int, p Period) Result {
	r := Result{
		Indicator:   ind.ID,
		Year:        year,
		Kind:        ind.Kind,
		Period:      p,
		TargetYear:  ind.Target.Year,
		TargetValue: ind.Target.Value,
	}
	if r.TargetYear == 0 {
		r.TargetYear = p.TargetYear
	}
	var own []indicator.Observation
	for _, o := range obs {
		if o.Year <= year && (o.Indicator == "" || o.Indicator == ind.ID) {
			own = append(own, o)
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].Year < own[j].Year })

	// figures of the plan period (after the base year) and of the base year
	var figs, baseYear []indicator.Observation
	for _, o := range own {
		has := o.Value != nil
		if ind.Kind == indicator.Binary {
			has = o.Status == "achieved" || o.Status == "not-achieved"
		}
		switch {
		case !has:
		case o.Year > p.BaseYear:
			if len(figs) > 0 && figs[len(figs)-1].Year == o.Year {
				continue // the first given wins within a year
			}
			figs = append(figs, o)
		case o.Year == p.BaseYear:
			baseYear = append(baseYear, o)
		}
	}
	r.Reporting = reporting(figs)
	if len(figs) > 0 {
		last := figs[len(figs)-1]
		r.LatestYear, r.HasLatest, r.LatestQualifier = last.Year, true, last.Qualifier
		if last.Value != nil {
			r.LatestValue = *last.Value
		}
	}

	switch {
	case ind.Context:
		r.Status, r.Reason = Context, ReasonContext
		if r.HasLatest {
			r.Used = []int{r.LatestYear}
		}
	case len(figs) == 0:
		r.Status, r.Reason = NoData, ReasonNoFigure
		if ind.Baseline != nil || len(baseYear) > 0 {
			r.Reason = ReasonBaselineOnly
		}
		if ind.Kind != indicator.Binary {
			setBase(ind, baseYear, &r)
			r.Method = rateMethod(ind, r)
			r.RateMethod = r.Method
		}
	case ind.Kind == indicator.Binary:
		assessBinary(figs[len(figs)-1], &r)
	case !ind.Target.Quantified():
		assessDirection(ind, figs, baseYear, &r)
	default:
		assessTarget(ind, figs, baseYear, &r)
	}
	caveats(own, &r)
	return r
}

// reporting: official when a figure of the period comes from a grade-A
// source, media when figures exist from other grades only.
func reporting(figs []indicator.Observation) Reporting {
	if len(figs) == 0 {
		return NotFound
	}
	for _, o := range figs {
		if o.Grade == "A" {
			return ReportedOfficial
		}
	}
	return ReportedMedia
}

// caveats marks the result provisional when an observation it rests on is
// from a grade C or D source, preliminary, or not a year-end figure.
func caveats(own []indicator.Observation, r *Result) {
	if !r.Status.Verdict() {
		return
	}
	has := map[Caveat]bool{}
	for _, y := range r.Used {
		for _, o := range own {
			if o.Year != y {
				continue
			}
			if o.Grade == "C" || o.Grade == "D" {
				has[CaveatGradeCD] = true
			}
			if o.Preliminary {
				has[CaveatPreliminary] = true
			}
			if o.AsOf != "" {
				has[CaveatNotYearEnd] = true
			}
			break // the first given in a year is the one used
		}
	}
	for _, c := range []Caveat{CaveatGradeCD, CaveatPreliminary, CaveatNotYearEnd} {
		if has[c] {
			r.Caveats = append(r.Caveats, c)
		}
	}
	r.Provisional = len(r.Caveats) > 0
}

func (r *Result) set(s Status, why Reason, used ...int) {
	r.Status, r.Reason = s, why
	r.Used = nil
	for _, y := range used {
		if y != 0 && (len(r.Used) == 0 || r.Used[len(r.Used)-1] != y) {
			r.Used = append(r.Used, y)
		}
	}
}

func assessBinary(last indicator.Observation, r *Result) {
	r.Method = MethodBinary
	r.Met = last.Status == "achieved"
	switch {
	case last.Year >= r.TargetYear:
		r.Final = true
		if r.Met {
			r.set(Achieved, ReasonBinaryMet, last.Year)
		} else {
			r.set(NotAchieved, ReasonBinaryNotMet, last.Year)
		}
	case r.Met:
		r.set(ReachedEarly, ReasonBinaryEarly, last.Year)
	default:
		r.set(Undetermined, ReasonBinaryNotYet, last.Year)
	}
}

// setBase fills the baseline: the register's, else an exact base-year
// observation, else zero in the base year for counts and changes since the
// baseline. It reports false when the register's baseline is not comparable.
func setBase(ind indicator.Indicator, baseYear []indicator.Observation, r *Result) bool {
	if b := ind.Baseline; b != nil {
		r.BaseYear, r.BaseValue, r.HasBase = b.Year, b.Value, true
		return b.Alike()
	}
	for _, o := range baseYear {
		if o.Value != nil && !IsBound(o.Qualifier) {
			r.BaseYear, r.BaseValue, r.HasBase, r.BaseObserved = o.Year, *o.Value, true, true
			return true
		}
	}
	if ind.Kind == indicator.Cumulative || ind.Kind == indicator.Change || ind.Kind == indicator.PeakReduction {
		r.BaseYear, r.BaseValue, r.HasBase = r.Period.BaseYear, 0, true
	}
	return true
}

func (r *Result) baseUsed() int {
	if r.BaseObserved {
		return r.BaseYear
	}
	return 0
}

func assessTarget(ind indicator.Indicator, figs, baseYear []indicator.Observation, r *Result) {
	last := figs[len(figs)-1]
	alike := setBase(ind, baseYear, r)
	r.Method = rateMethod(ind, *r)
	r.RateMethod = r.Method
	bound := IsBound(last.Qualifier)
	if alike && !bound {
		computeRates(r)
	}
	met, notMet := Decide(ind, r.LatestValue, last.Qualifier)
	r.Met = met
	if last.Year >= r.TargetYear {
		r.Final = true
		r.Method = MethodFinal
		switch {
		case met && bound:
			r.set(Achieved, ReasonBoundMet, last.Year)
		case met:
			r.set(Achieved, ReasonMet, last.Year)
		case notMet && bound:
			r.set(NotAchieved, ReasonBoundNotMet, last.Year)
		case notMet:
			r.set(NotAchieved, ReasonNotMet, last.Year)
		default:
			r.Final = false
			r.set(Undetermined, ReasonBoundUndecided, last.Year)
		}
		return
	}
	switch {
	case met:
		r.Method = MethodFigure
		r.set(ReachedEarly, ReasonReachedEarly, last.Year)
	case !notMet:
		r.set(Undetermined, ReasonBoundUndecided, last.Year)
	case !alike:
		r.set(Undetermined, ReasonNotComparable, last.Year)
	case bound:
		r.set(Undetermined, ReasonBoundNoRate, last.Year)
	case !r.HasBase:
		r.set(Undetermined, ReasonNoBaseline, last.Year)
	case r.TargetYear <= r.BaseYear || last.Year <= r.BaseYear:
		r.set(Undetermined, ReasonTargetNotAfter, last.Year)
	case Meets(ind, r.BaseValue):
		r.set(Deterioration, ReasonLostTarget, r.baseUsed(), last.Year)
	case !r.HasRatio || wrongWay(ind, *r):
		r.set(Undetermined, ReasonAgainstDirection, r.baseUsed(), last.Year)
	default:
		r.set(Band(r.Ratio), ReasonRate, r.baseUsed(), last.Year)
	}
}

// wrongWay reports whether reaching the target means moving against the
// indicator's direction (a register error or a changed scope).
func wrongWay(ind indicator.Indicator, r Result) bool {
	switch ind.Direction {
	case indicator.Increase:
		return r.RequiredRate < 0
	case indicator.Decrease, indicator.Eliminate:
		return r.RequiredRate > 0
	}
	return false
}

// assessDirection judges a target that states only a direction: the change
// of the latest figure from the reference (the comparable baseline, else the
// first figure of the period) against DirectionTolerance of the reference.
func assessDirection(ind indicator.Indicator, figs, baseYear []indicator.Observation, r *Result) {
	r.Method = MethodDirection
	last := figs[len(figs)-1]
	alike := setBase(ind, baseYear, r)
	refUsed := r.baseUsed()
	ref := r.BaseValue
	if r.HasBase && !r.BaseObserved && ind.Baseline == nil {
		r.HasBase = false // a zero "since the baseline" is no reference for a direction
	}
	if !alike {
		r.set(Undetermined, ReasonNotComparable, last.Year)
		return
	}
	if !r.HasBase {
		first := figs[0]
		if first.Year == last.Year || IsBound(first.Qualifier) {
			r.set(Undetermined, ReasonSingleFigure, last.Year)
			return
		}
		ref, refUsed = *first.Value, first.Year
		r.BaseYear, r.BaseValue, r.HasBase, r.BaseObserved = first.Year, ref, true, true
	}
	tol := math.Abs(ref) * DirectionTolerance
	r.DirTolerance = tol
	// the change may be an interval when the latest figure is a bound
	lo, hi := r.LatestValue-ref, r.LatestValue-ref
	switch last.Qualifier {
	case "more-than", "at-least":
		hi = math.Inf(1)
	case "less-than", "at-most":
		lo = math.Inf(-1)
	}
	r.Change = r.LatestValue - ref
	a, b := directionClass(ind.Direction, lo, tol), directionClass(ind.Direction, hi, tol)
	if a != b {
		r.set(Undetermined, ReasonBoundUndecided, refUsed, last.Year)
		return
	}
	final := last.Year >= r.TargetYear
	r.Final = final
	r.Met = a == ReasonDirectionToward || a == ReasonDirectionHeld
	var s Status
	switch {
	case final && r.Met:
		s = Achieved
	case final:
		s = NotAchieved
	case r.Met:
		s = OnTrack
	case a == ReasonDirectionFlat:
		s = Limited
	default:
		s = Deterioration
	}
	r.set(s, a, refUsed, last.Year)
}

// directionClass classes a change c against the tolerance: toward the
// direction, within the tolerance (flat), or against it; a "maintain"
// target is held by any change not below −tol.
func directionClass(d indicator.Direction, c, tol float64) Reason {
	sign := 1.0
	switch d {
	case indicator.Decrease, indicator.Eliminate:
		sign = -1
	case indicator.Maintain:
		if c >= -tol-eps {
			return ReasonDirectionHeld
		}
		return ReasonDirectionAgainst
	}
	switch {
	case c*sign > tol+eps:
		return ReasonDirectionToward
	case c*sign < -tol-eps:
		return ReasonDirectionAgainst
	}
	return ReasonDirectionFlat
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
	if !r.HasBase || !r.HasLatest || IsBound(r.LatestQualifier) ||
		r.LatestYear <= r.BaseYear || r.TargetYear <= r.BaseYear {
		return
	}
	dl := float64(r.LatestYear - r.BaseYear)
	dt := float64(r.TargetYear - r.BaseYear)
	if r.RateMethod == MethodCAGR {
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
