// Package pdftag builds the logical structure of a tagged PDF (ISO 32000-1,
// 14.7 and 14.8): a tree of structure elements (Document, H1, P, Table …)
// whose leaves are marked-content sequences of the pages (by MCID) and
// annotations (by object reference), and writes it as PDF objects: the
// structure tree root, one object per element and the parent tree that
// maps each page's MCIDs and each annotation back to its element.
//
// The package knows nothing of the writer of the pages: the writer asks
// Mark for an MCID when it opens a marked-content sequence
// ("/P <</MCID n>> BDC … EMC") and Annot when it adds an annotation, and
// gives Write the object numbers of the pages and annotations at the end.
// Everything is written in the order it was added, so the output is
// deterministic.
package pdftag

import (
	"fmt"
	"strconv"
	"unicode/utf16"
)

// Elem is a structure element.
type Elem struct {
	Type  string // standard structure type: Document, H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption, Link, TOC, TOCI, Span …
	Lang  string // language when it differs from its parent's (BCP 47), or ""
	Alt   string // alternate description (figures), or ""
	Scope string // TH only: Row, Column or Both

	parent *Elem
	kids   []kid
	num    int // object number, set by Write
}

// kid is a child of an element: an element, a marked-content sequence
// (page, mcid) or an annotation (page, annot index on that page).
type kid struct {
	elem  *Elem
	page  int // 1-based
	mcid  int
	annot int // -1 when not an annotation
}

// Tree is the structure of one document.
type Tree struct {
	root  *Elem
	marks [][]*Elem // by page-1: the element of each MCID
	anns  [][]*Elem // by page-1: the element of each annotation, or nil
}

// New returns a tree whose root element is a Document in language lang.
func New(lang string) *Tree {
	return &Tree{root: &Elem{Type: "Document", Lang: lang}}
}

// Root is the Document element.
func (t *Tree) Root() *Elem { return t.root }

// Add appends a new child element of type typ to e and returns it.
func (e *Elem) Add(typ string) *Elem {
	c := &Elem{Type: typ, parent: e}
	e.kids = append(e.kids, kid{elem: c, annot: -1})
	return c
}

// Parent is the element e belongs to (nil for the root).
func (e *Elem) Parent() *Elem { return e.parent }

// Empty reports whether e has no content and no children.
func (e *Elem) Empty() bool { return len(e.kids) == 0 }

func (t *Tree) page(p int) {
	for len(t.marks) < p {
		t.marks = append(t.marks, nil)
		t.anns = append(t.anns, nil)
	}
}

// Mark adds a marked-content sequence of page p (1-based) to e and
// returns its MCID, unique on that page.
func (t *Tree) Mark(e *Elem, p int) int {
	t.page(p)
	id := len(t.marks[p-1])
	t.marks[p-1] = append(t.marks[p-1], e)
	e.kids = append(e.kids, kid{page: p, mcid: id, annot: -1})
	return id
}

// Annot records the next annotation of page p (annotations count from 0
// in the order the page lists them) and, when e is not nil, makes it a
// content item of e. Every annotation of a page must be recorded, so that
// the indexes match the page's /Annots array.
func (t *Tree) Annot(e *Elem, p int) {
	t.page(p)
	i := len(t.anns[p-1])
	t.anns[p-1] = append(t.anns[p-1], e)
	if e != nil {
		e.kids = append(e.kids, kid{page: p, annot: i})
	}
}

// Annots returns the number of annotations recorded on page p.
func (t *Tree) Annots(p int) int {
	if p > len(t.anns) {
		return 0
	}
	return len(t.anns[p-1])
}

// Object is a PDF object to add to the file: its number and its text
// (without "n 0 obj" and "endobj").
type Object struct {
	Num  int
	Body []byte
}

// Output is what Write produces.
type Output struct {
	Objects []Object
	Root    int // the StructTreeRoot, for the catalog's /StructTreeRoot
	// PageKey is each page's /StructParents (by page-1), -1 for a page
	// without marked content.
	PageKey []int
	// AnnotKey is each annotation's /StructParent (by page-1, then index),
	// -1 for one that belongs to no element.
	AnnotKey [][]int
}

