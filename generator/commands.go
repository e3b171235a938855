package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"planpress/generator/convert"
	"planpress/generator/indicator"
	"planpress/generator/project"
	"planpress/generator/serve"
	"planpress/generator/synth"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var root, addr string
	var port int
	_, pos, ok := flags("serve", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
		fs.StringVar(&addr, "addr", "127.0.0.1", "address to listen on (other than loopback only when you mean it)")
		fs.IntVar(&port, "port", 8080, "port")
	})
	if !ok || len(pos) > 0 {
		return exitUsage
	}
	if !serve.IsLoopback(addr) {
		fmt.Fprintln(stderr, T("cli-serve-open", addr))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := serve.New(serve.Options{Root: root, Addr: addr, Port: port, Log: stderr, Lang: lang})
	if err := s.Run(ctx); err != nil {
		return failed(stderr, "serve", err, exitInternal)
	}
	fmt.Fprintln(stderr, T("cli-serve-stopped"))
	return exitOK
}

func cmdSynth(args []string, stdout, stderr io.Writer) int {
	var out, from string
	var scale, inds, years, pages int
	_, pos, ok := flags("synth", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "folder to write the synthetic project into (must not exist)")
		fs.StringVar(&from, "from", ".", "project whose templates and UI strings to copy")
		fs.IntVar(&scale, "scale", 0, "k times the project at --from (its indicators and plan pages; the same years)")
		fs.IntVar(&inds, "indicators", 0, "number of indicators")
		fs.IntVar(&years, "years", 6, "years of data, base year included")
		fs.IntVar(&pages, "pages", 10, "plan pages per language")
	})
	if !ok || len(pos) > 0 || out == "" || (scale == 0 && inds == 0) {
		fmt.Fprintln(stderr, "usage: planpress synth --out DIR (--scale K | --indicators N [--years Y] [--pages M])")
		return exitUsage
	}
	// synth only ever makes a new folder: it never writes into, or
	// removes, one that exists (a link counts, even one that leads nowhere)
	if _, err := os.Lstat(out); err == nil {
		fmt.Fprintf(stderr, "planpress synth: --out %s exists (give a new folder; synth never writes into an existing one)\n", out)
		return exitUsage
	}
	o := synth.Options{Indicators: inds, Years: years, Pages: pages}
	if scale > 0 {
		p, err := project.Load(from, project.Options{})
		if err != nil {
			return fail(stderr, err, false)
		}
		o = synth.Scale(scale, p)
	}
	if err := synth.Write(out, from, o); err != nil {
		fmt.Fprintln(stderr, "planpress synth:", err)
		return exitInternal
	}
	fmt.Fprintf(stdout, "wrote %s: %d indicators × %d years × 2 languages, %d plan pages per language\n", out, o.Indicators, o.Years, o.Pages)
	return exitOK
}

func cmdNewYear(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("new-year", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) != 1 {
		fmt.Fprintln(stderr, T("cli-new-year-usage"))
		return exitUsage
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1900 || year > 2200 {
		fmt.Fprintln(stderr, T("cli-not-a-year", pos[0]))
		return exitUsage
	}
	p, err := project.Load(root, project.Options{})
	if err != nil {
		return fail(stderr, err, false)
	}
	lim := p.Limits()
	if year < lim.FirstYear || year > lim.LastYear {
		fmt.Fprintln(stderr, T("cli-new-year-outside", year, lim.FirstYear, lim.LastYear))
		return exitInput
	}
	path, err := indicator.NewYear(root, year, p.Reg, lim, lang)
	if errors.Is(err, indicator.ErrExists) {
		fmt.Fprintln(stderr, T("cli-new-year-exists", filepath.Join(root, "data", "annual", strconv.Itoa(year)+".toml")))
		return exitInput
	}
	if err != nil {
		return failed(stderr, "new-year", err, exitInput)
	}
	fmt.Fprintln(stdout, T("cli-new-year-wrote", path, len(p.Reg.Indicators)))
	return exitOK
}

// cmdConvert writes the converted editions (convert_from in data/site.toml):
// content/CODE/ and data/i18n/CODE.toml from the edition they are converted
// from, with OpenCC's t2s and the phrase table data/convert-CODE.toml.
func cmdConvert(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("convert", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) > 0 {
		fmt.Fprintln(stderr, T("cli-convert-usage"))
		return exitUsage
	}
	eds, err := project.ReadEditions(root)
	if err != nil {
		return fail(stderr, err, false)
	}
	fsys := project.Files(root)
	n := 0
	for _, e := range eds {
		if e.ConvertFrom == "" {
			continue
		}
		c, err := convert.Load(fsys, e.Code)
		if err != nil {
			return fail(stderr, err, false)
		}
		files, err := c.Files(fsys, e.ConvertFrom, e.Code)
		if err != nil {
			return fail(stderr, err, false)
		}
		// a keep that matches nothing is an error of the table: nothing
		// is written then
		if ps := c.Unused(); len(ps) > 0 {
			return fail(stderr, ps, false)
		}
		if err := convert.Write(root, files, e.Code); err != nil {
			return failed(stderr, "convert", err, exitInternal)
		}
		fmt.Fprintln(stdout, T("cli-converted", e.ConvertFrom, e.Code, len(files)))
		n++
	}
	if n == 0 {
		fmt.Fprintln(stdout, T("cli-convert-none"))
	}
	return exitOK
}
