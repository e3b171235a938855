package indicator

import (
	"os"
	"strings"
	"testing"
)

// TestNumberAsWritten: a value written as text or with a decimal comma is
// one problem, at its own line, in both languages; nothing else is said of
// its entry (no "has no source", no "year = 0"), and the other entries of
// the file are still checked.
func TestNumberAsWritten(t *testing.T) {
	const file = "year = 2021\n\n[[observation]]\nindicator = \"pm25\"\nvalue = %s\n# the bulletin\nsource = \"s1\"\n"
	for _, c := range []struct {
		value, en, zh string
	}{
		{`"33.5"`, `data/annual/2021.toml:5: value is written as text ("33.5") (write the number without quotes: value = 33.5)`,
			`data/annual/2021.toml:5: 数值写成了文字（"33.5"）（数字不要加引号，写成 value = 33.5）`},
		{`'33,5'`, `data/annual/2021.toml:5: value is written as text ('33,5') (write the number without quotes: value = 33.5)`,
			`data/annual/2021.toml:5: 数值写成了文字（'33,5'）（数字不要加引号，写成 value = 33.5）`},
		{`"n/a"`, `data/annual/2021.toml:5: value is written as text ("n/a")`, `data/annual/2021.toml:5: 数值写成了文字（"n/a"）`},
		{`33,5`, `data/annual/2021.toml:5: value 33,5 is written with a decimal comma (write a decimal point: value = 33.5)`,
			`data/annual/2021.toml:5: 数值 33,5 用了逗号作小数点（小数点要写成英文句点：value = 33.5）`},
		{`33,5   # as printed`, `data/annual/2021.toml:5: value 33,5 is written with a decimal comma`, `data/annual/2021.toml:5: 数值 33,5 用了逗号作小数点`},
	} {
		root := minimal(t)
		write(t, root, "data/annual/2021.toml", strings.Replace(file, "%s", c.value, 1))
		_, ps := Load(os.DirFS(root), lim)
		if len(ps) != 1 {
			t.Fatalf("value = %s: %d problems, want exactly one:\n%v", c.value, len(ps), ps)
		}
		if got := ps[0].Error(); !strings.HasPrefix(got, c.en) {
			t.Errorf("value = %s: English\n%s\nwant it to start with\n%s", c.value, got, c.en)
		}
		if got := ps[0].In("zh"); !strings.HasPrefix(got, c.zh) {
			t.Errorf("value = %s: Chinese\n%s\nwant it to start with\n%s", c.value, got, c.zh)
		}
	}
	// the next entry is still checked
	root := minimal(t)
	write(t, root, "data/annual/2021.toml", strings.Replace(file, "%s", `"33.5"`, 1)+"\n[[observation]]\nindicator = \"pm25x\"\nvalue = 1.0\nsource = \"s1\"\n")
	_, ps := Load(os.DirFS(root), lim)
	if len(ps) != 2 || ps[1].Line != 10 || ps[1].Key != "annual-unknown-indicator" {
		t.Fatalf("the entry after a wrong value is not checked: %v", ps)
	}
}

// TestSyntaxErrorAlone: a file that is not TOML at all says so once, and
// nothing about the year or entries read from half of it.
func TestSyntaxErrorAlone(t *testing.T) {
	root := minimal(t)
	write(t, root, "data/annual/2021.toml", "year = 2021\n[[observation]]\nindicator = \"pm25\nvalue = 1.0\n")
	_, ps := Load(os.DirFS(root), lim)
	if len(ps) != 1 || ps[0].Line != 3 || ps[0].Key != "toml-syntax" {
		t.Fatalf("want one TOML problem at line 3, got %v", ps)
	}
}
