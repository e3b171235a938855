package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"planpress/generator/indicator"
	"planpress/generator/project"
	"planpress/generator/serve"
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
		fmt.Fprintf(stderr, "planpress serve: listening on %s: the preview is reachable from other machines\n", addr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := serve.New(serve.Options{Root: root, Addr: addr, Port: port, Log: stderr})
	if err := s.Run(ctx); err != nil {
		fmt.Fprintln(stderr, "planpress serve:", err)
		return exitInternal
	}
	fmt.Fprintln(stderr, "planpress serve: stopped")
	return exitOK
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
