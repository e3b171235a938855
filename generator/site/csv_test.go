package site

import (
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// hostileCells are cells a spreadsheet could run as formulas in some
// locale or reader.
var hostileCells = []string{
	"=SUM(A1)", "+1 call", "-x", "@cmd", "\t=1", "\r=1", "\n=1", "-Inf", "+Inf", "-inf", "-NaN", "-0x1p3", "+12", "1e5",
	"a;=cmd", "a; =cmd", "a;+1", "a;-1", "a;@x", "a\t=1", "a\n=1", "a\r\n@x", "a;;=x", "  =1", " -2",
	`=HYPERLINK("http://x.example","y")`, `a;"=x"`, `say "=1"`, "People's", "x,=y",
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1 call": "'+1 call", "-x": "'-x", "@cmd": "'@cmd",
		"-18": "-18", "27.5": "27.5", "0": "0", "plain": "plain", "": "",
		"-Inf": "'-Inf", "+12": "'+12", "1e5": "1e5", "a;=cmd": "a;'=cmd", "a; =cmd": "a; '=cmd",
		"a\n@x": "a\n'@x", "  =1": "  '=1", `a;"=x"`: `a;"'=x"`, `"=x"`: `"'=x"`, "x,=y": "x,=y", "a;b": "a;b",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVFormulas writes hostile cells and reads the file back three
// ways: with a CSV reader (the cells come back as written, neutralised),
// with a reader that splits on semicolons as spreadsheets in many locales
// do, and by splitting on every separator and line break regardless of
// quotes. No field of any reading starts with a formula character unless
// it is a plain number.
func TestCSVFormulas(t *testing.T) {
	var rows [][]string
	for _, c := range hostileCells {
		rows = append(rows, []string{"id", c, "-18", "27.5"})
	}
	out := strings.TrimPrefix(string(writeCSV(rows)), "\ufeff")
	formula := func(f string) bool {
		f = strings.TrimLeft(f, " ")
		f = strings.TrimPrefix(f, `"`)
		return f != "" && strings.ContainsRune("=+-@\t\r\n", rune(f[0])) && !reNumber.MatchString(strings.TrimSuffix(f, `"`))
	}
	// a CSV reader: every row back, every cell the neutralised text
	r := csv.NewReader(strings.NewReader(out))
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			if i != len(rows) {
				t.Errorf("%d rows read, %d written", i, len(rows))
			}
			break
		}
		if err != nil {
			t.Fatalf("not valid CSV: %v\n%s", err, out)
		}
		if len(rec) != 4 || rec[1] != CSVCell(rows[i][1]) || rec[2] != "-18" || rec[3] != "27.5" {
			t.Errorf("row %d: %q", i, rec)
		}
		for _, f := range rec {
			if formula(f) {
				t.Errorf("row %d: field %q would run as a formula", i, f)
			}
		}
	}
	// a reader splitting on semicolons
	r = csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = ';', true, -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("read with semicolons: %v", err)
		}
		for _, f := range rec {
			if formula(f) {
				t.Errorf("split on semicolons, field %q would run as a formula", f)
			}
		}
	}
	// splitting on every separator but the comma and on every line break,
	// quotes ignored (the comma only ever separates where it is ours)
	for _, f := range strings.FieldsFunc(out, func(r rune) bool { return r == ';' || r == '\t' || r == '\r' || r == '\n' }) {
		if formula(f) {
			t.Errorf("split on separators, field %q would run as a formula", f)
		}
	}
}
