// Package linkcheck checks the links of a built site: every relative link
// reaches a file and, with a fragment, an element with that id; no page
// loads anything from another host.
package linkcheck

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"planpress/generator/diag"
)

// Kind is what is wrong with a link.
type Kind int

// The kinds of broken links.
const (
	BadURL   Kind = iota // the address does not parse
	Remote               // the page loads a resource from another site
	Scheme               // a link with a scheme other than http, https and mailto
	Broken               // a relative link that reaches no file of the site
	Fragment             // the file reached has no element with the fragment's id
)

// Problem is one broken link: the page it is on, the link as written,
// and what is wrong with it.
type Problem struct {
	Page, Link string
	Kind       Kind
	Target     string // the file the link leads to (Broken, Fragment) or its scheme (Scheme)
	ID         string // the id the fragment names (Fragment)
}

// Diag is the problem as a message of the catalogue, at the page.
func (p Problem) Diag() diag.Problem {
	switch p.Kind {
	case BadURL:
		return diag.Msg(p.Page, 0, "link-bad-url", p.Link)
	case Remote:
		return diag.Msg(p.Page, 0, "link-remote", p.Link)
	case Scheme:
		return diag.Msg(p.Page, 0, "link-scheme", p.Target)
	case Fragment:
		return diag.Msg(p.Page, 0, "link-fragment", p.Link, p.ID, p.Target)
	}
	return diag.Msg(p.Page, 0, "link-broken", p.Link, p.Target)
}

// String is the problem in English.
func (p Problem) String() string { return p.Diag().Error() }

// pageInfo is what the link check needs of a page.
type pageInfo struct {
	ids   map[string]bool
	links []link
}

type link struct {
	attr, val string
	load      bool // a resource the browser loads (not a hyperlink)
}

func scan(data []byte) pageInfo {
	pi := pageInfo{ids: map[string]bool{}}
	z := html.NewTokenizer(strings.NewReader(string(data)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return pi
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		loads := tok.Data != "link" // for <link>, only some rel values load
		for _, a := range tok.Attr {
			if a.Key == "rel" {
				for _, r := range strings.Fields(a.Val) {
					switch r {
					case "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon":
						loads = true
					}
				}
			}
		}
		for _, a := range tok.Attr {
			switch a.Key {
			case "id":
				pi.ids[a.Val] = true
			case "href":
				pi.links = append(pi.links, link{a.Key, a.Val, tok.Data == "link" && loads})
			case "src":
				pi.links = append(pi.links, link{a.Key, a.Val, true})
			case "cite":
				pi.links = append(pi.links, link{a.Key, a.Val, false})
			}
		}
	}
}

// Dir checks the site in a folder. It returns the problems (at most max)
// and the number of links checked.
func Dir(dir string, max int) ([]Problem, int, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		var data []byte
		if strings.HasSuffix(rel, ".html") {
			if data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		files[rel] = data
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	probs, n := Files(files, max)
	return probs, n, nil
}

// Files checks a site given as its files by path (the content of non-HTML
// files is not needed). It returns the problems (at most max) and the
// number of links checked.
func Files(all map[string][]byte, max int) ([]Problem, int) {
	pages := map[string]pageInfo{}
	files := map[string]bool{}
	for rel, data := range all {
		files[rel] = true
		if strings.HasSuffix(rel, ".html") {
			pages[rel] = scan(data)
		}
	}
	var probs []Problem
	checked := 0
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, l := range pages[name].links {
			u, err := url.Parse(l.val)
			if err != nil {
				probs = append(probs, Problem{Page: name, Link: l.val, Kind: BadURL})
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if l.load {
					probs = append(probs, Problem{Page: name, Link: l.val, Kind: Remote})
				}
				if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
					probs = append(probs, Problem{Page: name, Link: l.val, Kind: Scheme, Target: u.Scheme})
				}
				continue
			}
			checked++
			target := name
			if u.Path != "" {
				if strings.HasPrefix(u.Path, "/") {
					target = strings.TrimPrefix(u.Path, "/")
				} else {
					target = path.Join(path.Dir(name), u.Path)
				}
				if strings.HasSuffix(u.Path, "/") {
					target += "/index.html"
				}
			}
			if !files[target] {
				probs = append(probs, Problem{Page: name, Link: l.val, Kind: Broken, Target: target})
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !pages[target].ids[u.Fragment] {
				probs = append(probs, Problem{Page: name, Link: l.val, Kind: Fragment, Target: target, ID: u.Fragment})
			}
			if len(probs) >= max {
				return probs, checked
			}
		}
	}
	return probs, checked
}
