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
	"regexp"
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

// lang is the language of the messages of the command being run (see
// diag.Lang), set by run.
var lang = diag.En

// T is message key of data/i18n/messages.toml in the command's language.
func T(key string, args ...any) string { return diag.T(lang, key, args...) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var given string
	args, given = langFlag(args)
	lang = diag.Lang(given, os.Getenv, sourceLang(args))
	if given != "" && !diag.ValidLang(given) {
		fmt.Fprintln(stderr, T("cli-bad-lang", given))
		return exitUsage
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, T("usage"))
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build", "check", "serve":
		if _, _, err := project.SourceDateEpoch(); err != nil {
			var p diag.Problem
			if errors.As(err, &p) {
				fmt.Fprintln(stderr, "planpress:", p.In(lang))
			} else {
				fmt.Fprintln(stderr, "planpress:", err)
			}
			return exitUsage
		}
	}
	if c, ok := commands[cmd]; ok {
		return c(rest, stdout, stderr)
	}
	switch cmd {
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "planpress", Version)
		return exitOK
	case "help", "--help", "-h":
		fmt.Fprint(stdout, T("usage"))
		return exitOK
	}
	fmt.Fprintf(stderr, "%s\n\n%s", T("cli-unknown-command", cmd), T("usage"))
	return exitUsage
}

// commands are the subcommands, by name: each takes its arguments and
// returns its exit code.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"build":         cmdBuild,
	"check":         cmdCheck,
	"serve":         cmdServe,
	"new-year":      cmdNewYear,
	"import":        cmdImport,
	"synth":         cmdSynth,
	"convert":       cmdConvert,
	"status":        cmdStatus,
	"import-values": cmdImportValues,
	"export-values": cmdExportValues,
}

// flags parses flags that may come before or after positional arguments.
func flags(name string, args []string, stderr io.Writer, def func(*flag.FlagSet)) (*flag.FlagSet, []string, bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def(fs)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stderr, T("usage"))
			} else {
				fmt.Fprintf(stderr, "%s\n\n%s", flagError(name, err), T("usage"))
			}
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

// flagError is an error of Go's flag parsing as a catalogue message: the
// flag package words its errors in English only.
func flagError(cmd string, err error) string {
	msg := err.Error()
	for _, c := range []struct{ prefix, key string }{
		{"flag provided but not defined: ", "cli-flag-unknown"},
		{"flag needs an argument: ", "cli-flag-needs-arg"},
		{"bad flag syntax: ", "cli-flag-syntax"},
	} {
		if rest, ok := strings.CutPrefix(msg, c.prefix); ok {
			return diag.Msg("", 0, c.key, cmd, rest).In(lang)
		}
	}
	if m := reFlagValue.FindStringSubmatch(msg); m != nil {
		return diag.Msg("", 0, "cli-flag-value", cmd, m[1], m[2]).In(lang)
	}
	return diag.Msg("", 0, "cli-flag-other", cmd, msg).In(lang)
}

