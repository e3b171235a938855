package indicator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal writes a small valid data folder and returns the project root.
func minimal(t testing.TB) string {
	root := t.TempDir()
	files := map[string]string{
		"data/areas.toml":       "[[area]]\nid = \"air\"\nname = { zh = \"空氣\", en = \"Air\" }\n",
		"data/sources.toml":     "[[source]]\nid = \"s1\"\ntitle = { zh = \"公報\", en = \"Bulletin\" }\ndate = \"2021\"\ngrade = \"A\"\nurl = \"https://example.org/\"\n",
		"data/table1.toml":      "title = { zh = \"表1\", en = \"Table 1\" }\n",
		"data/glossary.toml":    "[[term]]\nzh = \"碳匯\"\nen = \"carbon sink\"\n",
		"data/indicators.toml":  "[[indicator]]\nid = \"pm25\"\narea = \"air\"\nname = { zh = \"PM2.5\", en = \"PM2.5\" }\nunit = { zh = \"微克/立方米\", en = \"μg/m³\" }\ndirection = \"decrease\"\nkind = \"level\"\nsection = \"ch1\"\nquote = \"降至35\"\ntarget = { year = 2025, value = 35, bound = \"at-most\" }\n",
		"data/annual/2021.toml": "year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nsource = \"s1\"\n",
	}
	for name, s := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(s), 0o644)
	}
	return root
}

var lim = Limits{FirstYear: 2020, LastYear: 2025, Keys: []string{"zh", "en"}, Source: "zh"}

func TestMinimalLoads(t *testing.T) {
	r, ps := Load(os.DirFS(minimal(t)), lim)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if o, ok := r.Observation("pm25", 2021); !ok || *o.Value != 33 {
		t.Fatalf("observation not loaded: %+v", o)
	}
}

func FuzzLoadIndicators(f *testing.F) {
	root := minimal(f)
	seed, _ := os.ReadFile(filepath.Join(root, "data", "indicators.toml"))
	f.Add(string(seed))
	f.Add("[[indicator]]\nid = \"a\"\ntarget = { bound = \"about\" }\n")
	f.Add("\ufeff[[indicator]]\r\nid = 1\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		os.WriteFile(filepath.Join(root, "data", "indicators.toml"), []byte(src), 0o644)
		_, ps := Load(os.DirFS(root), lim)
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
	})
}

func FuzzLoadAnnual(f *testing.F) {
	root := minimal(f)
	seed, _ := os.ReadFile(filepath.Join(root, "data", "annual", "2021.toml"))
	f.Add(string(seed))
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = nan\nsource = \"s1\"\n")
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nqualifier = \"more-than\"\nvalue = 1e400\n")
	f.Fuzz(func(t *testing.T, src string) {
		os.WriteFile(filepath.Join(root, "data", "annual", "2021.toml"), []byte(src), 0o644)
		_, ps := Load(os.DirFS(root), lim)
		for _, p := range ps {
			if !strings.HasPrefix(p.File, "data/") {
				t.Fatalf("problem names no data file: %+v", p)
			}
		}
	})
}