// Write numbers the tree's objects from first on and writes them.
// pageObj holds the object number of each page (by page-1), annotObj that
// of each annotation (by page-1, then index on the page).
func (t *Tree) Write(first int, pageObj []int, annotObj [][]int) (Output, error) {
	t.page(len(pageObj))
	if len(t.marks) > len(pageObj) {
		return Output{}, fmt.Errorf("pdftag: content marked on page %d of a document of %d pages", len(t.marks), len(pageObj))
	}
	for p := range t.anns {
		if len(t.anns[p]) != len(annotObj[p]) {
			return Output{}, fmt.Errorf("pdftag: page %d has %d annotations, %d recorded", p+1, len(annotObj[p]), len(t.anns[p]))
		}
	}
	out := Output{Root: first}
	n := first + 1
	parentTree := n
	n++
	// number the elements in tree order
	var all []*Elem
	var walk func(e *Elem)
	walk = func(e *Elem) {
		e.num = n
		n++
		all = append(all, e)
		for _, k := range e.kids {
			if k.elem != nil {
				walk(k.elem)
			}
		}
	}
	walk(t.root)

	var b []byte
	ref := func(b []byte, num int) []byte {
		b = strconv.AppendInt(b, int64(num), 10)
		return append(b, " 0 R"...)
	}
	// the root and the parent tree
	b = append(b, "<</Type /StructTreeRoot /K "...)
	b = ref(b, t.root.num)
	b = append(b, " /ParentTree "...)
	b = ref(b, parentTree)
	key := 0
	out.PageKey = make([]int, len(pageObj))
	var nums []byte
	nums = append(nums, "<</Nums ["...)
	for p := range pageObj {
		out.PageKey[p] = -1
		if len(t.marks[p]) == 0 {
			continue
		}
		out.PageKey[p] = key
		nums = strconv.AppendInt(nums, int64(key), 10)
		nums = append(nums, " ["...)
		for i, e := range t.marks[p] {
			if i > 0 {
				nums = append(nums, ' ')
			}
			nums = ref(nums, e.num)
		}
		nums = append(nums, "]\n"...)
		key++
	}
	out.AnnotKey = make([][]int, len(pageObj))
	for p := range pageObj {
		for _, e := range t.anns[p] {
			if e == nil {
				out.AnnotKey[p] = append(out.AnnotKey[p], -1)
				continue
			}
			out.AnnotKey[p] = append(out.AnnotKey[p], key)
			nums = strconv.AppendInt(nums, int64(key), 10)
			nums = append(nums, ' ')
			nums = ref(nums, e.num)
			nums = append(nums, '\n')
			key++
		}
	}
	nums = append(nums, "]>>"...)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(key), 10)
	b = append(b, ">>"...)
	out.Objects = append(out.Objects, Object{first, b}, Object{parentTree, nums})

	for _, e := range all {
		var b []byte
		b = append(b, "<</Type /StructElem /S /"...)
		b = append(b, e.Type...)
		b = append(b, " /P "...)
		if e.parent == nil {
			b = ref(b, first)
		} else {
			b = ref(b, e.parent.num)
		}
		pg := e.firstPage()
		if pg > 0 {
			b = append(b, " /Pg "...)
			b = ref(b, pageObj[pg-1])
		}
		if e.Lang != "" {
			b = append(b, " /Lang "...)
			b = AppendText(b, e.Lang)
		}
		if e.Alt != "" {
			b = append(b, " /Alt "...)
			b = AppendText(b, e.Alt)
		}
		if e.Scope != "" {
			b = append(b, " /A <</O /Table /Scope /"...)
			b = append(b, e.Scope...)
			b = append(b, ">>"...)
		}
		b = append(b, " /K ["...)
		for i, k := range e.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.elem != nil:
				b = ref(b, k.elem.num)
			case k.annot >= 0:
				b = append(b, "<</Type /OBJR /Pg "...)
				b = ref(b, pageObj[k.page-1])
				b = append(b, " /Obj "...)
				b = ref(b, annotObj[k.page-1][k.annot])
				b = append(b, ">>"...)
			case k.page == pg:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			default:
				b = append(b, "<</Type /MCR /Pg "...)
				b = ref(b, pageObj[k.page-1])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			}
		}
		b = append(b, "]>>"...)
		out.Objects = append(out.Objects, Object{e.num, b})
	}
	return out, nil
}

// firstPage is the page of e's first marked content of its own (0 when
// it has none), its /Pg.
func (e *Elem) firstPage() int {
	for _, k := range e.kids {
		if k.elem == nil {
			return k.page
		}
	}
	return 0
}

// AppendText appends s as a PDF text string: a literal string when it is
// printable ASCII, else UTF-16BE with a byte order mark, in hexadecimal.
func AppendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return append(b, '>')
}
