package project

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/internal/fsutil"
	"planpress/generator/internal/testutil"
)

// TestHeadingIDsUnique: a heading id used in two chapters, twice in one
// chapter, or equal to a page id is a file:line error of Load (so of check
// and build), in each language where it occurs.
func TestHeadingIDsUnique(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(lang, s string) string
		file  string // the chapter edited, in each language
		wants []string
	}{
		{"across chapters", func(_, s string) string { return strings.Replace(s, "{#ch2-s1}", "{#ch1-s1}", 1) }, "ch2.md",
			[]string{`content/en/plan/ch2\.md:8: heading id "ch1-s1" is also used at content/en/plan/ch1\.md:8 \(heading ids must be unique across the whole plan`,
				`content/zh-Hant/plan/ch2\.md:8: heading id "ch1-s1" is also used at content/zh-Hant/plan/ch1\.md:8`}},
		{"within a chapter", func(_, s string) string { return strings.Replace(s, "{#ch2-s3}", "{#ch2-s1}", 1) }, "ch2.md",
			[]string{`content/en/plan/ch2\.md:28: heading id "ch2-s1" is also used at content/en/plan/ch2\.md:8`}},
		{"a page id", func(_, s string) string { return strings.Replace(s, "{#ch2-s2}", "{#ch1}", 1) }, "ch2.md",
			[]string{`content/en/plan/ch2\.md:18: heading id "ch1" is also the id of the page content/en/plan/ch1\.md`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			for src, dst := range map[string]string{"testdata/site": "", "data/i18n": "data/i18n"} {
				if err := fsutil.CopyTree(filepath.Join(testutil.Root(t), src), filepath.Join(root, dst)); err != nil {
					t.Fatal(err)
				}
			}
			fixture, err := Load(root, Options{})
			if err != nil {
				t.Fatalf("the fixture does not load: %v", err)
			}
			for _, lang := range fixture.Langs() {
				f := filepath.Join(root, "content", lang, "plan", c.file)
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				edited := c.edit(lang, string(data))
				if edited == string(data) {
					t.Fatalf("the edit changes nothing in %s", f)
				}
				os.WriteFile(f, []byte(edited), 0o644)
			}
			_, err = Load(root, Options{})
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, w := range c.wants {
				if !regexp.MustCompile(w).MatchString(err.Error()) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}
