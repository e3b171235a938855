// Package fonts finds a TrueType font that covers Chinese and Latin text,
// extracts faces from collections (.ttc) for fpdf, and tells which face of
// a pair covers each character.
package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"

	"planpress/generator/diag"
	"planpress/generator/internal/fsutil"
)

// Face is one TrueType face, as standalone .ttf bytes.
type Face struct {
	Path  string // file it came from
	Index int    // face index in a collection
	Name  string // family name
	TTF   []byte // standalone TrueType bytes (extracted from a .ttc when needed)
	sfnt  *sfnt.Font
	tt    *truetype.Font
	once  sync.Once
	bmp   []uint64 // coverage bitmap of U+0000–U+FFFF

	memoMu sync.Mutex
	memo   map[string]any
}

// Memo returns the value stored under key, computing it with compute the
// first time: data derived from the face (such as a PDF writer's width
// table) is kept with it, once per face.
func (f *Face) Memo(key string, compute func() any) any {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	if v, ok := f.memo[key]; ok {
		return v
	}
	if f.memo == nil {
		f.memo = map[string]any{}
	}
	v := compute()
	f.memo[key] = v
	return v
}

// Has reports whether the face has a glyph for r that the PDF writer can
// use: fpdf cannot write characters above U+FFFF, so those are never had.
func (f *Face) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	f.once.Do(f.mapBMP)
	return f.bmp[r>>6]&(1<<(uint(r)&63)) != 0
}

// mapBMP records once which characters of the Basic Multilingual Plane the
// face covers: typesetting asks for every character it draws.
func (f *Face) mapBMP() {
	var buf sfnt.Buffer
	f.bmp = make([]uint64, 0x10000/64)
	for r := rune(0); r <= 0xFFFF; r++ {
		if i, err := f.sfnt.GlyphIndex(&buf, r); err == nil && i != 0 {
			f.bmp[r>>6] |= 1 << (uint(r) & 63)
		}
	}
}

// TrueType returns the face parsed for go-chart's text measuring.
func (f *Face) TrueType() *truetype.Font { return f.tt }

// Set is the fonts of a build: a main face that covers Chinese and, when it
// lacks Latin letters or digits, a Latin face used for those.
type Set struct {
	Main  *Face
	Latin *Face // nil when Main covers Latin
}

// FaceFor returns the face to draw r with: Main when it has the glyph,
// else Latin when that has it; ok is false when neither has it.
func (s *Set) FaceFor(r rune) (f *Face, ok bool) {
	if s.Main.Has(r) {
		return s.Main, true
	}
	if s.Latin != nil && s.Latin.Has(r) {
		return s.Latin, true
	}
	return s.Main, false
}

// Describe says which font files a Set uses, as a phrase of the
// catalogue (its String is English).
func (s *Set) Describe() diag.Phrase {
	if s.Latin != nil {
		return diag.P("font-set-latin", s.Main.Name, s.Main.Path, s.Latin.Name, s.Latin.Path)
	}
	return diag.P("font-set", s.Main.Name, s.Main.Path)
}

// cjkSample and latinSample are what a face must render to be used; Find
// also asks for the project's own sample (its titles in every language).
const (
	cjkSample   = "中文漢字汉字一二三十百千萬万年月日"
	latinSample = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.,()"
)

// ErrNoFont is returned when no usable font is found.
var ErrNoFont = errors.New("no TrueType font covering Chinese was found")

// Candidates lists well-known font files for this operating system, best first.
func Candidates() []string {
	switch runtime.GOOS {
	case "darwin":
		return []string{
			"/Library/Fonts/Arial Unicode.ttf",
			"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
			"/System/Library/Fonts/STHeiti Medium.ttc",
			"/System/Library/Fonts/STHeiti Light.ttc",
			"/System/Library/Fonts/Hiragino Sans GB.ttc",
		}
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return []string{
			filepath.Join(win, "Fonts", "msjh.ttc"),
			filepath.Join(win, "Fonts", "msyh.ttc"),
			filepath.Join(win, "Fonts", "mingliu.ttc"),
			filepath.Join(win, "Fonts", "simsun.ttc"),
			filepath.Join(win, "Fonts", "simhei.ttf"),
		}
	}
	return []string{
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/truetype/arphic/uming.ttc",
		"/usr/share/fonts/truetype/arphic/ukai.ttc",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	}
}

// latinCandidates are faces used for Latin text when the main face lacks it.
func latinCandidates() []string {
	switch runtime.GOOS {
	case "darwin":
		return []string{"/System/Library/Fonts/Supplemental/Arial.ttf", "/Library/Fonts/Arial.ttf"}
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return []string{filepath.Join(win, "Fonts", "arial.ttf")}
	}
	return []string{
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
		"/usr/share/fonts/truetype/freefont/FreeSans.ttf",
	}
}

