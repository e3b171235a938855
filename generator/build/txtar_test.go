package build

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/diag"
	"planpress/generator/internal/testutil"
)

// built is a site rendered in memory from a txtar project.
type built struct {
	t     *testing.T
	files map[string][]byte
	err   error
}

// buildTxtar renders a project given as a txtar archive (over the real
// templates and UI strings) in memory, PDFs included; nothing touches the
// disk.
func buildTxtar(t *testing.T, archive string) *built {
	t.Helper()
	files, _, err := Render(Options{FS: testutil.ProjectFS(t, archive)}, RenderOptions{PDF: true})
	b := &built{t: t, files: map[string][]byte{}, err: err}
	for _, f := range files {
		b.files[f.Path] = f.Data
	}
	return b
}

// assertFile checks that a file was made and contains every string.
func (b *built) assertFile(path string, want ...string) {
	b.t.Helper()
	if b.err != nil {
		b.t.Fatalf("the build failed: %v", b.err)
	}
	data, ok := b.files[path]
	if !ok {
		b.t.Fatalf("%s was not made", path)
	}
	for _, w := range want {
		if !strings.Contains(string(data), w) {
			b.t.Errorf("%s lacks %q", path, w)
		}
	}
}

// assertNoFile checks that a file was not made.
func (b *built) assertNoFile(path string) {
	b.t.Helper()
	if _, ok := b.files[path]; ok {
		b.t.Errorf("%s was made", path)
	}
}

// assertProblem checks that the build failed with a problem matching re.
func (b *built) assertProblem(re string) {
	b.t.Helper()
	var ps diag.Problems
	if !errors.As(b.err, &ps) {
		b.t.Fatalf("the build did not fail with problems: %v", b.err)
	}
	for _, p := range ps {
		if regexp.MustCompile(re).MatchString(p.Error()) {
			return
		}
	}
	b.t.Errorf("no problem matches %q:\n%v", re, ps)
}

// smallPlan is a plan of two editions, one chapter, two indicators and one
// year of values, without tables.
const smallPlan = `
A small plan for the tests built from txtar.
-- data/site.toml --
base_url = "https://small.example.org/"
date = "2023-06-30"
base_year = 2020
target_year = 2023
title = { zh = "小規劃", en = "Small plan" }
short_title = { zh = "小規劃進展", en = "Small plan progress" }
issuer = { zh = "小市政府", en = "Small Town Government" }
publisher = { zh = "測試", en = "Test" }
licence = { zh = "測試", en = "Test" }
[fonts]
main = ""
-- data/areas.toml --
[[area]]
id = "air"
name = { zh = "空氣", en = "Air" }
-- data/indicators.toml --
[[indicator]]
id = "dust"
area = "air"
name = { zh = "降塵量", en = "Dust fall" }
unit = { zh = "噸/平方公里", en = "t/km²" }
direction = "decrease"
kind = "change"
decimals = 0
section = "ch1-s1"
quote = "降塵量下降10%"
baseline = { year = 2020, value = 0, source = "plan" }
target = { year = 2023, value = -10, bound = "about", tolerance = 0.5 }

[[indicator]]
id = "parks"
area = "air"
name = { zh = "公園數量", en = "Number of parks" }
unit = { zh = "個", en = "parks" }
direction = "increase"
kind = "level"
decimals = 0
section = "ch1-s1"
quote = "公園達到12個以上"
baseline = { year = 2020, value = 8, source = "plan" }
target = { year = 2023, value = 12, bound = "at-least" }
-- data/sources.toml --
[[source]]
id = "s1"
title = { zh = "公報", en = "Bulletin" }
publisher = { zh = "小市統計處", en = "Small Town Statistics" }
date = "2022-03-01"
grade = "A"
url = "https://stats.small.example.org/2021"
-- data/glossary.toml --
# no terms
-- data/annual/2021.toml --
year = 2021

[[observation]]
indicator = "dust"
value = -4
source = "s1"
-- content/zh-Hant/plan/_index.md --
+++
id = "plan"
kind = "index"
title = "小規劃"
+++

{{< toc >}}
-- content/zh-Hant/plan/ch1.md --
+++
id = "ch1"
kind = "chapter"
title = "第一章"
weight = 1
+++

## (一)空氣 {#ch1-s1}

降塵量下降10%，公園達到12個以上。
-- content/en/plan/_index.md --
+++
id = "plan"
kind = "index"
title = "Small plan"
+++

{{< toc >}}
-- content/en/plan/ch1.md --
+++
id = "ch1"
kind = "chapter"
title = "Chapter 1"
weight = 1
+++

## (1) Air {#ch1-s1}

Dust fall falls by 10%, and there are 12 parks or more.
-- content/zh-Hant/about.md --
+++
title = "關於"
+++

測試。
-- content/en/about.md --
+++
title = "About"
+++

A test.
`

// TestTxtarPlanBuilds: a plan given whole in a test builds in memory; its
// figures print with a real minus and no sign after ±, its missing year
// says so, and a plan without tables has no tables page.
func TestTxtarPlanBuilds(t *testing.T) {
	b := buildTxtar(t, smallPlan)
	b.assertFile("en/indicators/dust/index.html", "<h1>Dust fall</h1>", "−4 t/km² (2021)", "about −10 t/km² (±0.5 t/km²) by 2023")
	b.assertFile("zh-Hant/indicators/parks/index.html", "公園數量", "8 個 (2020)")
	b.assertFile("en/indicators/parks/parks.csv")
	b.assertFile("downloads/progress-report-2021-en.pdf")
	b.assertNoFile("en/tables/index.html")
	b.assertFile("en/plan/index.html", "Small plan")
	if strings.Contains(string(b.files["en/plan/index.html"]), "tables/") {
		t.Errorf("the plan index links to a tables page the plan does not have")
	}
}

// TestTxtarBadInput: problems in a project given in a test name the file
// and line, as for a project on disk.
func TestTxtarBadInput(t *testing.T) {
	for name, c := range map[string]struct{ old, new, want string }{
		"text under no edition's key": {`name = { zh = "公園數量", en = "Number of parks" }`, `name = { zh = "公園數量", en = "Number of parks", fr = "Nombre de parcs" }`,
			`data/indicators\.toml:\d+: indicator "parks" has text under fr, which no edition of data/site\.toml uses`},
		"unknown key":        {`decimals = 0` + "\nsection = \"ch1-s1\"\nquote = \"公園", `decimal = 0` + "\nsection = \"ch1-s1\"\nquote = \"公園", `data/indicators\.toml:\d+: unknown key "indicator\.decimal"`},
		"quote not verbatim": {`quote = "公園達到12個以上"`, `quote = "公園達到十二個以上"`, `data/indicators\.toml:\d+: quote of "parks" is not in the plan text`},
		"front matter":       {"title = \"Chapter 1\"\nweight = 1", "title = \"Chapter 1\"\nweight = one", `content/en/plan/ch1\.md:\d+(:\d+)?: front matter`},
	} {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(smallPlan, c.old) {
				t.Fatalf("the archive lacks %q", c.old)
			}
			buildTxtar(t, strings.Replace(smallPlan, c.old, c.new, 1)).assertProblem(c.want)
		})
	}
}
