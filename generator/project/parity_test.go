package project

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/plan"
)

var (
	// a number, with the Chinese multipliers 萬 and 億 after it
	reZhNum = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?(?:[多餘余])?(萬億|萬|億|月)?`)
	// 萬 on its own (10立方米/萬元: per 10,000 yuan)
	reZhWan = regexp.MustCompile(`(^|[^\d多餘余])萬`)
	// a Chinese-numeral count (五個區, 十四五): matched against English digits
	reZhWordNum = regexp.MustCompile(`[一二兩三四五六七八九十百千]+`)
	// a number, with million/billion after it; ordinals (14th) are left out
	reEnNum  = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?(?:(st|nd|rd|th)\b|\s+(thousand|million|billion)\b)?`)
	reEnWord = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b`)
)

var enWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}

func parseNum(s string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// zhNumbers returns the values of the Arabic numbers of a Chinese paragraph
// (1.38萬 is 13800), and those of its Chinese numerals (五 is 5).
func zhNumbers(s string) (digits, words []float64) {
	for _, m := range reZhNum.FindAllStringSubmatch(s, -1) {
		v := parseNum(strings.TrimRight(m[0], "萬億多餘余月"))
		switch m[1] {
		case "月":
			words = append(words, v) // a month: the English names it
			continue
		case "萬":
			v *= 1e4
		case "億":
			v *= 1e8
		case "萬億":
			v *= 1e12
		}
		digits = append(digits, v)
	}
	if reZhWan.MatchString(s) {
		words = append(words, 1e4)
	}
	for _, m := range reZhWordNum.FindAllString(s, -1) {
		if v, ok := chineseNumeral(m); ok {
			words = append(words, v)
		}
	}
	return digits, words
}

// chineseNumeral reads 五, 十四, 二十, 一百 and the like.
func chineseNumeral(s string) (float64, bool) {
	digit := map[rune]float64{'一': 1, '二': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0.0, 0.0
	for _, r := range s {
		switch r {
		case '十', '百', '千':
			unit := map[rune]float64{'十': 10, '百': 100, '千': 1000}[r]
			if cur == 0 {
				cur = 1
			}
			total += cur * unit
			cur = 0
		default:
			cur = digit[r]
		}
	}
	return total + cur, true
}

// enNumbers returns the values of the numbers of an English paragraph
// (1.2 billion is 1.2e9) and of its number words.
func enNumbers(s string) (digits, words []float64) {
	for _, m := range reEnNum.FindAllStringSubmatch(s, -1) {
		if m[1] != "" {
			continue // an ordinal: 14th renders 十四五
		}
		num := strings.Fields(m[0])[0]
		v := parseNum(num)
		switch m[2] {
		case "thousand":
			v *= 1e3
		case "million":
			v *= 1e6
		case "billion":
			v *= 1e9
		}
		digits = append(digits, v)
	}
	for _, m := range reEnWord.FindAllString(s, -1) {
		words = append(words, enWords[strings.ToLower(m)])
	}
	return digits, words
}

func hasValue(vs []float64, v float64) bool {
	for _, w := range vs {
		if math.Abs(w-v) <= 1e-9*math.Max(1, math.Abs(v)) {
			return true
		}
	}
	return false
}

// numberParity compares the numbers of an aligned pair: each Arabic number
// of the Chinese is in the English (as digits or as a word), and each
// Arabic number of the English is in the Chinese (as digits or as a
// Chinese numeral). It returns what differs.
func numberParity(zh, en string) []string {
	zd, zw := zhNumbers(zh)
	ed, ew := enNumbers(en)
	var diffs []string
	for _, v := range zd {
		if !hasValue(ed, v) && !hasValue(ew, v) {
			diffs = append(diffs, fmt.Sprintf("the Chinese has %v, the English does not", v))
		}
	}
	for _, v := range ed {
		if !hasValue(zd, v) && !hasValue(zw, v) {
			diffs = append(diffs, fmt.Sprintf("the English has %v, the Chinese does not", v))
		}
	}
	return diffs
}

// formula is a set formula of the glossary given as a pattern.
type formula struct {
	re      *regexp.Regexp
	renders []string
	number  bool // a qualifier of a number: only renderings next to a number count
}

// counts returns how often the Chinese has the formula and the English one
// of its renderings.
func (f formula) counts(zh, en string) (n, m int) {
	n = len(f.re.FindAllString(zh, -1))
	for _, r := range f.renders {
		at := renderingAt(en, r)
		if f.number {
			at = nextToNumber(en, at)
		}
		m += len(at)
	}
	return n, m
}

// TestNumberAndQualifierParity: in every aligned pair of paragraphs and
// headings of the plan, the numbers are the same, and each set formula of
// the glossary that is a pattern (a number + 以上, 以下, 以內, 左右) is
// rendered by its English form exactly as many times as the Chinese has it,
// so that an edit of either language cannot change a commitment silently.
func TestNumberAndQualifierParity(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var formulae []formula
	for _, term := range p.Reg.Glossary {
		if term.Pattern != "" {
			formulae = append(formulae, formula{regexp.MustCompile(term.Pattern), append([]string{term.En}, term.Also...), strings.Contains(term.Pattern, `\d`)})
		}
	}
	if len(formulae) < 4 {
		t.Fatalf("only %d formulae in data/glossary.toml", len(formulae))
	}
	zh, en := p.Plans["zh-Hant"], p.Plans["en"]
	pairs, checked := 0, 0
	var problems []string
	for i, zp := range zh.Pages {
		ep := en.Pages[i]
		if ep.ID != zp.ID || len(ep.Blocks) != len(zp.Blocks) {
			t.Fatalf("page %s is not aligned", zp.ID)
		}
		for k, zb := range zp.Blocks {
			eb := ep.Blocks[k]
			if zb.Kind == plan.Directive {
				continue
			}
			pairs++
			where := fmt.Sprintf("%s:%d (%s)", ep.File, eb.Line, zb.Owner)
			for _, d := range numberParity(zb.Text, eb.Text) {
				problems = append(problems, where+": "+d)
			}
			for _, f := range formulae {
				n, m := f.counts(zb.Text, eb.Text)
				if n > 0 {
					checked++
				}
				if n != m {
					problems = append(problems, fmt.Sprintf("%s: %d × %s in the Chinese, %d × %q in the English", where, n, f.re, m, f.renders[0]))
				}
			}
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Errorf("%d differences between aligned paragraphs:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	if pairs < 300 || checked < 20 {
		t.Errorf("only %d aligned pairs, %d with formulae", pairs, checked)
	}
}

// nextToNumber keeps the occurrences of a rendering that qualify a number:
// a digit in the 30 bytes before it ("35% or more", "5 million square
// meters or more") or right after it ("about 35", "within 3 billion").
func nextToNumber(s string, at [][]int) [][]int {
	var keep [][]int
	for _, a := range at {
		before := s[max(0, a[0]-30):a[0]]
		after := s[a[1]:min(len(s), a[1]+3)]
		if strings.ContainsAny(before, "0123456789") || strings.ContainsAny(after, "0123456789") {
			keep = append(keep, a)
		}
	}
	return keep
}

func TestNumberParityFindsChanges(t *testing.T) {
	for _, c := range []struct {
		zh, en string
		want   int
	}{
		{"下降到40.6億立方米", "fell to 4.06 billion cubic meters", 0},
		{"重點工程減排量分別為1.38萬噸", "reductions of 13,800 tonnes", 0},
		{"5個區", "five districts", 0},
		{"“十四五”時期", "the 14th Five-Year Plan period", 0},
		{"三個區達到35%", "3 districts reached 35%", 0},
		{"下降到40.6億立方米", "fell to 4.6 billion cubic meters", 2},
		{"達到35%以上", "will reach 53% or more", 2},
		{"達到35%", "will reach 35% by 2025", 1},
	} {
		if got := numberParity(c.zh, c.en); len(got) != c.want {
			t.Errorf("%q / %q: %d differences %q, want %d", c.zh, c.en, len(got), got, c.want)
		}
	}
}

func TestQualifierCounts(t *testing.T) {
	orMore := formula{regexp.MustCompile(`\d[\d.,]*(?:%|[^\s\d，。；、]{0,5}?)以上`), []string{"or more"}, true}
	for _, c := range []struct {
		zh, en string
		n, m   int
	}{
		{"達到35%以上", "will reach 35% or more", 1, 1},
		{"達到35%以上", "will exceed 35%", 1, 0},
		{"達到35%", "will reach 35% or more", 0, 1},
		{"佔比超過60%", "accounted for more than 60%", 0, 0}, // "for more" is not "or more"
		{"一個或多個", "one or more of the districts", 0, 0},  // not next to a number
		{"完成900個以上村莊", "in 900 or more villages", 1, 1},
	} {
		if n, m := orMore.counts(c.zh, c.en); n != c.n || m != c.m {
			t.Errorf("%q / %q: %d, %d, want %d, %d", c.zh, c.en, n, m, c.n, c.m)
		}
	}
}