// reFlagValue matches the flag package's error for a value that does not
// parse: the value and the flag.
var reFlagValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag (-\S+): `)

// fail prints an error and returns its exit code.
func fail(stderr io.Writer, err error, building bool) int {
	var ps diag.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.In(lang))
		}
		if building {
			fmt.Fprintln(stderr, T("cli-problems-unchanged", len(ps)))
		} else {
			fmt.Fprintln(stderr, T("cli-problems", len(ps)))
		}
		return exitInput
	}
	var ue *build.UsageError
	if errors.As(err, &ue) {
		var p diag.Problem
		if errors.As(err, &p) {
			fmt.Fprintln(stderr, "planpress:", p.In(lang))
		} else {
			fmt.Fprintf(stderr, "planpress: %v\n", err)
		}
		if building {
			fmt.Fprintln(stderr, T("cli-nothing-built"))
		}
		return exitUsage
	}
	var p diag.Problem
	if errors.As(err, &p) && p.Key != "" {
		if p.File != "" { // a problem of an input file
			fmt.Fprintln(stderr, p.In(lang))
			fmt.Fprintln(stderr, T("cli-problems", 1))
			return exitInput
		}
		fmt.Fprintln(stderr, "planpress:", p.In(lang))
		return exitInternal
	}
	fmt.Fprintln(stderr, diag.Msg("", 0, "cli-internal", err).In(lang))
	return exitInternal
}

// failed prints the error of command cmd that is not a problem of its input
// (a file that cannot be read or written) and returns exit code: a message
// of the catalogue as it is, any other error named by diag.Cause.
func failed(stderr io.Writer, cmd string, err error, code int) int {
	fmt.Fprintln(stderr, T("cli-failed", cmd, diag.Cause(err)))
	return code
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
			fmt.Fprintln(stderr, T("cli-unexpected-arg", "build", pos[0]))
		}
		return exitUsage
	}
	if os.Getenv("GOGC") == "" {
		// a build is short and allocates much: collecting half as often
		// saves time at little cost in memory
		debug.SetGCPercent(200)
	}
	opt := build.Options{Root: root, Out: out, Lang: lang}
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
		fmt.Fprintln(stderr, T("cli-warning", w.In(lang)))
	}
	if !quiet {
		fmt.Fprintln(stdout, s.In(lang))
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
		return fail(stderr, diag.Of(err), false)
	}
	links, err := checkLinks(root)
	if err != nil { // rendering the site failed: a template, most likely
		return fail(stderr, diag.Of(err), false)
	}
	if len(links) > 0 {
		for _, l := range links {
			fmt.Fprintln(stderr, l.Diag().In(lang))
		}
		fmt.Fprintln(stderr, T("cli-broken-links", len(links)))
		return exitInput
	}
	empty := ""
	if n := sumEmpty(p); n > 0 {
		empty = T("cli-check-empty", n)
	}
	fmt.Fprintln(stdout, T("cli-check-passed",
		len(p.Plans[p.Source().Code].Pages), len(p.Reg.Indicators), len(p.Reg.Sources), len(p.Reg.Observations), len(p.Reg.Years), empty))
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
func checkLinks(root string) ([]linkcheck.Problem, error) {
	out, _, err := build.Render(build.Options{Root: root, Lang: lang}, build.RenderOptions{ListPDFs: true})
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
		fmt.Fprintln(stderr, T("cli-import-usage"))
		return exitUsage
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fail(stderr, diag.Problems{diag.MsgErr(pos[0], 0, err, "import-unreadable", err)}, false)
	}
	defer f.Close()
	// the portal's page furniture is described beside the seed
	cfg, err := plan.LoadImportConfig(filepath.Join(filepath.Dir(pos[0]), "import.toml"))
	if err != nil {
		return fail(stderr, diag.Of(err), false)
	}
	d, err := plan.Import(f, pos[0], cfg)
	if err != nil {
		return fail(stderr, diag.Of(err), false)
	}
	se, err := project.SourceEdition(root)
	if err != nil {
		return fail(stderr, err, false)
	}
	dir := filepath.Join(root, "content", se.Code, "plan")
	if err := d.WriteContent(dir); err != nil {
		for _, p := range diag.Of(err) {
			fmt.Fprintln(stderr, "planpress:", p.In(lang))
		}
		return exitInternal
	}
	fmt.Fprintln(stdout, T("cli-imported", len(d.Pages)+1, dir))
	return exitOK
}

// langFlag takes --lang X (or --lang=X) out of the arguments, wherever it
// stands, and returns its value ("" when not given).
func langFlag(args []string) ([]string, string) {
	var rest []string
	given := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				given = args[i+1]
				i++
			} else {
				given = "?"
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			given = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return rest, given
}

// sourceLang is the code of the site's source language, read from the
// project folder given by --root (default "."); "" when it cannot be read
// (the messages are then in English unless the locale says otherwise).
func sourceLang(args []string) string {
	root := "."
	for i, a := range args {
		if (a == "--root" || a == "-root") && i+1 < len(args) {
			root = args[i+1]
		} else if v, ok := strings.CutPrefix(a, "--root="); ok {
			root = v
		}
	}
	se, err := project.SourceEdition(root)
	if err != nil || se == nil {
		return ""
	}
	return se.Code
}
