package build

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// edit is a change to one file of a project copy.
type edit struct {
	file string
	do   func(string) string // nil deletes the file
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

// TestBadInput breaks a copy of the project in 61 ways. Each build must
// fail with a message naming the file (and line where there is one), and
// leave the published tree exactly as it was.
func TestBadInput(t *testing.T) {
	fontDir := t.TempDir()
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
		{"annual: year mismatch", []edit{{"data/annual/2023.toml", replace("year = 2023", "year = 2033")}}, `data/annual/2023\.toml:\d+: year = 2033`},
		{"annual: file name", []edit{{"data/annual/next.toml", set("year = 2026\n")}}, `data/annual/next\.toml: annual file name is not YYYY\.toml`},
		{"annual: year outside plan", []edit{{"data/annual/2031.toml", set("year = 2031\n")}}, `data/annual/2031\.toml: year 2031 is outside`},
		{"annual: duplicate value", []edit{{"data/annual/2025.toml", observation("pm25-annual-mean", "26.0")}}, `data/annual/2025\.toml:\d+: indicator "pm25-annual-mean" has a second value in 2025`},
		{"annual: status on a measured indicator", []edit{{"data/annual/2025.toml", replace("value = 27.0", "value = 27.0\nstatus = \"achieved\"")}}, `data/annual/2025\.toml:\d+: status on "pm25-annual-mean"`},
		{"annual: binary without status", []edit{{"data/annual/2021.toml", replace(`status = "achieved"`, `status = "yes"`)}}, `data/annual/2021\.toml:\d+: .*status is "yes"`},
		{"annual: very long line", []edit{{"data/annual/2025.toml", appendText("# " + strings.Repeat("長", 40000) + "\n")}}, `data/annual/2025\.toml:\d+: line is \d+ KB long`},
		{"annual: invalid UTF-8", []edit{{"data/annual/2025.toml", appendText("# \xff\xfe broken\n")}}, `data/annual/2025\.toml:\d+: line is not valid UTF-8`},
		{"site: syntax", []edit{{"data/site.toml", replace("base_year = 2020", "base_year = = 2020")}}, `data/site\.toml:\d+`},
		{"site: bad base url", []edit{{"data/site.toml", replace(`base_url = "https://beijing-eco-plan.example.org/"`, `base_url = "beijing-eco-plan"`)}}, `data/site\.toml: base_url`},
		{"site: bad date", []edit{{"data/site.toml", replace(`date = "2026-11-29"`, `date = "tomorrow"`)}}, `data/site\.toml: date "tomorrow"`},
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
		{"front matter: TOML error", []edit{{"content/en/plan/ch2.md", replace("weight = 4", "weight = four")}}, `content/en/plan/ch2\.md:\d+: front matter`},
		{"front matter: unknown key", []edit{{"content/zh-Hant/about.md", replace("+++\n\n", "author = \"me\"\n+++\n\n")}}, `content/zh-Hant/about\.md:\d+: front matter: unknown key "author"`},
		{"markdown: heading without id", []edit{{"content/en/plan/ch5.md", replace(" {#ch5-s2}", "")}}, `content/en/plan/ch5\.md:\d+: plan heading without an id`},
		{"markdown: malformed directive", []edit{{"content/en/plan/ch3.md", replace(`{{< box box1 "`, `{{< box box1 '`)}}, `content/en/plan/ch3\.md:\d+: malformed directive`},
		{"markdown: unknown directive", []edit{{"content/zh-Hant/plan/ch3.md", replace(`{{< box box1`, `{{< video box1`)}}, `content/zh-Hant/plan/ch3\.md:\d+: unknown directive "video"`},
		{"markdown: page missing in English", []edit{{"content/en/plan/ch7.md", nil}}, `content/en/plan.*page "ch7" is missing in English`},
		{"markdown: paragraph dropped", []edit{{"content/en/plan/preface.md", func(s string) string { return s[:strings.LastIndex(strings.TrimRight(s, "\n"), "\n\n")] + "\n" }}}, `content/en/plan/preface\.md:\d+: section preface has 1 paragraphs in English and 2 in Chinese`},
		{"markdown: NUL byte", []edit{{"content/en/plan/ch1.md", appendText("\nbroken\x00text\n")}}, `content/en/plan/ch1\.md:\d+: line contains a NUL byte`},
		// templates
		{"template: syntax", []edit{{"templates/home.html", appendText("{{ end }}{{")}}, `templates/home\.html`},
		{"template: unknown field", []edit{{"templates/indicator.html", replace("{{.Name}}", "{{.Nmae}}")}}, `templates/indicator\.html`},
		{"template: base missing", []edit{{"templates/base.html", nil}}, `templates.*base\.html`},
		// fonts
		{"font: missing file", []edit{{"data/site.toml", replace(`main = ""`, `main = "/nonexistent/font.ttf"`)}}, `data/site\.toml \[fonts\] main = "/nonexistent/font\.ttf"`},
		{"font: truncated TTF", []edit{{"data/site.toml", func(s string) string {
			return strings.Replace(s, `main = ""`, `main = "`+truncatedFont(t, fontDir)+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*truncated\.ttf".*truncated`},
		{"font: collection without TrueType face", []edit{{"data/site.toml", func(s string) string {
			return strings.Replace(s, `main = ""`, `main = "`+cffCollection(fontDir)+`"`, 1)
		}}}, `data/site\.toml \[fonts\] main = ".*cff\.ttc".*no usable TrueType face`},
	}
	if len(cases) < 40 {
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
				if err == nil {
					restore[p] = orig
				} else {
					restore[p] = nil
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
					if data == nil {
						os.Remove(p)
					} else {
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
