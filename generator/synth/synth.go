// Package synth writes synthetic projects for benchmarks and scale tests:
// N indicators with values over Y years, and M plan pages per language,
// with the real project's templates and UI strings.
package synth

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"planpress/generator/internal/fsutil"
	"planpress/generator/project"
)

// Options size a synthetic project.
type Options struct {
	Indicators int
	Years      int // years of data including the base year
	Pages      int // plan pages per language
	BaseYear   int // default 2020
}

// Scale returns the options k times the size of a project: k times its
// indicators and plan pages, the same years.
func Scale(k int, of *project.Project) Options {
	return Options{Indicators: len(of.Reg.Indicators) * k, Years: of.Config.TargetYear - of.Config.BaseYear + 1, Pages: len(of.Plans[of.Source().Code].Pages) * k}
}

var zhWords = []string{"生態", "環境", "保護", "規劃", "推進", "綠色", "低碳", "發展", "治理", "體系", "空氣", "品質", "改善", "水體", "土壤", "安全", "城市", "區域", "協同", "能力"}
var enWords = []string{"ecological", "environment", "protection", "plan", "promote", "green", "low-carbon", "development", "governance", "system", "air", "quality", "improve", "water", "soil", "safety", "city", "regional", "coordinated", "capacity"}

func sentence(r *rand.Rand, words []string, n int, sep string) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.Intn(len(words))]
	}
	return strings.Join(ws, sep)
}

