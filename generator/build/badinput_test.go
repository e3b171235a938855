package build

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"planpress/generator/diag"
	"planpress/generator/fonts"
	"planpress/generator/internal/testutil"
)

// englishOnly are the cases whose messages are not in the catalogue
// data/i18n/messages.toml, told in English only: none now, every case
// reads in Chinese. TestBadInput fails when another case is, and when one
// of these no longer is.
var englishOnly = map[string]bool{}

// edit is a change to one file of a project copy.
type edit struct {
	file string
	do   func(string) string // nil deletes the file
}

// special makes a file that is not written with text (a pipe, a link).
type special struct {
	file string
	mk   func(string) error
}

func symlink(target string) func(string) error {
	return func(p string) error { return os.Symlink(target, p) }
}

// outsideFile writes a file outside the project and returns its path.
func outsideFile(t *testing.T, text string) string {
	p := filepath.Join(t.TempDir(), "outside.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// deepTOML is a value nested three million levels deep, no line over the
// line limit.
func deepTOML(s string) string { return s + "\ndeep = [\n" + strings.Repeat("[\n", 3000000) }

// emphasis is a paragraph of 240 KB of unclosed emphasis, in lines of
// 60 KB (the Markdown converter's worst case).
func emphasis(s string) string {
	line := strings.Repeat("a_*", 20000)
	return s + "\n" + strings.Repeat(line+"\n", 4)
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit: " + old + " not found")
		}
		return strings.Replace(s, old, new, 1)
	}
}

func appendText(t string) func(string) string { return func(s string) string { return s + t } }

func set(t string) func(string) string { return func(string) string { return t } }

const obs = "\n[[observation]]\nindicator = %q\nvalue = %s\nsource = \"src34\"\n"

func observation(ind, value string) func(string) string {
	return appendText(strings.Replace(strings.Replace(obs, "%q", `"`+ind+`"`, 1), "%s", value, 1))
}

// truncatedFont writes the first 1,000 bytes of a real font.
func truncatedFont(t *testing.T, dir string) string {
	src := "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatalf("the test font is missing: %v (scripts/setup installs it)", err)
	}
	p := filepath.Join(dir, "truncated.ttf")
	os.WriteFile(p, data[:1000], 0o644)
	return p
}

// corruptLoca writes face 0 of the real font with its loca table (the
// glyph offsets) running backwards.
func corruptLoca(t *testing.T, dir string) string {
	data, err := os.ReadFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
	if err != nil {
		t.Fatalf("the test font is missing: %v (scripts/setup installs it)", err)
	}
	ttf, err := fonts.ExtractFace(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "loca" {
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			for k := uint32(4); k+4 <= length; k += 8 {
				binary.BigEndian.PutUint32(ttf[off+k:], 0)
			}
		}
	}
	p := filepath.Join(dir, "loca.ttf")
	os.WriteFile(p, ttf, 0o644)
	return p
}

// cffCollection writes a collection whose only face has CFF outlines.
func cffCollection(dir string) string {
	var b []byte
	b = append(b, "ttcf"...)
	b = binary.BigEndian.AppendUint32(b, 0x00010000)
	b = binary.BigEndian.AppendUint32(b, 1)
	b = binary.BigEndian.AppendUint32(b, 16)
	b = append(b, "OTTO"...)
	b = append(b, make([]byte, 8)...)
	p := filepath.Join(dir, "cff.ttc")
	os.WriteFile(p, b, 0o644)
	return p
}

