package build

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"planpress/generator/internal/testutil"
	"planpress/generator/linkcheck"
)

// buildInto builds the project at root into out and fails the test on error.
func buildInto(t *testing.T, root, out string) *Summary {
	t.Helper()
	s, err := Build(Options{Root: root, Out: out})
	if err != nil {
		t.Fatalf("build %s: %v", root, err)
	}
	return s
}

var (
	siteOnce sync.Once
	siteOut  string
	siteSum  *Summary
	siteErr  error
)

// realSite builds the real project once for the read-only checks.
func realSite(t *testing.T) (string, *Summary) {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "planpress-site-")
		if err != nil {
			siteErr = err
			return
		}
		siteOut = filepath.Join(dir, "public")
		siteSum, siteErr = Build(Options{Root: testutil.Root(t), Out: siteOut})
	})
	if siteErr != nil {
		t.Fatalf("build: %v", siteErr)
	}
	return siteOut, siteSum
}

func TestMain(m *testing.M) {
	code := m.Run()
	if siteOut != "" {
		os.RemoveAll(filepath.Dir(siteOut))
	}
	os.Exit(code)
}

func TestHTMLValidates(t *testing.T) {
	testutil.Slow(t)
	out, _ := realSite(t)
	java := testutil.Tool(t, "java")
	jar := filepath.Join(testutil.Root(t), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("the Nu Html Checker is missing (%v): run scripts/setup --test", err)
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", out)
	msg, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(msg))) > 0 {
		t.Fatalf("Nu Html Checker found errors (%v):\n%s", err, msg)
	}
}

