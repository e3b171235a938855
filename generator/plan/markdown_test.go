package plan

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"planpress/generator/diag"
)

// TestSimpleFrontMatter checks that the fast reader of front matter gives
// what the TOML decoder gives, and leaves everything else to the decoder.
func TestSimpleFrontMatter(t *testing.T) {
	cases := []struct {
		src    string
		simple bool
	}{
		{"id = \"ch1\"\ntitle = \"第一章 總則\"\nkind = \"chapter\"\nweight = 3", true},
		{"title = \"A\"\n\nid = \"x-1\"", true},
		{"  title = \"A · B\"  ", true},
		{"title = \"\"", true},
		{"weight = -2\ntitle = \"A\"", true},
		{"title = \"a \\\"quoted\\\" word\"", false},
		{"title = 'literal'", false},
		{"title = \"A\" # comment", false},
		{"title = \"A\"\ntitle = \"B\"", false},
		{"weight = 007\ntitle = \"A\"", false},
		{"weight = +3\ntitle = \"A\"", false},
		{"title=\"A\"", false},
		{"title = \"A\"\n[meta]\nissuer = \"B\"", false},
		{"colour = \"red\"", false},
		{"title = \"tab\there\"", false},
	}
	for _, c := range cases {
		lines := strings.Split(c.src, "\n")
		got, ok := simpleFrontMatter(lines)
		if ok != c.simple {
			t.Errorf("%q: simple = %v, want %v", c.src, ok, c.simple)
			continue
		}
		if !ok {
			continue
		}
		var want frontMatter
		if err := decodeFrontMatter(lines, &want, "x.md"); err != nil {
			t.Errorf("%q: the decoder fails (%v) where the fast reader accepts", c.src, err)
			continue
		}
		if got.ID != want.ID || got.Title != want.Title || got.Kind != want.Kind || got.Weight != want.Weight || want.Meta != nil {
			t.Errorf("%q: fast %+v, decoder %+v", c.src, got, want)
		}
	}
}

// FuzzSimpleFrontMatter checks that whatever the fast reader accepts, the
// TOML decoder reads the same way.
func FuzzSimpleFrontMatter(f *testing.F) {
	f.Add("id = \"ch1\"\ntitle = \"第一章\"\nweight = 3")
	f.Add("title = \"a\\tb\"")
	f.Add("id = \"\x81\"")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Split(src, "\n")
		got, ok := simpleFrontMatter(lines)
		if !ok {
			return
		}
		var want frontMatter
		if err := decodeFrontMatter(lines, &want, "x.md"); err != nil {
			t.Fatalf("%q: decoder fails (%v) where the fast reader accepts", src, err)
		}
		if got.ID != want.ID || got.Title != want.Title || got.Kind != want.Kind || got.Weight != want.Weight || want.Meta != nil {
			t.Fatalf("%q: fast %+v, decoder %+v", src, got, want)
		}
	})
}

