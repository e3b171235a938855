package fonts

import (
	"encoding/binary"
	"os"
	"testing"
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
	for name, path := range cases {
		if _, err := Find(path); err == nil {
			t.Errorf("%s: accepted", name)
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
