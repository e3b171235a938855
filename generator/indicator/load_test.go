package indicator

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
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

var lim = Limits{FirstYear: 2020, LastYear: 2025}

func TestMinimalLoads(t *testing.T) {
	r, ps := Load(minimal(t), lim)
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
	f.Add(strings.Replace(string(seed), "value = 35", "value = 1.7e308", 1))
	f.Add(strings.Replace(string(seed), "year = 2025", "year = 20250", 1))
	f.Add(strings.Replace(string(seed), "bound = \"at-most\"", "bound = \"about\", tolerance = nan", 1))
	f.Add("x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n")
	f.Add("a" + strings.Repeat(".b", 40) + " = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		os.WriteFile(filepath.Join(root, "data", "indicators.toml"), []byte(src), 0o644)
		r, ps := Load(root, lim)
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		if len(ps) == 0 {
			inBounds(t, r)
		}
	})
}

func FuzzLoadAnnual(f *testing.F) {
	root := minimal(f)
	seed, _ := os.ReadFile(filepath.Join(root, "data", "annual", "2021.toml"))
	f.Add(string(seed))
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = nan\nsource = \"s1\"\n")
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nqualifier = \"more-than\"\nvalue = 1e400\n")
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 1.7e308\nsource = \"s1\"\n")
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = -inf\nsource = \"s1\"\n")
	f.Add("year = 2021\nx = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40) + "\n")
	f.Fuzz(func(t *testing.T, src string) {
		os.WriteFile(filepath.Join(root, "data", "annual", "2021.toml"), []byte(src), 0o644)
		r, ps := Load(root, lim)
		for _, p := range ps {
			if !strings.HasPrefix(p.File, "data/") {
				t.Fatalf("problem names no data file: %+v", p)
			}
		}
		if len(ps) == 0 {
			inBounds(t, r)
		}
	})
}

// inBounds fails when an accepted register holds a figure that is not
// finite or beyond MaxMagnitude, or a year outside the plan.
func inBounds(t *testing.T, r *Register) {
	t.Helper()
	ok := func(what string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxMagnitude || v != 0 && math.Abs(v) < MinMagnitude {
			t.Fatalf("accepted %s %v", what, v)
		}
	}
	for _, ind := range r.Indicators {
		ok("target", ind.Target.Value)
		ok("tolerance", ind.Target.Tolerance)
		if ind.Target.Year < lim.FirstYear+1 || ind.Target.Year > lim.LastYear {
			t.Fatalf("accepted target year %d", ind.Target.Year)
		}
		if b := ind.Baseline; b != nil {
			ok("baseline", b.Value)
			if b.Year < lim.FirstYear-BaselineLead || b.Year > lim.LastYear {
				t.Fatalf("accepted baseline year %d", b.Year)
			}
		}
	}
	for _, o := range r.Observations {
		if o.Value != nil {
			ok("value", *o.Value)
		}
		if o.Year < lim.FirstYear || o.Year > lim.LastYear {
			t.Fatalf("accepted year %d", o.Year)
		}
	}
}

// FuzzValueBounds writes a value of any float64 and says whether it may
// be accepted: a level in μg/m³ is accepted exactly when it is zero, or
// finite, positive and within MinMagnitude–MaxMagnitude.
func FuzzValueBounds(f *testing.F) {
	root := minimal(f)
	for _, v := range []float64{33, 0, -1, 1.7e308, math.Inf(1), math.Inf(-1), math.NaN(), 1e15, 1.0000000000000002e15, 5e-324, 1e-9, 9.999999999999999e-10} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		lit := strconv.FormatFloat(v, 'g', -1, 64)
		switch {
		case math.IsNaN(v):
			lit = "nan"
		case math.IsInf(v, 1):
			lit = "inf"
		case math.IsInf(v, -1):
			lit = "-inf"
		case !strings.ContainsAny(lit, ".en"):
			lit += ".0"
		}
		os.WriteFile(filepath.Join(root, "data", "annual", "2021.toml"), []byte("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = "+lit+"\nsource = \"s1\"\n"), 0o644)
		_, ps := Load(root, lim)
		want := !math.IsNaN(v) && !math.IsInf(v, 0) && (v == 0 || v >= MinMagnitude && v <= MaxMagnitude)
		if (len(ps) == 0) != want {
			t.Fatalf("value %s: problems %v, want accepted = %v", lit, ps, want)
		}
		for _, p := range ps {
			if p.File != "data/annual/2021.toml" || p.Line != 4 {
				t.Fatalf("value %s: problem not at data/annual/2021.toml:4: %v", lit, p)
			}
		}
	})
}
