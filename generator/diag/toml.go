package diag

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"planpress/generator/input"
)

// Text is an input text with helpers to find where things are.
type Text struct {
	Name    string // file name for problems
	Lines   []string
	first   int              // line of the file the text starts at
	entries map[string][]int // lines of [[name]] headers, by name
}

// NewText splits data (a byte-order mark removed) into lines; first is the
// line of the file the text starts at (1 for a whole file).
func NewText(name string, data []byte, first int) *Text {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if first < 1 {
		first = 1
	}
	return &Text{Name: name, first: first, Lines: strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")}
}

// EntryLine returns the file line of the n-th (0-based) [[name]] header.
func (t *Text) EntryLine(name string, n int) int {
	if t.entries == nil {
		t.entries = map[string][]int{}
	}
	lines, ok := t.entries[name]
	if !ok {
		re := regexp.MustCompile(`^\s*\[\[\s*` + regexp.QuoteMeta(name) + `\s*\]\]`)
		for i, l := range t.Lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[[") && re.MatchString(l) {
				lines = append(lines, i+t.first)
			}
		}
		t.entries[name] = lines
	}
	if n < len(lines) {
		return lines[n]
	}
	return 0
}

// KeyLine returns the file line of key within the entry starting at line
// from (or its first occurrence when from is 0); from when not found.
func (t *Text) KeyLine(key string, from int) int {
	re := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=|[{,]\s*` + regexp.QuoteMeta(key) + `\s*=`)
	start := from - t.first
	if start < 0 {
		start = 0
	}
	for i := start; i < len(t.Lines); i++ {
		if i > start && from > 0 && strings.HasPrefix(strings.TrimSpace(t.Lines[i]), "[[") {
			break
		}
		if re.MatchString(t.Lines[i]) {
			return i + t.first
		}
	}
	return from
}

// TOML says how DecodeTOML reports.
type TOML struct {
	Known string // the keys expected, for the hint of an unknown key
	First int    // the file line the text starts at (0 or 1: the whole file)
}

// errLine finds the line in the decoder's message of a type mismatch,
// which it gives only in its text.
var errLine = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: `)

// errTOMLType is the TOML type a type mismatch names.
var errTOMLType = regexp.MustCompile(`TOML value has type ([^;]+);`)

// typeLine is the line of a type mismatch: the decoder names the last key
// ("indicator.baseline.year") and the value's type, but for a value in an
// array of tables its line is that of the end of the file. The first line
// where that key is given a value of that type is the one (the decoder
// stops at the first); 0 when none is found.
func typeLine(t *Text, key, msg string) int {
	m := errTOMLType.FindStringSubmatch(msg)
	if key == "" || m == nil {
		return 0
	}
	parts := strings.Split(key, ".")
	last := regexp.QuoteMeta(parts[len(parts)-1])
	var value string
	switch typ := m[1]; {
	case strings.HasPrefix(typ, "[]"):
		value = `\[`
	case strings.HasPrefix(typ, "map["):
		value = `\{`
	default:
		switch typ {
		case "string":
			value = `["']`
		case "int64", "float64":
			value = `[-+0-9in]`
		case "bool":
			value = `(true|false)\b`
		case "array":
			value = `\[`
		case "table", "map":
			value = `\{`
		case "time", "datetime", "date", "local-date", "local-datetime", "local-time":
			value = `\d{2}`
		default:
			return 0
		}
	}
	re := regexp.MustCompile(`(^|[{,])\s*("?)` + last + `("?)\s*=\s*` + value)
	for i, l := range t.Lines {
		if re.MatchString(l) {
			return i + t.first
		}
	}
	return 0
}

// FaultAt is the problem of a fault of a file's raw text (input.Check,
// input.TOMLDepth), in a text that starts at line first of file name (0
// or 1: the whole file).
func FaultAt(name string, first int, f input.Fault) Problem {
	if first < 1 {
		first = 1
	}
	return Msg(name, f.Line+first-1, f.Key, f.Args...)
}

// CheckText is the first problem of the raw text of file name
// (input.Check: invalid UTF-8, a NUL byte, a line too long); ok is false
// when there is one.
func CheckText(name string, data []byte) (p Problem, ok bool) {
	if f := input.Check(data); f.Line > 0 {
		return FaultAt(name, 1, f), false
	}
	return Problem{}, true
}

// DecodeTOML decodes a TOML text into v. Raw text problems (control
// characters, invalid UTF-8), syntax errors, type errors and unknown keys
// are problems at their file lines. ok is false when the text could not be
// read as a whole (v is then not to be trusted); unknown keys leave it true.
func DecodeTOML(name string, data []byte, v any, o TOML) (t *Text, ps Problems, ok bool) {
	t = NewText(name, data, o.First)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return t, Problems{Msg(name, 1, "toml-empty")}, false
	}
	for _, check := range []func([]byte) input.Fault{input.Check, input.TOMLDepth} {
		if f := check(data); f.Line > 0 {
			return t, Problems{FaultAt(name, t.first, f)}, false
		}
	}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p := Msg(name, pe.Position.Line+t.first-1, "toml-syntax", pe.Message, tomlHint(pe.Message))
			p.Col = pe.Position.Col
			return t, Problems{p}, false
		}
		line := 0
		if m := errLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			line += t.first - 1
			if l := typeLine(t, m[2], err.Error()); l > 0 {
				line = l
			}
		}
		msg := strings.TrimPrefix(errLine.ReplaceAllString(err.Error(), ""), "toml: ")
		return t, Problems{Msg(name, line, "toml-type", msg)}, false
	}
	for _, k := range md.Undecoded() {
		line := t.KeyLine(k[len(k)-1], 0)
		if o.Known != "" {
			ps = append(ps, Msg(name, line, "toml-unknown-key-known", k.String(), o.Known))
		} else {
			ps = append(ps, Msg(name, line, "toml-unknown-key", k.String()))
		}
	}
	return t, ps, true
}

func tomlHint(m string) Phrase {
	switch {
	case strings.Contains(m, "incompatible types") || strings.Contains(m, "cannot decode"):
		return P("toml-hint-type")
	case strings.Contains(m, "already been defined") || strings.Contains(m, "duplicate"):
		return P("toml-hint-twice")
	case strings.Contains(m, "expected"):
		return P("toml-hint-expected")
	}
	return P("toml-hint-syntax")
}
