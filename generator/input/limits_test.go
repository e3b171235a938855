package input

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestTOMLDepth(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "a = " + strings.Repeat(open, n) + strings.Repeat(close, n) + "\n"
	}
	cases := []struct {
		name string
		text string
		line int
	}{
		{"flat", "a = 1\nb = \"x\"\n", 0},
		{"the register", "[[indicator]]\nid = \"x\"\nbaseline = { year = 2020, value = 0, note = { zh = \"\", en = \"\" } }\ntarget = { year = 2025 }\n[fonts]\nmain = \"\"\n", 0},
		{"arrays at the limit", deep("[", "]", MaxDepth), 0},
		{"arrays too deep", deep("[", "]", MaxDepth+1), 1},
		{"three million arrays over lines", "x = 1\ny = [\n" + strings.Repeat("[\n", 3000000), 2 + MaxDepth},
		// each line is a table header the decoder refuses at once
		{"three million brackets at line starts", strings.Repeat("[\n", 3000000), 0},
		{"inline tables too deep", "a = " + strings.Repeat("{b = ", MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1), 1},
		{"dotted key too deep", "a" + strings.Repeat(".b", MaxDepth) + " = 1\n", 1},
		{"table header too deep", "x = 1\n[a" + strings.Repeat(".b", MaxDepth) + "]\n", 2},
		{"brackets in strings", "a = \"" + strings.Repeat("[", 100) + "\"\nb = '" + strings.Repeat("{", 100) + "'\nc = \"\"\"\n" + strings.Repeat("[", 100) + "\n\"\"\"\n", 0},
		{"brackets in comments", "# " + strings.Repeat("[", 100) + "\na = 1\n", 0},
		{"escaped quote", `a = "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["` + "\n", 0},
		{"dots in values", "a = 1.5\nb = \"x.y.z\"\nc = [1.0, 2.0]\n", 0},
	}
	for _, c := range cases {
		f := TOMLDepth([]byte(c.text))
		if f.Line != c.line || (f.Line > 0) != (f.Key == KeyDeep) || f.Line > 0 && (len(f.Args) != 1 || f.Args[0] != MaxDepth) {
			t.Errorf("%s: %+v, want line %d", c.name, f, c.line)
		}
		if c.line == 0 {
			// what passes is decodable without trouble (or a plain syntax error)
			var v map[string]any
			toml.Decode(c.text, &v)
		}
	}
}

func TestMarkup(t *testing.T) {
	for s, want := range map[string]int{"plain text": 0, "*a* _b_": 4, `\*a\* \_`: 0, "[x](y) `c`": 4, "<b>": 1, `\\*`: 1} {
		if got := Markup([]byte(s)); got != want {
			t.Errorf("Markup(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestSingleLine(t *testing.T) {
	for s, want := range map[string]rune{"https://a.example/": -1, "北京": -1, "a\nb": '\n', "a\tb": '\t', "a\rb": '\r', "a\u0085b": 0x85, "a\u2028b": 0x2028, "a\x7fb": 0x7f} {
		if got := SingleLine(s); got != want {
			t.Errorf("SingleLine(%q) = %U, want %U", s, got, want)
		}
	}
}

// FuzzTOMLDepth builds a value nested depth levels deep from arrays,
// inline tables and dotted keys (shapes chooses which at each level,
// and whether a level starts a new line) and checks that TOMLDepth
// refuses it exactly when it is deeper than MaxDepth, and that what it
// accepts decodes.
func FuzzTOMLDepth(f *testing.F) {
	f.Add(uint8(3), []byte{0, 1, 2})
	f.Add(uint8(MaxDepth), []byte{0})
	f.Add(uint8(MaxDepth+1), []byte{1, 4})
	f.Add(uint8(200), []byte{2, 5, 0})
	f.Fuzz(func(t *testing.T, depth uint8, shapes []byte) {
		if len(shapes) == 0 {
			shapes = []byte{0}
		}
		// key: the dotted part at the top level, then nested values
		var open, close strings.Builder
		key := "k"
		levels := 1 // the key's table
		for i := 1; i < int(depth); i++ {
			shape := shapes[i%len(shapes)]
			nl := ""
			if shape&4 != 0 {
				nl = "\n"
			}
			switch shape % 3 {
			case 0:
				open.WriteString("[" + nl)
				close.WriteString("]")
			case 1:
				open.WriteString("{ a = " + nl)
				close.WriteString("}")
			case 2:
				if open.Len() == 0 {
					key += ".d"
				} else {
					open.WriteString("{ b.c = ")
					close.WriteString("}")
					levels++ // the dotted key inside the inline table
				}
			}
			levels++
		}
		c := []rune(close.String())
		for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
			c[i], c[j] = c[j], c[i]
		}
		text := key + " = " + open.String() + "1" + string(c) + "\n"
		line := TOMLDepth([]byte(text)).Line
		if line > 0 && levels <= MaxDepth-1 {
			t.Fatalf("refused %d levels: %q", levels, text)
		}
		if line == 0 {
			if levels > MaxDepth+1 {
				t.Fatalf("accepted %d levels: %q", levels, text)
			}
			var v map[string]any
			if _, err := toml.Decode(text, &v); err != nil && !strings.Contains(text, "\n1") {
				t.Logf("decode: %v", err) // a line break where TOML allows none is the decoder's to report
			}
		}
	})
}
