package indicator

import (
	"sort"
	"strconv"
	"strings"

	"planpress/generator/diag"
)

// Figure states of a commitment in one year, for the yearly to-do list.
const (
	ToDoMissing = "missing" // no figure for the year
	ToDoWeak    = "weak"    // a figure, but provisional (preliminary, as of a month) or from a grade C/D source
	ToDoDone    = "done"    // a year-end figure from a grade A/B source
)

// ToDoRow is one commitment in the to-do list of a year.
type ToDoRow struct {
	Indicator *Indicator
	State     string       // ToDoMissing, ToDoWeak or ToDoDone
	Obs       *Observation // nil when missing
}

// ToDo lists every commitment (no context series, no forecast) once for
// the year: those without a figure first, then those resting only on a
// provisional or grade C/D figure, then those done, each group in the
// register's order; and the ids of the sources the year's figures use,
// sorted.
func (r *Register) ToDo(year int) (rows []ToDoRow, sources []string) {
	var missing, weak, done []ToDoRow
	used := map[string]bool{}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		if !ind.Commitment() {
			continue
		}
		o, ok := r.Observation(ind.ID, year)
		switch {
		case !ok:
			missing = append(missing, ToDoRow{Indicator: ind, State: ToDoMissing})
			continue
		case o.Preliminary || o.AsOf != "" || o.Grade == "C" || o.Grade == "D":
			weak = append(weak, ToDoRow{Indicator: ind, State: ToDoWeak, Obs: &o})
		default:
			done = append(done, ToDoRow{Indicator: ind, State: ToDoDone, Obs: &o})
		}
		used[o.Source] = true
	}
	for id := range used {
		sources = append(sources, id)
	}
	sort.Strings(sources)
	rows = append(append(missing, weak...), done...)
	return rows, sources
}

// Figure is an observation as the to-do list shows it: the value as
// written (or the status of a yes/no commitment), and why it is provisional.
func Figure(lang string, o *Observation) string {
	var s string
	switch {
	case o.Value != nil:
		s = strconv.FormatFloat(*o.Value, 'f', -1, 64)
		if o.Qualifier != "" {
			s = o.Qualifier + " " + s
		}
	case o.Status != "":
		s = o.Status
	default:
		s = diag.T(lang, "status-text")
	}
	var why []string
	if o.Preliminary {
		why = append(why, diag.T(lang, "status-preliminary"))
	}
	if o.AsOf != "" {
		why = append(why, diag.T(lang, "status-as-of", o.AsOf))
	}
	if o.Grade == "C" || o.Grade == "D" {
		why = append(why, diag.T(lang, "status-grade", o.Grade))
	}
	if len(why) > 0 {
		s += " (" + strings.Join(why, ", ") + ")"
	}
	return s
}
