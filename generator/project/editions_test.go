package project

import (
	"strings"
	"testing"
)

func TestEditionsChecked(t *testing.T) {
	if eds, ps := checkEditions(nil); len(ps) > 0 || len(eds) != len(DefaultEditions) {
		t.Fatalf("no editions: got %v, %v; want the defaults", eds, ps)
	}
	for name, c := range map[string]struct {
		eds  []Edition
		want string
	}{
		"two sources":      {[]Edition{{Code: "zh-Hant", Name: "a", DataKey: "zh", Source: true}, {Code: "en", Name: "b", DataKey: "en", Source: true}}, "2 editions are marked source"},
		"no source":        {[]Edition{{Code: "zh-Hant", Name: "a", DataKey: "zh"}}, "0 editions are marked source"},
		"code twice":       {[]Edition{{Code: "en", Name: "a", DataKey: "zh", Source: true}, {Code: "en", Name: "b", DataKey: "en"}}, `edition "en" is listed twice`},
		"bad code":         {[]Edition{{Code: "../x", Name: "a", DataKey: "zh", Source: true}}, "is not a language tag"},
		"shared data key":  {[]Edition{{Code: "zh-Hant", Name: "a", DataKey: "zh", Source: true}, {Code: "zh-Hans", Name: "b", DataKey: "zh"}}, `data_key "zh" is empty or used by another edition`},
		"no name":          {[]Edition{{Code: "en", DataKey: "en", Source: true}}, "has no name"},
		"direction":        {[]Edition{{Code: "ar", Name: "a", DataKey: "ar", Source: true, Dir: "up"}}, `dir "up"`},
		"two default ones": {[]Edition{{Code: "zh-Hant", Name: "a", DataKey: "zh", Source: true, Default: true}, {Code: "en", Name: "b", DataKey: "en", Default: true}}, "2 editions are marked default"},
	} {
		_, ps := checkEditions(c.eds)
		if !strings.Contains(ps.Error(), c.want) || !strings.Contains(ps.Error(), "data/site.toml") {
			t.Errorf("%s: problems %q lack %q", name, ps.Error(), c.want)
		}
	}
	p := &Project{Editions: []Edition{{Code: "zh-Hant", DataKey: "zh", Source: true}, {Code: "en", DataKey: "en", Default: true}, {Code: "zh-Hans", DataKey: "zh-Hans"}}}
	if p.Source().Code != "zh-Hant" || p.Preferred().Code != "en" || p.Key("zh-Hans") != "zh-Hans" {
		t.Errorf("source %s, preferred %s, key of zh-Hans %s", p.Source().Code, p.Preferred().Code, p.Key("zh-Hans"))
	}
	if got := p.Other("en") + " " + p.Other("zh-Hans"); got != "zh-Hans zh-Hant" {
		t.Errorf("the language switch goes %s, want zh-Hans zh-Hant", got)
	}
}

// TestPreferredFirst: the root page's choice lists the preferred edition
// first and the others in their order; without a default, the source.
func TestPreferredFirst(t *testing.T) {
	codes := func(eds []Edition) string {
		var s []string
		for _, e := range eds {
			s = append(s, e.Code)
		}
		return strings.Join(s, " ")
	}
	p := &Project{Editions: []Edition{{Code: "zh-Hant", Source: true}, {Code: "en"}, {Code: "zh-Hans", Default: true}}}
	if got := codes(p.PreferredFirst()); got != "zh-Hans zh-Hant en" {
		t.Errorf("got %q", got)
	}
	p.Editions[2].Default = false
	p.Editions[1].Source, p.Editions[0].Source = true, false
	if got := codes(p.PreferredFirst()); got != "en zh-Hant zh-Hans" {
		t.Errorf("without a default: got %q", got)
	}
}
