// Package indicator holds the plan's register of commitments (indicators and
// their targets), the sources that figures come from, and the yearly
// observations, as loaded and validated from the TOML files under data/.
package indicator

// Text is a text in each edition's language, keyed by the edition's data
// key: it decodes a { zh = "…", en = "…" } table of the data files.
type Text map[string]string

// Get returns the text under a data key ("" when there is none).
func (t Text) Get(key string) string { return t[key] }

// Lacks returns the keys, of those given, under which t has no text.
func (t Text) Lacks(keys []string) []string {
	var out []string
	for _, k := range keys {
		if t[k] == "" {
			out = append(out, k)
		}
	}
	return out
}

// Empty reports whether t has no text under any key.
func (t Text) Empty() bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

// Has reports whether t has the text s under any key.
func (t Text) Has(s string) bool {
	for _, v := range t {
		if v == s {
			return true
		}
	}
	return false
}

// Direction is the way an indicator should move.
type Direction string

// Directions an indicator can take.
const (
	Increase  Direction = "increase"
	Decrease  Direction = "decrease"
	Eliminate Direction = "eliminate"
	Maintain  Direction = "maintain"
)

// Kind says how an indicator's values relate to its baseline.
type Kind string

// Kinds of indicator.
const (
	Level         Kind = "level"          // a level measured each year (PM2.5 µg/m³)
	Cumulative    Kind = "cumulative"     // a count accumulated since the baseline year
	Change        Kind = "change"         // a % change from the baseline year (CO₂ per unit GDP −18%)
	PeakReduction Kind = "peak-reduction" // a % reduction from the peak value
	Binary        Kind = "binary"         // a qualitative result: achieved or not
)

// Bound says how a target value is to be read.
type Bound string

// Target bounds.
const (
	About   Bound = "about"    // 左右: within Tolerance of Value
	AtLeast Bound = "at-least" // 以上, 不低於
	AtMost  Bound = "at-most"  // 以內, 以下, 不高於
	Exact   Bound = "exact"
)

// Point is a year and a value.
type Point struct {
	Year   int     `toml:"year"`
	Value  float64 `toml:"value"`
	Source string  `toml:"source"` // source id, optional for values stated in the plan
	Note   Text    `toml:"note"`
	// Comparable = false marks a baseline that differs in scope from the
	// target (citywide against per district, …): it is shown, with Note
	// saying why, but never used to compute a rate. Unset means comparable.
	Comparable *bool `toml:"comparable"`
}

// Alike reports whether the point may be compared with the target: true
// unless the register says comparable = false.
func (p Point) Alike() bool { return p.Comparable == nil || *p.Comparable }

// Target is what the plan commits to.
type Target struct {
	Year         int     `toml:"year"`
	Value        float64 `toml:"value"`
	Bound        Bound   `toml:"bound"`
	Tolerance    float64 `toml:"tolerance"`    // for Bound About: accepted distance from Value
	Aspirational bool    `toml:"aspirational"` // 力爭: strive to
	Text         Text    `toml:"text"`         // the target as worded, for binary indicators
	// YearAssumed: the sentence does not state the target year; the end of
	// the plan period is assumed.
	YearAssumed bool `toml:"year_assumed"`
}

// Quantified reports whether the target has a figure and a bound; a target
// that states only a direction ("rise steadily") has neither.
func (t Target) Quantified() bool { return t.Bound != "" }

// Indicator is one commitment of the plan.
type Indicator struct {
	ID        string    `toml:"id"`
	Area      string    `toml:"area"`
	Name      Text      `toml:"name"`
	Unit      Text      `toml:"unit"`
	Direction Direction `toml:"direction"`
	Kind      Kind      `toml:"kind"`
	Decimals  int       `toml:"decimals"`
	Binding   string    `toml:"binding"` // "binding", "expected" or "" when the plan does not say
	Section   string    `toml:"section"` // plan section id, e.g. "ch2-s3"
	Quote     string    `toml:"quote"`   // verbatim from the Chinese plan text
	QuoteEn   string    `toml:"quote_en"`
	Baseline  *Point    `toml:"baseline"`
	Target    Target    `toml:"target"`
	Note      Text      `toml:"note"`
	// Context marks a series the city publishes that is not a commitment of
	// the plan (PM10, NO₂, …): no target, no quote, never in a scorecard.
	Context bool `toml:"context"`
	// Forecast marks an expectation the plan states (預計), not a
	// commitment: shown with its figures, not counted as a commitment.
	Forecast bool `toml:"forecast"`
	// PlainNumber marks a figure that is a pure number such as an index:
	// its unit names what it is (in headings) but is never written after
	// a figure ("71.4", not "71.4 index").
	PlainNumber bool `toml:"plain_number"`

	Line int `toml:"-"` // line in indicators.toml, for messages
}

// Commitment reports whether the indicator is one of the plan's commitments:
// neither a context series nor a forecast.
func (ind Indicator) Commitment() bool { return !ind.Context && !ind.Forecast }

// Area groups indicators.
type Area struct {
	ID   string `toml:"id"`
	Name Text   `toml:"name"`
	Line int    `toml:"-"`
}

// Source is a document that states a figure.
type Source struct {
	ID        string `toml:"id"`
	Title     Text   `toml:"title"`
	Publisher Text   `toml:"publisher"`
	Date      string `toml:"date"`  // YYYY-MM-DD or YYYY-MM or YYYY
	Grade     string `toml:"grade"` // A official, B state media, C repost, D garbled
	URL       string `toml:"url"`   // only for official or mainstream-media pages
	Line      int    `toml:"-"`
}

// Observation is the value of an indicator in one year.
type Observation struct {
	Indicator string   `toml:"indicator"`
	Value     *float64 `toml:"value"`     // nil when qualitative or missing
	Qualifier string   `toml:"qualifier"` // "" exact, "more-than", "less-than", "at-least", "at-most", "about"
	Unit      string   `toml:"unit"`      // optional; when given it must be the indicator's unit
	Status    string   `toml:"status"`    // for binary indicators: "achieved" or "not-achieved"
	Text      Text     `toml:"text"`      // the wording of a qualitative value
	Source    string   `toml:"source"`
	Note      Text     `toml:"note"`
	// Preliminary: the source calls the figure preliminary (初步, 預計, 初步測算).
	Preliminary bool `toml:"preliminary"`
	// AsOf ("YYYY-MM", within Year) marks a figure as of that month, not a
	// year-end figure.
	AsOf string `toml:"as_of"`

	// Grade is the grade of the observation's source (A–D; the plan itself
	// is A), set by the loader.
	Grade string `toml:"-"`
	Year  int    `toml:"-"`
	File  string `toml:"-"`
	Line  int    `toml:"-"`
}

// Qualifiers of an observation stated as a bound, as data/annual writes them.
var Qualifiers = []string{"more-than", "less-than", "at-least", "at-most", "about"}

// SourcingRecord says where a commitment's figures were looked for
// (data/sourcing.toml): what was looked for, the publications checked and
// what was found, so that a page can say "no figure found in: …".
type SourcingRecord struct {
	Indicator string `toml:"indicator"`
	Searched  string `toml:"searched"` // YYYY-MM-DD
	LookedFor Text   `toml:"looked_for"`
	Checked   []Text `toml:"checked"`
	Found     Text   `toml:"found"`
	Line      int    `toml:"-"`
}
