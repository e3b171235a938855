package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"planpress/generator/diag"
	"planpress/generator/indicator"
	"planpress/generator/internal/testutil"
	"planpress/generator/project"
)

func load(t *testing.T, root string) *project.Project {
	t.Helper()
	p, err := project.Load(root, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// observations of a year, without where they were written
func yearObs(r *indicator.Register, year int) []indicator.Observation {
	var out []indicator.Observation
	for _, o := range r.Observations {
		if o.Year == year {
			o.File, o.Line = "", 0
			out = append(out, o)
		}
	}
	return out
}

// TestRoundTrip: export → import reproduces the year's file byte for byte
// (CSV and Excel); export → new-year → import of the filled-in sheet
// reproduces the year's data; every indicator is in the sheet.
func TestRoundTrip(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(file)
	for _, ext := range []string{".csv", ".xlsx"} {
		out := filepath.Join(t.TempDir(), "values"+ext)
		h, rows, err := Export(root, p.Reg, 2025, p.Limits(), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(p.Reg.Indicators) {
			t.Fatalf("%d rows for %d indicators", len(rows), len(p.Reg.Indicators))
		}
		if err := Write(out, nil, h, rows); err != nil {
			t.Fatal(err)
		}
		s, err := Read(out)
		if err != nil {
			t.Fatal(err)
		}
		changed, added, err := Import(root, out, s, 2025, p.Reg, p.Limits())
		if err != nil || changed+added != 0 {
			t.Fatalf("%s: import of the export changed %d, added %d: %v", ext, changed, added, err)
		}
		if now, _ := os.ReadFile(file); string(now) != string(orig) {
			t.Fatalf("%s: the file changed", ext)
		}
		// a fresh year's file filled in from the sheet holds the same data
		os.Remove(file)
		if _, err := indicator.NewYear(root, 2025, p.Reg, p.Limits(), "en"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Import(root, out, s, 2025, p.Reg, p.Limits()); err != nil {
			t.Fatal(err)
		}
		q := load(t, root)
		if got, want := yearObs(q.Reg, 2025), yearObs(p.Reg, 2025); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: after new-year and import:\n%+v\nwant\n%+v", ext, got, want)
		}
		// and the sheet exported from it is the same sheet
		_, rows2, _ := Export(root, q.Reg, 2025, q.Limits(), "")
		if !reflect.DeepEqual(rows2, rows) {
			t.Errorf("%s: the sheet differs after the round trip", ext)
		}
		os.WriteFile(file, orig, 0o644)
	}
}

// TestImportEdits: a changed value rewrites its own line only (a note in a
// language the sheet has no column for stays); an added figure goes into
// the entry in key order; comments stay.
func TestImportEdits(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(file)
	csv := filepath.Join(t.TempDir(), "v.csv")
	good, _ := p.Reg.Observation("good-air-day-ratio", 2025) // its own source and note stay
	os.WriteFile(csv, []byte("indicator,value,source,note_zh\ngood-air-day-ratio,85.3,"+good.Source+","+good.Note["zh"]+"\n消除劣V類水體,,,\n"), 0o644)
	s, err := Read(csv)
	if err != nil {
		t.Fatal(err)
	}
	changed, added, err := Import(root, csv, s, 2025, p.Reg, p.Limits())
	if err != nil || changed != 1 || added != 0 {
		t.Fatalf("changed %d, added %d, %v", changed, added, err)
	}
	now, _ := os.ReadFile(file)
	want := strings.Replace(string(orig), "value = 85.2\n", "value = 85.3\n", 1)
	if string(now) != want {
		t.Errorf("the file is not edited in place:\n%s", now)
	}
	// a new figure for an indicator the file lacks goes at its end
	os.WriteFile(csv, []byte("indicator,value,qualifier,source,preliminary\nsewage-treatment-rate,97.8,more-than,src36,是\n"), 0o644)
	s, _ = Read(csv)
	if _, added, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil || added != 1 {
		t.Fatalf("added %d: %v", added, err)
	}
	now, _ = os.ReadFile(file)
	if !strings.HasSuffix(string(now), "\n[[observation]]\nindicator = \"sewage-treatment-rate\"\nvalue = 97.8\nqualifier = \"more-than\"\npreliminary = true\nsource = \"src36\"\n") {
		t.Errorf("the new entry is not at the end:\n%s", now[len(now)-300:])
	}
	load(t, root)
}

// TestImportWrongRows: every wrong row is listed with its row number, in
// both languages, and nothing is written.
func TestImportWrongRows(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(file)
	csv := filepath.Join(t.TempDir(), "v.csv")
	os.WriteFile(csv, []byte("indicator,value,qualifier,status,source,preliminary,as_of\n"+
		"good-air-day-ratio,85.3,,,src34,,\n"+ // row 2: right
		"pm-two-point-five,30,,,src34,,\n"+ // 3
		"pm25-annual-mean,\"27,5\",,,src34,,\n"+ // 4
		"forest-coverage,about 45,,,src33,,\n"+ // 5
		"nev-stock,128,plenty,,src36,,\n"+ // 6
		"sewage-treatment-rate,97.8,,,,,\n"+ // 7
		"park-500m-coverage,93,,,nobody,,\n"+ // 8
		"worse-than-class-v-eliminated,,,yes,src13,,\n"+ // 9
		"water-use-per-gdp,8.0,,,src31,maybe,2024-12\n"+ // 10
		"good-air-day-ratio,85.4,,,src34,,\n"), 0o644) // 11
	s, _ := Read(csv)
	_, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits())
	ps := diag.Of(err)
	want := []string{
		`v.csv: row 3: unknown indicator "pm-two-point-five"`,
		`v.csv: row 4: value 27,5 is written with a decimal comma (write a decimal point: 27.5)`,
		`v.csv: row 5: value "about 45" is not a number`,
		`v.csv: row 6: qualifier "plenty"`,
		`v.csv: row 7: the figure of "sewage-treatment-rate" has no source`,
		`v.csv: row 8: unknown source "nobody"`,
		`v.csv: row 9: "worse-than-class-v-eliminated" is a yes/no indicator: status is "yes"`,
		`v.csv: row 10: preliminary "maybe"`,
		`v.csv: row 10: as_of "2024-12" is not a month of 2025`,
		`v.csv: row 11: indicator "good-air-day-ratio" is also in row 2`,
	}
	if len(ps) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(ps[i].Error(), w) {
			t.Errorf("problem %d: %s\nwant %s", i, ps[i].Error(), w)
		}
		if zh := ps[i].In(diag.Zh); !strings.Contains(zh, "第 ") || zh == ps[i].Error() {
			t.Errorf("problem %d in Chinese: %s", i, zh)
		}
	}
	if now, _ := os.ReadFile(file); string(now) != string(orig) {
		t.Fatal("the file was written")
	}
}

// TestImportNewSource: a row may describe a source that data/sources.toml
// lacks; it is added at the end of that file, and the project loads. A new
// source described wrongly is listed with its row, and nothing is written.
func TestImportNewSource(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	sources := filepath.Join(root, "data", "sources.toml")
	orig, _ := os.ReadFile(sources)
	csv := filepath.Join(t.TempDir(), "v.csv")
	head := "indicator,value,source,source_title_zh,source_title_en,source_publisher_zh,source_date,source_grade,source_url\n"
	os.WriteFile(csv, []byte(head+
		"sewage-treatment-rate,97.8,bulletin-2026,2025年北京市生态环境状况公报,Beijing environment bulletin 2025,北京市生态环境局,2026-05-30,A,https://sthjj.beijing.gov.cn/\n"+
		"nev-stock,130,bulletin-2026,,,,,,\n"), 0o644)
	s, _ := Read(csv)
	if _, added, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil || added != 1 {
		t.Fatalf("added %d: %v", added, err)
	}
	now, _ := os.ReadFile(sources)
	want := string(orig) + "\n[[source]]\nid = \"bulletin-2026\"\ntitle = { zh = \"2025年北京市生态环境状况公报\", en = \"Beijing environment bulletin 2025\" }\npublisher = { zh = \"北京市生态环境局\" }\ndate = \"2026-05-30\"\ngrade = \"A\"\nurl = \"https://sthjj.beijing.gov.cn/\"\n"
	if string(now) != want {
		t.Errorf("data/sources.toml ends:\n%s", now[len(orig):])
	}
	q := load(t, root)
	if o, ok := q.Reg.Observation("nev-stock", 2025); !ok || o.Source != "bulletin-2026" || *o.Value != 130 {
		t.Errorf("nev-stock 2025: %+v", o)
	}
	// wrongly described: every fault listed, nothing written
	root = testutil.CopyProject(t)
	orig, _ = os.ReadFile(filepath.Join(root, "data", "sources.toml"))
	os.WriteFile(csv, []byte(head+"sewage-treatment-rate,97.8,Bulletin 2026,公报,,,30.5.2026,C,https://x.example/\n"), 0o644)
	s, _ = Read(csv)
	_, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits())
	var keys []string
	for _, p := range diag.Of(err) {
		keys = append(keys, p.Key)
	}
	if got := strings.Join(keys, " "); got != "sheet-source-id sheet-source-title sheet-source-date sheet-source-repost-url" {
		t.Errorf("problems %s:\n%v", got, err)
	}
	if now, _ := os.ReadFile(filepath.Join(root, "data", "sources.toml")); string(now) != string(orig) {
		t.Error("data/sources.toml was written")
	}
}

