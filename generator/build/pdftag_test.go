package build

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"planpress/generator/internal/testutil"
)

// structText runs pdfinfo -struct-text: the structure tree, one element
// per line, indented by depth, each text of an element as a quoted line.
func structText(t *testing.T, f string) string {
	t.Helper()
	out, err := exec.Command(testutil.Tool(t, "pdfinfo"), "-struct-text", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text %s: %v", f, err)
	}
	return string(out)
}

// quoted returns the text of a quoted line of pdfinfo -struct-text.
func quoted(l string) (string, bool) {
	s := strings.TrimSpace(l)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	return s[1 : len(s)-1], true
}

func runeCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			m[r]++
		}
	}
	return m
}

// TestPDFTagged: every PDF of the real build is tagged, and its structure
// tree holds the text of its pages: the characters of pdftotext's text of
// the page body (the page without the band of the running header above
// 50 pt and of the footer below 790 pt, which are artifacts) are found, as
// a multiset, in the text of the tree, for at least 98% of them. Table
// header rows repeated after a page break are artifacts too, hence not
// 100%.
func TestPDFTagged(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	pdfinfo := testutil.Tool(t, "pdfinfo")
	pdftotext := testutil.Tool(t, "pdftotext")
	for _, f := range pdfs(t, out) {
		name := filepath.Base(f)
		info, err := exec.Command(pdfinfo, f).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", name, err)
		}
		if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
			t.Errorf("%s: not tagged", name)
		}
		body, err := exec.Command(pdftotext, "-enc", "UTF-8", "-r", "72", "-x", "0", "-y", "50", "-W", "595", "-H", "740", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		var tree strings.Builder
		for _, l := range strings.Split(structText(t, f), "\n") {
			if s, ok := quoted(l); ok {
				tree.WriteString(s)
			}
		}
		want, have := runeCounts(string(body)), runeCounts(tree.String())
		total, found := 0, 0
		for r, n := range want {
			total += n
			found += min(n, have[r])
		}
		if total < 1000 {
			t.Fatalf("%s: only %d characters of text", name, total)
		}
		if cov := float64(found) / float64(total); cov < 0.98 {
			t.Errorf("%s: the structure tree holds %.2f%% of the characters of the pages, want ≥ 98%%", name, 100*cov)
		}
		// the header and footer are artifacts: not in the tree
		if strings.Contains(tree.String(), "Page 2 of") || strings.Contains(tree.String(), "第 2 頁") {
			t.Errorf("%s: a page number is in the structure tree", name)
		}
	}
}

// treeHeadings returns the text of the H1–H6 elements of a structure
// tree, in order, without white space.
func treeHeadings(st string) []string {
	var out []string
	depth := -1
	var cur strings.Builder
	flush := func() {
		if depth >= 0 {
			out = append(out, cur.String())
			cur.Reset()
			depth = -1
		}
	}
	reH := regexp.MustCompile(`^(\s*)H[1-6]\b`)
	for _, l := range strings.Split(st, "\n") {
		ind := len(l) - len(strings.TrimLeft(l, " "))
		if depth >= 0 && ind <= depth {
			flush()
		}
		if m := reH.FindStringSubmatch(l); m != nil {
			depth = len(m[1])
			continue
		}
		if depth >= 0 {
			if s, ok := quoted(l); ok {
				cur.WriteString(squeeze(s))
			}
		}
	}
	flush()
	return out
}

type outlineItem struct {
	Title string        `json:"title"`
	Kids  []outlineItem `json:"kids"`
}

// TestPDFHeadingsMatchOutline: the headings of each PDF's structure tree
// are its outline entries (bookmarks), in text and order.
func TestPDFHeadingsMatchOutline(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	qpdf := testutil.Tool(t, "qpdf")
	for _, f := range pdfs(t, out) {
		name := filepath.Base(f)
		js, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
		if err != nil {
			t.Fatalf("qpdf --json %s: %v", name, err)
		}
		var doc struct {
			Outlines []outlineItem `json:"outlines"`
		}
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatalf("%s: outline JSON: %v", name, err)
		}
		var outline []string
		var walk func([]outlineItem)
		walk = func(items []outlineItem) {
			for _, it := range items {
				outline = append(outline, squeeze(it.Title))
				walk(it.Kids)
			}
		}
		walk(doc.Outlines)
		heads := treeHeadings(structText(t, f))
		if len(outline) < 10 {
			t.Fatalf("%s: only %d outline entries", name, len(outline))
		}
		if len(heads) != len(outline) {
			t.Errorf("%s: %d headings in the structure tree, %d outline entries", name, len(heads), len(outline))
		}
		for i := range min(len(heads), len(outline)) {
			if heads[i] != outline[i] {
				t.Errorf("%s: heading %d is %q in the structure tree, %q in the outline", name, i+1, heads[i], outline[i])
				break
			}
		}
	}
}
