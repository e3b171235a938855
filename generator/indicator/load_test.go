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
	f.Add("year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 3.0\nsource = \"s1\"\npreliminary = true\nas_of = \"2021-1\"\nnote = { zh = \"{source:s1}{source:\", en = \"s1\" }\n")
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
		if !ind.Context && (ind.Target.Year < lim.FirstYear+1 || ind.Target.Year > lim.LastYear) {
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

// write replaces (or adds) one file of a project made by minimal.
func write(t *testing.T, root, name, s string) {
	t.Helper()
	p := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNewFieldsLoad(t *testing.T) {
	root := minimal(t)
	write(t, root, "data/indicators.toml", `[[indicator]]
id = "pm25"
area = "air"
name = { zh = "PM2.5", en = "PM2.5" }
unit = { zh = "微克/立方米", en = "μg/m³" }
direction = "decrease"
kind = "level"
section = "ch1"
quote = "降至35"
baseline = { year = 2020, value = 38, source = "plan", comparable = false, note = { zh = "全市", en = "citywide" } }
target = { year = 2025, value = 35, bound = "at-most", year_assumed = true }
forecast = true

[[indicator]]
id = "pm10"
area = "air"
name = { zh = "PM10", en = "PM10" }
unit = { zh = "微克/立方米", en = "μg/m³" }
direction = "decrease"
kind = "level"
context = true
`)
	write(t, root, "data/annual/2021.toml", `year = 2021
[[observation]]
indicator = "pm25"
value = 33.0
qualifier = "at-most"
preliminary = true
as_of = "2021-10"
source = "s1"

[[observation]]
indicator = "pm10"
value = 55.0
source = "s1"
`)
	write(t, root, "data/sourcing.toml", `[[record]]
indicator = "pm25"
searched = "2026-11-30"
looked_for = { zh = "年均濃度", en = "the annual mean" }
checked = [ { zh = "公報", en = "the bulletins" } ]
found = { zh = "未找到", en = "no figure found" }
`)
	r, ps := Load(root, lim)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	ind := r.Indicator("pm25")
	if !ind.Forecast || ind.Commitment() || !ind.Target.YearAssumed || ind.Baseline.Alike() {
		t.Errorf("indicator fields not loaded: %+v", ind)
	}
	if c := r.Indicator("pm10"); !c.Context || c.Commitment() {
		t.Errorf("context not loaded: %+v", c)
	}
	o, _ := r.Observation("pm25", 2021)
	if !o.Preliminary || o.AsOf != "2021-10" || o.Qualifier != "at-most" || o.Grade != "A" {
		t.Errorf("observation fields not loaded: %+v", o)
	}
	rec := r.SourcingOf("pm25")
	if rec == nil || rec.Found.En != "no figure found" || len(rec.Checked) != 1 || rec.Line != 1 {
		t.Errorf("sourcing record not loaded: %+v", rec)
	}
	if r.SourcingOf("pm10") != nil {
		t.Error("pm10 has no sourcing record")
	}
}

// TestNewFieldsRejected: each bad use of the new fields is reported at its
// file and line.
func TestNewFieldsRejected(t *testing.T) {
	cases := []struct {
		name, file, text, want string
	}{
		{"as_of outside the year", "data/annual/2021.toml",
			"year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nsource = \"s1\"\nas_of = \"2022-10\"\n",
			`data/annual/2021.toml:6: as_of "2022-10" of "pm25" is not in 2021`},
		{"as_of not a month", "data/annual/2021.toml",
			"year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nsource = \"s1\"\nas_of = \"2021-13\"\n",
			`data/annual/2021.toml:6: as_of "2021-13" of "pm25" is not YYYY-MM`},
		{"unknown qualifier", "data/annual/2021.toml",
			"year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nqualifier = \"over\"\nsource = \"s1\"\n",
			`data/annual/2021.toml:5: qualifier "over"`},
		{"qualifier without value", "data/annual/2021.toml",
			"year = 2021\n[[observation]]\nindicator = \"pm25\"\ntext = { zh = \"好\", en = \"good\" }\nqualifier = \"at-least\"\nsource = \"s1\"\n",
			`data/annual/2021.toml:5: qualifier "at-least" on "pm25" without a value`},
		{"sourcing: unknown indicator", "data/sourcing.toml",
			"[[record]]\nindicator = \"pm2\"\nsearched = \"2026-11-30\"\nlooked_for = { zh = \"a\", en = \"a\" }\nchecked = [ { zh = \"b\", en = \"b\" } ]\nfound = { zh = \"c\", en = \"c\" }\n",
			`data/sourcing.toml:2: unknown indicator "pm2"`},
		{"sourcing: second record", "data/sourcing.toml",
			"[[record]]\nindicator = \"pm25\"\nsearched = \"2026-11-30\"\nlooked_for = { zh = \"a\", en = \"a\" }\nchecked = [ { zh = \"b\", en = \"b\" } ]\nfound = { zh = \"c\", en = \"c\" }\n\n" +
				"[[record]]\nindicator = \"pm25\"\nsearched = \"2026-11-30\"\nlooked_for = { zh = \"a\", en = \"a\" }\nchecked = [ { zh = \"b\", en = \"b\" } ]\nfound = { zh = \"c\", en = \"c\" }\n",
			`data/sourcing.toml:8: indicator "pm25" has a second sourcing record (first at line 1)`},
		{"sourcing: bad date and missing fields", "data/sourcing.toml",
			"[[record]]\nindicator = \"pm25\"\nsearched = \"30.11.2026\"\nfound = { zh = \"c\" }\n",
			`data/sourcing.toml:3: searched "30.11.2026" of "pm25" is not a date YYYY-MM-DD`},
		{"sourcing: unknown key", "data/sourcing.toml",
			"[[record]]\nindicator = \"pm25\"\nsearched = \"2026-11-30\"\nlooked_fr = { zh = \"a\", en = \"a\" }\n",
			`data/sourcing.toml:4: unknown key "record.looked_fr"`},
		{"context with a target", "data/indicators.toml",
			"[[indicator]]\nid = \"pm25\"\narea = \"air\"\nname = { zh = \"P\", en = \"P\" }\nunit = { zh = \"u\", en = \"u\" }\ndirection = \"decrease\"\nkind = \"level\"\ncontext = true\ntarget = { year = 2025, value = 35, bound = \"at-most\" }\n",
			`data/indicators.toml:9: indicator "pm25" is a context series but has a target`},
		{"non-comparable baseline without a note", "data/indicators.toml",
			"[[indicator]]\nid = \"pm25\"\narea = \"air\"\nname = { zh = \"P\", en = \"P\" }\nunit = { zh = \"u\", en = \"u\" }\ndirection = \"decrease\"\nkind = \"level\"\nquote = \"q\"\nbaseline = { year = 2020, value = 38, comparable = false }\ntarget = { year = 2025, value = 35, bound = \"at-most\" }\n",
			`data/indicators.toml:9: indicator "pm25": a baseline with comparable = false needs a note in zh and en`},
		{"assumed year other than the period's end", "data/indicators.toml",
			"[[indicator]]\nid = \"pm25\"\narea = \"air\"\nname = { zh = \"P\", en = \"P\" }\nunit = { zh = \"u\", en = \"u\" }\ndirection = \"decrease\"\nkind = \"level\"\nquote = \"q\"\ntarget = { year = 2030, value = 35, bound = \"at-most\", year_assumed = true }\n",
			`data/indicators.toml:9: indicator "pm25": target year 2030 is marked assumed but lies outside the plan period 2020–2025`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := minimal(t)
			write(t, root, c.file, c.text)
			_, ps := Load(root, lim)
			found := false
			for _, p := range ps {
				if strings.HasPrefix(p.Error(), c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a problem starting %q, got:\n%v", c.want, ps)
			}
		})
	}
}

func TestCiteSources(t *testing.T) {
	cite := func(id string) string { return "[" + id + "]" }
	for _, c := range []struct{ in, want string }{
		{"據{source:src21b}，8天中6天", "據[src21b]，8天中6天"},
		{"{source:a} and {source:b}", "[a] and [b]"},
		{"no reference", "no reference"},
		{"{source:unclosed", "{source:unclosed"},
	} {
		if got := CiteSources(c.in, cite); got != c.want {
			t.Errorf("CiteSources(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := SourceRefs("{source:a}、{source:b}"); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("SourceRefs = %v", got)
	}
}

// TestSourceIDsNeverShown: a note that names a source id as text, or refers
// to an unknown source, is a problem at its line; {source:ID} and ids that
// are words ("plan") are not.
func TestSourceIDsNeverShown(t *testing.T) {
	root := minimal(t)
	write(t, root, "data/sources.toml", "[[source]]\nid = \"src06\"\ntitle = { zh = \"公報\", en = \"Bulletin\" }\ngrade = \"A\"\n\n[[source]]\nid = \"plan\"\ntitle = { zh = \"規劃\", en = \"The plan\" }\ngrade = \"A\"\n")
	write(t, root, "data/annual/2021.toml", "year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nsource = \"src06\"\nnote = { zh = \"據src06\", en = \"as in {source:src06} and the plan\" }\n")
	_, ps := Load(root, lim)
	all := ps.Error()
	if !strings.Contains(all, `data/annual/2021.toml:6: note of "pm25" (zh) shows the source id "src06" to readers (write {source:src06}`) {
		t.Errorf("bare id not reported:\n%s", all)
	}
	if strings.Contains(all, "(en) shows") || strings.Contains(all, `"plan"`) {
		t.Errorf("a reference or a word reported:\n%s", all)
	}
	write(t, root, "data/annual/2021.toml", "year = 2021\n[[observation]]\nindicator = \"pm25\"\nvalue = 33.0\nsource = \"src06\"\nnote = { zh = \"據{source:src99}\", en = \"\" }\n")
	_, ps = Load(root, lim)
	if !strings.Contains(ps.Error(), `data/annual/2021.toml:6: note of "pm25" (zh) refers to unknown source "src99"`) {
		t.Errorf("unknown reference not reported:\n%v", ps)
	}
}

func FuzzLoadSourcing(f *testing.F) {
	root := minimal(f)
	f.Add("[[record]]\nindicator = \"pm25\"\nsearched = \"2026-11-30\"\nlooked_for = { zh = \"a\", en = \"a\" }\nchecked = [ { zh = \"b\", en = \"b\" } ]\nfound = { zh = \"c\", en = \"c\" }\n")
	f.Add("[[record]]\nindicator = 3\nchecked = \"x\"\n[[record]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		os.WriteFile(filepath.Join(root, "data", "sourcing.toml"), []byte(src), 0o644)
		r, ps := Load(root, lim)
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		if len(ps) == 0 && r.SourcingOf("pm25") == nil && strings.Contains(src, "pm25") && strings.Count(src, "[[record]]") == 1 {
			// a valid file naming the only indicator must give its record
			for _, rec := range r.Sourcing {
				if rec.Indicator == "pm25" {
					t.Fatalf("record of pm25 loaded but not indexed")
				}
			}
		}
	})
}
