package input

import (
	"reflect"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		text string
		line int
		key  string
		args []any
	}{
		{"fine", "a = 1\n中文 = \"是\"\n", 0, "", nil},
		{"empty", "", 0, "", nil},
		{"bad utf-8", "a\nb\xff\n", 2, KeyUTF8, nil},
		{"nul", "a\nb\nc\x00\n", 3, KeyNUL, nil},
		{"long", "a\n" + strings.Repeat("x", MaxLine+1) + "\n", 2, KeyLongLine, []any{64, 64}},
		{"long last line", strings.Repeat("x", 3*MaxLine), 1, KeyLongLine, []any{192, 64}},
	}
	for _, c := range cases {
		f := Check([]byte(c.text))
		if f.Line != c.line || f.Key != c.key || !reflect.DeepEqual(f.Args, c.args) {
			t.Errorf("%s: %+v, want line %d, %s %v", c.name, f, c.line, c.key, c.args)
		}
	}
}