// Write creates the project under dir, copying templates/ and data/i18n
// from the project at from.
func Write(dir, from string, o Options) error {
	if o.BaseYear == 0 {
		o.BaseYear = 2020
	}
	if o.Years < 2 {
		o.Years = 2
	}
	r := rand.New(rand.NewSource(1))
	target := o.BaseYear + o.Years - 1
	// the default editions: the plan's own text (Chinese words) and its
	// translation (English words)
	src, tr := project.DefaultEditions[0].Code, project.DefaultEditions[1].Code
	if err := fsutil.CopyTree(filepath.Join(from, "templates"), filepath.Join(dir, "templates")); err != nil {
		return err
	}
	if err := fsutil.CopyTree(filepath.Join(from, "data", "i18n"), filepath.Join(dir, "data", "i18n")); err != nil {
		return err
	}
	for _, lang := range []string{src, tr} {
		if err := fsutil.CopyTree(filepath.Join(from, "content", lang, "methodology.md"), filepath.Join(dir, "content", lang, "methodology.md")); err != nil {
			return err
		}
	}
	w := func(name, s string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(s), 0o644)
	}
	site := fmt.Sprintf(`base_url = "https://synthetic.example.org/"
date = "%d-12-31"
base_year = %d
target_year = %d
title = { zh = "合成規劃", en = "Synthetic plan" }
short_title = { zh = "合成規劃進展", en = "Synthetic plan progress" }
issuer = { zh = "測試機構", en = "Test issuer" }
publisher = { zh = "測試", en = "Test" }
licence = { zh = "測試", en = "Test" }
[fonts]
main = ""
`, target, o.BaseYear, target)
	if err := w("data/site.toml", site); err != nil {
		return err
	}
	areas := []string{"climate", "air", "water", "soil", "ecology", "waste", "regional", "governance"}
	var b strings.Builder
	for _, a := range areas {
		fmt.Fprintf(&b, "[[area]]\nid = %q\nname = { zh = \"領域%s\", en = \"Area %s\" }\n\n", a, a, a)
	}
	if err := w("data/areas.toml", b.String()); err != nil {
		return err
	}
	if err := w("data/sources.toml", "[[source]]\nid = \"s1\"\ntitle = { zh = \"統計公報\", en = \"Statistical bulletin\" }\npublisher = { zh = \"統計局\", en = \"Statistics bureau\" }\ndate = \"2021-03-01\"\ngrade = \"A\"\nurl = \"https://stats.example.org/bulletin\"\n"); err != nil {
		return err
	}
	if err := w("data/glossary.toml", "# no terms\n"); err != nil {
		return err
	}
	if err := w("data/table1.toml", "title = { zh = \"表1\", en = \"Table 1\" }\nnote = { zh = \"合成\", en = \"synthetic\" }\n"); err != nil {
		return err
	}
	// plan pages: each chapter has sections; indicator i is stated in page i % Pages
	quotes := make([]string, o.Indicators)
	type para struct{ zh, en string }
	pages := make([][]para, o.Pages)
	for i := range pages {
		for k := 0; k < 12; k++ {
			pages[i] = append(pages[i], para{sentence(r, zhWords, 40, "") + "。", sentence(r, enWords, 45, " ") + "."})
		}
	}
	for i := range quotes {
		quotes[i] = fmt.Sprintf("到%d年指標%d達到%d%%以上", target, i, 50+i%40)
		pg := pages[i%o.Pages]
		k := (i / o.Pages) % len(pg)
		pg[k].zh += quotes[i] + "。"
		pg[k].en += fmt.Sprintf(" By %d indicator %d reaches more than %d%%.", target, i, 50+i%40)
	}
	for _, lang := range []string{src, tr} {
		title := map[string]string{src: "合成規劃", tr: "Synthetic plan"}[lang]
		if err := w("content/"+lang+"/plan/_index.md", fmt.Sprintf("+++\nid = \"plan\"\nkind = \"index\"\ntitle = %q\n\n[meta]\nissuer = \"x\"\n+++\n\n{{< toc >}}\n", title)); err != nil {
			return err
		}
		for i, pg := range pages {
			var s strings.Builder
			t := fmt.Sprintf("第%d章", i+1)
			if lang == tr {
				t = fmt.Sprintf("Chapter %d", i+1)
			}
			fmt.Fprintf(&s, "+++\nid = \"ch%d\"\nkind = \"chapter\"\ntitle = %q\nweight = %d\n+++\n", i+1, t, i+1)
			for k, p := range pg {
				if k%4 == 0 {
					fmt.Fprintf(&s, "\n## (%d) %s {#ch%d-s%d}\n", k/4+1, strings.Fields(p.en)[0], i+1, k/4+1)
				}
				text := p.zh
				if lang == tr {
					text = p.en
				}
				fmt.Fprintf(&s, "\n%s\n", text)
			}
			if err := w(fmt.Sprintf("content/%s/plan/ch%d.md", lang, i+1), s.String()); err != nil {
				return err
			}
		}
	}
	b.Reset()
	for i := 0; i < o.Indicators; i++ {
		fmt.Fprintf(&b, `[[indicator]]
id = "ind-%d"
area = %q
name = { zh = "指標%d", en = "Indicator %d" }
unit = { zh = "%%", en = "%%" }
direction = "increase"
kind = "level"
decimals = 1
section = "ch%d"
quote = %q
baseline = { year = %d, value = %d, source = "s1" }
target = { year = %d, value = %d, bound = "at-least" }

`, i, areas[i%len(areas)], i, i, i%o.Pages+1, quotes[i], o.BaseYear, 40+i%10, target, 50+i%40)
	}
	if err := w("data/indicators.toml", b.String()); err != nil {
		return err
	}
	for y := o.BaseYear; y <= target; y++ {
		b.Reset()
		fmt.Fprintf(&b, "year = %d\n", y)
		for i := 0; i < o.Indicators; i++ {
			if (i+y)%7 == 0 {
				continue // missing stays missing
			}
			v := float64(40+i%10) + float64(y-o.BaseYear)*r.Float64()*15/float64(o.Years-1)
			fmt.Fprintf(&b, "\n[[observation]]\nindicator = \"ind-%d\"\nvalue = %.1f\nsource = \"s1\"\n", i, v)
		}
		if err := w(fmt.Sprintf("data/annual/%d.toml", y), b.String()); err != nil {
			return err
		}
	}
	for _, lang := range []string{src, tr} {
		if err := w("content/"+lang+"/about.md", "+++\ntitle = \"About\"\n+++\n\nSynthetic.\n"); err != nil {
			return err
		}
	}
	return nil
}
