// Package sheet reads and writes the year's values as a spreadsheet (.csv
// or .xlsx), for the staff who receive figures in tables: export-values
// writes every indicator of a year with its values, import-values reads
// such a sheet back and edits data/annual/YYYY.toml in place, keeping its
// comments and order.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"planpress/generator/diag"
)

// Sheet is a table: a header row of column ids and data rows.
type Sheet struct {
	Header []string   // column ids (the first word of each header cell)
	Rows   [][]string // data rows, as many cells as the header or fewer
}

// Col is the cell of column id in data row i; "" when absent.
func (s *Sheet) Col(i int, id string) string {
	for j, h := range s.Header {
		if h == id && j < len(s.Rows[i]) {
			return strings.TrimSpace(s.Rows[i][j])
		}
	}
	return ""
}

// Has reports whether the sheet has column id.
func (s *Sheet) Has(id string) bool {
	for _, h := range s.Header {
		if h == id {
			return true
		}
	}
	return false
}

// Read reads FILE.csv (UTF-8, a byte-order mark allowed) or FILE.xlsx (the
// first sheet, cell values as stored, not as displayed). A header cell
// "value 数值" names column value: its first word.
func Read(path string) (*Sheet, error) {
	var rows [][]string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, diag.MsgErr(path, 0, err, "sheet-unreadable", diag.Cause(err))
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		rows, err = r.ReadAll()
		if err != nil {
			return nil, csvProblem(path, err)
		}
	case ".xlsx":
		f, err := excelize.OpenFile(path)
		if err != nil {
			return nil, diag.MsgErr(path, 0, err, "sheet-xlsx-bad", diag.Cause(err))
		}
		defer f.Close()
		rows, err = f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, diag.MsgErr(path, 0, err, "sheet-xlsx-bad", err.Error())
		}
	default:
		return nil, diag.Msg(path, 0, "sheet-not-sheet")
	}
	if len(rows) == 0 {
		return nil, diag.Msg(path, 0, "sheet-empty")
	}
	s := &Sheet{}
	for _, h := range rows[0] {
		f := strings.Fields(h)
		id := ""
		if len(f) > 0 {
			id = strings.ToLower(f[0])
		}
		s.Header = append(s.Header, id)
	}
	s.Rows = rows[1:]
	return s, nil
}

// csvProblem is a CSV file's parse error as a problem at its line, the
// common causes named in the catalogue.
func csvProblem(path string, err error) diag.Problem {
	line := 0
	var what any = err.Error()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line, what = pe.Line, pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			what = diag.P("sheet-csv-quote")
		case errors.Is(pe.Err, csv.ErrBareQuote):
			what = diag.P("sheet-csv-bare-quote")
		}
	}
	return diag.MsgErr(path, line, err, "sheet-csv-bad", what)
}

// Write writes the sheet (header as given, cells as text) to path: .csv
// (UTF-8 with a byte-order mark, which Excel needs to read Chinese) or
// .xlsx; to w when path is "".
func Write(path string, w io.Writer, header []string, rows [][]string) error {
	if path == "" || strings.ToLower(filepath.Ext(path)) == ".csv" {
		var b bytes.Buffer
		b.WriteString("\ufeff")
		cw := csv.NewWriter(&b)
		cw.Write(header)
		cw.WriteAll(rows)
		if err := cw.Error(); err != nil {
			return err
		}
		if path == "" {
			_, err := w.Write(b.Bytes())
			return err
		}
		return os.WriteFile(path, b.Bytes(), 0o644)
	}
	if strings.ToLower(filepath.Ext(path)) != ".xlsx" {
		return diag.Msg(path, 0, "sheet-out-ext")
	}
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	put := func(r int, cells []string) error {
		for c, v := range cells {
			ref, err := excelize.CoordinatesToCellName(c+1, r)
			if err != nil {
				return err
			}
			// every cell is text: a figure stays exactly as written
			if err := f.SetCellStr(sh, ref, v); err != nil {
				return err
			}
		}
		return nil
	}
	if err := put(1, header); err != nil {
		return err
	}
	for i, r := range rows {
		if err := put(i+2, r); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}
