package plan

import (
	"strings"
	"testing"
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