// TestImportNames: the indicator is found by its name as the staff type
// it: in simplified characters (the simplified edition's name, or OpenCC's
// conversion of the register's), full-width or half-width, with spaces
// around; in column indicator or, that left empty, in column name. A sheet
// exported with the simplified names imports back without a change.
func TestImportNames(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(file)
	// the names as exported for Chinese messages are the simplified ones
	h, rows, err := Export(root, p.Reg, 2025, p.Limits(), "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range rows {
		names[r[0]] = r[1]
	}
	if got := names["pm25-annual-mean"]; got != "细颗粒物(PM2.5)年均浓度" {
		t.Errorf("exported name of pm25-annual-mean: %q", got)
	}
	csv := filepath.Join(t.TempDir(), "v.csv")
	if err := Write(csv, nil, h, rows); err != nil {
		t.Fatal(err)
	}
	s, _ := Read(csv)
	if c, a, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil || c+a != 0 {
		t.Fatalf("import of the simplified export changed %d, added %d: %v", c, a, err)
	}
	if now, _ := os.ReadFile(file); string(now) != string(orig) {
		t.Fatal("the file changed")
	}
	os.WriteFile(csv, []byte("indicator,name,value,source\n"+
		" 细颗粒物（ＰＭ２.５）年均浓度 ,,26.5,src34\n"+ // simplified, full-width, spaces
		",可再生能源消费比重,18.5,src36\n"+ // simplified, in column name
		"森林覆蓋率,,45.1,src33\n"+ // traditional
		"ＮＥＶ-Ｓｔｏｃｋ,,130,src36\n"), 0o644) // the id in capitals, full-width
	s, _ = Read(csv)
	if _, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil {
		t.Fatal(err)
	}
	q := load(t, root)
	for id, want := range map[string]float64{"pm25-annual-mean": 26.5, "renewable-energy-share": 18.5, "forest-coverage": 45.1, "nev-stock": 130} {
		if o, ok := q.Reg.Observation(id, 2025); !ok || o.Value == nil || *o.Value != want {
			t.Errorf("%s 2025: %+v, want %v", id, o, want)
		}
	}
	// a name that is no indicator's is still named as it was typed
	os.WriteFile(csv, []byte("indicator,value,source\n细颗粒物年均值,26.5,src34\n"), 0o644)
	s, _ = Read(csv)
	_, _, err = Import(root, csv, s, 2025, p.Reg, p.Limits())
	if ps := diag.Of(err); len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), `v.csv: row 2: unknown indicator "细颗粒物年均值"`) {
		t.Errorf("unknown name: %v", err)
	}
}