func TestBuildEndToEnd(t *testing.T) {
	out, s := realSite(t)
	if s.Pages < 100 || s.PDFs < 4 {
		t.Fatalf("summary %v: too few pages or PDFs", s)
	}
	for _, f := range []string{
		"index.html", "zh-Hant/index.html", "en/index.html",
		"zh-Hant/plan/index.html", "en/plan/index.html", "zh-Hant/plan/ch3/index.html", "en/plan/ch3/index.html",
		"zh-Hant/indicators/pm25-annual-mean/index.html", "en/indicators/pm25-annual-mean/index.html",
		"en/indicators/pm25-annual-mean/pm25-annual-mean.csv", "assets/site.css", "checksums.txt",
		"downloads/plan-text-zh-Hant.pdf", "downloads/plan-text-en.pdf",
	} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing output %s", f)
		}
	}
	// every page parses as balanced HTML with lang, title and ordered headings
	n := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		n++
		data, _ := os.ReadFile(p)
		if probs := testutil.CheckHTML(data); len(probs) > 0 {
			rel, _ := filepath.Rel(out, p)
			t.Errorf("%s: %s", rel, strings.Join(probs, "; "))
		}
		return nil
	})
	if n != s.Pages {
		t.Errorf("found %d HTML files, summary says %d", n, s.Pages)
	}
	// an indicator page carries a go-chart SVG chart with an accessible name
	page, _ := os.ReadFile(filepath.Join(out, "en/indicators/pm25-annual-mean/index.html"))
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg"`, `role="img"`, "<title id=", "<desc id=", "<path d="} {
		if !strings.Contains(string(page), want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	// PDF text extracts, with Chinese and English phrases (pdftotext: a slow suite)
	if testing.Short() {
		return
	}
	checks := map[string][]string{
		"downloads/plan-text-zh-Hant.pdf":            {"生態保護紅線佔市域面積比例不低於26.1%", "PM2.5"},
		"downloads/plan-text-en.pdf":                 {"ecological protection red line", "Beijing-Tianjin-Hebei"},
		"downloads/progress-report-2025-en.pdf":      {"Final assessment 2025", "細顆粒物"[:0] + "PM2.5"},
		"downloads/progress-report-2025-zh-Hant.pdf": {"2025年最終評估", "Identity"[:0] + "PM2.5"},
	}
	for file, phrases := range checks {
		text := strings.Join(strings.Fields(testutil.PDFText(t, filepath.Join(out, file))), "")
		for _, ph := range phrases {
			if !strings.Contains(text, strings.Join(strings.Fields(ph), "")) {
				t.Errorf("%s: pdftotext output lacks %q", file, ph)
			}
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	testutil.Slow(t)
	root := testutil.Root(t)
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	buildInto(t, root, a)
	buildInto(t, root, b)
	if d := testutil.DiffTrees(testutil.HashTree(t, a), testutil.HashTree(t, b)); d != "" {
		t.Fatalf("two builds of the same input differ:\n%s", d)
	}
}

func TestOutMayNotReplaceTheProject(t *testing.T) {
	root := testutil.CopyProject(t)
	for _, out := range []string{root, filepath.Dir(root), filepath.Join(root, "content")} {
		if _, err := (Options{Root: root, Out: out}).OutDir(); err == nil {
			t.Errorf("--out %s accepted", out)
		}
	}
}

func TestSafePath(t *testing.T) {
	for p, want := range map[string]bool{
		"en/index.html": true, "a/b/c.csv": true,
		"": false, "/etc/passwd": false, "../x": false, "a/../../x": false, "a//b": false, "a\\b": false, "./a": false,
	} {
		if got := safePath(p); got != want {
			t.Errorf("safePath(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestNoBrokenLinks(t *testing.T) {
	out, _ := realSite(t)
	probs, checked, err := linkcheck.Dir(out, 30)
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5000 {
		t.Errorf("only %d links checked", checked)
	}
	for _, p := range probs {
		t.Error(p)
	}
}

// browserSite is what the browser tests need: the real build (out) served
// over HTTP at url until the test ends, the project root, and node with
// Chromium and playwright-core.
func browserSite(t *testing.T) (out, root, node, url string) {
	t.Helper()
	testutil.Slow(t)
	out, _ = realSite(t)
	node = testutil.Tool(t, "node")
	testutil.Tool(t, "chromium")
	root = testutil.Root(t)
	if _, err := os.Stat(filepath.Join(root, "node_modules", "playwright-core")); err != nil {
		t.Fatalf("playwright-core is missing: run scripts/setup --test")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return out, root, node, srv.URL + "/"
}

// TestBrowser opens every page of the real build in both languages in
// headless Chromium (tests/browser.mjs, one browser for all pages):
// axe-core WCAG 2.1 A/AA, console errors, requests to other hosts, no
// sideways scrolling at 320 px, chart names, the language switch, and
// JavaScript off.
func TestBrowser(t *testing.T) {
	out, root, node, url := browserSite(t)
	var pages []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(out, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	if len(pages) < 200 {
		t.Fatalf("only %d pages found in %s", len(pages), out)
	}
	cmd := exec.Command(node, append([]string{filepath.Join(root, "tests", "browser.mjs"), url}, pages...)...)
	cmd.Dir = root
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("browser checks failed (%v):\n%s", err, msg)
	}
	t.Log(strings.TrimSpace(string(msg)))
}

// TestSearchQueries types the queries of tests/search-cases.json (both
// scripts, variant forms, mainland wording, full width, English) into the
// search pages of the real build, through the page's own search code in
// headless Chromium (tests/search.mjs): each finds its page, the match is
// marked, the query is in the address and survives the language switch.
func TestSearchQueries(t *testing.T) {
	_, root, node, url := browserSite(t)
	cmd := exec.Command(node, filepath.Join(root, "tests", "search.mjs"), url, filepath.Join(root, "tests", "search-cases.json"))
	cmd.Dir = root
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("search checks failed (%v):\n%s", err, msg)
	}
	t.Log(strings.TrimSpace(string(msg)))
}

// TestHomePageWeight: the home page with everything it loads stays under
// 100 KB, uncompressed.
func TestHomePageWeight(t *testing.T) {
	out, _ := realSite(t)
	for _, lang := range []string{"zh-Hant", "zh-Hans", "en"} {
		total := 0
		for _, f := range []string{lang + "/index.html", "assets/site.css", "assets/site.js", "assets/favicon.svg"} {
			st, err := os.Stat(filepath.Join(out, f))
			if err != nil {
				t.Fatal(err)
			}
			total += int(st.Size())
		}
		if total >= 100_000 {
			t.Errorf("%s home page: %d bytes with its assets, want < 100 KB", lang, total)
		}
	}
}

// TestChecksums: checksums.txt lists every published file with its SHA-256.
func TestChecksums(t *testing.T) {
	out, _ := realSite(t)
	sums := testutil.HashTree(t, out)
	data, err := os.ReadFile(filepath.Join(out, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		parts := strings.SplitN(line, "  ", 2)
		if len(parts) != 2 || sums[parts[1]] != parts[0] {
			t.Errorf("wrong line: %q", line)
		}
		listed++
	}
	if listed != len(sums)-1 {
		t.Errorf("%d files listed, %d published besides checksums.txt", listed, len(sums)-1)
	}
	if sha := testutil.Tool(t, "sha256sum"); sha != "" {
		cmd := exec.Command(sha, "--quiet", "-c", "checksums.txt")
		cmd.Dir = out
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, msg)
		}
	}
}

// TestRebuildLinksUnchangedFiles checks that a rebuild links the files that
// did not change from the previous output (same file, same time) and writes
// the ones that did, and that the result is the same as a fresh build.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	testutil.Slow(t)
	root := testutil.CopyProject(t)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, root, out)
	css, err := os.Stat(filepath.Join(out, "assets", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	about, err := os.Stat(filepath.Join(out, "en", "about", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(root, "content", "en", "about.md")
	src, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(src, []byte("\nA sentence added for the rebuild.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	buildInto(t, root, out)
	css2, err := os.Stat(filepath.Join(out, "assets", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(css, css2) || !css2.ModTime().Equal(css.ModTime()) {
		t.Errorf("assets/site.css did not change but was written again")
	}
	about2, err := os.Stat(filepath.Join(out, "en", "about", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(about, about2) {
		t.Errorf("en/about/index.html changed but the old file was kept")
	}
	data, _ := os.ReadFile(filepath.Join(out, "en", "about", "index.html"))
	if !strings.Contains(string(data), "A sentence added for the rebuild.") {
		t.Errorf("en/about/index.html lacks the new text")
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	buildInto(t, root, fresh)
	if d := testutil.DiffTrees(testutil.HashTree(t, fresh), testutil.HashTree(t, out)); d != "" {
		t.Fatalf("a rebuild differs from a fresh build:\n%s", d)
	}
	if left, _ := filepath.Glob(stagingPrefix(out) + "*"); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}
