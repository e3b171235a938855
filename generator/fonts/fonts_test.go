package fonts

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	"planpress/generator/diag"
)

const (
	wqy   = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
)

func need(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is needed by this test: run scripts/setup --test", path)
	}
}

func TestCollectionFaceIsExtracted(t *testing.T) {
	need(t, wqy)
	f, err := Load(wqy)
	if err != nil {
		t.Fatal(err)
	}
	if string(f.TTF[:4]) != "\x00\x01\x00\x00" {
		t.Fatalf("extracted face does not start as a TrueType font: %q", f.TTF[:4])
	}
	for _, r := range "北京生態2025ABCxyz%" {
		if !f.Has(r) {
			t.Errorf("face lacks %q", r)
		}
	}
	// the extracted face is a standalone font the parsers accept
	if _, err := Parse(f.TTF, "extracted.ttf"); err != nil {
		t.Fatalf("extracted face does not parse: %v", err)
	}
}

func TestLatinFallbackForDroid(t *testing.T) {
	need(t, droid)
	s, err := Find(droid)
	if err != nil {
		t.Fatal(err)
	}
	if s.Latin == nil {
		t.Fatal("Droid Sans Fallback has no digits, but no Latin face was added")
	}
	if f, ok := s.FaceFor('8'); !ok || f != s.Latin {
		t.Error("digits are not drawn with the Latin face")
	}
	if f, ok := s.FaceFor('生'); !ok || f != s.Main {
		t.Error("ideographs are not drawn with the main face")
	}
	if _, ok := s.FaceFor('\U0001F600'); ok {
		t.Error("an emoji is reported as covered")
	}
	if d := s.Describe().In(diag.Zh); !strings.Contains(d, droid+"），拉丁字母用 ") {
		t.Errorf("the fonts in Chinese: %q", d)
	}
}

func TestBadFonts(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := dir + "/" + name
		os.WriteFile(p, data, 0o644)
		return p
	}
	cff := []byte("ttcf\x00\x01\x00\x00")
	cff = binary.BigEndian.AppendUint32(cff, 1)
	cff = binary.BigEndian.AppendUint32(cff, 16)
	cff = append(cff, "OTTO\x00\x00\x00\x00\x00\x00\x00\x00"...)
	cases := map[string]string{
		"missing":   dir + "/nope.ttf",
		"empty":     write("empty.ttf", nil),
		"text":      write("text.ttf", []byte("this is not a font")),
		"otf":       write("cff.otf", []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00")),
		"cff ttc":   write("cff.ttc", cff),
		"bad count": write("bad.ttc", []byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff")),
	}
	need(t, wqy)
	data, _ := os.ReadFile(wqy)
	cases["truncated"] = write("truncated.ttc", data[:2000])
	// why, in Chinese: the system's words for a missing file, the
	// catalogue's for the kinds of unusable fonts
	why := map[string]string{
		"missing":   "nope.ttf：没有这个文件或文件夹",
		"empty":     "empty.ttf 无法读取，文件已损坏：truncated font",
		"text":      "text.ttf 不是 TrueType 字体",
		"otf":       "cff.otf 是 PostScript（CFF）轮廓字体",
		"cff ttc":   "cff.ttc：字体集中没有可用的 TrueType 字体",
		"bad count": "bad.ttc 无法读取，文件已损坏：implausible face count",
		"folder":    "无法读取：是文件夹，不是普通文件",
	}
	cases["folder"] = dir
	for name, path := range cases {
		_, err := Find(path)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		var p diag.Problem
		if !errors.As(err, &p) {
			t.Errorf("%s: %v is not a problem of the catalogue", name, err)
			continue
		}
		if zh := p.In(diag.Zh); !strings.Contains(zh, why[name]) {
			t.Errorf("%s: %q lacks %q", name, zh, why[name])
		}
	}
}

func TestMemoComputesOncePerKey(t *testing.T) {
	f := &Face{}
	n := 0
	compute := func() any { n++; return n }
	if a, b := f.Memo("k", compute), f.Memo("k", compute); a != 1 || b != 1 {
		t.Fatalf("Memo gave %v then %v, want 1 twice", a, b)
	}
	if c := f.Memo("other", compute); c != 2 {
		t.Fatalf("Memo under another key gave %v, want 2", c)
	}
}
