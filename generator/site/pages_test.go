package site

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestHeadingsDown(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<h2 id="a">A <a class="permalink" href="#a">#</a></h2>`, `<h3 id="a">A <a class="permalink" href="#a">#</a></h3>`},
		{"<h3>B</h3>\n<p>x &lt;h2&gt; y</p>", "<h4>B</h4>\n<p>x &lt;h2&gt; y</p>"},
		{`<header><h1>T</h1><h4>u</h4></header>`, `<header><h1>T</h1><h4>u</h4></header>`},
		{`<p>a < b</p><h2>`, `<p>a < b</p><h3>`},
		{`<`, `<`},
		{`</h2`, `</h2`},
		{``, ``},
	}
	for _, c := range cases {
		var b strings.Builder
		headingsDown(&b, c.in)
		if b.String() != c.want {
			t.Errorf("headingsDown(%q) = %q, want %q", c.in, b.String(), c.want)
		}
	}
}

// FuzzJSONString checks the search index's string encoder against
// encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"uo\te`, "<a&b>", "\x00\x1f\b\f\n\r\t", "中文\u2028\u2029", "\xff\xfe", "é\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

func TestSearchIndexJSON(t *testing.T) {
	entries := []searchEntry{{Title: "A <b>", URL: "en/plan/ch1/#s1", Text: "x \"y\" & z", Kind: "plan"}, {}}
	want, _ := json.Marshal(entries)
	if got := appendSearchIndex(nil, entries); string(got) != string(want) {
		t.Fatalf("got %s, want %s", got, want)
	}
	if got := appendSearchIndex(nil, nil); string(got) != "[]" {
		t.Fatalf("empty index: %s", got)
	}
}
