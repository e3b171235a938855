package site

import (
	"sort"
	"strings"
)

// textSpans returns the byte ranges of an HTML fragment that are text:
// outside tags (and their attribute values), comments, and the raw text
// of script and style elements. Text found there can be wrapped in
// markup; the same text inside an attribute (aria-label, title, alt) must
// not be.
func textSpans(h string) [][2]int {
	var spans [][2]int
	start := 0
	i := 0
	for i < len(h) {
		if h[i] != '<' {
			i++
			continue
		}
		if i > start {
			spans = append(spans, [2]int{start, i})
		}
		end := tagEnd(h, i)
		lower := strings.ToLower(h[i:min(i+8, len(h))])
		for _, raw := range []string{"<script", "<style"} {
			if strings.HasPrefix(lower, raw) {
				close := strings.Index(strings.ToLower(h[end:]), "</"+raw[1:])
				if close < 0 {
					end = len(h)
				} else {
					end = tagEnd(h, end+close)
				}
			}
		}
		i, start = end, end
	}
	if start < len(h) {
		spans = append(spans, [2]int{start, len(h)})
	}
	return spans
}

// tagEnd returns the index after the tag or comment that starts at i:
// quoted attribute values may hold '>'.
func tagEnd(h string, i int) int {
	if strings.HasPrefix(h[i:], "<!--") {
		if j := strings.Index(h[i+4:], "-->"); j >= 0 {
			return i + 4 + j + 3
		}
		return len(h)
	}
	var quote byte
	for j := i + 1; j < len(h); j++ {
		c := h[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(h)
}

// textIndex returns the first index of s in h that lies wholly within one
// text span, or -1.
func textIndex(h, s string, spans [][2]int) int {
	if s == "" {
		return -1
	}
	for from := 0; from <= len(h)-len(s); {
		at := strings.Index(h[from:], s)
		if at < 0 {
			return -1
		}
		at += from
		k := sort.Search(len(spans), func(k int) bool { return spans[k][1] > at })
		if k < len(spans) && spans[k][0] <= at && at+len(s) <= spans[k][1] {
			return at
		}
		from = at + 1
	}
	return -1
}
