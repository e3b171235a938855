// Command planpress builds the plan's bilingual report site and its PDFs.
//
//	planpress build [--root DIR] [--out DIR] [--quiet] [--verbose]
//	planpress check [--root DIR]
//	planpress serve [--root DIR] [--port N] [--addr HOST]
//	planpress new-year YYYY [--root DIR]
//	planpress import SEEDFILE [--root DIR]
//	planpress version
//
// Exit codes: 0 success, 1 input errors, 2 usage errors, 3 internal errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"planpress/generator/build"
	"planpress/generator/fonts"
	"planpress/generator/indicator"
	"planpress/generator/linkcheck"
	"planpress/generator/plan"
	"planpress/generator/project"
	"planpress/generator/report"
	"planpress/generator/site"
)

// Version is the release of planpress.
const Version = "0.1.0"

// Exit codes.
const (
	exitOK       = 0
	exitInput    = 1
	exitUsage    = 2
	exitInternal = 3
)

const usage = `planpress builds the plan's bilingual report site and PDFs.

Usage:
  planpress build [--root DIR] [--out DIR] [--quiet] [--verbose]
                               build the site and all PDFs into DIR (default ROOT/public)
  planpress check [--root DIR] check data, plan text, templates and links; build nothing
  planpress serve [--root DIR] [--port N] [--addr HOST]
                               build, serve on 127.0.0.1, rebuild on change
  planpress new-year YYYY [--root DIR]
                               write data/annual/YYYY.toml with every indicator to fill in
  planpress import SEEDFILE [--root DIR]
                               convert the published plan text into content/zh-Hant/plan
  planpress synth --out DIR (--scale K | --indicators N [--years Y] [--pages M])
                               write a synthetic project (benchmarks and scale tests)
  planpress version            print the version

Exit codes: 0 success, 1 input errors, 2 usage errors, 3 internal errors.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build", "check", "serve":
		if _, _, err := project.SourceDateEpoch(); err != nil {
			fmt.Fprintln(stderr, "planpress:", err)
			return exitUsage
		}
	}
	switch cmd {
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "new-year":
		return cmdNewYear(rest, stdout, stderr)
	case "import":
		return cmdImport(rest, stdout, stderr)
	case "synth":
		return cmdSynth(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "planpress", Version)
		return exitOK
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "planpress: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// flags parses flags that may come before or after positional arguments.
func flags(name string, args []string, stderr io.Writer, def func(*flag.FlagSet)) (*flag.FlagSet, []string, bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	def(fs)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, false
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs, pos, true
}

// fail prints an error and returns its exit code.
func fail(stderr io.Writer, err error, building bool) int {
	unchanged := ""
	if building {
		unchanged = "; nothing was published, the previous output is unchanged"
	}
	var ps indicator.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.Error())
		}
		fmt.Fprintf(stderr, "planpress: %d problem(s)%s\n", len(ps), unchanged)
		return exitInput
	}
	var ue *build.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "planpress: %v\n", err)
		if building {
			fmt.Fprintln(stderr, "planpress: nothing was built; the output is unchanged")
		}
		return exitUsage
	}
	var ie *build.InputError
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "planpress: %v\n", err)
		if unchanged != "" {
			fmt.Fprintln(stderr, "planpress: nothing was published; the previous output is unchanged")
		}
		return exitInput
	}
	fmt.Fprintln(stderr, "planpress:", err)
	return exitInternal
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var root, out string
	var quiet, verbose bool
	_, pos, ok := flags("build", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
		fs.StringVar(&out, "out", "", "output folder (default ROOT/public)")
		fs.BoolVar(&quiet, "quiet", false, "print errors only")
		fs.BoolVar(&verbose, "verbose", false, "print every step")
	})
	if !ok || len(pos) > 0 {
		if ok {
			fmt.Fprintf(stderr, "planpress build: unexpected argument %q\n", pos[0])
		}
		return exitUsage
	}
	if os.Getenv("GOGC") == "" {
		// a build is short and allocates much: collecting half as often
		// saves time at little cost in memory
		debug.SetGCPercent(200)
	}
	opt := build.Options{Root: root, Out: out}
	if verbose {
		opt.Log = stderr
	} else if !quiet {
		opt.Log = progressOnly{stderr}
	}
	s, err := build.Build(opt)
	if err != nil {
		return fail(stderr, err, true)
	}
	for _, w := range s.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if !quiet {
		fmt.Fprintln(stdout, s)
	}
	return exitOK
}

// progressOnly passes on the progress lines of slow phases and drops detail.
type progressOnly struct{ w io.Writer }

func (p progressOnly) Write(b []byte) (int, error) {
	if strings.HasSuffix(strings.TrimSpace(string(b)), "…") {
		return p.w.Write(b)
	}
	return len(b), nil
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("check", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) > 0 {
		return exitUsage
	}
	p, err := project.Load(root, project.Options{})
	if err != nil {
		return fail(stderr, err, false)
	}
	if err := site.Check(root); err != nil {
		fmt.Fprintln(stderr, err)
		return exitInput
	}
	links, err := checkLinks(p)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInput
	}
	if len(links) > 0 {
		for _, l := range links {
			fmt.Fprintln(stderr, l)
		}
		fmt.Fprintf(stderr, "planpress: %d broken link(s)\n", len(links))
		return exitInput
	}
	empty := ""
	if n := sumEmpty(p); n > 0 {
		empty = fmt.Sprintf(" (%d entries left empty: no data)", n)
	}
	fmt.Fprintf(stdout, "check passed: %d plan pages per language, %d indicators, %d sources, %d values in %d years%s; links checked\n",
		len(p.Plans["zh-Hant"].Pages), len(p.Reg.Indicators), len(p.Reg.Sources), len(p.Reg.Observations), len(p.Reg.Years), empty)
	return exitOK
}

func sumEmpty(p *project.Project) int {
	n := 0
	for _, v := range p.Reg.Empty {
		n += v
	}
	return n
}

// checkLinks renders the site in memory (without PDFs, which are listed
// by their paths) and checks every internal link and fragment.
func checkLinks(p *project.Project) ([]string, error) {
	fs, err := fonts.Find(p.Config.Fonts.Main)
	if err != nil {
		return nil, err
	}
	p.Fonts = fs
	var infos []site.PDFInfo
	files := map[string][]byte{}
	for _, lang := range project.Langs {
		infos = append(infos, site.PDFInfo{Path: report.PlanPath(lang), Lang: lang, Kind: "plan"})
		for _, y := range p.Years {
			infos = append(infos, site.PDFInfo{Path: report.ReportPath(y, lang), Lang: lang, Kind: "report", Year: y})
		}
	}
	for _, f := range infos {
		files[f.Path] = nil
	}
	out, err := site.Render(p, site.Options{PDFs: infos})
	if err != nil {
		return nil, err
	}
	for _, f := range out {
		files[f.Path] = f.Data
	}
	files["checksums.txt"] = nil
	probs, _ := linkcheck.Files(files, 50)
	return probs, nil
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	var root string
	_, pos, ok := flags("import", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&root, "root", ".", "project folder")
	})
	if !ok || len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: planpress import SEEDFILE [--root DIR]")
		return exitUsage
	}
	f, err := os.Open(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInput
	}
	defer f.Close()
	d, err := plan.Import(f, pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInput
	}
	dir := filepath.Join(root, "content", "zh-Hant", "plan")
	if err := d.WriteContent(dir); err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInternal
	}
	fmt.Fprintf(stdout, "imported %d pages into %s\n", len(d.Pages)+1, dir)
	return exitOK
}
