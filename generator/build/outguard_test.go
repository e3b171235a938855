package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"planpress/generator/diag"
	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
)

// fixtureProject copies the small fixture project (testdata/site) with the
// real templates and UI strings into a new folder and returns it.
func fixtureProject(t *testing.T) string {
	t.Helper()
	root := testutil.Root(t)
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"testdata/site": "", "templates": "templates", "data/i18n": "data/i18n",
	} {
		if err := fsutil.CopyTree(filepath.Join(root, src), filepath.Join(dir, dst)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestOutRefused gives the build outputs it may not replace. Each is
// refused with a usage error naming the output and saying why, before
// anything is rendered: the project (inputs, .git, go.mod) and what is at
// the output stay byte-identical, and no lock or staging folder is made
// beside it.
func TestOutRefused(t *testing.T) {
	root := fixtureProject(t)
	for name, data := range map[string]string{".git/HEAD": "ref: refs/heads/main\n", "go.mod": "module x\n"} {
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	elsewhere := t.TempDir()
	unrelated := filepath.Join(elsewhere, "photos")
	os.MkdirAll(unrelated, 0o755)
	os.WriteFile(filepath.Join(unrelated, "holiday.jpg"), []byte("not ours"), 0o644)
	file := filepath.Join(elsewhere, "notes.txt")
	os.WriteFile(file, []byte("a file"), 0o644)
	links := t.TempDir() // not hashed: HashTree reads regular files only
	toContent := filepath.Join(links, "to-content")
	os.Symlink(filepath.Join(root, "content"), toContent)
	toData := filepath.Join(links, "to-data")
	os.Symlink(filepath.Join(root, "data"), toData)
	toNowhere := filepath.Join(links, "to-nowhere")
	os.Symlink(filepath.Join(elsewhere, "missing", "x"), toNowhere)
	fifo := filepath.Join(t.TempDir(), "pipe") // not hashed: opening it would wait
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	otherRepo := filepath.Join(elsewhere, "repo", ".git", "site")
	os.MkdirAll(filepath.Dir(otherRepo), 0o755)

	cases := []struct {
		name, out string
		want      string // regexp the message must match
	}{
		{"content/en", filepath.Join(root, "content", "en"), `lies in the project's content`},
		{"a new folder in content", filepath.Join(root, "content", "site"), `lies in the project's content`},
		{".git", filepath.Join(root, ".git"), `lies in the project's \.git`},
		{"data/annual", filepath.Join(root, "data", "annual"), `lies in the project's data`},
		{"templates", filepath.Join(root, "templates"), `lies in the project's templates`},
		{"go.mod", filepath.Join(root, "go.mod"), `lies in the project's go\.mod`},
		{"an unrelated non-empty folder", unrelated, `holds files and was not made by planpress build \(it has no \.planpress-output\)`},
		{"a regular file", file, `is a file, not a folder`},
		{"a named pipe", fifo, `is a named pipe, not a folder`},
		{"a device", "/dev/null", `is a device, not a folder`},
		{"a path reaching content through a link", filepath.Join(toContent, "en"), `to-content/en \(` + regexp.QuoteMeta(filepath.Join(root, "content", "en")) + `\): lies in the project's content`},
		{"a link to data", toData, `lies in the project's data`},
		{"a link that leads nowhere", toNowhere, `symbolic link that leads nowhere`},
		{"the file-system root", "/", `is the root of the file system`},
		{"the project root", root, `would replace the project folder`},
		{"a folder holding the project", filepath.Dir(root), `would replace the project folder`},
		{"a mount point", "/proc", `is a mount point`},
		{"inside another .git", otherRepo, `lies in a \.git folder`},
	}
	before := testutil.HashTree(t, root)
	beforeElsewhere := testutil.HashTree(t, elsewhere)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Build(Options{Root: root, Out: c.out})
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("--out %s: got %v, want a usage error", c.out, err)
			}
			if !strings.Contains(err.Error(), "--out ") || !regexp.MustCompile(c.want).MatchString(err.Error()) {
				t.Errorf("--out %s: message %q does not match %q", c.out, err, c.want)
			}
			if !strings.Contains(err.Error(), "(") {
				t.Errorf("--out %s: message %q does not say how to proceed", c.out, err)
			}
			if d := testutil.DiffTrees(testutil.HashTree(t, root), before); d != "" {
				t.Errorf("--out %s changed the project:\n%s", c.out, d)
			}
			if d := testutil.DiffTrees(testutil.HashTree(t, elsewhere), beforeElsewhere); d != "" {
				t.Errorf("--out %s changed what is beside it:\n%s", c.out, d)
			}
			if c.out != "/" {
				if _, err := os.Lstat(lockName(c.out)); err == nil {
					t.Errorf("--out %s: a lock file was made beside it", c.out)
				}
				if left, _ := filepath.Glob(stagingPrefix(c.out) + "*"); len(left) > 0 {
					t.Errorf("--out %s: staging folders made: %v", c.out, left)
				}
			}
		})
	}
	// --out . from inside the project
	t.Run("dot", func(t *testing.T) {
		t.Chdir(root)
		_, err := Build(Options{Root: ".", Out: "."})
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "would replace the project folder") {
			t.Errorf("--out . from the project: %v", err)
		}
		if d := testutil.DiffTrees(testutil.HashTree(t, root), before); d != "" {
			t.Errorf("--out . changed the project:\n%s", d)
		}
	})
}

