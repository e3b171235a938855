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

// Measure returns the width of s in the unit of the line width.
type Measure func(s string) float64

// IsWide reports whether r is set as a full-width character (ideographs,
// kana, full-width forms and CJK punctuation): a line may break around it.
func IsWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0x2E80 && r <= 0x2FFF ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

type atom struct {
	s     string
	space bool
}

// atoms splits text into unbreakable pieces: each wide character alone,
// each run of other non-space characters (a Latin word or a number) whole,
// and spaces; then glues punctuation to its neighbour by the rules above.
func atoms(text string) []atom {
	var out []atom
	var word strings.Builder
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, atom{s: word.String()})
			word.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r) && r != '\u00a0':
			flushWord()
			if len(out) == 0 || !out[len(out)-1].space {
				out = append(out, atom{s: " ", space: true})
			}
		case IsWide(r):
			flushWord()
			out = append(out, atom{s: string(r)})
		default:
			word.WriteRune(r)
		}
	}
	flushWord()
	// glue: a no-start atom joins the one before; a no-end atom joins the one after
	glued := out[:0:0]
	for i := 0; i < len(out); i++ {
		a := out[i]
		if !a.space && len(glued) > 0 && !glued[len(glued)-1].space {
			first, _ := utf8.DecodeRuneInString(a.s)
			if strings.ContainsRune(noStart, first) {
				glued[len(glued)-1].s += a.s
				continue
			}
		}
		if !a.space && len(glued) > 0 && !glued[len(glued)-1].space {
			last, _ := utf8.DecodeLastRuneInString(glued[len(glued)-1].s)
			if strings.ContainsRune(noEnd, last) {
				glued[len(glued)-1].s += a.s
				continue
			}
		}
		glued = append(glued, a)
	}
	return glued
}

// Break splits text (valid UTF-8) into lines no wider than width; the first line is no
// wider than first (use it for a paragraph indent). Characters are never
// dropped: joining the lines (with a space where a space was) gives the
// text back. A piece wider than a whole line is split between characters.
func Break(text string, first, width float64, measure Measure) []string {
	var lines []string
	var cur strings.Builder
	curW := 0.0
	limit := first
	pendingSpace := false
	spaceW := measure(" ")
	emit := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
		limit = width
		pendingSpace = false
	}
	for _, a := range atoms(text) {
		if a.space {
			if cur.Len() > 0 {
				pendingSpace = true
			}
			continue
		}
		w := measure(a.s)
		add := w
		if pendingSpace {
			add += spaceW
		}
		if curW+add <= limit+1e-9 {
			if pendingSpace {
				cur.WriteByte(' ')
			}
			cur.WriteString(a.s)
			curW += add
			pendingSpace = false
			continue
		}
		if cur.Len() > 0 {
			emit()
		}
		if w <= limit+1e-9 {
			cur.WriteString(a.s)
			curW = w
			continue
		}
		// longer than a line: split between characters
		for _, r := range a.s {
			rw := measure(string(r))
			if curW+rw > limit+1e-9 && cur.Len() > 0 {
				emit()
			}
			cur.WriteRune(r)
			curW += rw
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
