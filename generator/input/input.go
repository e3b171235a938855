// Package input checks the raw text of input files before they are parsed:
// valid UTF-8, no NUL bytes, no absurdly long lines.
package input

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxLine is the longest line accepted, in bytes. Real lines of the plan
// are under 2 KB; a line of a megabyte is a pasting accident.
const MaxLine = 64 << 10

// Check returns the first problem of a file's text and its line (1-based),
// or 0 and "" when the text is fine.
func Check(data []byte) (int, string) {
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
			return line, fmt.Sprintf("line is %d KB long (at most %d KB): a pasting accident? split the text or remove it", len(l)>>10, MaxLine>>10)
		}
		if bytes.IndexByte(l, 0) >= 0 {
			return line, "line contains a NUL byte: the file is binary or damaged; restore it from version control"
		}
		if !utf8.Valid(l) {
			return line, "line is not valid UTF-8: save the file as UTF-8"
		}
		line++
	}
	return 0, ""
}
