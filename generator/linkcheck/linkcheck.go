// Package linkcheck checks the links of a built site: every relative link
// reaches a file and, with a fragment, an element with that id; no page
// loads anything from another host.
package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

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
func Dir(dir string, max int) ([]string, int, error) {
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
func Files(all map[string][]byte, max int) ([]string, int) {
	pages := map[string]pageInfo{}
	files := map[string]bool{}
	for rel, data := range all {
		files[rel] = true
		if strings.HasSuffix(rel, ".html") {
			pages[rel] = scan(data)
		}
	}
	var probs []string
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
				probs = append(probs, fmt.Sprintf("%s: bad URL %q", name, l.val))
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if l.load {
					probs = append(probs, fmt.Sprintf("%s: loads %s from another site", name, l.val))
				}
				if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
					probs = append(probs, fmt.Sprintf("%s: link with scheme %q", name, u.Scheme))
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
				probs = append(probs, fmt.Sprintf("%s: broken link %q (no %s)", name, l.val, target))
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !pages[target].ids[u.Fragment] {
				probs = append(probs, fmt.Sprintf("%s: broken fragment %q (no id %q in %s)", name, l.val, u.Fragment, target))
			}
			if len(probs) >= max {
				return probs, checked
			}
		}
	}
	return probs, checked
}
