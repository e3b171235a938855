package report

import (
	"bytes"
	"testing"
	"time"

	"planpress/generator/fonts"
)

// TestTextOpWritesAsFpdf checks that text written directly is byte for
// byte what fpdf's Text writes, escapes included: 不 is 4E 0D in UTF-16,
// 尨 5C 28 and 丩 4E 29.
func TestTextOpWritesAsFpdf(t *testing.T) {
	texts := []string{"Page 3 of 90", "(a) \\ b", "不尨丩 生態環境", "2021", "“quoted” 12.5%"}
	write := func(direct bool) []byte {
		d := testDoc(t, "en")
		d.newPage()
		d.color(colInk)
		for i, s := range texts {
			for k := 0; k < 2; k++ { // the second time all characters are known
				x, y := 20+float64(k)*0.005, 30+float64(i)*7.123
				d.font(famMain, 10)
				if direct {
					d.textOp(x, y, &d.main, s)
				} else {
					d.pdf.Text(x, y, s)
				}
			}
		}
		var b bytes.Buffer
		if err := d.pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := write(false), write(true); !bytes.Equal(a, b) {
		t.Fatal("text written directly differs from fpdf's")
	}
}

// TestWidthIsFpdfs checks the width tables against fpdf's own measure.
func TestWidthIsFpdfs(t *testing.T) {
	d := testDoc(t, "zh-Hant")
	d.newPage()
	for _, s := range []string{"Page 3 of 000", "生態環境品質持續改善，PM2.5年均濃度", "“十四五”", "a"} {
		for _, pt := range []float64{8, 9.5, 10.5, 17} {
			d.pdf.SetFont(famMain, "", pt)
			if d.latin == nil && d.pdf.GetStringWidth(s) != d.Width(s, pt) {
				t.Errorf("%q at %v pt: fpdf %v, Width %v", s, pt, d.pdf.GetStringWidth(s), d.Width(s, pt))
			}
		}
	}
}

// TestWidthWithLatinFace checks Width and Text against fpdf when Latin
// text is set in a second face (Droid Sans Fallback has no digits).
func TestWidthWithLatinFace(t *testing.T) {
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	fs, err := fonts.Find(droid)
	if err != nil {
		t.Fatalf("%v (scripts/setup --test installs the font)", err)
	}
	if fs.Latin == nil {
		t.Fatal("Droid Sans Fallback is expected to need a Latin face")
	}
	d, err := newDoc(fs, Meta{Lang: "zh-Hant", CJK: true, Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, "t.pdf", &Warnings{})
	if err != nil {
		t.Fatal(err)
	}
	d.newPage()
	for _, s := range []string{"PM2.5年均濃度降至35微克", "2025年", "生態", "abc"} {
		want := 0.0
		for _, r := range d.runs(s) {
			d.pdf.SetFont(r.f.family, "", 9.5)
			want += d.pdf.GetStringWidth(r.s)
		}
		if got := d.Width(s, 9.5); got != want {
			t.Errorf("%q: Width %v, fpdf %v", s, got, want)
		}
	}
	if runs := d.runs("PM2.5年"); len(runs) != 2 || runs[0].s != "PM2.5" || runs[1].s != "年" {
		t.Errorf("runs of %q: %+v", "PM2.5年", runs)
	}
}
