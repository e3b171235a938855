package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"

	"planpress/generator/indicator"
	"planpress/generator/project"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "planpress serve: not available yet")
	return exitUsage
}

func cmdNewYear(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("new-year", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: planpress new-year YYYY [--root DIR]")
		return exitUsage
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1900 || year > 2200 {
		fmt.Fprintf(stderr, "planpress new-year: %q is not a year\n", pos[0])
		return exitUsage
	}
	p, err := project.Load(root, project.Options{SkipAssess: true})
	if err != nil {
		return report(stderr, err, false)
	}
	path, err := indicator.NewYear(root, year, p.Reg, indicator.Limits{FirstYear: p.Config.BaseYear, LastYear: p.Config.TargetYear})
	if err != nil {
		fmt.Fprintln(stderr, "planpress new-year:", err)
		return exitInput
	}
	fmt.Fprintf(stdout, "wrote %s with %d indicators to fill in; then run: planpress check\n", path, len(p.Reg.Indicators))
	return exitOK
}
