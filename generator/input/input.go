// Package input checks the raw text of input files before they are parsed:
// valid UTF-8, no NUL bytes, no absurdly long lines.
package input

import (
	"bytes"
	"unicode/utf8"
)

// MaxLine is the longest line accepted, in bytes. Real lines of the plan
// are under 2 KB; a line of a megabyte is a pasting accident.
const MaxLine = 64 << 10

// Fault is a problem of the raw text of a file: its line (1-based), and
// the key of its message in the catalogue data/i18n/messages.toml with the
// message's arguments (diag.Msg makes the problem of it). The zero Fault,
// line 0, is no problem.
type Fault struct {
	Line int
	Key  string
	Args []any
}

// The keys of the faults, for the test that the catalogue has them.
const (
	KeyLongLine = "input-long-line"
	KeyNUL      = "input-nul"
	KeyUTF8     = "input-utf8"
	KeyDeep     = "input-deep"
)

// Keys are the message keys of every Fault.
var Keys = []string{KeyLongLine, KeyNUL, KeyUTF8, KeyDeep}

// Check returns the first problem of a file's text, or the zero Fault when
// the text is fine.
func Check(data []byte) Fault {
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		l := data
		if i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(l) > MaxLine {
			return Fault{line, KeyLongLine, []any{len(l) >> 10, MaxLine >> 10}}
		}
		if bytes.IndexByte(l, 0) >= 0 {
			return Fault{Line: line, Key: KeyNUL}
		}
		if !utf8.Valid(l) {
			return Fault{Line: line, Key: KeyUTF8}
		}
		line++
	}
	return Fault{}
}
