package assess

// Status is the progress status of one indicator in one year.
type Status string

// Statuses, in the order a legend lists them.
const (
	Achieved      Status = "achieved"
	OnTrack       Status = "on-track"
	Acceleration  Status = "acceleration-needed"
	Limited       Status = "limited"
	Deterioration Status = "deterioration"
	NoData        Status = "no-data"
	NotAssessable Status = "not-assessable"
	NotMet        Status = "not-met"
)

// Statuses returns every status in legend order: the verdicts first, then the
// statuses of an indicator that cannot be rated.
func Statuses() []Status {
	return []Status{Achieved, OnTrack, Acceleration, Limited, Deterioration, NotMet, NoData, NotAssessable}
}

var labels = map[Status][2]string{ // zh-Hant, en
	Achieved:      {"已達成目標", "target achieved"},
	OnTrack:       {"進度符合", "on track"},
	Acceleration:  {"有進展，需加快", "progress, acceleration needed"},
	Limited:       {"進展有限或無進展", "limited or no progress"},
	Deterioration: {"惡化", "deterioration"},
	NoData:        {"暫無數據", "no data"},
	NotAssessable: {"無法評估", "not assessable"},
	NotMet:        {"未達成目標", "target not met"},
}

// Label returns the status as readers see it, in lang ("zh-Hant" or "en").
// An unknown status is returned as is.
func (s Status) Label(lang string) string {
	l, ok := labels[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Method is how a status was reached.
type Method string

// Methods.
const (
	MethodCAGR   Method = "cagr"   // ratio of compound annual growth rates
	MethodLinear Method = "linear" // ratio of linear annual changes (share of the required change)
	MethodBinary Method = "binary" // a qualitative result: achieved or not
	MethodFinal  Method = "final"  // final-year verdict: met or not met
)
