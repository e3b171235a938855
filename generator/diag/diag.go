// Package diag is the one vocabulary of diagnostics: a Problem names a
// place in an input file, what is wrong there and what to do, and every
// loader reports Problems. It also holds what the loaders share: the TOML
// decoder that gives line numbers, the rule for ids, and the worker pool.
package diag

import (
	"errors"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Problem is one finding about the input, at a place in a file.
type Problem struct {
	File      string // relative to the project folder; "" when no file is to blame
	Line, Col int    // 0 when not known
	Msg       string // what is wrong
	Hint      string // what to do; "" when Msg says it
	Err       error  // the cause, when the problem reports an error (Msg is its text)
	Key       string // the message's key in data/i18n/messages.toml; "" for a message not in it
	Args      []any  // the arguments of the message (and of its hint)
}

// Of is the problem that an error of the input is: a template that does
// not parse, a font that does not load. Problems stay as they are.
func Of(err error) Problems {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var p Problem
	if errors.As(err, &p) {
		return Problems{p}
	}
	return Problems{{Msg: err.Error(), Err: err}}
}

// Unwrap returns the cause of the problem, if any.
func (p Problem) Unwrap() error { return p.Err }

// At is the problem msg at a line of a file.
func At(file string, line int, msg string) Problem {
	return Problem{File: file, Line: line, Msg: msg}
}

// Error formats the problem as file:line:col: message (hint).
func (p Problem) Error() string {
	loc := p.location()
	s := p.Msg
	if loc != "" {
		s = loc + ": " + s
	}
	if p.Hint != "" {
		s += " (" + p.Hint + ")"
	}
	return s
}

// Location is file:line:col, as far as known.
func (p Problem) Location() string { return p.location() }

// location is file:line:col, as far as known.
func (p Problem) location() string {
	loc := p.File
	if p.Line > 0 {
		loc += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			loc += ":" + strconv.Itoa(p.Col)
		}
	}
	return loc
}

// Problems is a list of findings; it is an error when not empty.
type Problems []Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As see each.
func (ps Problems) Unwrap() []error {
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// Sort orders problems by file and line, keeping the order of equals.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}

var reID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidID reports whether s is a valid id (of an indicator, area, source,
// page or heading): a-z, 0-9 and inner hyphens, at most 64 characters. Ids
// are URLs, so they stay this plain.
func ValidID(s string) bool { return len(s) <= 64 && reID.MatchString(s) }

// Run runs jobs on workers goroutines (0: one per CPU) and returns the
// error of the first job, in job order, that failed.
func Run(jobs []func() error, workers int) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < min(workers, len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				errs[i] = jobs[i]()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
