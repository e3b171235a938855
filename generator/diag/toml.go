package diag

import (
	"bytes"
	"errors"
	"fmt"
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
	Known   string // the keys expected, for the hint of an unknown key
	Context string // names the part of the file in messages ("front matter"); "" for a whole file
	First   int    // the file line the text starts at (0 or 1: the whole file)
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

// DecodeTOML decodes a TOML text into v. Raw text problems (control
// characters, invalid UTF-8), syntax errors, type errors and unknown keys
// are problems at their file lines. ok is false when the text could not be
// read as a whole (v is then not to be trusted); unknown keys leave it true.
func DecodeTOML(name string, data []byte, v any, o TOML) (t *Text, ps Problems, ok bool) {
	t = NewText(name, data, o.First)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	syntax := "TOML: "
	unknown := "unknown key %q"
	if o.Context != "" {
		syntax = o.Context + ": "
		unknown = o.Context + ": " + unknown
	}
	if o.Context == "" && len(bytes.TrimSpace(data)) == 0 {
		return t, Problems{Msg(name, 1, "toml-empty")}, false
	}
	context := ""
	if o.Context != "" {
		context = o.Context + ": "
	}
	if line, msg := input.Check(data); line > 0 {
		return t, Problems{{File: name, Line: line + t.first - 1, Msg: context + msg}}, false
	}
	if line, msg := input.TOMLDepth(data); line > 0 {
		return t, Problems{{File: name, Line: line + t.first - 1, Msg: context + msg}}, false
	}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if o.Context == "" {
				p := Msg(name, pe.Position.Line+t.first-1, "toml-syntax", pe.Message, tomlHint(pe.Message))
				p.Col = pe.Position.Col
				return t, Problems{p}, false
			}
			return t, Problems{{File: name, Line: pe.Position.Line + t.first - 1, Col: pe.Position.Col, Msg: syntax + pe.Message, Hint: tomlHint(pe.Message).String()}}, false
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
		if o.Context == "" {
			return t, Problems{Msg(name, line, "toml-type", msg)}, false
		}
		return t, Problems{{File: name, Line: line, Msg: syntax + msg, Hint: "check the value types: numbers without quotes, text in quotes"}}, false
	}
	for _, k := range md.Undecoded() {
		last := k[len(k)-1]
		if o.Context == "" {
			if o.Known != "" {
				ps = append(ps, Msg(name, t.KeyLine(last, 0), "toml-unknown-key-known", k.String(), o.Known))
			} else {
				ps = append(ps, Msg(name, t.KeyLine(last, 0), "toml-unknown-key", k.String()))
			}
			continue
		}
		hint := "check the spelling"
		if o.Known != "" {
			hint = "known keys here: " + o.Known + "; check the spelling"
		}
		ps = append(ps, Problem{File: name, Line: t.KeyLine(last, 0), Msg: fmt.Sprintf(unknown, k.String()), Hint: hint})
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