// TestImportLineEndings: a year's file saved on Windows (CRLF, with a
// byte-order mark) keeps both: untouched lines stay byte for byte, changed
// and new lines end in CRLF; a new source goes into data/sources.toml in its
// line endings too.
func TestImportLineEndings(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	file := filepath.Join(root, "data", "annual", "2025.toml")
	sources := filepath.Join(root, "data", "sources.toml")
	data, _ := os.ReadFile(file)
	win := "\ufeff" + strings.ReplaceAll(string(data), "\n", "\r\n")
	os.WriteFile(file, []byte(win), 0o644)
	srcData, _ := os.ReadFile(sources)
	srcWin := strings.ReplaceAll(string(srcData), "\n", "\r\n")
	good, _ := p.Reg.Observation("good-air-day-ratio", 2025) // its own source and note stay
	os.WriteFile(sources, []byte(srcWin), 0o644)
	csv := filepath.Join(t.TempDir(), "v.csv")
	os.WriteFile(csv, []byte("indicator,value,source,note_zh,source_title_zh,source_title_en,source_date,source_grade\n"+
		"good-air-day-ratio,85.3,"+good.Source+","+good.Note["zh"]+",,,,\n"+
		"sewage-treatment-rate,97.8,bulletin-2026,,2025年公报,Bulletin 2025,2026-05,A\n"), 0o644)
	s, err := Read(csv)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil {
		t.Fatal(err)
	}
	now, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(now), "\ufeff") {
		t.Error("the byte-order mark is gone")
	}
	if n := strings.Count(string(now), "\n"); n != strings.Count(string(now), "\r\n") {
		t.Errorf("%d of %d lines lost their CRLF:\n%q", n-strings.Count(string(now), "\r\n"), n, now)
	}
	want := strings.Replace(win, "value = 85.2\r\n", "value = 85.3\r\n", 1) +
		"\r\n[[observation]]\r\nindicator = \"sewage-treatment-rate\"\r\nvalue = 97.8\r\nsource = \"bulletin-2026\"\r\n"
	if string(now) != want {
		t.Errorf("the file is not edited in place:\n%q", now)
	}
	src, _ := os.ReadFile(sources)
	if !strings.HasPrefix(string(src), srcWin) || strings.Count(string(src), "\n") != strings.Count(string(src), "\r\n") {
		t.Errorf("data/sources.toml lost its line endings:\n%q", src[len(srcWin)-20:])
	}
	load(t, root)
}

