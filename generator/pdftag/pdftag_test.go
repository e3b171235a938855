package pdftag

import (
	"strings"
	"testing"
)

// objects returns the written objects by number.
func objects(t *testing.T, out Output) map[int]string {
	t.Helper()
	m := map[int]string{}
	for _, o := range out.Objects {
		if _, dup := m[o.Num]; dup {
			t.Fatalf("object %d written twice", o.Num)
		}
		m[o.Num] = string(o.Body)
	}
	return m
}

func TestWriteSmallDocument(t *testing.T) {
	tr := New("en")
	h := tr.Root().Add("H1")
	if id := tr.Mark(h, 1); id != 0 {
		t.Fatalf("first MCID of page 1 = %d, want 0", id)
	}
	p := tr.Root().Add("P")
	p.Lang = "zh-Hant"
	tr.Mark(p, 1)
	if id := tr.Mark(p, 2); id != 0 {
		t.Fatalf("first MCID of page 2 = %d, want 0", id)
	}
	th := tr.Root().Add("Table").Add("TR").Add("TH")
	th.Scope = "Column"
	tr.Mark(th, 2)
	fig := tr.Root().Add("Figure")
	fig.Alt = "PM2.5 (μg/m³)"
	tr.Mark(fig, 2)
	link := tr.Root().Add("Link")
	tr.Annot(nil, 2) // an annotation of no element
	tr.Annot(link, 2)

	// pages are objects 3 and 5; the annotations of page 2 are 7 and 8
	out, err := tr.Write(10, []int{3, 5}, [][]int{nil, {7, 8}})
	if err != nil {
		t.Fatal(err)
	}
	objs := objects(t, out)
	if out.Root != 10 || !strings.HasPrefix(objs[10], "<</Type /StructTreeRoot /K 12 0 R /ParentTree 11 0 R") {
		t.Fatalf("root: %q", objs[10])
	}
	if !strings.Contains(objs[10], "/ParentTreeNextKey 3") {
		t.Errorf("root: want next key 3 (two pages, one tagged annotation): %q", objs[10])
	}
	// elements numbered in tree order: Document 12, H1 13, P 14, Table 15, TR 16, TH 17, Figure 18, Link 19
	wantTree := "<</Nums [0 [13 0 R 14 0 R]\n1 [14 0 R 17 0 R 18 0 R]\n2 19 0 R\n]>>"
	if objs[11] != wantTree {
		t.Errorf("parent tree:\n%q\nwant\n%q", objs[11], wantTree)
	}
	if out.PageKey[0] != 0 || out.PageKey[1] != 1 {
		t.Errorf("page keys %v, want [0 1]", out.PageKey)
	}
	if got := out.AnnotKey[1]; len(got) != 2 || got[0] != -1 || got[1] != 2 {
		t.Errorf("annotation keys %v, want [-1 2]", got)
	}
	for num, want := range map[int]string{
		12: "<</Type /StructElem /S /Document /P 10 0 R /Lang (en) /K [13 0 R 14 0 R 15 0 R 18 0 R 19 0 R]>>",
		13: "<</Type /StructElem /S /H1 /P 12 0 R /Pg 3 0 R /K [0]>>",
		14: "<</Type /StructElem /S /P /P 12 0 R /Pg 3 0 R /Lang (zh-Hant) /K [1 <</Type /MCR /Pg 5 0 R /MCID 0>>]>>",
		17: "<</Type /StructElem /S /TH /P 16 0 R /Pg 5 0 R /A <</O /Table /Scope /Column>> /K [1]>>",
		18: "<</Type /StructElem /S /Figure /P 12 0 R /Pg 5 0 R /Alt <FEFF0050004D0032002E00350020002803BC0067002F006D00B30029> /K [2]>>",
		19: "<</Type /StructElem /S /Link /P 12 0 R /Pg 5 0 R /K [<</Type /OBJR /Pg 5 0 R /Obj 8 0 R>>]>>",
	} {
		if objs[num] != want {
			t.Errorf("object %d:\n%q\nwant\n%q", num, objs[num], want)
		}
	}
}

func TestWriteRefusesMismatch(t *testing.T) {
	tr := New("en")
	tr.Mark(tr.Root().Add("P"), 3)
	if _, err := tr.Write(10, []int{3, 5}, [][]int{nil, nil}); err == nil {
		t.Error("content marked on page 3 of a 2-page document was accepted")
	}
	tr = New("en")
	tr.Annot(tr.Root().Add("Link"), 1)
	if _, err := tr.Write(10, []int{3}, [][]int{nil}); err == nil {
		t.Error("an annotation recorded but not on the page was accepted")
	}
}

func TestAppendText(t *testing.T) {
	for in, want := range map[string]string{
		"en":       "(en)",
		"a (b) \\": `(a \(b\) \\)`,
		"北京":       "<FEFF53174EAC>",
		"𝄞":        "<FEFFD834DD1E>",
	} {
		if got := string(AppendText(nil, in)); got != want {
			t.Errorf("AppendText(%q) = %s, want %s", in, got, want)
		}
	}
}
