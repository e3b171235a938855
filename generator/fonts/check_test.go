package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// wqyFace returns face 0 of the WenQuanYi Micro Hei collection as a .ttf
// and its tables.
func wqyFace(t *testing.T) ([]byte, map[string]tableRec) {
	t.Helper()
	data, err := os.ReadFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
	if err != nil {
		t.Fatalf("the test font is missing: %v (scripts/setup installs it)", err)
	}
	ttf, err := ExtractFace(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := tableDirectory(ttf, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ttf, tables
}

// firstGlyph returns the offset in the file of the first glyph with an
// outline, and its length.
func firstGlyph(ttf []byte, tables map[string]tableRec) (int, int) {
	loca, glyf := tables["loca"], tables["glyf"]
	for i := uint32(0); ; i++ {
		a := binary.BigEndian.Uint32(ttf[loca.off+4*i:])
		b := binary.BigEndian.Uint32(ttf[loca.off+4*i+4:])
		if b > a {
			return int(glyf.off + a), int(b - a)
		}
	}
}

// TestCorruptFonts: hand-corrupted copies of a real font are errors that
// name the font file, never a crash of the font readers.
func TestCorruptFonts(t *testing.T) {
	ttf, tables := wqyFace(t)
	if err := checkTables(ttf, tables); err != nil {
		t.Fatalf("the real font is refused: %v", err)
	}
	if binary.BigEndian.Uint16(ttf[tables["head"].off+50:]) != 1 {
		t.Fatal("the test font no longer has long loca offsets: adapt the test")
	}
	u16 := func(b []byte, off uint32, v uint16) { binary.BigEndian.PutUint16(b[off:], v) }
	u32 := func(b []byte, off uint32, v uint32) { binary.BigEndian.PutUint32(b[off:], v) }
	loca, head, maxp, hhea, cmap := tables["loca"], tables["head"], tables["maxp"], tables["hhea"], tables["cmap"]
	cases := []struct {
		name string
		do   func([]byte)
		want string
	}{
		{"loca goes back", func(b []byte) {
			for i := uint32(1); i < loca.length/4; i += 2 {
				u32(b, loca.off+4*i, 0)
			}
		}, "the loca table goes back"},
		{"loca past glyf", func(b []byte) {
			for i := uint32(0); i < loca.length/4; i++ {
				u32(b, loca.off+4*i, 0x7fff0000+i)
			}
		}, "past the end of the glyf table"},
		{"loca format flipped", func(b []byte) { u16(b, head.off+50, 0) }, "corrupt font"},
		{"loca format unknown", func(b []byte) { u16(b, head.off+50, 7) }, "indexToLocFormat 7"},
		{"more glyphs than loca", func(b []byte) { u16(b, maxp.off+4, 0xffff) }, "corrupt font: the hmtx table"},
		{"no glyphs", func(b []byte) { u16(b, maxp.off+4, 0) }, "counts no glyphs"},
		{"no horizontal metrics", func(b []byte) { u16(b, hhea.off+34, 0) }, "horizontal metrics"},
		{"cmap subtable outside", func(b []byte) { u32(b, cmap.off+8, 0x7fffffff) }, "cmap subtable 0 starts at"},
		{"composite of a missing glyph", func(b []byte) {
			off, _ := firstGlyph(b, tables)
			u16(b, uint32(off), 0xffff)    // numberOfContours −1: composite
			u16(b, uint32(off)+10, 0x0000) // flags: byte arguments, last component
			u16(b, uint32(off)+12, 0xfff0) // glyph index
		}, "a component refers to glyph"},
		{"outline past its end", func(b []byte) {
			off, _ := firstGlyph(b, tables)
			n := binary.BigEndian.Uint16(b[off:])
			u16(b, uint32(off)+10+2*uint32(n), 0xfff0) // instruction length
		}, "its outline runs past its end"},
		{"units per em", func(b []byte) { u16(b, head.off+18, 0) }, "units per em"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := append([]byte(nil), ttf...)
			c.do(b)
			p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".ttf")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if err == nil {
				t.Fatal("the corrupt font was accepted")
			}
			if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error does not name the file and %q: %v", c.want, err)
			}
		})
	}
}

// TestGuardRecovers: a panic inside a font library becomes an error.
func TestGuardRecovers(t *testing.T) {
	err := Guard("x.ttf", func() error {
		var s []int
		_ = s[3]
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "corrupt font") {
		t.Errorf("Guard: %v", err)
	}
}

// TestAcceptedFontIsUsable: what the checks accept, the readers read:
// the real font measured by freetype and embedded by fpdf.
func TestAcceptedFontIsUsable(t *testing.T) {
	ttf, _ := wqyFace(t)
	f, err := Parse(ttf, "wqy.ttf")
	if err != nil {
		t.Fatal(err)
	}
	fc := truetype.NewFace(f.TrueType(), &truetype.Options{Size: 11})
	if w := font.MeasureString(fc, cjkSample+latinSample); w <= 0 {
		t.Errorf("width %v", w)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("m", "", f.TTF)
	pdf.SetFont("m", "", 10)
	pdf.AddPage()
	pdf.Cell(10, 10, cjkSample+latinSample)
	var sb strings.Builder
	if err := pdf.Output(&sb); err != nil || sb.Len() == 0 {
		t.Errorf("fpdf: %v", err)
	}
}
