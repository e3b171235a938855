package site

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/assess"
	"planpress/generator/output"
)

// TestIndicatorPagesChartOrSourcing: a commitment with a figure has a
// chart with its legend, downloads and an og:image of 1200 × 630 px; one
// without any figure draws no chart and says so; every page has a
// citation line; no two pages share a title.
func TestIndicatorPagesChartOrSourcing(t *testing.T) {
	// ind-4 loses its figures of the plan period: its baseline stays
	p := fixtureEdit(t, func(dir string) {
		for _, y := range []string{"2021", "2022"} {
			f := filepath.Join(dir, "data", "annual", y+".toml")
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			blocks := strings.Split(string(data), "[[observation]]")
			var keep []string
			for _, b := range blocks {
				if !strings.Contains(b, `indicator = "ind-4"`) {
					keep = append(keep, b)
				}
			}
			if len(keep) == len(blocks) {
				t.Fatalf("%s has no figure of ind-4", f)
			}
			if err := os.WriteFile(f, []byte(strings.Join(keep, "[[observation]]")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
	files, err := Render(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	with, without := 0, 0
	for _, lang := range p.Langs() {
		for _, ind := range p.Reg.Indicators {
			page := string(byPath[output.Indicator(lang, ind.ID)+"index.html"])
			if page == "" {
				t.Fatalf("%s: no page for %s", lang, ind.ID)
			}
			if !strings.Contains(page, `<p class="cite">`) {
				t.Errorf("%s %s: no citation line", lang, ind.ID)
			}
			figures := 0
			for _, o := range p.Reg.ObservationsOf(ind.ID) {
				if o.Year > p.Config.BaseYear {
					figures++
				}
			}
			if figures == 0 {
				without++
				if strings.Contains(page, `class="chart"`) || strings.Contains(page, "og:image") {
					t.Errorf("%s %s: a chart without any figure", lang, ind.ID)
				}
				if !strings.Contains(page, `class="nofigure"`) {
					t.Errorf("%s %s: no panel saying that no figure was found", lang, ind.ID)
				}
				continue
			}
			if ind.Kind == "binary" {
				continue
			}
			with++
			for _, want := range []string{`class="chart"`, `class="legend"`, ind.ID + `.svg" download`, ind.ID + `.png" download`, `property="og:image"`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s %s: the page lacks %s", lang, ind.ID, want)
				}
			}
			og := byPath[output.Indicator(lang, ind.ID)+"og.png"]
			img, err := png.DecodeConfig(bytes.NewReader(og))
			if err != nil || img.Width != 1200 || img.Height != 630 {
				t.Errorf("%s %s: og.png is %dx%d (%v), want 1200x630", lang, ind.ID, img.Width, img.Height, err)
			}
			if _, err := png.DecodeConfig(bytes.NewReader(byPath[output.Indicator(lang, ind.ID)+ind.ID+".png"])); err != nil {
				t.Errorf("%s %s: the chart PNG: %v", lang, ind.ID, err)
			}
		}
	}
	if with == 0 || without == 0 {
		t.Fatalf("the fixture needs indicators with and without figures (%d, %d)", with, without)
	}
	titles := map[string]string{}
	re := regexp.MustCompile(`<title>([^<]*)</title>`)
	for path, data := range byPath {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		m := re.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: no title", path)
			continue
		}
		title := string(m[1])
		if prev, dup := titles[title]; dup {
			t.Errorf("%s and %s share the title %q", prev, path, title)
		}
		titles[title] = path
		if parts := strings.Split(title, " · "); len(parts) == 2 && parts[0] == parts[1] {
			t.Errorf("%s: the title repeats itself: %q", path, title)
		}
	}
}

func TestStackedBar(t *testing.T) {
	bar := string(stackedBar([]Count{{Class: "a", N: 1}, {Class: "b", N: 0}, {Class: "c", N: 2}}))
	re := regexp.MustCompile(`class="(\w+)" x="(\d+)" y="0" width="(\d+)"`)
	got := re.FindAllStringSubmatch(bar, -1)
	if len(got) != 2 || got[0][1] != "a" || got[0][3] != "333" || got[1][1] != "c" || got[1][2] != "333" || got[1][3] != "667" {
		t.Fatalf("bar of 1, 0, 2: %v", got)
	}
	if stackedBar([]Count{{N: 0}}) != "" {
		t.Fatal("a bar of nothing is drawn")
	}
}

func TestAnswer(t *testing.T) {
	p := fixture(t)
	p.Strings["en"]["home-answer"] = "{met} met, {early} early, {ontrack} on, {offtrack} off, {missed} missed, {undetermined} und, {nodata} none of {total} in {year}."
	p.Strings["en"]["home-answer-provisional"] = " {provisional} provisional."
	cs := []Count{{Status: assess.Achieved, N: 3}, {Status: assess.ReachedEarly, N: 1}, {Status: assess.OnTrack, N: 2},
		{Status: assess.Acceleration, N: 1}, {Status: assess.Limited, N: 2}, {Status: assess.Deterioration, N: 1},
		{Status: assess.NotAchieved, N: 4}, {Status: assess.Undetermined, N: 5}, {Status: assess.NoData, N: 6}}
	got := answer(p, "en", 2025, 25, cs, []AreaScore{{Provisional: 2}, {Provisional: 1}})
	want := "3 met, 1 early, 2 on, 4 off, 4 missed, 5 und, 6 none of 25 in 2025. 3 provisional."
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := answer(p, "en", 2025, 25, cs, nil); strings.Contains(got, "provisional") {
		t.Fatalf("no provisional verdict, yet: %q", got)
	}
}
