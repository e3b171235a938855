package assess

// Status is the progress status of one indicator in one year. Its words are
// the UI strings "status-<status>" of data/i18n.
type Status string

// Statuses, in the order a legend lists them.
const (
	Achieved      Status = "achieved"            // the target-year figure meets the target
	NotAchieved   Status = "not-achieved"        // the target-year figure misses it
	ReachedEarly  Status = "reached-early"       // an earlier figure meets the target; no target-year figure yet
	OnTrack       Status = "on-track"            // R >= 0.95, as of the latest figure's year
	Acceleration  Status = "acceleration-needed" // 0.6 <= R < 0.95
	Limited       Status = "limited-progress"    // 0 <= R < 0.6
	Deterioration Status = "deterioration"       // R < 0, or the target met at the baseline is lost
	Undetermined  Status = "undetermined"        // figures exist but cannot decide (see the reason)
	NoData        Status = "no-data"             // no figure at all in the plan period up to the year
	// Context is the status of a context series: not a commitment, no verdict.
	Context Status = "context"
)

// Statuses returns every status a commitment can have, in legend order: the
// verdicts first, then the statuses of a commitment that cannot be rated.
func Statuses() []Status {
	return []Status{Achieved, NotAchieved, ReachedEarly, OnTrack, Acceleration, Limited, Deterioration, Undetermined, NoData}
}

// Key is the UI string key of the status's label.
func (s Status) Key() string { return "status-" + string(s) }

// Verdict reports whether the status is a verdict on progress, which must
// rest on at least one figure.
func (s Status) Verdict() bool { return s != NoData && s != Context && s != "" }

// Reporting says whether a commitment has a figure and from whom.
type Reporting string

// Reporting statuses.
const (
	ReportedOfficial Reporting = "reported-official" // a figure from a grade-A source
	ReportedMedia    Reporting = "reported-media"    // figures only from grade B, C or D sources
	NotFound         Reporting = "not-found"         // no figure in the plan period up to the year
)

// Key is the UI string key of the reporting status's label.
func (r Reporting) Key() string { return "reporting-" + string(r) }

// Reason is the code of how a status was reached; its sentence is the UI
// string "reason-<code>" of data/i18n, with placeholders (see Explain).
type Reason string

// Reasons.
const (
	ReasonNoFigure         Reason = "no-figure"                // no figure at all
	ReasonBaselineOnly     Reason = "baseline-only"            // only the baseline, no figure of the plan period
	ReasonMet              Reason = "met"                      // the target-year figure meets the target
	ReasonNotMet           Reason = "not-met"                  // the target-year figure misses it
	ReasonBoundMet         Reason = "bound-met"                // a target-year bound decides: met
	ReasonBoundNotMet      Reason = "bound-not-met"            // a target-year bound decides: missed
	ReasonBoundUndecided   Reason = "bound-undecided"          // a figure stated as a bound does not decide
	ReasonBoundNoRate      Reason = "bound-no-rate"            // a bound shows the target missed but gives no rate
	ReasonReachedEarly     Reason = "reached-early"            // an earlier figure meets the target
	ReasonRate             Reason = "rate"                     // the ratio R of actual to required rate decides
	ReasonLostTarget       Reason = "lost-target"              // the baseline met the target, the latest figure does not
	ReasonAgainstDirection Reason = "target-against-direction" // reaching the target means moving against the direction
	ReasonNoBaseline       Reason = "no-baseline"              // no baseline to compute a rate from
	ReasonNotComparable    Reason = "baseline-not-comparable"  // the baseline differs in scope from the target
	ReasonTargetNotAfter   Reason = "target-not-after-base"    // the target year is not after the baseline year
	ReasonSingleFigure     Reason = "single-figure"            // a direction-only target with one figure and no baseline
	ReasonDirectionToward  Reason = "direction-toward"         // moved beyond the tolerance in the stated direction
	ReasonDirectionHeld    Reason = "direction-held"           // a "maintain" target held within the tolerance or better
	ReasonDirectionFlat    Reason = "direction-flat"           // changed less than the tolerance
	ReasonDirectionAgainst Reason = "direction-against"        // moved beyond the tolerance against the direction
	ReasonBinaryMet        Reason = "binary-met"               // a yes/no commitment reported achieved in the target year
	ReasonBinaryNotMet     Reason = "binary-not-met"           // reported not achieved in the target year
	ReasonBinaryEarly      Reason = "binary-reached-early"     // reported achieved before the target year
	ReasonBinaryNotYet     Reason = "binary-not-yet"           // reported not yet achieved before the target year
	ReasonContext          Reason = "context"                  // a context series: no target
)

// Caveat is why a verdict is provisional; its words are the UI string
// "caveat-<code>".
type Caveat string

// Caveats, in the order they are listed.
const (
	CaveatGradeCD     Caveat = "grade-cd"     // a figure used comes from a grade C or D source
	CaveatPreliminary Caveat = "preliminary"  // a figure used is preliminary
	CaveatNotYearEnd  Caveat = "not-year-end" // a figure used is as of a month, not year-end
)

// Method is how a status was reached.
type Method string

// Methods.
const (
	MethodCAGR      Method = "cagr"      // ratio of compound annual growth rates
	MethodLinear    Method = "linear"    // ratio of linear annual changes (share of the required change)
	MethodBinary    Method = "binary"    // a qualitative result: achieved or not
	MethodFinal     Method = "final"     // the target-year figure against the target
	MethodDirection Method = "direction" // a direction-only target: the change against a tolerance
	MethodFigure    Method = "figure"    // a figure before the target year already meets the target
)
