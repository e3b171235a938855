package convert

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

const table = `
[[phrase]]
from = "品质"
to = "质量"
proof = "生态环境质量持续改善"
source = "test"

[[phrase]]
from = "网路"
to = "网络"
proof = "监测网络"
source = "test"

[[phrase]]
from = "网际网路"
to = "互联网"
proof = "互联网+"
source = "test"

[[keep]]
phrase = "品质"
where = "ch1-s2"
context = "生活品质"
reason = "a real 品质"

[strings]
lang-name = "简体中文"
`

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"data/convert-zh-Hans.toml":   {Data: []byte(table)},
		"content/zh-Hant/plan/ch1.md": {Data: []byte("+++\nid = \"ch1\"\n+++\n\n## (一)生態環境品質 {#ch1-s1}\n\n生活品質、空氣品質,網際網路與監測網路。\n\n## (二)生活 {#ch1-s2}\n\n生活品質、空氣品質。\n")},
		"data/i18n/zh-Hant.toml":      {Data: []byte("lang-name = \"繁體中文\"\nsearch = \"搜尋\"\n")},
	}
}

func TestConvertPhrasesAndKeeps(t *testing.T) {
	fsys := testFS()
	c, err := Load(fsys, "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	files, err := c.Files(fsys, "zh-Hant", "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	got := string(files["content/zh-Hans/plan/ch1.md"])
	want := "+++\nid = \"ch1\"\n+++\n\n## (一)生态环境质量 {#ch1-s1}\n\n生活质量、空气质量,互联网与监测网络。\n\n## (二)生活 {#ch1-s2}\n\n生活品质、空气质量。\n"
	if got != want {
		t.Errorf("converted:\n%s\nwant:\n%s", got, want)
	}
	if got := string(files["data/i18n/zh-Hans.toml"]); got != "lang-name = \"简体中文\"\nsearch = \"搜寻\"\n" {
		t.Errorf("UI strings: %q", got)
	}
	if ps := c.Unused(); len(ps) > 0 {
		t.Errorf("the keep was used, yet: %v", ps)
	}
	// committed text that differs is named with its line and the command
	fsys["content/zh-Hans/plan/ch1.md"] = &fstest.MapFile{Data: []byte(strings.Replace(want, "生活品质", "生活质量", 1))}
	fsys["data/i18n/zh-Hans.toml"] = &fstest.MapFile{Data: files["data/i18n/zh-Hans.toml"]}
	fsys["content/zh-Hans/plan/old.md"] = &fstest.MapFile{Data: []byte("x")}
	ps := Stale(fsys, files, "zh-Hans")
	if len(ps) != 2 || ps[0].File != "content/zh-Hans/plan/ch1.md" || ps[0].Line != 11 || !strings.Contains(ps[0].Hint, "planpress convert") || ps[1].File != "content/zh-Hans/plan/old.md" {
		t.Errorf("stale: %v", ps)
	}
}

func TestUnusedKeepIsAnError(t *testing.T) {
	fsys := testFS()
	c, err := Load(fsys, "zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Text("ch9", "生活品質"); err != nil {
		t.Fatal(err)
	}
	if ps := c.Unused(); len(ps) != 1 || ps[0].Line == 0 {
		t.Errorf("unused keep: %v", ps)
	}
}

func TestPhraseWithoutProofIsAnError(t *testing.T) {
	fsys := fstest.MapFS{"data/convert-zh-Hans.toml": {Data: []byte("[[phrase]]\nfrom = \"品质\"\nto = \"质量\"\nproof = \"no such word\"\nsource = \"x\"\n")}}
	_, err := Load(fsys, "zh-Hans")
	if err == nil || !strings.Contains(err.Error(), "data/convert-zh-Hans.toml:1") {
		t.Errorf("want an error at the phrase's line, got %v", err)
	}
}

// BenchmarkConvertEdition converts the real plan, pages and UI strings, as
// check and build do to compare them with the committed edition.
func BenchmarkConvertEdition(b *testing.B) {
	fsys := os.DirFS(root)
	c, err := Load(fsys, "zh-Hans")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.Files(fsys, "zh-Hant", "zh-Hans"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStaleIgnoresHarmlessVariations: a byte-order mark, CRLF and trailing
// spaces do not make the committed edition stale; a changed word does.
func TestStaleIgnoresHarmlessVariations(t *testing.T) {
	fresh := map[string][]byte{"content/zh-Hans/a.md": []byte("一\n二\n")}
	fsys := fstest.MapFS{"content/zh-Hans/a.md": {Data: []byte("\ufeff一  \r\n二\r\n")}}
	if ps := Stale(fsys, fresh, "zh-Hans"); len(ps) != 0 {
		t.Errorf("harmless variations are stale: %v", ps)
	}
	fsys["content/zh-Hans/a.md"] = &fstest.MapFile{Data: []byte("\ufeff一\r\n三\r\n")}
	if ps := Stale(fsys, fresh, "zh-Hans"); len(ps) != 1 || ps[0].Line != 2 {
		t.Errorf("a changed line: %v", ps)
	}
}
