package site

import (
	"fmt"
	"strings"
	"testing"

	"planpress/generator/output"
)

// claimsOf adds files for claims (path index, origin index) in order and
// returns the resulting error text and the paths kept.
func claimsOf(claims [][2]byte) (string, []string) {
	r := &builder{}
	for _, c := range claims {
		o := generated(fmt.Sprintf("generated %d", c[1]%3))
		if c[1]%2 == 1 {
			o = origin{File: fmt.Sprintf("content/en/page%d.md", c[1]%5)}
		}
		r.addFrom(output.File{Path: fmt.Sprintf("en/p%d/index.html", c[0]%7)}, o)
	}
	msg := ""
	if err := r.claimErr(); err != nil {
		msg = err.Error()
	}
	var paths []string
	for _, f := range r.files {
		paths = append(paths, f.Path)
	}
	return msg, paths
}

// FuzzClaims adds the same claims in two orders: the files kept have each
// path once, a path wanted twice is always an error naming both origins,
// and the error is the same whatever the order (the output must not depend
// on which worker came first).
func FuzzClaims(f *testing.F) {
	f.Add([]byte{1, 1, 1, 2})
	f.Add([]byte{0, 0, 1, 1, 2, 3, 1, 4})
	f.Add([]byte{3, 5, 4, 5, 3, 6})
	f.Fuzz(func(t *testing.T, data []byte) {
		var claims [][2]byte
		for i := 0; i+1 < len(data); i += 2 {
			claims = append(claims, [2]byte{data[i], data[i+1]})
		}
		reversed := make([][2]byte, len(claims))
		for i, c := range claims {
			reversed[len(claims)-1-i] = c
		}
		msg, paths := claimsOf(claims)
		msg2, _ := claimsOf(reversed)
		if msg != msg2 {
			t.Fatalf("the error depends on the order:\n%s\n---\n%s", msg, msg2)
		}
		seen := map[string]bool{}
		for _, p := range paths {
			if seen[p] {
				t.Fatalf("%s kept twice", p)
			}
			seen[p] = true
		}
		wanted := map[string]int{}
		for _, c := range claims {
			wanted[fmt.Sprintf("en/p%d/index.html", c[0]%7)]++
		}
		for p, n := range wanted {
			if n > 1 && !strings.Contains(msg, p) {
				t.Fatalf("%s is wanted %d times but the error does not name it: %q", p, n, msg)
			}
			if n == 1 && strings.Contains(msg, p+" ") {
				t.Fatalf("%s is wanted once but the error names it: %q", p, msg)
			}
		}
		if len(paths) != len(wanted) {
			t.Fatalf("%d paths kept, %d wanted", len(paths), len(wanted))
		}
	})
}
