package site

import (
	"fmt"
	"sort"
	"strings"

	"planpress/generator/diag"
	"planpress/generator/output"
)

// origin is what wants an output path: an input file (a content page, a
// static asset) or a part of the site the build generates.
type origin struct {
	File string // the input file, relative to the project ("" when generated)
	What string // what it is
}

func (o origin) String() string {
	if o.File != "" {
		return o.File
	}
	return o.What
}

// addFrom adds f, made from o, unless its path is already taken: then the
// clash is kept for claimErr and f is dropped. Every output path is claimed
// once, so no file silently replaces another.
func (r *builder) addFrom(f output.File, o origin) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.claimed == nil {
		r.claimed = map[string]origin{}
	}
	if first, ok := r.claimed[f.Path]; ok {
		if r.clashes == nil {
			r.clashes = map[string][]origin{}
		}
		if len(r.clashes[f.Path]) == 0 {
			r.clashes[f.Path] = []origin{first}
		}
		r.clashes[f.Path] = append(r.clashes[f.Path], o)
		return
	}
	r.claimed[f.Path] = o
	r.files = append(r.files, f)
}

// generated is the origin of a file the build makes from the data.
func generated(what string) origin { return origin{What: what} }

// claimErr reports the output paths wanted more than once, each naming
// every origin, the same whichever came first.
func (r *builder) claimErr() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.clashes) == 0 {
		return nil
	}
	var ps diag.Problems
	for path, from := range r.clashes {
		// input files first, then in a stable order
		sort.Slice(from, func(i, j int) bool {
			if (from[i].File != "") != (from[j].File != "") {
				return from[i].File != ""
			}
			return from[i].String() < from[j].String()
		})
		var names []string
		for i, o := range from {
			if i == 0 || o != from[i-1] {
				names = append(names, o.String())
			}
		}
		p := diag.Problem{File: from[0].File, Hint: "each output path has one source: rename the file"}
		switch {
		case len(names) == 1:
			p.File, p.Msg, p.Hint = path, fmt.Sprintf("is made %d times by %s", len(from), names[0]), ""
		case p.File == "":
			p.File, p.Msg, p.Hint = path, "is made by each of "+strings.Join(names, ", "), "rename all but one of them"
		default:
			p.Msg = fmt.Sprintf("output path %s is also made by %s", path, strings.Join(names[1:], ", "))
		}
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Msg < ps[j].Msg
	})
	return ps
}
