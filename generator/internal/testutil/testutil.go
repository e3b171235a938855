// Package testutil holds helpers shared by the tests: the project root, a
// copy of the project to break safely, tree hashes, tools, HTML checks.
package testutil

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"planpress/generator/internal/fsutil"
)

// Root returns the repository root.
func Root(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", ".."))
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found from %s", file)
	}
	return root
}

// CopyProject copies the project's inputs (content, data, templates, seeds)
// into a temporary folder and returns it.
func CopyProject(t testing.TB) string {
	root := Root(t)
	dst := t.TempDir()
	for _, dir := range []string{"content", "data", "templates", "seeds"} {
		if err := fsutil.CopyTree(filepath.Join(root, dir), filepath.Join(dst, dir)); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// HashTree returns the SHA-256 of every file below dir, by relative path.
func HashTree(t testing.TB, dir string) map[string]string {
	files, err := fsutil.ReadTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string]string, len(files))
	for _, f := range files {
		h := sha256.Sum256(f.Data)
		m[f.Path] = hex.EncodeToString(h[:])
	}
	return m
}

// DiffTrees describes how two tree hashes differ ("" when equal).
func DiffTrees(a, b map[string]string) string {
	var diffs []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			diffs = append(diffs, "only in first: "+k)
		} else if v != w {
			diffs = append(diffs, "differs: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diffs = append(diffs, "only in second: "+k)
		}
	}
	if len(diffs) > 10 {
		diffs = append(diffs[:10], fmt.Sprintf("… and %d more", len(diffs)-10))
	}
	return strings.Join(diffs, "\n")
}

// Tool returns the path of a command the test needs, failing the test (not
// skipping it) when it is missing: scripts/setup --test installs it.
func Tool(t testing.TB, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed by this test: run scripts/setup --test (or apt-get install the package providing %s)", name, name)
	}
	return p
}

// PDFText returns the text pdftotext extracts from a PDF file.
func PDFText(t testing.TB, file string) string {
	out, err := exec.Command(Tool(t, "pdftotext"), "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

var void = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// CheckHTML parses a page and reports structural errors: unbalanced or
// misnested elements, a missing lang, title or h1, or headings that skip a
// level. It returns the problems found.
func CheckHTML(data []byte) []string {
	var probs []string
	z := html.NewTokenizer(strings.NewReader(string(data)))
	var stack []string
	var headings []int
	hasLang, hasTitle := false, false
	svgDepth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				probs = append(probs, z.Err().Error())
			}
			if len(stack) > 0 {
				probs = append(probs, "unclosed elements at end: "+strings.Join(stack, " > "))
			}
			if !hasLang {
				probs = append(probs, "no lang on <html>")
			}
			if !hasTitle {
				probs = append(probs, "no <title>")
			}
			if len(headings) == 0 || headings[0] != 1 {
				probs = append(probs, "the first heading is not an h1")
			}
			for i := 1; i < len(headings); i++ {
				if headings[i] > headings[i-1]+1 {
					probs = append(probs, fmt.Sprintf("heading level jumps from h%d to h%d", headings[i-1], headings[i]))
					break
				}
			}
			return probs
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			if name == "html" {
				for _, a := range tok.Attr {
					if a.Key == "lang" && a.Val != "" {
						hasLang = true
					}
				}
			}
			if name == "title" && svgDepth == 0 {
				hasTitle = true
			}
			if svgDepth == 0 && len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
				headings = append(headings, int(name[1]-'0'))
			}
			if name == "svg" {
				svgDepth++
			}
			if tt == html.SelfClosingTagToken || void[name] {
				if name == "svg" {
					svgDepth--
				}
				continue
			}
			stack = append(stack, name)
		case html.EndTagToken:
			name := z.Token().Data
			if len(stack) == 0 || stack[len(stack)-1] != name {
				probs = append(probs, fmt.Sprintf("</%s> closes %s", name, strings.Join(stack, " > ")))
				return probs
			}
			stack = stack[:len(stack)-1]
			if name == "svg" {
				svgDepth--
			}
		}
	}
}

// Slow skips a slow suite (a browser, the Nu checker, whole-site PDF tool
// runs, crashes, repeated builds) under go test -short, the inner loop;
// scripts/test and CI run without -short and so run it.
func Slow(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow suite: runs without -short (scripts/test, CI)")
	}
}
