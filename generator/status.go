package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"planpress/generator/indicator"
	"planpress/generator/project"
)

// cmdStatus prints the to-do list of a year (default the latest with a
// file): every commitment once, those without a figure first.
func cmdStatus(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("status", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) > 1 {
		fmt.Fprintln(stderr, T("cli-status-usage"))
		return exitUsage
	}
	p, err := project.Load(root, project.Options{})
	if err != nil {
		return fail(stderr, err, false)
	}
	years := p.Reg.Years
	year := 0
	if len(years) > 0 {
		year = years[len(years)-1]
	}
	if len(pos) == 1 {
		y, err := strconv.Atoi(pos[0])
		if err != nil || y < 1900 || y > 2200 {
			fmt.Fprintln(stderr, T("cli-status-not-a-year", pos[0]))
			return exitUsage
		}
		year = y
	}
	has := false
	var list []string
	for _, y := range years {
		list = append(list, strconv.Itoa(y))
		has = has || y == year
	}
	if !has {
		fmt.Fprintln(stderr, T("cli-status-no-year", strconv.Itoa(year), strings.Join(list, ", ")))
		return exitInput
	}
	writeStatus(stdout, p.Reg, year, p.MessageKey(lang))
	return exitOK
}

// writeStatus writes the to-do table of year, names in the data key key.
func writeStatus(w io.Writer, r *indicator.Register, year int, key string) {
	rows, sources := r.ToDo(year)
	n := map[string]int{}
	for _, row := range rows {
		n[row.State]++
	}
	fmt.Fprintln(w, T("status-title", year, len(rows), n[indicator.ToDoMissing], n[indicator.ToDoWeak], n[indicator.ToDoDone]))
	fmt.Fprintln(w)
	table := [][]string{{T("status-col-state"), T("status-col-id"), T("status-col-name"), T("status-col-figure"), T("status-col-source")}}
	for _, row := range rows {
		name := row.Indicator.Name.Get(key)
		if name == "" {
			name = row.Indicator.Name.Get("zh")
		}
		cells := []string{T("status-" + row.State), row.Indicator.ID, name, "", ""}
		if o := row.Obs; o != nil {
			cells[3] = indicator.Figure(lang, o)
			cells[4] = o.Source
		}
		table = append(table, cells)
	}
	writeTable(w, table)
	fmt.Fprintln(w)
	if len(sources) == 0 {
		fmt.Fprintln(w, T("status-no-sources", year))
		return
	}
	fmt.Fprintln(w, T("status-sources", year))
	for _, id := range sources {
		line := "  " + id
		if s := r.Source(id); s != nil {
			title := s.Title.Get(key)
			if title == "" {
				title = s.Title.Get("zh")
			}
			line += "  [" + s.Grade + "]  " + title
		}
		fmt.Fprintln(w, line)
	}
}

// writeTable writes rows as columns aligned by their width on a terminal:
// Chinese characters take two columns.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// cellWidth is the width of s on a terminal: East Asian wide and
// full-width characters count two columns.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0x303E, r >= 0x3041 && r <= 0x33FF,
			r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xA000 && r <= 0xA4CF,
			r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
			r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
			n += 2
		default:
			n++
		}
	}
	return n
}

// loadProject loads the project at root as every command does.
func loadProject(root string) (*project.Project, error) { return project.Load(root, project.Options{}) }
