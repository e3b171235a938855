package project

import (
	"regexp"
	"strings"
	"testing"
)

// TestValidation breaks a copy of the real data in one way per case and
// checks that Load names the file, the line and the problem.
func TestValidation(t *testing.T) {
	appendObs := func(block string) func(string) string {
		return func(s string) string { return s + "\n" + block + "\n" }
	}
	cases := []struct {
		name, file string
		edit       func(string) string
		want       []string
	}{
		{"syntax error with line and column", "data/annual/2024.toml", appendObs("[[observation]]\nindicator = \"pm25-annual-mean\nvalue = 1"),
			[]string{`data/annual/2024.toml:\d+:\d+: TOML`}},
		{"unknown key", "data/annual/2024.toml", appendObs("[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 1.0\nsource = \"src34\"\nvalu = 2"),
			[]string{`data/annual/2024.toml:\d+: unknown key "observation.valu"`}},
		{"wrong type", "data/annual/2024.toml", appendObs("[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = \"12\"\nsource = \"src34\""),
			[]string{`data/annual/2024.toml:\d+: value is written as text \("12"\)`}},
		{"wrong type of another key", "data/annual/2024.toml", appendObs("[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 12.0\npreliminary = \"yes\"\nsource = \"src34\""),
			[]string{`data/annual/2024.toml:\d+`, `(?i)type|incompatible|string`}},
		{"duplicate indicator id", "data/indicators.toml", func(s string) string {
			return strings.Replace(s, `id = "co2-per-gdp-change"`, `id = "carbon-emissions-below-peak"`, 1)
		}, []string{`data/indicators.toml:\d+: duplicate indicator id "carbon-emissions-below-peak"`}},
		{"unknown area", "data/indicators.toml", func(s string) string { return strings.Replace(s, `area = "air"`, `area = "aire"`, 1) },
			[]string{`data/indicators.toml:\d+: indicator "[a-z0-9-]+": unknown area "aire"`}},
		{"unknown indicator", "data/annual/2022.toml", appendObs("[[observation]]\nindicator = \"pm-25\"\nvalue = 30.0\nsource = \"src14\""),
			[]string{`data/annual/2022.toml:\d+: unknown indicator "pm-25"`}},
		{"unknown source", "data/annual/2022.toml", appendObs("[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 3.0\nsource = \"src999\""),
			[]string{`data/annual/2022.toml:\d+: unknown source "src999"`}},
		{"no source", "data/annual/2022.toml", appendObs("[[observation]]\nindicator = \"carbon-emissions-below-peak\"\nvalue = 3.0"),
			[]string{`data/annual/2022.toml:\d+: value of "carbon-emissions-below-peak" has no source`}},
		{"percent above 100", "data/annual/2022.toml", func(s string) string {
			return regexp.MustCompile(`(indicator = "good-air-day-ratio"\nvalue = )[0-9.]+`).ReplaceAllString(s, "${1}178.4")
		}, []string{`data/annual/2022.toml:\d+: value of "good-air-day-ratio" is 178.4%`}},
		{"negative level", "data/annual/2025.toml", func(s string) string {
			return strings.Replace(s, "value = 27.0", "value = -27.0", 1)
		}, []string{`data/annual/2025.toml:\d+: value of "pm25-annual-mean" is negative`}},
		// the year file and the targets after it follow from target_year: said once there
		{"year outside the plan", "data/site.toml", func(s string) string { return strings.Replace(s, "target_year = 2025", "target_year = 2024", 1) },
			[]string{`data/site.toml:\d+: target_year 2024 is before the target year of \d+ of the \d+ indicators`}},
		{"year does not match file", "data/annual/2023.toml", func(s string) string { return strings.Replace(s, "year = 2023", "year = 2032", 1) },
			[]string{`data/annual/2023.toml:\d+: year = 2032 but the file is 2023.toml`}},
		{"unit differs", "data/annual/2025.toml", func(s string) string {
			return strings.Replace(s, "value = 27.0\n", "value = 27.0\nunit = \"mg/m³\"\n", 1)
		}, []string{`data/annual/2025.toml:\d+: unit "mg/m³" differs from the unit of "pm25-annual-mean"`}},
		{"missing English name", "data/indicators.toml", func(s string) string {
			return strings.Replace(s, `en = "PM2.5 annual mean concentration"`, `en = ""`, 1)
		}, []string{`data/indicators.toml:\d+: indicator "pm25-annual-mean" lacks a name in en`}},
		{"about without tolerance", "data/indicators.toml", func(s string) string {
			return strings.Replace(s, `bound = "about", tolerance = 1.75`, `bound = "about"`, 1)
		}, []string{`data/indicators.toml:\d+: indicator "pm25-annual-mean": an "about" target needs a tolerance`}},
		{"repost with url", "data/sources.toml", func(s string) string {
			return strings.Replace(s, "grade = \"C\"\nurl = \"\"", "grade = \"C\"\nurl = \"https://repost.example.com/a\"", 1)
		}, []string{`data/sources.toml:\d+: source "[a-z0-9]+" is grade C but has a url`}},
		{"url not http", "data/sources.toml", func(s string) string {
			return strings.Replace(s, "grade = \"C\"\nurl = \"\"", "grade = \"A\"\nurl = \"javascript:alert(1)\"", 1)
		}, []string{`data/sources.toml:\d+: source "[a-z0-9]+" has url "javascript:alert\(1\)"`}},
		{"bad grade", "data/sources.toml", func(s string) string { return strings.Replace(s, `grade = "C"`, `grade = "E"`, 1) },
			[]string{`data/sources.toml:\d+: source "[a-z0-9]+" has grade "E"`}},
		{"invalid id", "data/indicators.toml", func(s string) string {
			return strings.Replace(s, `id = "pm25-annual-mean"`, `id = "../../etc/passwd"`, 1)
		}, []string{`data/indicators.toml:\d+: indicator id "../../etc/passwd" is not valid`}},
		{"empty file", "data/areas.toml", func(string) string { return "" }, []string{`data/areas.toml:1: file is empty`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			all := loadEdited(t, c.file, c.edit).Error()
			for _, w := range c.want {
				if !regexp.MustCompile(w).MatchString(all) {
					t.Errorf("no problem matches %q:\n%s", w, all)
				}
			}
		})
	}
}