// Find returns the font set to use: the configured file when configured
// (an error when it is unusable), else the first usable well-known file.
// The font must render sample (the project's titles, say) as well as
// Chinese and Latin in general.
func Find(configured string, sample ...string) (*Set, error) {
	need := cjkSample + strings.Join(sample, "")
	if configured != "" {
		f, err := Load(configured)
		if err != nil {
			return nil, fontProblem("font-unusable", err, configured, cause(configured, err))
		}
		if !coversText(f, need) {
			return nil, fontProblem("font-no-chinese", nil, configured)
		}
		return complete(f)
	}
	var tried []diag.Phrase
	for _, p := range Candidates() {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		f, err := Load(p)
		if err != nil {
			tried = append(tried, cause(p, err))
			continue
		}
		if !coversText(f, need) {
			tried = append(tried, diag.P("font-cause-no-chinese", p))
			continue
		}
		return complete(f)
	}
	if len(tried) > 0 {
		return nil, fontProblem("font-none-tried", ErrNoFont, tried)
	}
	return nil, fontProblem("font-none", ErrNoFont)
}

func complete(main *Face) (*Set, error) {
	s := &Set{Main: main}
	if covers(main, latinSample) {
		return s, nil
	}
	for _, p := range latinCandidates() {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		f, err := Load(p)
		if err == nil && covers(f, latinSample) {
			s.Latin = f
			return s, nil
		}
	}
	return nil, fontProblem("font-no-latin", nil, main.Path)
}

// The kinds of font files that cannot be used, beside those the
// system names (a file that does not exist, permission denied).
var (
	errCFF       = errors.New("has CFF (PostScript) outlines; the PDF writer needs TrueType (glyf) outlines")
	errNotTT     = errors.New("not a TrueType font")
	errNoCJKFace = errors.New("no usable TrueType face in the collection")
)

// cause says in the catalogue's words why the font file name cannot be
// used: a phrase of diag.Cause, or of the kinds above; any other error is
// a damaged file; the technical detail stays in English.
func cause(name string, err error) diag.Phrase {
	if c, ok := diag.Cause(err).(diag.Phrase); ok {
		return c
	}
	var le *fsutil.LimitError
	switch {
	case errors.As(err, &le): // not a regular file, too large: said in the input limits' words
		return diag.P("file-limit", le)
	case errors.Is(err, errCFF):
		return diag.P("font-cause-cff", name)
	case errors.Is(err, errNotTT):
		return diag.P("font-cause-not-truetype", name)
	case errors.Is(err, errNoCJKFace):
		return diag.P("font-cause-no-cjk-face", name, strings.TrimPrefix(err.Error(), name+": "+errNoCJKFace.Error()+": "))
	}
	return diag.P("font-cause-corrupt", name, strings.TrimPrefix(err.Error(), name+": "))
}

// fontProblem is a problem of the fonts data/site.toml names (or leaves to
// be found), as message key of data/i18n/messages.toml, wrapping cause.
func fontProblem(key string, cause error, args ...any) error {
	p := diag.Msg("data/site.toml", 0, key, args...)
	p.Err = cause
	return p
}

// coversText is covers for the letters of a text other than Latin ones
// (which a Latin face may supply): spaces, punctuation and symbols are left
// to the PDF writer's substitution.
func coversText(f *Face, text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) && !f.Has(r) {
			return false
		}
	}
	return true
}

