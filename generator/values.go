package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"planpress/generator/diag"
	"planpress/generator/project"
	"planpress/generator/sheet"
)

// cmdExportValues writes the sheet of a year: every indicator, with the
// year's values, to fill in and import back.
func cmdExportValues(args []string, stdout, stderr io.Writer) int {
	var root, out string
	var year int
	_, pos, ok := flags("export-values", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
		fs.StringVar(&out, "out", "", "file to write: .xlsx or .csv (default: CSV on standard output)")
		fs.IntVar(&year, "year", 0, "the year")
	})
	if !ok || len(pos) > 0 || year == 0 {
		fmt.Fprintln(stderr, T("cli-export-values-usage"))
		return exitUsage
	}
	p, err := project.Load(root, project.Options{})
	if err != nil {
		return fail(stderr, err, false)
	}
	header, rows, err := sheet.Export(root, p.Reg, year, p.Limits(), p.MessageKey(lang))
	if err != nil {
		return fail(stderr, err, false)
	}
	if err := sheet.Write(out, stdout, header, rows); err != nil {
		return failed(stderr, "export-values", err, exitInput)
	}
	if out != "" {
		fmt.Fprintln(stdout, T("cli-exported", out, len(rows), year))
	}
	return exitOK
}

// cmdImportValues reads a sheet into data/annual/YYYY.toml (and new
// sources into data/sources.toml). Every row is checked first; then the
// whole project is checked with the new files, and they are put back as
// they were when that fails.
func cmdImportValues(args []string, stdout, stderr io.Writer) int {
	var root string
	var year int
	_, pos, ok := flags("import-values", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
		fs.IntVar(&year, "year", 0, "the year")
	})
	if !ok || len(pos) != 1 || year == 0 {
		fmt.Fprintln(stderr, T("cli-import-values-usage"))
		return exitUsage
	}
	p, err := project.Load(root, project.Options{})
	if err != nil {
		return fail(stderr, err, false)
	}
	if year < p.Config.BaseYear || year > p.Config.TargetYear {
		fmt.Fprintln(stderr, diag.Msg("", 0, "annual-year-outside", year, p.Config.BaseYear, p.Config.TargetYear).In(lang))
		return exitUsage
	}
	s, err := sheet.Read(pos[0])
	if err != nil {
		return failed(stderr, "import-values", err, exitInput)
	}
	path := filepath.Join(root, "data", "annual", strconv.Itoa(year)+".toml")
	before, readErr := os.ReadFile(path)
	sources := filepath.Join(root, "data", "sources.toml")
	sourcesBefore, sourcesErr := os.ReadFile(sources)
	changed, added, err := sheet.Import(root, pos[0], s, year, p.Reg, p.Limits())
	if err != nil {
		var ps diag.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				fmt.Fprintln(stderr, p.In(lang))
			}
			fmt.Fprintln(stderr, T("cli-sheet-wrong", len(ps)))
			return exitInput
		}
		return failed(stderr, "import-values", err, exitInput)
	}
	rel := filepath.ToSlash(filepath.Join("data", "annual", strconv.Itoa(year)+".toml"))
	if changed+added == 0 {
		fmt.Fprintln(stdout, T("cli-imported-nothing", rel))
		return exitOK
	}
	if _, err := project.Load(root, project.Options{}); err != nil {
		// the rows were right one by one but the year's file is not
		// (a value beyond its unit's range, …): nothing is kept
		if readErr == nil {
			os.WriteFile(path, before, 0o644)
		} else {
			os.Remove(path)
		}
		if sourcesErr == nil {
			os.WriteFile(sources, sourcesBefore, 0o644)
		}
		var b bytes.Buffer
		code := fail(&b, err, false)
		fmt.Fprintln(stderr, T("cli-import-undone", rel))
		stderr.Write(b.Bytes())
		return code
	}
	fmt.Fprintln(stdout, T("cli-imported-values", rel, changed, added))
	return exitOK
}
