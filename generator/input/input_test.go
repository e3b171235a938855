package input

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		text string
		line int
	}{
		{"fine", "a = 1\n中文 = \"是\"\n", 0},
		{"empty", "", 0},
		{"bad utf-8", "a\nb\xff\n", 2},
		{"nul", "a\nb\nc\x00\n", 3},
		{"long", "a\n" + strings.Repeat("x", MaxLine+1) + "\n", 2},
		{"long last line", strings.Repeat("x", MaxLine+1), 1},
	}
	for _, c := range cases {
		line, msg := Check([]byte(c.text))
		if line != c.line || (line > 0) != (msg != "") {
			t.Errorf("%s: line %d %q, want line %d", c.name, line, msg, c.line)
		}
	}
}