// TestPageProblems: every problem of a content file (front matter,
// headings, directives, paragraphs) and of a folder of them is a message
// of the catalogue at its line, and reads in Chinese in the same shape.
func TestPageProblems(t *testing.T) {
	fm := "+++\nid = \"ch1\"\nkind = \"chapter\"\ntitle = \"總則\"\n+++\n\n"
	para := strings.Repeat("字", 400) + "\n"
	cases := []struct {
		name, src string
		line      int
		key       string
	}{
		{"no front matter", "# 總則\n", 1, "fm-missing"},
		{"front matter not closed", "+++\ntitle = \"A\"\n\ntext\n", 1, "fm-not-closed"},
		{"front matter: TOML error", "+++\ntitle = \"A\"\nweight = four\n+++\n", 3, "fm-syntax"},
		{"front matter: wrong type", "+++\ntitle = \"A\"\nweight = \"4\"\n+++\n", 3, "fm-type"},
		{"front matter: unknown key", "+++\ntitle = \"A\"\n# a comment\nauthor = \"me\"\n+++\n", 4, "fm-unknown-key-known"},
		{"no title", "+++\nid = \"a\"\n+++\n", 1, "fm-no-title"},
		{"long title", "+++\nid = \"a\"\ntitle = \"" + strings.Repeat("長", 2001) + "\"\n+++\n", 3, "fm-title-long"},
		{"title with a tab", "+++\nid = \"a\"\n\ntitle = \"a\\tb\"\n+++\n", 4, "fm-title-control"},
		{"long meta", "+++\ntitle = \"A\"\n[meta]\nissuer = \"" + strings.Repeat("長", 2001) + "\"\n+++\n", 4, "fm-meta-long"},
		{"meta with a line break", "+++\ntitle = \"A\"\n[meta]\nsource = \"a\\nb\"\n+++\n", 4, "fm-meta-control"},
		{"bad id", "+++\ntitle = \"A\"\nid = \"Ch 1\"\n+++\n", 3, "fm-bad-id"},
		{"malformed directive", fm + "text\n\n{{< box box1 'title' >}}\n", 9, "md-directive-malformed"},
		{"directive title", fm + "{{< box box1 \"a\\qb\" >}}\n", 7, "md-directive-title"},
		{"unknown directive", fm + "{{< video v1 \"title\" >}}\n", 7, "md-directive-unknown"},
		{"directive without id", fm + "{{< table \"title\" >}}\n", 7, "md-directive-no-id"},
		{"heading level", fm + "#### 細則 {#ch1-s1}\n", 7, "md-heading-level"},
		{"heading without id", fm + "## （一）目標\n", 7, "md-heading-no-id"},
		{"heading with a bad id", fm + "## （一）目標 {#Ch1_s1}\n", 7, "md-heading-bad-id"},
		{"long paragraph", fm + "## （一）目標 {#ch1-s1}\n\n" + strings.Repeat(para, 60), 9, "md-paragraph-long"},
		{"paragraph of marks", fm + "\n" + strings.Repeat("*a* ", 600) + "\n", 8, "md-paragraph-markup"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePage([]byte(c.src), "content/zh-Hant/plan/ch1.md", "zh-Hant")
			checkProblem(t, err, "content/zh-Hant/plan/ch1.md", c.line, c.key)
		})
	}
}

// TestPlanFolderProblems: the problems of a plan folder as a whole (a
// page without id, an id used twice, a page's file name) are messages of
// the catalogue naming the file.
func TestPlanFolderProblems(t *testing.T) {
	index := &fstest.MapFile{Data: []byte("+++\nid = \"plan\"\ntitle = \"規劃\"\n+++\n")}
	page := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\nid = \"" + id + "\"\ntitle = \"A\"\n+++\n")}
	}
	_, err := LoadPlan(fstest.MapFS{"content/en/plan/_index.md": index, "content/en/plan/ch1.md": page("")}, "en")
	checkProblem(t, err, "content/en/plan/ch1.md", 1, "page-no-id")
	_, err = LoadPlan(fstest.MapFS{"content/en/plan/_index.md": index, "content/en/plan/ch1.md": page("ch1"), "content/en/plan/ch2.md": page("ch1")}, "en")
	checkProblem(t, err, "content/en/plan/ch2.md", 1, "page-id-twice")
	_, err = LoadPages(fstest.MapFS{"content/en/About.md": page("")}, "en")
	checkProblem(t, err, "content/en/About.md", 0, "page-bad-file-name")
	_, err = LoadPages(unreadable{fstest.MapFS{"content/en/about.md": page("")}}, "en")
	checkProblem(t, err, "content/en/about.md", 0, "file-unreadable-restore")
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("the problem does not wrap its cause: %v", err)
	}
}

// unreadable is a folder whose files cannot be read.
type unreadable struct{ fstest.MapFS }

func (u unreadable) ReadFile(name string) ([]byte, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func (u unreadable) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}

// checkProblem checks that err is the catalogue problem key at file:line,
// and that its Chinese keeps the place and differs from the English.
func checkProblem(t *testing.T, err error, file string, line int, key string) {
	t.Helper()
	var p diag.Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v is not a problem", err)
	}
	if p.File != file || p.Line != line || p.Key != key {
		t.Errorf("%s:%d %s: %s, want %s:%d %s", p.File, p.Line, p.Key, p.Error(), file, line, key)
	}
	zh := p.In(diag.Zh)
	if zh == p.Error() || !strings.HasPrefix(zh, p.Location()+": ") || p.Hint == "" || !strings.HasSuffix(zh, "）") {
		t.Errorf("Chinese: %s\nEnglish: %s", zh, p.Error())
	}
}
