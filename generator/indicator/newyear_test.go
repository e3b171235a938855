package indicator

import (
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestNewYearEncodes: names, units and ids with line breaks, quotes and
// control characters cannot add a key or an observation to the scaffold:
// it decodes to exactly one empty entry per indicator, with the ids as
// they are, with its guidance in English or in Chinese.
func TestNewYearEncodes(t *testing.T) {
	for lang, guidance := range map[string]string{"en": "# Values for 2024.", "zh": "# 2024年的数值。"} {
		t.Run(lang, func(t *testing.T) { testNewYearEncodes(t, lang, guidance) })
	}
}

func testNewYearEncodes(t *testing.T, lang, guidance string) {
	hostile := []string{
		"Air\n[[observation]]\nindicator = \"pm25\"\nvalue = 99\nsource = \"src1\"",
		"quote \" and \\ backslash",
		"carriage\rreturn", "nul\x00byte", "escape\x1b[31m", "line\u2028separator", "next\u0085line",
		"bad utf-8 \xff\xfe",
		"\"]]\n[[observation]]\n#",
	}
	r := &Register{}
	for i, h := range hostile {
		id := "ind-" + string(rune('a'+i))
		r.Areas = append(r.Areas, Area{ID: id, Name: Text{"zh": h, "en": h}})
		r.Indicators = append(r.Indicators, Indicator{ID: id, Area: id, Name: Text{"zh": h, "en": h}, Unit: Text{"en": h},
			Target: Target{Year: 2025, Value: 1, Bound: Bound(h)}})
	}
	// an id with a quote and a newline, as the loader would refuse it
	r.Areas = append(r.Areas, Area{ID: "z", Name: Text{"zh": "z", "en": "z"}})
	r.Indicators = append(r.Indicators, Indicator{ID: "x\"\ny = 1", Area: "z", Name: Text{"zh": "z", "en": "z"}})
	root := t.TempDir()
	path, err := NewYear(root, 2024, r, Limits{FirstYear: 2020, LastYear: 2025, Keys: []string{"zh", "en"}, Source: "zh"}, lang)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), guidance) {
		t.Errorf("the scaffold does not begin with %q:\n%.300s", guidance, data)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		t.Fatalf("the scaffold is not valid TOML: %v\n%s", err, data)
	}
	if len(doc) != 2 || doc["year"] != int64(2024) {
		t.Errorf("top-level keys: %v", doc)
	}
	obs, _ := doc["observation"].([]map[string]any)
	if len(obs) != len(r.Indicators) {
		t.Fatalf("%d observations for %d indicators:\n%s", len(obs), len(r.Indicators), data)
	}
	for i, o := range obs {
		if len(o) != 2 || o["indicator"] != r.Indicators[i].ID || o["source"] != "" {
			t.Errorf("observation %d: %v", i, o)
		}
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.ContainsAny(line, "\r\x00\x1b\u2028\u0085") {
			t.Errorf("line %d keeps a control character: %q", i+1, line)
		}
	}
}
