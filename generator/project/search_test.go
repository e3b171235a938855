package project

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadSearchFold(t *testing.T) {
	fsys := fstest.MapFS{
		SearchCharsFile:   {Data: []byte("# comment\n產\t产\n産\t产\n細\t细 䌷\n𠁞\t𠀾\n")},
		SearchPhrasesFile: {Data: []byte("[[group]]\nwords = [\"空气质量\", \"空氣品質\"]\n")},
	}
	sf, ps := loadSearchFold(fsys)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	want := [][2]rune{{'產', '产'}, {'産', '产'}, {'細', '细'}} // sorted; outside the BMP left out
	if len(sf.Chars) != len(want) {
		t.Fatalf("chars %q, want %q", sf.Chars, want)
	}
	for i := range want {
		if sf.Chars[i] != want[i] {
			t.Fatalf("chars %q, want %q", sf.Chars, want)
		}
	}
	if len(sf.Phrases) != 1 || sf.Phrases[0][1] != "空氣品質" {
		t.Fatalf("phrases %q", sf.Phrases)
	}
	// none of the files: no folding, no problem
	if sf, ps := loadSearchFold(fstest.MapFS{}); len(ps) > 0 || len(sf.Chars) > 0 {
		t.Fatalf("without files: %v %v", sf, ps)
	}
}

func TestLoadSearchFoldProblems(t *testing.T) {
	for _, c := range []struct{ chars, phrases, want string }{
		{"產\t产\n產 产\n", "", `data/search/chars.txt:2: line "產 产" is not CHARACTER<TAB>FOLDED`},
		{"產\t产\n產\t產产\n", "", `data/search/chars.txt:2: line "產\t產产" is not`},
		{"產\t产\n產\t产\n", "", `data/search/chars.txt:2: "產" is listed twice (first on line 1)`},
		{"", "[[group]]\nwords = [\"水平\"]\n", `data/search/phrases.toml:2: a group needs two words or more`},
		{"", "[[group]]\nword = [\"水平\", \"水準\"]\n", `data/search/phrases.toml:2`},
	} {
		fsys := fstest.MapFS{SearchCharsFile: {Data: []byte(c.chars)}}
		if c.phrases != "" {
			fsys[SearchPhrasesFile] = &fstest.MapFile{Data: []byte(c.phrases)}
		}
		_, ps := loadSearchFold(fsys)
		if len(ps) == 0 || !strings.Contains(ps.Error(), c.want) {
			t.Errorf("%q %q: got %v, want %s", c.chars, c.phrases, ps, c.want)
		}
	}
}