// TestImportSourceAnyRow: a new source may be described on any row; rows
// before and after use it by its id or by its title. A second description
// that differs is wrong, naming both rows; rows using a source whose
// description is wrong say nothing more. Nothing is written when a row is
// wrong.
func TestImportSourceAnyRow(t *testing.T) {
	root := testutil.CopyProject(t)
	p := load(t, root)
	sources := filepath.Join(root, "data", "sources.toml")
	csv := filepath.Join(t.TempDir(), "v.csv")
	head := "indicator,value,source,source_title_zh,source_title_en,source_date,source_grade\n"
	desc := ",2025年北京市生态环境状况公报,Beijing environment bulletin 2025,2026-05-30,A\n"
	os.WriteFile(csv, []byte(head+
		"nev-stock,130,bulletin-2026,,,,\n"+ // row 2: by id, before the description
		"sewage-treatment-rate,97.8,bulletin-2026"+desc+ // 3: the description
		"park-500m-coverage,93.1, 2025年北京市生态环境状况公报 ,,,,\n"+ // 4: by its Chinese title
		"water-use-per-gdp,8.1,Beijing environment bulletin 2025,,,,\n"), 0o644) // 5: by its English title
	s, _ := Read(csv)
	if _, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits()); err != nil {
		t.Fatal(err)
	}
	q := load(t, root)
	for _, id := range []string{"nev-stock", "sewage-treatment-rate", "park-500m-coverage", "water-use-per-gdp"} {
		if o, ok := q.Reg.Observation(id, 2025); !ok || o.Source != "bulletin-2026" {
			t.Errorf("%s 2025: %+v", id, o)
		}
	}
	if src, _ := os.ReadFile(sources); strings.Count(string(src), `id = "bulletin-2026"`) != 1 {
		t.Error("the new source is not in data/sources.toml once")
	}

	// a conflicting second description; a wrong description and a row using it
	root = testutil.CopyProject(t)
	orig, _ := os.ReadFile(filepath.Join(root, "data", "annual", "2025.toml"))
	origSrc, _ := os.ReadFile(filepath.Join(root, "data", "sources.toml"))
	os.WriteFile(csv, []byte(head+
		"nev-stock,130,bulletin-2026"+desc+ // row 2
		"sewage-treatment-rate,97.8,bulletin-2026,2025年公报,Bulletin 2025,2026-05-30,A\n"+ // 3: differs
		"park-500m-coverage,93.1,report-x,,,,\n"+ // 4: uses report-x, described wrongly below
		"water-use-per-gdp,8.1,report-x,报告,Report,2026-13-01,A\n"), 0o644) // 5
	s, _ = Read(csv)
	_, _, err := Import(root, csv, s, 2025, p.Reg, p.Limits())
	var got []string
	for _, p := range diag.Of(err) {
		got = append(got, p.Error())
	}
	want := []string{
		`v.csv: row 3: new source "bulletin-2026" is described differently in row 2 (describe a new source once, or alike in every row)`,
		`v.csv: row 5: new source date "2026-13-01" (write a real date as YYYY-MM-DD, YYYY-MM or YYYY)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	now, _ := os.ReadFile(filepath.Join(root, "data", "annual", "2025.toml"))
	nowSrc, _ := os.ReadFile(filepath.Join(root, "data", "sources.toml"))
	if string(now) != string(orig) || string(nowSrc) != string(origSrc) {
		t.Error("a file was written")
	}
}
