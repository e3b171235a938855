// Package typeset breaks text into lines for the PDF writer, following
// Chinese line-breaking rules (kinsoku) and never losing a character.
package typeset

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noStart are characters that must not begin a line.
const noStart = "。，、；：？！）」』》〉】〕〗］｝’”…—–‐-%‰℃·・.,;:?!)]}>〞﹚﹜﹞ー"

// noEnd are characters that must not end a line.
const noEnd = "（「『《〈【〔〖［｛‘“(〝[{<﹙﹛﹝"

// runeSet is a set of characters of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func newRuneSet(chars string) *runeSet {
	var s runeSet
	for _, r := range chars {
		s[r>>6] |= 1 << (uint(r) & 63)
	}
	return &s
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r>>6]&(1<<(uint(r)&63)) != 0
}

var noStartSet, noEndSet = newRuneSet(noStart), newRuneSet(noEnd)

// Measure returns the width of s in the unit of the line width.
type Measure func(s string) float64

// IsWide reports whether r is set as a full-width character (ideographs,
// kana, full-width forms and CJK punctuation): a line may break around it.
func IsWide(r rune) bool {
	if r < 0xB7 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0x2E80 && r <= 0x2FFF ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// atom is an unbreakable piece of the text, text[start:end]; a space atom
// stands for a run of white space.
type atom struct {
	start, end int
	space      bool
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r) && r != '\u00a0'
}

// atoms splits text into unbreakable pieces: each wide character alone,
// each run of other non-space characters (a Latin word or a number) whole,
// and runs of spaces; then glues punctuation to its neighbour by the rules
// above. Pieces that are not spaces and follow each other in the list
// follow each other in the text, so a glued piece is a piece of the text.
func atoms(text string, out []atom) []atom {
	out = out[:0]
	word := -1 // start of the word being read
	flushWord := func(i int) {
		if word >= 0 {
			out = append(out, atom{start: word, end: i})
			word = -1
		}
	}
	for i, r := range text {
		switch {
		case isSpace(r):
			flushWord(i)
			end := i + utf8.RuneLen(r)
			if n := len(out); n > 0 && out[n-1].space {
				out[n-1].end = end
			} else {
				out = append(out, atom{start: i, end: end, space: true})
			}
		case IsWide(r):
			flushWord(i)
			out = append(out, atom{start: i, end: i + utf8.RuneLen(r)})
		default:
			if word < 0 {
				word = i
			}
		}
	}
	flushWord(len(text))
	// glue: a no-start atom joins the one before; a no-end atom joins the one after
	glued := out[:0]
	for _, a := range out {
		if !a.space && len(glued) > 0 && !glued[len(glued)-1].space {
			prev := &glued[len(glued)-1]
			first, _ := utf8.DecodeRuneInString(text[a.start:a.end])
			last, _ := utf8.DecodeLastRuneInString(text[prev.start:prev.end])
			if noStartSet.has(first) || noEndSet.has(last) {
				prev.end = a.end
				continue
			}
		}
		glued = append(glued, a)
	}
	return glued
}

// line collects the pieces of one line: while every space between its
// pieces is a single " " in the text, the line is a piece of the text.
type line struct {
	text       string
	start, end int // the line so far is text[start:end] while slice holds
	slice      bool
	b          strings.Builder // used once slice no longer holds
}

func (l *line) empty() bool { return l.end == l.start && (l.slice || l.b.Len() == 0) }

// add appends text[a:z], after a space when space is true.
func (l *line) add(a, z int, space bool) {
	if l.empty() {
		l.start, l.end, l.slice = a, z, true
		l.b.Reset()
		return
	}
	if l.slice && (!space && a == l.end || space && a == l.end+1 && l.text[l.end] == ' ') {
		l.end = z
		return
	}
	if l.slice {
		l.b.Reset()
		l.b.WriteString(l.text[l.start:l.end])
		l.slice = false
		l.start, l.end = 0, 0
	}
	if space {
		l.b.WriteByte(' ')
	}
	l.b.WriteString(l.text[a:z])
}

// take returns the line and empties it.
func (l *line) take() string {
	var s string
	if l.slice {
		s = l.text[l.start:l.end]
	} else {
		s = l.b.String()
		l.b = strings.Builder{}
	}
	l.start, l.end, l.slice = 0, 0, true
	return s
}

// Break splits text (valid UTF-8) into lines no wider than width; the first line is no
// wider than first (use it for a paragraph indent). Characters are never
// dropped: joining the lines (with a space where a space was) gives the
// text back. A piece wider than a whole line is split between characters.
func Break(text string, first, width float64, measure Measure) []string {
	var lines []string
	cur := line{text: text, slice: true}
	curW := 0.0
	limit := first
	pendingSpace := false
	spaceW := measure(" ")
	emit := func() {
		lines = append(lines, cur.take())
		curW = 0
		limit = width
		pendingSpace = false
	}
	var buf [64]atom
	for _, a := range atoms(text, buf[:0]) {
		if a.space {
			if !cur.empty() {
				pendingSpace = true
			}
			continue
		}
		s := text[a.start:a.end]
		w := measure(s)
		add := w
		if pendingSpace {
			add += spaceW
		}
		if curW+add <= limit+1e-9 {
			cur.add(a.start, a.end, pendingSpace)
			curW += add
			pendingSpace = false
			continue
		}
		if !cur.empty() {
			emit()
		}
		if w <= limit+1e-9 {
			cur.add(a.start, a.end, false)
			curW = w
			continue
		}
		// longer than a line: split between characters
		for i, r := range s {
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, n = utf8.DecodeRuneInString(s[i:])
			}
			rw := measure(s[i : i+n])
			if curW+rw > limit+1e-9 && !cur.empty() {
				emit()
			}
			cur.add(a.start+i, a.start+i+n, false)
			curW += rw
		}
	}
	if !cur.empty() || len(lines) == 0 {
		lines = append(lines, cur.take())
	}
	return lines
}
