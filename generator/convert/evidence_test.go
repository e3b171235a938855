package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// root is the project folder (two levels above this package).
const root = "../.."

// normalize drops whitespace and writes the full-width , ; : ( ) as ASCII.
func normalize(s string) string {
	r := strings.NewReplacer("，", ",", "；", ";", "：", ":", "（", "(", "）", ")")
	s = r.Replace(s)
	return strings.Join(strings.Fields(s), "")
}

func readEdition(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEvidence: every sentence of the official text reprinted by third
// parties is in the zh-Hans plan, verbatim.
func TestEvidence(t *testing.T) {
	var ev struct {
		Sentence []struct{ Text, URL, Publication, Note string }
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "testdata/zh-Hans-evidence.toml"), &ev); err != nil {
		t.Fatal(err)
	}
	pubs := map[string]bool{}
	for _, s := range ev.Sentence {
		if s.URL == "" || s.Publication == "" {
			t.Errorf("sentence %q lacks its address or publication", s.Text)
		}
		pubs[s.URL] = true
	}
	if len(ev.Sentence) < 15 || len(pubs) < 2 {
		t.Fatalf("%d sentences from %d publications: at least 15 from 2 are needed", len(ev.Sentence), len(pubs))
	}
	plan := normalize(readEdition(t, "content/zh-Hans/plan"))
	for _, s := range ev.Sentence {
		if !strings.Contains(plan, normalize(s.Text)) {
			t.Errorf("not in content/zh-Hans/plan: %q (%s)", s.Text, s.URL)
		}
	}
}

// sameInBoth are characters that t2s would change but that are the same in
// both scripts where this text uses them. None so far: t2s leaves 著 of
// 显著, 卓著 and 土著 as it is.
var sameInBoth = map[rune]bool{}

// TestNoTraditionalResidue converts the zh-Hans text once more with t2s:
// nothing may change except the listed characters.
func TestNoTraditionalResidue(t *testing.T) {
	text := readEdition(t, "content/zh-Hans")
	data, err := os.ReadFile(filepath.Join(root, "data/i18n/zh-Hans.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text += string(data)
	again, err := T2S(text)
	if err != nil {
		t.Fatal(err)
	}
	a, b := []rune(text), []rune(again)
	if len(a) != len(b) {
		t.Fatalf("t2s changed the length of the zh-Hans text: %d → %d characters", len(a), len(b))
	}
	n := 0
	for i := range a {
		if a[i] != b[i] && !sameInBoth[a[i]] {
			lo, hi := max(0, i-8), min(len(a), i+8)
			t.Errorf("traditional residue %q (t2s: %q) in %q", a[i], b[i], string(a[lo:hi]))
			if n++; n > 20 {
				t.FailNow()
			}
		}
	}
}
