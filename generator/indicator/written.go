package indicator

import (
	"regexp"
	"strconv"
	"strings"

	"planpress/generator/diag"
)

var (
	// value = "85.2" (or '85.2'), perhaps with a comment after it
	reValueText = regexp.MustCompile(`^(\s*value\s*=\s*)("[^"\\]*"|'[^']*')(\s*(?:#.*)?)$`)
	// value = 85,2: a decimal comma
	reValueComma = regexp.MustCompile(`^(\s*value\s*=\s*)([-+]?\d+),(\d+)(\s*(?:#.*)?)$`)
)

// numbersAsWritten finds the values of a year's file that are written as
// text (value = "85.2") or with a decimal comma (value = 85,2), one problem
// at each such line, and returns the text with those values replaced by 0
// on the same lines, so that the rest of the file is still read and checked.
func numbersAsWritten(file string, data []byte) ([]byte, diag.Problems) {
	lines := strings.Split(string(data), "\n")
	var ps diag.Problems
	for i, l := range lines {
		cr := ""
		if strings.HasSuffix(l, "\r") {
			l, cr = l[:len(l)-1], "\r"
		}
		if m := reValueText.FindStringSubmatch(l); m != nil {
			inner := m[2][1 : len(m[2])-1]
			num := strings.ReplaceAll(strings.TrimSpace(inner), ",", ".")
			if _, err := strconv.ParseFloat(num, 64); err == nil && num != "" {
				ps = append(ps, diag.Msg(file, i+1, "annual-value-as-text", m[2], num))
			} else {
				ps = append(ps, diag.Msg(file, i+1, "annual-value-as-text-nan", m[2]))
			}
			lines[i] = m[1] + "0" + m[3] + cr
			continue
		}
		if m := reValueComma.FindStringSubmatch(l); m != nil {
			ps = append(ps, diag.Msg(file, i+1, "annual-decimal-comma", m[2]+","+m[3], m[2]+"."+m[3]))
			lines[i] = m[1] + "0" + m[4] + cr
		}
	}
	if len(ps) == 0 {
		return data, nil
	}
	return []byte(strings.Join(lines, "\n")), ps
}

// entryHas reports whether a problem of ps lies in the entry from line
// from up to (not including) line to (0: the end of the file).
func entryHas(ps diag.Problems, from, to int) bool {
	for _, p := range ps {
		if p.Line >= from && (to == 0 || p.Line < to) {
			return true
		}
	}
	return false
}