// TestBadInput breaks a copy of the project in over 100 ways. Each build must
// fail with a message naming the file (and line where there is one), and
// leave the published tree exactly as it was.
func TestBadInput(t *testing.T) {
	testutil.Slow(t)
	fontDir := t.TempDir()
	// ln is the line of the project's file that holds text, plus off:
	// messages must name the very line, wherever the data moves
	ln := func(file, text string, off int) string {
		data, err := os.ReadFile(filepath.Join(testutil.Root(t), file))
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, text) {
				return strconv.Itoa(i + 1 + off)
			}
		}
		t.Fatalf("%s: %q not found", file, text)
		return ""
	}
	cases := []struct {
		name  string
		edits []edit
		want  string // regexp the error must match: the file and, where there is one, the line
	}{
		// TOML syntax, types and keys
		{"indicators: unclosed table", []edit{{"data/indicators.toml", appendText("\n[[indicator]\n")}}, `data/indicators\.toml:\d+`},
		{"indicators: unclosed string", []edit{{"data/indicators.toml", appendText("\n[[indicator]]\nid = \"x\n")}}, `data/indicators\.toml:\d+`},
		{"indicators: wrong type", []edit{{"data/indicators.toml", replace("decimals = 1", `decimals = "one"`)}}, `data/indicators\.toml:\d+`},
		{"indicators: unknown key", []edit{{"data/indicators.toml", replace("decimals = 1", "decimal = 1")}}, `data/indicators\.toml:\d+: unknown key`},
		{"indicators: duplicate id", []edit{{"data/indicators.toml", replace(`id = "co2-per-gdp-change"`, `id = "carbon-emissions-below-peak"`)}}, `data/indicators\.toml:\d+: duplicate indicator id`},
		{"indicators: dangling area", []edit{{"data/indicators.toml", replace(`area = "air"`, `area = "sky"`)}}, `data/indicators\.toml:\d+: .*unknown area "sky"`},
		{"indicators: id escaping the site", []edit{{"data/indicators.toml", replace(`id = "pm25-annual-mean"`, `id = "../../../tmp/x"`)}}, `data/indicators\.toml:\d+: indicator id "\.\./\.\./\.\./tmp/x" is not valid`},
		{"indicators: missing English name", []edit{{"data/indicators.toml", replace(`en = "PM2.5 annual mean concentration"`, `en = ""`)}}, `data/indicators\.toml:\d+: .*lacks a name`},
		{"indicators: unknown bound", []edit{{"data/indicators.toml", replace(`bound = "about", tolerance = 1.75`, `bound = "roughly", tolerance = 1.75`)}}, `data/indicators\.toml:\d+: .*bound "roughly"`},
		{"indicators: about without tolerance", []edit{{"data/indicators.toml", replace(`bound = "about", tolerance = 1.75`, `bound = "about"`)}}, `data/indicators\.toml:\d+: .*needs a tolerance`},
		{"indicators: quote not verbatim", []edit{{"data/indicators.toml", replace(`quote = "PM2.5年均濃度降至35微克/立方米左右"`, `quote = "PM2.5年均濃度降至35微克左右"`)}}, `data/indicators\.toml:\d+: quote of "pm25-annual-mean" is not in the plan text`},
		{"indicators: unknown section", []edit{{"data/indicators.toml", replace(`section = "ch2-s3"`, `section = "ch9-s9"`)}}, `data/indicators\.toml:\d+: .*section "ch9-s9"`},
		{"indicators: empty file", []edit{{"data/indicators.toml", set("")}}, `data/indicators\.toml:1: file is empty`},
		{"indicators: absurd target", []edit{{"data/indicators.toml", replace("value = 14, bound", "value = 140, bound")}}, `data/indicators\.toml:\d+: target of "renewable-energy-share" is 140%`},
		{"areas: syntax", []edit{{"data/areas.toml", appendText("\n[[area]\n")}}, `data/areas\.toml:\d+`},
		{"areas: duplicate id", []edit{{"data/areas.toml", appendText("\n[[area]]\nid = \"air\"\nname = { zh = \"空\", en = \"Air\" }\n")}}, `data/areas\.toml:\d+: duplicate area id "air"`},
		{"sources: bad grade", []edit{{"data/sources.toml", replace(`grade = "C"`, `grade = "Z"`)}}, `data/sources\.toml:\d+: source "\w+" has grade "Z"`},
		{"sources: javascript url", []edit{{"data/sources.toml", replace("grade = \"C\"\nurl = \"\"", "grade = \"A\"\nurl = \"javascript:alert(1)\"")}}, `data/sources\.toml:\d+: .*url "javascript:alert\(1\)"`},
		{"sources: repost linked", []edit{{"data/sources.toml", replace("grade = \"C\"\nurl = \"\"", "grade = \"C\"\nurl = \"https://repost.example.com/\"")}}, `data/sources\.toml:\d+: .*grade C but has a url`},
		{"sources: bad date", []edit{{"data/sources.toml", replace(`date = "2021-12-09"`, `date = "9 Dec 2021"`)}}, `data/sources\.toml:\d+: .*date "9 Dec 2021"`},
		{"sources: zero bytes", []edit{{"data/sources.toml", set("")}}, `data/sources\.toml:1: file is empty`},
		{"annual: unknown indicator", []edit{{"data/annual/2024.toml", observation("pm-two-point-five", "3.0")}}, `data/annual/2024\.toml:\d+: unknown indicator "pm-two-point-five"`},
		{"annual: unknown source", []edit{{"data/annual/2024.toml", appendText("\n[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 3.0\nsource = \"nobody\"\n")}}, `data/annual/2024\.toml:\d+: unknown source "nobody"`},
		{"annual: no source", []edit{{"data/annual/2024.toml", appendText("\n[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 3.0\n")}}, `data/annual/2024\.toml:\d+: .*has no source`},
		{"annual: percent over 100", []edit{{"data/annual/2025.toml", replace("value = 85.2", "value = 852")}}, `data/annual/2025\.toml:\d+: value of "good-air-day-ratio" is 852%`},
		{"annual: negative level", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = -27.0")}}, `data/annual/2025\.toml:\d+: value of "pm25-annual-mean" is negative`},
		{"annual: not a number", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = nan")}}, `data/annual/2025\.toml:\d+: value of "pm25-annual-mean" is not a number`},
		{"annual: value written as text", []edit{{"data/annual/2025.toml", replace("value = 85.2\n", "value = \"85.2\"\n")}}, `^data/annual/2025\.toml:` + ln("data/annual/2025.toml", "value = 85.2", 0) + `: value is written as text \("85\.2"\) \(write the number without quotes: value = 85\.2\)$`},
		{"annual: decimal comma", []edit{{"data/annual/2025.toml", replace("value = 85.2\n", "value = 85,2\n")}}, `^data/annual/2025\.toml:` + ln("data/annual/2025.toml", "value = 85.2", 0) + `: value 85,2 is written with a decimal comma \(write a decimal point: value = 85\.2\)$`},
		{"annual: year mismatch", []edit{{"data/annual/2023.toml", replace("year = 2023", "year = 2033")}}, `data/annual/2023\.toml:\d+: year = 2033`},
		{"annual: file name", []edit{{"data/annual/next.toml", set("year = 2026\n")}}, `data/annual/next\.toml: annual file name is not YYYY\.toml`},
		{"annual: year outside plan", []edit{{"data/annual/2031.toml", set("year = 2031\n")}}, `data/annual/2031\.toml: year 2031 is outside`},
		{"annual: duplicate value", []edit{{"data/annual/2025.toml", observation("pm25-annual-mean", "26.0")}}, `data/annual/2025\.toml:\d+: indicator "pm25-annual-mean" has a second value in 2025`},
		{"annual: status on a measured indicator", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = 27.0\nstatus = \"achieved\"")}}, `data/annual/2025\.toml:\d+: status on "pm25-annual-mean"`},
		{"annual: binary without status", []edit{{"data/annual/2021.toml", replace(`status = "achieved"`, `status = "yes"`)}}, `data/annual/2021\.toml:\d+: .*status is "yes"`},
		{"annual: very long line", []edit{{"data/annual/2025.toml", appendText("# " + strings.Repeat("長", 40000) + "\n")}}, `data/annual/2025\.toml:\d+: line is \d+ KB long`},
		{"annual: invalid UTF-8", []edit{{"data/annual/2025.toml", appendText("# \xff\xfe broken\n")}}, `data/annual/2025\.toml:\d+: line is not valid UTF-8`},
		{"site: syntax", []edit{{"data/site.toml", replace("base_year = 2020", "base_year = = 2020")}}, `data/site\.toml:\d+`},
		{"site: bad base url", []edit{{"data/site.toml", replace(`base_url = "https://beijing-eco-plan.example.org/"`, `base_url = "beijing-eco-plan"`)}}, `data/site\.toml:` + ln("data/site.toml", "base_url = ", 0) + `: base_url`},
		{"site: bad date", []edit{{"data/site.toml", replace(`date = "2026-11-29"`, `date = "tomorrow"`)}}, `data/site\.toml:` + ln("data/site.toml", "date = ", 0) + `: date "tomorrow"`},
		{"site: unknown key", []edit{{"data/site.toml", func(s string) string { return "colour = \"green\"\n" + s }}}, `data/site\.toml:1: unknown key "colour"`},
		{"strings: missing key", []edit{{"data/i18n/en.toml", replace("\nhome = \"Home\"\n", "\n")}}, `data/i18n/en\.toml: string "home" is missing`},
		{"strings: syntax", []edit{{"data/i18n/zh-Hant.toml", appendText("\nbroken = \"\n")}}, `data/i18n/zh-Hant\.toml:\d+`},
		{"glossary: missing English", []edit{{"data/glossary.toml", appendText("\n[[term]]\nzh = \"空氣\"\n")}}, `data/glossary\.toml:\d+: glossary term \d+ needs en and either zh or pattern`},
		{"English quote not in the English plan", []edit{{"data/indicators.toml", replace(`quote_en = "the annual mean PM2.5 concentration falling to about 35 μg/m³"`, `quote_en = "the annual mean PM2.5 concentration falls to about 35 μg/m³"`)}}, `data/indicators\.toml:\d+: quote_en of "pm25-annual-mean" is not in the English plan at section ch2-s3`},
		{"English plan drops a set formula", []edit{{"content/en/plan/ch4.md", replace("reclaimed water utilization rate will reach 35% or more", "reclaimed water utilization rate will exceed 35%")}}, `content/en/plan/ch4\.md:\d+: the Chinese has the formula .*以上 2 time\(s\) but the English has "or more" 1 time\(s\)`},
		{"glossary: bad pattern", []edit{{"data/glossary.toml", appendText("\n[[term]]\npattern = '\\d+(以上'\nen = \"or more\"\n")}}, `data/glossary\.toml:\d+: glossary pattern .* is not a valid regular expression`},
		{"table 1: quote not in text", []edit{{"data/table1.toml", appendText("\n[[row]]\nitem = { zh = \"甲\", en = \"A\" }\nvalue = { zh = \"1\", en = \"1\" }\nquote = \"不存在的句子\"\nsection = \"ch1-s1\"\n")}}, `data/table1\.toml:\d+: quote "不存在的句子" is not in the plan text`},
		// front matter and Markdown
		{"front matter: not closed", []edit{{"content/en/plan/ch2.md", replace("weight = 4\n+++", "weight = 4\n")}}, `content/en/plan/ch2\.md:1: front matter is not closed`},
		{"front matter: TOML error", []edit{{"content/en/plan/ch2.md", replace("weight = 4", "weight = four")}}, `content/en/plan/ch2\.md:\d+(:\d+)?: front matter`},
		{"front matter: unknown key", []edit{{"content/zh-Hant/about.md", replace("+++\n\n", "author = \"me\"\n+++\n\n")}}, `content/zh-Hant/about\.md:\d+: front matter: unknown key "author"`},
		{"markdown: heading without id", []edit{{"content/en/plan/ch5.md", replace(" {#ch5-s2}", "")}}, `content/en/plan/ch5\.md:\d+: plan heading without an id`},
		{"markdown: malformed directive", []edit{{"content/en/plan/ch3.md", replace(`{{< box box1 "`, `{{< box box1 '`)}}, `content/en/plan/ch3\.md:\d+: malformed directive`},
		{"markdown: unknown directive", []edit{{"content/zh-Hant/plan/ch3.md", replace(`{{< box box1`, `{{< video box1`)}}, `content/zh-Hant/plan/ch3\.md:\d+: unknown directive "video"`},
		{"markdown: page missing in English", []edit{{"content/en/plan/ch7.md", nil}}, `content/en/plan.*page "ch7" is missing in English`},
		{"markdown: paragraph dropped", []edit{{"content/en/plan/preface.md", func(s string) string { return s[:strings.LastIndex(strings.TrimRight(s, "\n"), "\n\n")] + "\n" }}}, `content/en/plan/preface\.md:\d+: section preface has 1 paragraphs in English and 2 in 繁體中文`},
		{"markdown: NUL byte", []edit{{"content/en/plan/ch1.md", appendText("\nbroken\x00text\n")}}, `content/en/plan/ch1\.md:\d+: line contains a NUL byte`},
		// templates
		{"template: syntax", []edit{{"templates/home.html", appendText("{{ end }}{{")}}, `templates/home\.html`},
		{"template: unknown field", []edit{{"templates/indicator.html", replace("{{.Name}}", "{{.Nmae}}")}}, `templates/indicator\.html`},
		{"template: base missing", []edit{{"templates/base.html", nil}}, `templates.*base\.html`},
		// fonts
		// bounds of numbers, years, dates and texts
		{"annual: huge value", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = 1.7e308")}}, `data/annual/2025\.toml:` + ln("data/annual/2025.toml", "value = 27.0", 0) + `: value of "pm25-annual-mean" is 1\.7e\+308, beyond`},
		{"annual: yes/no indicator with nan", []edit{{"data/annual/2021.toml", replace(`status = "achieved"`, "status = \"achieved\"\nvalue = nan")}}, `data/annual/2021\.toml:` + ln("data/annual/2021.toml", "status = \"achieved\"", 1) + `: value of "[a-z0-9-]+" is not a number`},
		{"annual: infinite value", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = -inf")}}, `data/annual/2025\.toml:` + ln("data/annual/2025.toml", "value = 27.0", 0) + `: value of "pm25-annual-mean" is not a number`},
		{"indicators: huge target", []edit{{"data/indicators.toml", replace("value = 35, bound", "value = 1.7e308, bound")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "target = { year = 2025, value = 35, bound = \"about\"", 0) + `: target of "pm25-annual-mean" is 1\.7e\+308, beyond`},
		{"indicators: tolerance nan", []edit{{"data/indicators.toml", replace("tolerance = 1.75", "tolerance = nan")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "target = { year = 2025, value = 35, bound = \"about\"", 0) + `: tolerance of "pm25-annual-mean" is not a number`},
		{"indicators: negative tolerance", []edit{{"data/indicators.toml", replace("tolerance = 1.75", "tolerance = -1.75")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "target = { year = 2025, value = 35, bound = \"about\"", 0) + `: tolerance of "pm25-annual-mean" is negative`},
		{"indicators: baseline nan", []edit{{"data/indicators.toml", replace("year = 2020, value = 38,", "year = 2020, value = nan,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "baseline = { year = 2020, value = 38, source = \"plan\" }", 0) + `: baseline of "pm25-annual-mean" is not a number`},
		{"indicators: baseline near zero", []edit{{"data/indicators.toml", replace("year = 2020, value = 38,", "year = 2020, value = 5e-324,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "baseline = { year = 2020, value = 38, source = \"plan\" }", 0) + `: baseline of "pm25-annual-mean" is 5e-324, closer to zero than`},
		{"indicators: negative baseline", []edit{{"data/indicators.toml", replace("year = 2020, value = 38,", "year = 2020, value = -38,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "baseline = { year = 2020, value = 38, source = \"plan\" }", 0) + `: baseline of "pm25-annual-mean" is negative`},
		{"indicators: target year before the plan", []edit{{"data/indicators.toml", replace("target = { year = 2025, value = 35,", "target = { year = -5, value = 35,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "target = { year = 2025, value = 35, bound = \"about\"", 0) + `: target year of "pm25-annual-mean" is -5, outside 2021–2025`},
		{"indicators: target year after the plan", []edit{{"data/indicators.toml", replace("target = { year = 2025, value = 35,", "target = { year = 20250, value = 35,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "target = { year = 2025, value = 35, bound = \"about\"", 0) + `: target year of "pm25-annual-mean" is 20250, outside 2021–2025`},
		{"indicators: baseline year", []edit{{"data/indicators.toml", replace("year = 2020, value = 38,", "year = 1800, value = 38,")}}, `data/indicators\.toml:` + ln("data/indicators.toml", "baseline = { year = 2020, value = 38, source = \"plan\" }", 0) + `: baseline year of "pm25-annual-mean" is 1800, outside 2010–2025`},
		{"indicators: name of 3,000 characters", []edit{{"data/indicators.toml", replace(`en = "PM2.5 annual mean concentration"`, `en = "`+strings.Repeat("PM", 1500)+`"`)}}, `data/indicators\.toml:` + ln("data/indicators.toml", "en = \"PM2.5 annual mean concentration\"", 0) + `: name of indicator "pm25-annual-mean" is 3000 characters long \(at most 2000\)`},
		{"indicators: newline in a name", []edit{{"data/indicators.toml", replace(`en = "PM2.5 annual mean concentration"`, `en = "PM2.5\n[[observation]]"`)}}, `data/indicators\.toml:` + ln("data/indicators.toml", "en = \"PM2.5 annual mean concentration\"", 0) + `: name of indicator "pm25-annual-mean" contains the control character U\+000A`},
		{"indicators: deep nesting", []edit{{"data/indicators.toml", deepTOML}}, `data/indicators\.toml:\d+: TOML nesting is deeper than 32 levels`},
		{"sources: impossible date", []edit{{"data/sources.toml", replace(`date = "2021-12-09"`, `date = "9999-99-99"`)}}, `data/sources\.toml:\d+: .*date "9999-99-99"`},
		{"sources: 31 February", []edit{{"data/sources.toml", replace(`date = "2021-12-09"`, `date = "2021-02-31"`)}}, `data/sources\.toml:\d+: .*date "2021-02-31"`},
		{"site: target year out of memory", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = 200000000")}}, `data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year 200000000 is outside 1900–2200`},
		{"site: target year typo", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = 20250")}}, `data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year 20250 is outside 1900–2200`},
		{"site: negative target year", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = -5")}}, `data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year -5 is outside`},
		{"site: target before base", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = 2019")}}, `data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year 2019 is not after base_year 2020`},
		{"site: period of 100 years", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = 2120")}}, `data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: the plan period 2020–2120 is 100 years long`},
		{"site: impossible date", []edit{{"data/site.toml", replace(`date = "2026-11-29"`, `date = "9999-99-99"`)}}, `data/site\.toml:` + ln("data/site.toml", "date = ", 0) + `: date "9999-99-99"`},
		{"site: newline in base url", []edit{{"data/site.toml", replace(`base_url = "https://beijing-eco-plan.example.org/"`, `base_url = "https://beijing-eco-plan.example.org/\nDisallow: /"`)}}, `data/site\.toml:` + ln("data/site.toml", "base_url = ", 0) + `: base_url contains the control character U\+000A`},
		{"site: title of 3,000 characters", []edit{{"data/site.toml", replace(`title = { zh = "北京市`, `title = { zh = "`+strings.Repeat("北", 3000)+`北京市`)}}, `data/site\.toml:` + ln("data/site.toml", "title = ", 0) + `: title is 3018 characters long`},
		{"site: deep nesting", []edit{{"data/site.toml", deepTOML}}, `data/site\.toml:\d+: TOML nesting is deeper`},
		{"site: type error has its line", []edit{{"data/site.toml", replace("base_year = 2020", `base_year = "2020"`)}}, `data/site\.toml:` + ln("data/site.toml", "base_year = ", 0) + `: TOML`},
		{"glossary: control character", []edit{{"data/glossary.toml", appendText("\n[[term]]\nzh = \"空氣\"\nen = \"air\\tquality\"\n")}}, `data/glossary\.toml:\d+: glossary term \d+ contains the control character U\+0009`},
		{"front matter: unknown key on line 5", []edit{{"content/en/plan/ch2.md", replace("weight = 4\n", "weight = 4\nauthor = \"me\"\n")}}, `content/en/plan/ch2\.md:6: front matter: unknown key "author"`},
		{"front matter: bad id at its line", []edit{{"content/en/plan/ch2.md", replace(`kind = "chapter"`, "kind = \"chapter\"\n# a comment\n")}, {"content/en/plan/ch2.md", replace(`id = "ch2"`, `id = "Ch 2"`)}}, `content/en/plan/ch2\.md:2: id "Ch 2"`},
		{"front matter: deep nesting", []edit{{"content/en/about.md", replace("+++\n\n", "x = "+strings.Repeat("[", 1000)+"\n+++\n\n")}}, `content/en/about\.md:3: TOML nesting is deeper`},
		{"front matter: meta with a line break", []edit{{"content/zh-Hant/plan/_index.md", replace(`doc_number = "京政發〔2021〕35號"`, `doc_number = "京政發\n〔2021〕35號"`)}}, `content/zh-Hant/plan/_index\.md:` + ln("content/zh-Hant/plan/_index.md", "doc_number = ", 0) + `: meta doc_number contains the control character U\+000A`},
		{"front matter: title of 3,000 characters", []edit{{"content/en/about.md", replace(`title = "About this site"`, `title = "`+strings.Repeat("About ", 500)+`"`)}}, `content/en/about\.md:2: title is 3000 characters long`},
		// special files, links, sizes, converter limits
		{"annual: named pipe", nil, `data/annual/2024\.toml: is a named pipe`},
		{"data: link outside the project", nil, `data/areas\.toml: is a symbolic link to .*outside\.toml, outside the project`},
		{"content: link to /dev/zero", nil, `content/en/zero\.md: is a symbolic link to /dev/zero, outside the project`},
		{"content: named pipe", nil, `content/en/plan/ch9\.md: is a named pipe`},
		{"content: file of 5 MB", []edit{{"content/en/about.md", appendText(strings.Repeat(strings.Repeat("x", 1000)+"\n\n", 5000))}}, `content/en/about\.md: file is 4\.8 MB, over the limit of 4\.0 MB`},
		{"site: file of 17 MB", []edit{{"data/site.toml", appendText(strings.Repeat("# "+strings.Repeat("x", 1000)+"\n", 17000))}}, `data/site\.toml: file is 16\.\d MB, over the limit of 16\.0 MB`},
		{"markdown: 240 KB of emphasis", []edit{{"content/en/about.md", emphasis}}, `content/en/about\.md:\d+: paragraph has over 1000 emphasis`},
		{"markdown: paragraph of 100 KB", []edit{{"content/en/about.md", appendText("\n" + strings.Repeat(strings.Repeat("y", 1000)+"\n", 100))}}, `content/en/about\.md:\d+: paragraph is over 64 KB long`},
		{"template: NUL byte", []edit{{"templates/home.html", appendText("\n<p>a\x00b</p>\n")}}, `templates/home\.html:\d+: line contains a NUL byte`},
		{"template: invalid UTF-8", []edit{{"templates/base.html", appendText("\n<!-- \xff\xfe -->\n")}}, `templates/base\.html:\d+: line is not valid UTF-8`},
		{"static: link to /etc/passwd", nil, `templates/static/passwd\.css: is a symbolic link to /etc/passwd, outside the project`},
		{"static: named pipe", nil, `templates/static/pipe\.css: is a named pipe`},
		{"template: named pipe", nil, `templates/extra\.html: is a named pipe`},
		{"font: missing file", []edit{{"data/site.toml", replace(`main = ""`, `main = "/nonexistent/font.ttf"`)}}, `data/site\.toml \[fonts\] main = "/nonexistent/font\.ttf"`},
		{"font: truncated TTF", []edit{{"data/site.toml", func(s string) string {
			return strings.Replace(s, `main = ""`, `main = "`+truncatedFont(t, fontDir)+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*truncated\.ttf".*truncated`},
		{"font: corrupt loca table", []edit{{"data/site.toml", func(s string) string {
			return strings.Replace(s, `main = ""`, `main = "`+corruptLoca(t, fontDir)+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*loca\.ttf".*corrupt font: the loca table goes back`},
		{"font: named pipe", []edit{{"data/site.toml", func(s string) string {
			p := filepath.Join(fontDir, "pipe.ttf")
			os.Remove(p)
			if err := fifo(p); err != nil {
				t.Fatal(err)
			}
			return strings.Replace(s, `main = ""`, `main = "`+p+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*pipe\.ttf".*is a named pipe`},
		{"font: collection without TrueType face", []edit{{"data/site.toml", func(s string) string {
			return strings.Replace(s, `main = ""`, `main = "`+cffCollection(fontDir)+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*cff\.ttc".*no usable TrueType face`},
		// a wrong field, id or file is reported once, at its line, and
		// nothing is said that only follows from it
		{"site: base after target, said once", []edit{{"data/site.toml", replace("base_year = 2020", "base_year = 2030")}}, `^data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year 2025 is not after base_year 2030 \([^\n]*\)$`},
		{"indicators: text for a year, only its TOML error", []edit{{"data/indicators.toml", replace(`baseline = { year = 2020, value = 38, source = "plan" }`, `baseline = { year = "2020", value = 38, source = "plan" }`)}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `baseline = { year = 2020, value = 38, source = "plan" }`, 0) + `: TOML: incompatible types: [^\n]*$`},
		{"indicators: invalid id, said once", []edit{{"data/indicators.toml", replace(`id = "pm25-annual-mean"`, `id = "PM25-annual-mean"`)}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `id = "pm25-annual-mean"`, 0) + `: indicator id "PM25-annual-mean" is not valid \([^\n]*\)$`},
		{"indicators: invalid kind, said once", []edit{{"data/indicators.toml", replace("en = \"Worse-than-Class-V water bodies eliminated\" }\nunit = { zh = \"\", en = \"\" }\ndirection = \"eliminate\"\nkind = \"binary\"", "en = \"Worse-than-Class-V water bodies eliminated\" }\nunit = { zh = \"\", en = \"\" }\ndirection = \"eliminate\"\nkind = \"yes-no\"")}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `id = "worse-than-class-v-eliminated"`, 5) + `: indicator "worse-than-class-v-eliminated": kind "yes-no" \([^\n]*\)$`},
		{"indicators: no unit, said once", []edit{{"data/indicators.toml", replace("en = \"PM2.5 annual mean concentration\" }\nunit = { zh = \"微克/立方米\", en = \"μg/m³\" }", "en = \"PM2.5 annual mean concentration\" }\nunit = { zh = \"\", en = \"\" }")}, {"data/annual/2025.toml", replace("value = 27.0\n", "value = 27.0\nunit = \"μg/m³\"\n")}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `en = "PM2.5 annual mean concentration" }`, 1) + `: indicator "pm25-annual-mean" lacks a unit in zh and en \([^\n]*\)$`},
		{"sources: invalid id, said once", []edit{{"data/sources.toml", replace(`id = "src34"`, `id = "src 34"`)}}, `^data/sources\.toml:` + ln("data/sources.toml", `id = "src34"`, -1) + `: source id "src 34" is not valid \([^\n]*\)$`},
		{"sources: number for a grade, only its TOML error", []edit{{"data/sources.toml", replace(`grade = "A"`, `grade = 1`)}}, `^data/sources\.toml:` + ln("data/sources.toml", `grade = "A"`, 0) + `: TOML: incompatible types: [^\n]*$`},
		{"areas: invalid id, said once", []edit{{"data/areas.toml", replace(`id = "air"`, `id = "Air"`)}}, `^data/areas\.toml:` + ln("data/areas.toml", `id = "air"`, -1) + `: area id "Air" is not valid \([^\n]*\)$`},
		{"indicators: unknown section, said once at its line", []edit{{"data/indicators.toml", replace("decimals = 1\nbinding = \"\"\nsection = \"ch2-s3\"\nquote = \"PM2.5年均濃度降至35微克/立方米左右\"", "decimals = 1\nbinding = \"\"\nsection = \"ch9-s9\"\nquote = \"PM2.5年均濃度降至35微克/立方米左右\"")}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `quote = "PM2.5年均濃度降至35微克/立方米左右"`, -1) + `: indicator "pm25-annual-mean": section "ch9-s9" is not in the plan \(use a heading id of content/zh-Hant/plan[^\n]*\)$`},
		{"indicators: quote not verbatim, said once at its line", []edit{{"data/indicators.toml", replace(`quote = "PM2.5年均濃度降至35微克/立方米左右"`, `quote = "PM2.5年均濃度降至35微克左右"`)}}, `^data/indicators\.toml:` + ln("data/indicators.toml", `quote = "PM2.5年均濃度降至35微克/立方米左右"`, 0) + `: quote of "pm25-annual-mean" is not in the plan text \(zh-Hant\)[^\n]*$`},
		{"site: target year before the targets, said once", []edit{{"data/site.toml", replace("target_year = 2025", "target_year = 2024")}}, `^data/site\.toml:` + ln("data/site.toml", "target_year = ", 0) + `: target_year 2024 is before the target year of \d+ of the \d+ indicators \("[a-z0-9-]+": 2025\) \([^\n]*\)$`},
		{"site: base year after the year files, said once", []edit{{"data/site.toml", replace("base_year = 2020", "base_year = 2024")}}, `^data/site\.toml:` + ln("data/site.toml", "base_year = ", 0) + `: base_year 2024 is after 4 of the 6 year files \(data/annual/2020\.toml\) \([^\n]*\)$`},
		{"table 1: quote not verbatim, said once at its line", []edit{{"data/table1.toml", replace("累計下降53%,降至38微克/立方米", "累計下降54%,降至38微克/立方米")}}, `^data/table1\.toml:` + ln("data/table1.toml", "累計下降53%,降至38微克/立方米", 0) + `: quote "[^"]*累計下降54%[^"]*" is not in the plan text \(zh-Hant\)[^\n]*$`},
		{"areas: number for an id, only its TOML error", []edit{{"data/areas.toml", replace(`id = "air"`, `id = 3`)}}, `^data/areas\.toml:` + ln("data/areas.toml", `id = "air"`, 0) + `: TOML: incompatible types: [^\n]*$`},
	}
	specials := map[string]special{
		"annual: named pipe":             {"data/annual/2024.toml", fifo},
		"data: link outside the project": {"data/areas.toml", func(p string) error { return os.Symlink(outsideFile(t, "[[area]]\n"), p) }},
		"content: link to /dev/zero":     {"content/en/zero.md", symlink("/dev/zero")},
		"content: named pipe":            {"content/en/plan/ch9.md", fifo},
		"template: named pipe":           {"templates/extra.html", fifo},
		"static: link to /etc/passwd":    {"templates/static/passwd.css", symlink("/etc/passwd")},
		"static: named pipe":             {"templates/static/pipe.css", fifo},
	}
	for name, sp := range specials {
		for i := range cases {
			if cases[i].name == name {
				cases[i].edits = append(cases[i].edits, edit{sp.file, nil})
			}
		}
	}
	if len(cases) < 100 {
		t.Fatalf("only %d cases", len(cases))
	}
	root := testutil.CopyProject(t)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, root, out)
	before := testutil.HashTree(t, out)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			restore := map[string][]byte{}
			for _, e := range c.edits {
				p := filepath.Join(root, e.file)
				orig, err := os.ReadFile(p)
				if _, seen := restore[p]; !seen {
					if err == nil {
						restore[p] = orig
					} else {
						restore[p] = nil
					}
				}
				if sp, ok := specials[c.name]; ok && sp.file == e.file {
					os.Remove(p)
					if err := sp.mk(p); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if e.do == nil {
					os.Remove(p)
					continue
				}
				if err := os.WriteFile(p, []byte(e.do(string(orig))), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			defer func() {
				for p, data := range restore {
					os.Remove(p) // a pipe or a link: never written through
					if data != nil {
						os.WriteFile(p, data, 0o644)
					}
				}
			}()
			_, err := Build(Options{Root: root, Out: out})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			msg := strings.ReplaceAll(err.Error(), root+string(filepath.Separator), "")
			if !regexp.MustCompile(c.want).MatchString(msg) {
				t.Errorf("error does not match %q:\n%s", c.want, msg)
			}
			// every message is of the catalogue and reads in Chinese at the
			// same place, but in the cases still told in English only
			english := false
			for _, p := range diag.Of(err) {
				if p.Key == "" {
					english = true
					if !englishOnly[c.name] {
						t.Errorf("not a message of data/i18n/messages.toml, English only: %s", p.Error())
					}
					continue
				}
				zh, en := p.In(diag.Zh), p.Error()
				loc := en[:len(en)-len(p.Msg)-len(" (")-len(p.Hint)-len(")")]
				if p.Hint == "" {
					loc = en[:len(en)-len(p.Msg)]
				}
				if zh == en || !strings.HasPrefix(zh, loc) {
					t.Errorf("the Chinese of %s is\n%s", en, zh)
				}
			}
			if englishOnly[c.name] && !english {
				t.Errorf("every message is now in the catalogue: remove %q from englishOnly", c.name)
			}
			if d := testutil.DiffTrees(before, testutil.HashTree(t, out)); d != "" {
				t.Fatalf("the published tree changed:\n%s", d)
			}
			if left, _ := filepath.Glob(stagingPrefix(out) + "*"); len(left) > 0 {
				t.Errorf("staging folders left behind: %v", left)
			}
		})
	}
}

// TestHarmlessVariations: a byte-order mark, Windows line endings and
// trailing spaces are accepted and change nothing in the output.
func TestHarmlessVariations(t *testing.T) {
	testutil.Slow(t)
	root := testutil.CopyProject(t)
	a := filepath.Join(t.TempDir(), "a")
	buildInto(t, root, a)
	for _, f := range []string{"data/indicators.toml", "data/annual/2025.toml", "data/site.toml", "data/i18n/en.toml", "content/en/plan/ch3.md", "content/zh-Hant/plan/ch3.md", "content/en/about.md"} {
		p := filepath.Join(root, f)
		data, _ := os.ReadFile(p)
		s := strings.ReplaceAll(string(data), "\n", "  \r\n")
		os.WriteFile(p, append([]byte("\ufeff"), s...), 0o644)
	}
	b := filepath.Join(t.TempDir(), "b")
	buildInto(t, root, b)
	if d := testutil.DiffTrees(testutil.HashTree(t, a), testutil.HashTree(t, b)); d != "" {
		t.Fatalf("BOM, CRLF and trailing spaces changed the output:\n%s", d)
	}
}
