package project

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"planpress/generator/diag"
	"planpress/generator/internal/fsutil"
)

// Search folding: the site's search folds the text and the query alike,
// so that what a reader types finds the published wording.
//
// data/search/chars.txt maps traditional and variant characters to their
// simplified form (OpenCC's TSCharacters format: CHAR<TAB>SIMPLIFIED[
// OTHER…]); data/search/phrases.toml lists words that mean the same but
// are written differently on the mainland and in the published text
// (空气质量 / 空氣品質). Both files are optional.
const (
	SearchCharsFile   = "data/search/chars.txt"
	SearchPhrasesFile = "data/search/phrases.toml"
)

// SearchFold is the folding of the site's search.
type SearchFold struct {
	// Chars maps a character to its folded form, sorted by the character;
	// both are single characters of the Basic Multilingual Plane, so that
	// folding keeps the length of a text in the page's script (UTF-16).
	Chars [][2]rune
	// Phrases are groups of words that search treats as one, as written
	// in the file (the page folds them as it folds the text).
	Phrases [][]string
}

// loadSearchFold reads the search folding files, when present.
func loadSearchFold(fsys fs.FS) (SearchFold, diag.Problems) {
	var sf SearchFold
	var ps diag.Problems
	data, err := fs.ReadFile(fsys, SearchCharsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		p := diag.MsgErr(SearchCharsFile, 0, err, "file-unreadable-restore", err)
		if fsutil.IsLimit(err) {
			p = diag.MsgErr(SearchCharsFile, 0, err, "file-limit", err)
		}
		ps = append(ps, p)
	default:
		seen := map[rune]int{}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimRight(line, "\r")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			from, to, ok := strings.Cut(line, "\t")
			if to, _, _ = strings.Cut(to, " "); !ok || utf8.RuneCountInString(from) != 1 || utf8.RuneCountInString(to) != 1 || !utf8.ValidString(line) {
				ps = append(ps, diag.Msg(SearchCharsFile, i+1, "search-chars-line", line))
				continue
			}
			f, _ := utf8.DecodeRuneInString(from)
			t, _ := utf8.DecodeRuneInString(to)
			if f > 0xFFFF || t > 0xFFFF || f == t {
				continue // outside the BMP the page's folding would change lengths
			}
			if at, dup := seen[f]; dup {
				ps = append(ps, diag.Msg(SearchCharsFile, i+1, "search-chars-twice", from, at))
				continue
			}
			seen[f] = i + 1
			sf.Chars = append(sf.Chars, [2]rune{f, t})
		}
		sort.Slice(sf.Chars, func(i, j int) bool { return sf.Chars[i][0] < sf.Chars[j][0] })
	}
	if _, err := fs.Stat(fsys, SearchPhrasesFile); err == nil {
		var doc struct {
			Group []struct {
				Words []string `toml:"words"`
			} `toml:"group"`
		}
		lines, e := loadTOML(fsys, SearchPhrasesFile, &doc, "[[group]] words")
		ps = append(ps, e...)
		for _, g := range doc.Group {
			var ws []string
			for _, w := range g.Words {
				if w = strings.TrimSpace(w); w != "" {
					ws = append(ws, w)
				}
			}
			if len(ws) < 2 {
				line := 0
				if len(g.Words) > 0 {
					line = lineOf(lines, g.Words[0])
				}
				ps = append(ps, diag.Msg(SearchPhrasesFile, line, "search-phrase-short"))
				continue
			}
			sf.Phrases = append(sf.Phrases, ws)
		}
	}
	return sf, ps
}

// lineOf returns the first line (1-based) that contains s, or 0.
func lineOf(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}