func covers(f *Face, sample string) bool {
	for _, r := range sample {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

// Load reads a .ttf, or the first TrueType face of a .ttc that covers Chinese.
// The file must be a regular file of at most MaxFile bytes.
func Load(path string) (*Face, error) {
	data, err := fsutil.ReadInput("", path, MaxFile)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, err
	}
	return Parse(data, path)
}

// MaxFile is the largest font file read (the largest CJK collections
// are about 40 MB).
const MaxFile = 128 << 20

// Parse reads font bytes (a .ttf or .ttc); name is used in messages.
func Parse(data []byte, name string) (*Face, error) {
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		n, err := collectionSize(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		var last error
		for i := 0; i < n; i++ {
			ttf, err := ExtractFace(data, i)
			if err != nil {
				last = err
				continue
			}
			f, err := parseTTF(ttf, name, i)
			if err != nil {
				last = err
				continue
			}
			if covers(f, cjkSample) {
				return f, nil
			}
			last = errors.New("no face covers Chinese")
		}
		if last == nil {
			last = errors.New("empty collection")
		}
		return nil, fmt.Errorf("%s: %w: %w", name, errNoCJKFace, last)
	}
	f, err := parseTTF(data, name, 0)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func parseTTF(ttf []byte, name string, index int) (*Face, error) {
	tables, err := tableDirectory(ttf, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if _, ok := tables["glyf"]; !ok {
		if _, cff := tables["CFF "]; cff {
			return nil, fmt.Errorf("%s: %w", name, errCFF)
		}
		return nil, fmt.Errorf("%s: has no glyf table: %w", name, errNotTT)
	}
	if err := checkTables(ttf, tables); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var f *Face
	err = Guard(name, func() error {
		sf, err := sfnt.Parse(ttf)
		if err != nil {
			return err
		}
		tt, err := truetype.Parse(ttf)
		if err != nil {
			return err
		}
		// what charts measure: the glyphs of the samples
		var gb truetype.GlyphBuf
		for _, r := range cjkSample + latinSample {
			if i := tt.Index(r); i != 0 {
				if err := gb.Load(tt, 1024, i, font.HintingNone); err != nil {
					return fmt.Errorf("glyph of %q: %w", r, err)
				}
			}
		}
		family, _ := sf.Name(nil, sfnt.NameIDFamily)
		f = &Face{Path: name, Index: index, Name: family, TTF: ttf, sfnt: sf, tt: tt}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// Guard runs fn, which hands the font file name to a font library, and
// turns a panic of the library into an error: the last resort for a
// corrupt font that the table checks did not catch.
func Guard(name string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("corrupt font: the font reader failed (%v): use another font file", r)
		}
	}()
	return fn()
}

type tableRec struct{ off, length uint32 }

func collectionSize(data []byte) (int, error) {
	if len(data) < 12 {
		return 0, errors.New("truncated collection header")
	}
	n := int(binary.BigEndian.Uint32(data[8:12]))
	if n <= 0 || n > 256 || 12+4*n > len(data) {
		return 0, fmt.Errorf("implausible face count %d in collection header", n)
	}
	return n, nil
}

// tableDirectory reads the table records of the face whose offset table is at off.
func tableDirectory(data []byte, off int) (map[string]tableRec, error) {
	if off < 0 || off+12 > len(data) {
		return nil, errors.New("truncated font: no offset table")
	}
	tag := binary.BigEndian.Uint32(data[off:])
	if tag != 0x00010000 && string(data[off:off+4]) != "true" {
		if string(data[off:off+4]) == "OTTO" {
			return map[string]tableRec{"CFF ": {}}, nil
		}
		return nil, fmt.Errorf("%w (signature %q)", errNotTT, data[off:off+4])
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if off+12+16*n > len(data) {
		return nil, errors.New("truncated font: table directory cut short")
	}
	m := make(map[string]tableRec, n)
	for i := 0; i < n; i++ {
		r := data[off+12+16*i:]
		t := tableRec{binary.BigEndian.Uint32(r[8:]), binary.BigEndian.Uint32(r[12:])}
		if uint64(t.off)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("truncated font: table %q runs past the end of the file", r[:4])
		}
		m[string(r[:4])] = t
	}
	return m, nil
}

// ExtractFace returns face i of a TrueType collection as a standalone .ttf.
func ExtractFace(ttc []byte, i int) ([]byte, error) {
	n, err := collectionSize(ttc)
	if err != nil {
		return nil, err
	}
	if i < 0 || i >= n {
		return nil, fmt.Errorf("face %d not in collection of %d", i, n)
	}
	off := int(binary.BigEndian.Uint32(ttc[12+4*i:]))
	tables, err := tableDirectory(ttc, off)
	if err != nil {
		return nil, err
	}
	if _, ok := tables["glyf"]; !ok {
		return nil, errors.New("face has no TrueType (glyf) outlines")
	}
	num := int(binary.BigEndian.Uint16(ttc[off+4:]))
	header := 12 + 16*num
	out := make([]byte, header, header+len(ttc)/max(n, 1))
	copy(out, ttc[off:off+12])
	for k := 0; k < num; k++ {
		rec := ttc[off+12+16*k : off+12+16*k+16]
		tOff := binary.BigEndian.Uint32(rec[8:])
		tLen := binary.BigEndian.Uint32(rec[12:])
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		newOff := uint32(len(out))
		out = append(out, ttc[tOff:tOff+tLen]...)
		dst := out[12+16*k : 12+16*k+16]
		copy(dst, rec)
		binary.BigEndian.PutUint32(dst[8:], newOff)
	}
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out, nil
}

var (
	latinOnce sync.Once
	latinFace *Face
)

// LatinFace returns the first usable Latin face of the well-known ones
// (DejaVu Sans, Liberation Sans, FreeSans on Linux), loaded once, or nil
// when none is installed. Documents in a Latin script draw the Latin
// punctuation (quotation marks, apostrophes, dashes) with it, rather than
// with a Chinese face's wide glyphs.
func LatinFace() *Face {
	latinOnce.Do(func() {
		for _, p := range latinCandidates() {
			if _, err := os.Stat(p); err != nil {
				continue
			}
			if f, err := Load(p); err == nil && covers(f, latinSample+"“”‘’–—") {
				latinFace = f
				return
			}
		}
	})
	return latinFace
}
