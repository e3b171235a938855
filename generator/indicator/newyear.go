package indicator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrExists is returned when the annual file to scaffold already exists.
var ErrExists = errors.New("file exists")

// NewYear writes ROOT/data/annual/YYYY.toml with one empty entry per
// indicator (its name and unit as a comment) for staff to fill in. It never
// overwrites a file.
func NewYear(root string, year int, r *Register, lim Limits) (string, error) {
	if year < lim.FirstYear || year > lim.LastYear {
		return "", fmt.Errorf("year %d is outside the plan's years %d–%d (data/site.toml base_year and target_year)", year, lim.FirstYear, lim.LastYear)
	}
	path := filepath.Join(root, "data", "annual", strconv.Itoa(year)+".toml")
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Values for %d. For each indicator with a published value:
#   value = 12.3          the figure as the source states it, in the indicator's unit
#   source = "id"         an id from data/sources.toml (add the source there first)
#   qualifier = "more-than" when the source says "more than" (or "less-than",
#                         "at-least", "at-most", "about")
#   preliminary = true    when the source calls the figure preliminary (初步, 預計)
#   as_of = "%d-10"     when the figure is as of a month, not year-end
#   note = { zh = "…", en = "…" }   optional; name a source as {source:id}
# Yes/no indicators take status = "achieved" or "not-achieved" and
#   text = { zh = "…", en = "…" } with the source's wording.
# Leave an entry as it is (no value, source = "") when no source states a
# value: it stays "no data". Never estimate. Then run: planpress check
year = %d
`, year, year, year)
	// names, units and targets go into comments, each on one line with
	// control characters escaped; values go through TOMLString: nothing
	// from the register can end a comment or a string and start a key
	for _, a := range r.Areas {
		fmt.Fprintf(&b, "\n# ===== %s · %s =====\n", Comment(a.Name.Zh), Comment(a.Name.En))
		for _, ind := range r.InArea(a.ID) {
			unit := ind.Unit.En
			if ind.Kind == Binary {
				unit = "yes/no: status = \"achieved\" or \"not-achieved\""
			}
			fmt.Fprintf(&b, "\n# %s · %s (%s)\n", Comment(ind.Name.Zh), Comment(ind.Name.En), Comment(unit))
			if ind.Context {
				b.WriteString("# context series: not a commitment, no target\n")
			}
			if ind.Target.Quantified() {
				fmt.Fprintf(&b, "# target: %s\n", Comment(fmt.Sprintf("%s %v by %d", ind.Target.Bound, ind.Target.Value, ind.Target.Year)))
			}
			fmt.Fprintf(&b, "[[observation]]\nindicator = %s\nsource = \"\"\n", TOMLString(ind.ID))
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("%s: %w; it is never overwritten: edit it, or move it away first", path, ErrExists)
		}
		return "", err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// Comment returns s as the text of a TOML comment: on one line (runs of
// white space, line breaks included, become one space) with every other
// control character written as \uXXXX, which TOML does not allow in
// comments.
func Comment(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == utf8.RuneError {
			fmt.Fprintf(&b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TOMLString returns s as a TOML basic string, quoted, with quotes,
// backslashes and control characters escaped.
func TOMLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
