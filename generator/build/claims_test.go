package build

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/diag"
	"planpress/generator/internal/testutil"
)

// TestOutputPathClaimedOnce: a content page named like a generated page,
// and a heading id used twice in the plan, are input errors naming both
// sources (file and line where there is one); the previous output stays
// byte-identical.
func TestOutputPathClaimedOnce(t *testing.T) {
	cases := []struct {
		name string
		edit func(root string)
		want []string
	}{
		{"content page named like the indicator list", func(root string) {
			for _, lang := range []string{"en", "zh-Hant"} {
				data, _ := os.ReadFile(filepath.Join(root, "content", lang, "about.md"))
				os.WriteFile(filepath.Join(root, "content", lang, "indicators.md"), data, 0o644)
			}
		}, []string{
			`content/en/indicators\.md: output path en/indicators/index\.html is also made by the page generated with templates/indicators\.html \(`,
			`content/zh-Hant/indicators\.md: output path zh-Hant/indicators/index\.html is also made by the page generated with templates/indicators\.html`,
		}},
		{"content page named like the plan", func(root string) {
			for _, lang := range []string{"en", "zh-Hant"} {
				data, _ := os.ReadFile(filepath.Join(root, "content", lang, "about.md"))
				os.WriteFile(filepath.Join(root, "content", lang, "plan.md"), data, 0o644)
			}
		}, []string{`content/en/plan\.md: output path en/plan/index\.html is also made by the page generated with templates/planindex\.html`}},
		{"heading id in two chapters", func(root string) {
			for _, lang := range []string{"en", "zh-Hant"} {
				f := filepath.Join(root, "content", lang, "plan", "ch2.md")
				data, _ := os.ReadFile(f)
				os.WriteFile(f, []byte(strings.Replace(string(data), "{#ch2-s1}", "{#ch1-s1}", 1)), 0o644)
			}
		}, []string{`content/en/plan/ch2\.md:8: heading id "ch1-s1" is also used at content/en/plan/ch1\.md:8`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := fixtureProject(t)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(Options{Root: root, Out: out}); err != nil {
				t.Fatal(err)
			}
			before := testutil.HashTree(t, out)
			c.edit(root)
			_, err := Build(Options{Root: root, Out: out})
			var ps diag.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v, want input problems", err)
			}
			for _, w := range c.want {
				if !regexp.MustCompile(w).MatchString(err.Error()) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if d := testutil.DiffTrees(testutil.HashTree(t, out), before); d != "" {
				t.Errorf("the output changed:\n%s", d)
			}
		})
	}
}
