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

	"planpress/generator/diag"
)

// ErrExists is returned when the annual file to scaffold already exists.
var ErrExists = errors.New("file exists")

// NewYear writes ROOT/data/annual/YYYY.toml with one empty entry per
// indicator (its name and unit as a comment) for staff to fill in, its
// guidance in lang (a language of the message catalogue). It never
// overwrites a file.
func NewYear(root string, year int, r *Register, lim Limits, lang string) (string, error) {
	if year < lim.FirstYear || year > lim.LastYear {
		return "", diag.Msg("", 0, "cli-new-year-outside", year, lim.FirstYear, lim.LastYear)
	}
	path := filepath.Join(root, "data", "annual", strconv.Itoa(year)+".toml")
	var b bytes.Buffer
	// the guidance at the top is the catalogue's, in the messages' language
	fmt.Fprintf(&b, "%s\nyear = %d\n", strings.TrimRight(diag.T(lang, "newyear-header", year, example(lim.Keys), example(lim.Keys)), "\n"), year)
	// names, units and targets go into comments, each on one line with
	// control characters escaped; values go through TOMLString: nothing
	// from the register can end a comment or a string and start a key.
	// Names in every language; the unit in the first translation's.
	unitKey := lim.Source
	for _, k := range lim.Keys {
		if k != lim.Source {
			unitKey = k
			break
		}
	}
	names := func(t Text) string {
		var s []string
		for _, k := range lim.Keys {
			s = append(s, Comment(t.Get(k)))
		}
		return strings.Join(s, " · ")
	}
	for _, a := range r.Areas {
		fmt.Fprintf(&b, "\n# ===== %s =====\n", names(a.Name))
		for _, ind := range r.InArea(a.ID) {
			unit := ind.Unit.Get(unitKey)
			if ind.Kind == Binary {
				unit = diag.T(lang, "newyear-binary")
			}
			fmt.Fprintf(&b, "\n# %s (%s)\n", names(ind.Name), Comment(unit))
			if ind.Context {
				b.WriteString("# " + diag.T(lang, "newyear-context") + "\n")
			}
			if ind.Target.Quantified() {
				fmt.Fprintf(&b, "# %s\n", Comment(diag.T(lang, "newyear-target", string(ind.Target.Bound), strconv.FormatFloat(ind.Target.Value, 'f', -1, 64), ind.Target.Year)))
			}
			fmt.Fprintf(&b, "[[observation]]\nindicator = %s\nsource = \"\"\n", TOMLString(ind.ID))
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", diag.MsgErr("", 0, err, "write-failed", path, diag.Cause(err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("%s: %w; it is never overwritten: edit it, or move it away first", path, ErrExists)
		}
		return "", diag.MsgErr("", 0, err, "write-failed", path, diag.Cause(err))
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		os.Remove(path) // a part of the scaffold is no use: new-year may be run again
		return "", diag.MsgErr("", 0, err, "write-failed", path, diag.Cause(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", diag.MsgErr("", 0, err, "write-failed", path, diag.Cause(err))
	}
	return path, nil
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
