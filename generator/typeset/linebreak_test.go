package typeset

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// width: wide characters 2, others 1.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if IsWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }

func TestBreakRules(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"cjk plain", "一二三四五六", 6, []string{"一二三", "四五六"}},
		{"no comma at line start", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
		{"no full stop at line start", "一二三。四五", 6, []string{"一二", "三。四", "五"}},
		{"no opening bracket at line end", "一二（三四）", 6, []string{"一二", "（三", "四）"}},
		{"no opening quote at line end", "一二“三”四", 6, []string{"一二", "“三”", "四"}},
		{"number not split", "到2025年達到", 7, []string{"到2025", "年達到"}},
		{"latin word not split", "PM2.5年均濃度", 8, []string{"PM2.5年", "均濃度"}},
		{"english wraps at spaces", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"long word split", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"fits", "短句", 10, []string{"短句"}},
		{"empty", "", 10, []string{""}},
		{"percent stays with number", "下降18%左右", 6, []string{"下降", "18%左", "右"}},
		{"ellipsis and dash", "甲乙……丙——丁", 6, []string{"甲", "乙……", "丙——", "丁"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Break(c.text, c.width, c.width, width)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("Break(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestBreakNeverLosesOrStartsBadly(t *testing.T) {
	text := "“十四五”時期,生態環境持續改善具有多方面優勢和條件。黨的十九屆五中全會對“十四五”經濟社會發展做出重要戰略部署（2021年—2025年），PM2.5年均濃度降至35微克/立方米左右；the capital's air quality keeps improving, a very-long-hyphenated-english-word-here."
	for w := 8.0; w < 60; w++ {
		lines := Break(text, w-2, w, width)
		if got := strip(strings.Join(lines, "")); got != strip(text) {
			t.Fatalf("width %v: lost characters:\n%s\n%s", w, got, strip(text))
		}
		for i, l := range lines {
			if l == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(l)
			if i > 0 && strings.ContainsRune("。，、；：？！）」』》〉】", r) && width(l) > 0 {
				// allowed only when the previous line could hold nothing more
				t.Errorf("width %v: line %d starts with %q: %q", w, i, r, l)
			}
			last, _ := utf8.DecodeLastRuneInString(l)
			if i < len(lines)-1 && strings.ContainsRune("（「『《〈【“", last) {
				t.Errorf("width %v: line %d ends with %q", w, i, last)
			}
		}
	}
}

func FuzzBreak(f *testing.F) {
	f.Add("“十四五”時期,生態環境持續改善。PM2.5年均濃度降至35微克/立方米左右", 10.0, 12.0)
	f.Add("the quick brown fox jumps over the lazy dog", 5.0, 8.0)
	f.Add("", 1.0, 1.0)
	f.Add("（（（（））））。。。", 2.0, 2.0)
	f.Fuzz(func(t *testing.T, text string, first, width float64) {
		if !(first > 0 && first < 1e6 && width > 0 && width < 1e6) || !utf8.ValidString(text) {
			return // input files are checked for valid UTF-8 before typesetting
		}
		lines := Break(text, first, width, width_)
		if got, want := strip(strings.Join(lines, "")), strip(text); got != want {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
	})
}

// width_ is width, named apart from the fuzz argument.
func width_(s string) float64 { return width(s) }