// TestOutAccepted: a new folder, an empty folder, and a folder an earlier
// build made (it carries the marker) are built into; the output carries the
// marker, listed in its checksums.txt.
func TestOutAccepted(t *testing.T) {
	root := fixtureProject(t)
	empty := t.TempDir()
	out := filepath.Join(t.TempDir(), "new", "public")
	for _, o := range []string{out, empty, out} {
		if _, err := Build(Options{Root: root, Out: o}); err != nil {
			t.Fatalf("--out %s: %v", o, err)
		}
		if !hasMarker(o) {
			t.Errorf("%s has no marker", o)
		}
		sums, err := readChecksums(filepath.Join(o, "checksums.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := sums[MarkerName]; !ok {
			t.Errorf("%s/checksums.txt does not list %s", o, MarkerName)
		}
		if err := verifyTree(o, sums); err != nil {
			t.Errorf("%s: %v", o, err)
		}
	}
}

// TestOutPublishedWithoutMarker: a tree published before outputs carried
// the marker is accepted when it holds exactly the files of its
// checksums.txt with those checksums, and refused as soon as it holds
// anything else, lacks a file or a file was changed.
func TestOutPublishedWithoutMarker(t *testing.T) {
	root := fixtureProject(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	// the tree as the builds without a marker made it
	os.Remove(filepath.Join(out, MarkerName))
	sumsFile := filepath.Join(out, "checksums.txt")
	data, _ := os.ReadFile(sumsFile)
	var kept []string
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasSuffix(l, "  "+MarkerName+"\n") {
			kept = append(kept, l)
		}
	}
	os.WriteFile(sumsFile, []byte(strings.Join(kept, "")), 0o644)
	if err := checkOut(out); err != nil {
		t.Fatalf("an earlier output whose files match its checksums.txt is refused: %v", err)
	}
	refused := func(what string) {
		t.Helper()
		var ue *UsageError
		if err := checkOut(out); !errors.As(err, &ue) {
			t.Errorf("%s: got %v, want a usage error", what, err)
		}
	}
	extra := filepath.Join(out, "en", "mine.txt")
	os.WriteFile(extra, []byte("added by hand"), 0o644)
	refused("a file not in checksums.txt")
	os.Remove(extra)
	page := filepath.Join(out, "en", "index.html")
	orig, _ := os.ReadFile(page)
	os.WriteFile(page, append(orig, ' '), 0o644)
	refused("a changed file")
	os.Remove(page)
	refused("a missing file")
	os.WriteFile(page, orig, 0o644)
	os.Symlink("index.html", filepath.Join(out, "en", "link.html"))
	refused("a symbolic link")
	os.Remove(filepath.Join(out, "en", "link.html"))
	if err := checkOut(out); err != nil {
		t.Fatalf("restored tree refused: %v", err)
	}
	// the build accepts it once; afterwards it carries the marker
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	if !hasMarker(out) {
		t.Error("the rebuilt output has no marker")
	}
}

// TestVerifyStaged: a staged tree that differs from its own checksums.txt
// (a file missing, added, changed, or the marker absent) is not published.
func TestVerifyStaged(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"index.html": "<p>x</p>", "en/a.csv": "a,b\n", MarkerName: string(markerData)}
	write := func() {
		os.RemoveAll(dir)
		sums := map[string]string{}
		for p, d := range files {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
			os.WriteFile(filepath.Join(dir, p), []byte(d), 0o644)
			sums[p] = sha(d)
		}
		os.WriteFile(filepath.Join(dir, "checksums.txt"), checksums(sums), 0o644)
	}
	write()
	if err := verifyStaged(dir); err != nil {
		t.Fatalf("a complete tree: %v", err)
	}
	// what is wrong, in Chinese too
	why := map[string]string{
		"missing file": "checksums.txt 所列的 3 个文件中缺少 1 个",
		"extra file":   "en/b.csv 不在 checksums.txt 中",
		"changed file": "index.html 与其校验和不符",
		"no marker":    MarkerName + " 不在 checksums.txt 中",
		"no checksums": filepath.Join(dir, "checksums.txt") + "：没有这个文件或文件夹",
	}
	for name, spoil := range map[string]func(){
		"missing file": func() { os.Remove(filepath.Join(dir, "en", "a.csv")) },
		"extra file":   func() { os.WriteFile(filepath.Join(dir, "en", "b.csv"), nil, 0o644) },
		"changed file": func() { os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>y</p>"), 0o644) },
		"no marker": func() {
			os.Remove(filepath.Join(dir, MarkerName))
			delete(files, MarkerName)
			write()
			files[MarkerName] = string(markerData)
		},
		"no checksums": func() { os.Remove(filepath.Join(dir, "checksums.txt")) },
	} {
		write()
		spoil()
		err := verifyStaged(dir)
		if err == nil || !strings.Contains(err.Error(), "was not published") {
			t.Errorf("%s: got %v", name, err)
			continue
		}
		var p diag.Problem
		errors.As(err, &p)
		if zh := p.In(diag.Zh); !strings.Contains(zh, "与其 checksums.txt 不符，因此没有发布："+why[name]) {
			t.Errorf("%s in Chinese: %q, want it to say %q", name, zh, why[name])
		}
	}
}

// TestSwapOldTreeNotRemoved: when the old tree cannot be removed after the
// swap, the build reports the new tree as published, names the old tree
// left behind, and the next build removes it.
func TestSwapOldTreeNotRemoved(t *testing.T) {
	root := fixtureProject(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	oldTree := testutil.HashTree(t, out)
	about := filepath.Join(root, "content", "en", "about.md")
	text, _ := os.ReadFile(about)
	os.WriteFile(about, append(text, []byte("\nOne more sentence.\n")...), 0o644)

	removeTree = func(string) error { return errors.New("simulated: permission denied") }
	s, err := Build(Options{Root: root, Out: out})
	removeTree = os.RemoveAll
	if err != nil {
		t.Fatalf("the build failed although it published: %v", err)
	}
	want := regexp.MustCompile(`^published, but the old tree at (\S+) could not be removed: simulated: permission denied`)
	var left string
	for _, w := range s.Warnings {
		if m := want.FindStringSubmatch(w.Error()); m != nil {
			left = m[1]
		}
	}
	if left == "" {
		t.Fatalf("no warning names the old tree: %q", s.Warnings)
	}
	if zh := s.Warnings[len(s.Warnings)-1].In(diag.Zh); !strings.HasPrefix(zh, "已发布，但无法删除位于 "+left+" 的旧输出：simulated: permission denied（下一次生成会删除它") {
		t.Errorf("the warning in Chinese: %q", zh)
	}
	if d := testutil.DiffTrees(testutil.HashTree(t, left), oldTree); d != "" {
		t.Errorf("%s is not the old tree:\n%s", left, d)
	}
	newTree := testutil.HashTree(t, out)
	if testutil.DiffTrees(newTree, oldTree) == "" {
		t.Fatal("the new tree is not in place")
	}
	sums, err := readChecksums(filepath.Join(out, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyTree(out, sums); err != nil {
		t.Errorf("the published tree is incomplete: %v", err)
	}
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(left); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the next build left %s: %v", left, err)
	}
	if d := testutil.DiffTrees(testutil.HashTree(t, out), newTree); d != "" {
		t.Errorf("the next build changed the tree:\n%s", d)
	}
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TestCleanLeftovers: staging folders of killed builds are removed; an old
// tree is kept while the output is missing (it is then the previous output
// a failed swap could not put back) and removed once the output exists.
func TestCleanLeftovers(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	staging := stagingPrefix(out) + "new-1"
	old := stagingPrefix(out) + "old-1"
	for _, d := range []string{staging, old} {
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, "index.html"), []byte("x"), 0o644)
	}
	cleanLeftovers(out)
	if _, err := os.Stat(staging); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s kept: %v", staging, err)
	}
	if _, err := os.Stat(old); err != nil {
		t.Errorf("the old tree was removed while the output is missing: %v", err)
	}
	os.Mkdir(out, 0o755)
	cleanLeftovers(out)
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s kept although the output exists: %v", old, err)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the output was removed: %v", err)
	}
}

// TestMarkerByName: an output is recognised by a regular file named
// .planpress-output whatever its words; a folder of that name is no marker.
func TestMarkerByName(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("old"), 0o644)
	os.Mkdir(filepath.Join(dir, MarkerName), 0o755)
	var ue *UsageError
	if err := checkOut(dir); !errors.As(err, &ue) {
		t.Errorf("a folder named %s counted as the marker: %v", MarkerName, err)
	}
	os.Remove(filepath.Join(dir, MarkerName))
	os.WriteFile(filepath.Join(dir, MarkerName), []byte("an earlier wording\n"), 0o644)
	if err := checkOut(dir); err != nil {
		t.Errorf("a marker with other words refused: %v", err)
	}
}
