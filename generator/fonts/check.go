package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// checkTables checks the tables of a standalone TrueType font that the
// glyph rasteriser (freetype) and the PDF writer (fpdf) index without
// checking: a corrupt table must be an error naming the font, never a
// crash. It checks that the required tables are there and long enough,
// that head, maxp, hhea and hmtx agree on the number of glyphs and
// metrics, that loca has one offset more than there are glyphs, rising
// and within glyf, that every glyph's outline fits in its place and
// refers to glyphs that exist, and that the
// cmap's subtables lie within it.
func checkTables(ttf []byte, tables map[string]tableRec) error {
	get := func(tag string, min int) ([]byte, error) {
		t, ok := tables[tag]
		if !ok {
			return nil, fmt.Errorf("corrupt font: no %q table", tag)
		}
		if int(t.length) < min {
			return nil, fmt.Errorf("corrupt font: the %q table is %d bytes long (at least %d needed)", tag, t.length, min)
		}
		return ttf[t.off : t.off+t.length], nil
	}
	head, err := get("head", 54)
	if err != nil {
		return err
	}
	maxp, err := get("maxp", 6)
	if err != nil {
		return err
	}
	hhea, err := get("hhea", 36)
	if err != nil {
		return err
	}
	if _, err := get("cmap", 4); err != nil {
		return err
	}
	if _, err := get("hmtx", 0); err != nil {
		return err
	}
	loca, err := get("loca", 0)
	if err != nil {
		return err
	}
	glyf, err := get("glyf", 0)
	if err != nil {
		return err
	}
	if units := binary.BigEndian.Uint16(head[18:]); units < 16 || units > 16384 {
		return fmt.Errorf("corrupt font: %d units per em in the head table (16–16384)", units)
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numGlyphs == 0 {
		return errors.New("corrupt font: the maxp table counts no glyphs")
	}
	// horizontal metrics: numberOfHMetrics pairs, then one advance-less
	// left side bearing for each other glyph
	nhm := int(binary.BigEndian.Uint16(hhea[34:]))
	if nhm == 0 || nhm > numGlyphs {
		return fmt.Errorf("corrupt font: hhea has %d horizontal metrics for %d glyphs", nhm, numGlyphs)
	}
	if need := 4*nhm + 2*(numGlyphs-nhm); int(tables["hmtx"].length) < need {
		return fmt.Errorf("corrupt font: the hmtx table is %d bytes long, %d needed for %d glyphs", tables["hmtx"].length, need, numGlyphs)
	}
	// glyph locations
	long := binary.BigEndian.Uint16(head[50:])
	if long > 1 {
		return fmt.Errorf("corrupt font: indexToLocFormat %d in the head table (0 or 1)", long)
	}
	size := 2
	if long == 1 {
		size = 4
	}
	if len(loca) < (numGlyphs+1)*size {
		return fmt.Errorf("corrupt font: the loca table holds %d offsets for %d glyphs (%d needed)", len(loca)/size, numGlyphs, numGlyphs+1)
	}
	offset := func(i int) int {
		if long == 1 {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	prev := offset(0)
	for i := 1; i <= numGlyphs; i++ {
		o := offset(i)
		if o < prev {
			return fmt.Errorf("corrupt font: the loca table goes back at glyph %d (%d after %d)", i-1, o, prev)
		}
		if o > len(glyf) {
			return fmt.Errorf("corrupt font: glyph %d ends at %d, past the end of the glyf table (%d bytes)", i-1, o, len(glyf))
		}
		if n := o - prev; n > 0 {
			if err := checkGlyph(glyf[prev:o], numGlyphs); err != nil {
				return fmt.Errorf("corrupt font: glyph %d: %w", i-1, err)
			}
		}
		prev = o
	}
	// character maps: every subtable within the cmap table
	cmap := ttf[tables["cmap"].off : tables["cmap"].off+tables["cmap"].length]
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return fmt.Errorf("corrupt font: the cmap table lists %d subtables but is %d bytes long", n, len(cmap))
	}
	for i := 0; i < n; i++ {
		off := int(binary.BigEndian.Uint32(cmap[4+8*i+4:]))
		if off+4 > len(cmap) {
			return fmt.Errorf("corrupt font: cmap subtable %d starts at %d, past the end of the table (%d bytes)", i, off, len(cmap))
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		var length int
		switch format {
		case 0, 2, 4, 6:
			length = int(binary.BigEndian.Uint16(cmap[off+2:]))
		case 8, 10, 12, 13, 14:
			if off+8 > len(cmap) {
				return fmt.Errorf("corrupt font: cmap subtable %d is cut short", i)
			}
			length = int(binary.BigEndian.Uint32(cmap[off+4:]))
			if format == 14 {
				length = int(binary.BigEndian.Uint32(cmap[off+2:]))
			}
		default:
			continue // unknown formats are skipped by the readers
		}
		if off+length > len(cmap) {
			return fmt.Errorf("corrupt font: cmap subtable %d (format %d) runs past the end of the table", i, format)
		}
	}
	return nil
}

var errGlyphShort = errors.New("its outline runs past its end")

// checkGlyph checks that an outline's parts fit in its bytes and that a
// composite glyph refers to glyphs that exist.
func checkGlyph(g []byte, numGlyphs int) error {
	if len(g) < 10 {
		return errGlyphShort
	}
	contours := int(int16(binary.BigEndian.Uint16(g)))
	if contours < 0 {
		p := 10
		for {
			if p+4 > len(g) {
				return errGlyphShort
			}
			flags := binary.BigEndian.Uint16(g[p:])
			if idx := int(binary.BigEndian.Uint16(g[p+2:])); idx >= numGlyphs {
				return fmt.Errorf("a component refers to glyph %d of %d", idx, numGlyphs)
			}
			p += 4
			if flags&0x01 != 0 { // arguments are words
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x08 != 0: // a scale
				p += 2
			case flags&0x40 != 0: // x and y scales
				p += 4
			case flags&0x80 != 0: // a 2×2 matrix
				p += 8
			}
			if p > len(g) {
				return errGlyphShort
			}
			if flags&0x20 == 0 { // no more components
				return nil
			}
		}
	}
	p := 10 + 2*contours
	if p+2 > len(g) {
		return errGlyphShort
	}
	points := 0
	if contours > 0 {
		points = int(binary.BigEndian.Uint16(g[p-2:])) + 1
	}
	p += 2 + int(binary.BigEndian.Uint16(g[p:])) // instructions
	xBytes, yBytes := 0, 0
	for n := 0; n < points; {
		if p >= len(g) {
			return errGlyphShort
		}
		flag := g[p]
		p++
		repeat := 1
		if flag&0x08 != 0 {
			if p >= len(g) {
				return errGlyphShort
			}
			repeat += int(g[p])
			p++
		}
		repeat = min(repeat, points-n)
		switch {
		case flag&0x02 != 0:
			xBytes += repeat
		case flag&0x10 == 0:
			xBytes += 2 * repeat
		}
		switch {
		case flag&0x04 != 0:
			yBytes += repeat
		case flag&0x20 == 0:
			yBytes += 2 * repeat
		}
		n += repeat
	}
	if p+xBytes+yBytes > len(g) {
		return errGlyphShort
	}
	return nil
}
