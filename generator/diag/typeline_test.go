package diag

import "testing"

// TestTypeErrorLine: a value of the wrong type in an array of tables is
// reported at its own line, not at the end of the file where the decoder
// places it.
func TestTypeErrorLine(t *testing.T) {
	type entry struct {
		ID       string `toml:"id"`
		Baseline struct {
			Year int `toml:"year"`
		} `toml:"baseline"`
		Tags []string `toml:"tags"`
	}
	var v struct {
		Entry []entry `toml:"entry"`
	}
	for _, c := range []struct {
		name, text string
		line       int
	}{
		{"text for a number in an inline table", "[[entry]]\nid = \"a\"\nbaseline = { year = 2020 }\n\n[[entry]]\nid = \"b\"\nbaseline = { year = \"2020\" }\n\n[[entry]]\nid = \"c\"\n", 7},
		{"number for a text", "[[entry]]\nid = \"a\"\n\n[[entry]]\nid = 3\n\n[[entry]]\nid = \"c\"\n", 5},
		{"text for a list", "[[entry]]\nid = \"a\"\ntags = [\"x\"]\n\n[[entry]]\nid = \"b\"\ntags = \"x\"\n\n# end\n", 7},
	} {
		_, ps, ok := DecodeTOML("f.toml", []byte(c.text), &v, TOML{})
		if ok || len(ps) != 1 || ps[0].Line != c.line || ps[0].Key != "toml-type" {
			t.Errorf("%s: %v (ok %v), want one type problem at line %d", c.name, ps, ok, c.line)
		}
	}
}
