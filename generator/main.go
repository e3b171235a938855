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
	"planpress/generator/diag"
	"planpress/generator/linkcheck"
	"planpress/generator/plan"
	"planpress/generator/project"
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
  planpress convert [--root DIR]
                               write the converted editions (content/zh-Hans, data/i18n/zh-Hans.toml)
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
	case "convert":
		return cmdConvert(rest, stdout, stderr)
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
	var ps diag.Problems
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
	links, err := checkLinks(root)
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
		len(p.Plans[p.Source().Code].Pages), len(p.Reg.Indicators), len(p.Reg.Sources), len(p.Reg.Observations), len(p.Reg.Years), empty)
	return exitOK
}

func sumEmpty(p *project.Project) int {
	n := 0
	for _, v := range p.Reg.Empty {
		n += v
	}
	return n
}

// checkLinks renders the site in memory through the build's own path
// (without making the PDFs, which are listed by their paths) and checks
// every internal link and fragment.
func checkLinks(root string) ([]string, error) {
	out, _, err := build.Render(build.Options{Root: root}, build.RenderOptions{ListPDFs: true})
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(out))
	for _, f := range out {
		files[f.Path] = f.Data
	}
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
	// the portal's page furniture is described beside the seed
	cfg, err := plan.LoadImportConfig(filepath.Join(filepath.Dir(pos[0]), "import.toml"))
	if err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInput
	}
	d, err := plan.Import(f, pos[0], cfg)
	if err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInput
	}
	se, err := project.SourceEdition(root)
	if err != nil {
		return fail(stderr, err, false)
	}
	dir := filepath.Join(root, "content", se.Code, "plan")
	if err := d.WriteContent(dir); err != nil {
		fmt.Fprintln(stderr, "planpress:", err)
		return exitInternal
	}
	fmt.Fprintf(stdout, "imported %d pages into %s\n", len(d.Pages)+1, dir)
	return exitOK
}
