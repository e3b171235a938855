package report

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"planpress/generator/pdftag"
)

// addStructure adds the structure tree to the objects of an fpdf document:
// each page's inline link annotations become objects of their own (an
// element refers to an annotation by reference) with /StructParent, each
// page gets /StructParents and /Tabs /S, the catalog /StructTreeRoot,
// /MarkInfo and /ViewerPreferences, and the tree's objects are appended.
func addStructure(objs []object, root int, tree *pdftag.Tree) ([]object, error) {
	next := 0
	for _, o := range objs {
		next = max(next, o.num+1)
	}
	var pageIdx []int // index in objs of each page, in page order
	for i, o := range objs {
		if o.stream == nil && bytes.Contains(o.dict, []byte("/Type /Page\n")) {
			pageIdx = append(pageIdx, i)
		}
	}
	// pages are numbered in page order by fpdf, and objs is in file order
	pageObj := make([]int, len(pageIdx))
	annotObj := make([][]int, len(pageIdx))
	annotBody := make([][][]byte, len(pageIdx))
	for p, i := range pageIdx {
		pageObj[p] = objs[i].num
		anns, span, err := inlineAnnots(objs[i].dict)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p+1, err)
		}
		annotBody[p] = anns
		for range anns {
			annotObj[p] = append(annotObj[p], next)
			next++
		}
		if span[1] > 0 {
			d := append([]byte(nil), objs[i].dict[:span[0]]...)
			d = append(d, "/Annots ["...)
			for k, n := range annotObj[p] {
				if k > 0 {
					d = append(d, ' ')
				}
				d = strconv.AppendInt(d, int64(n), 10)
				d = append(d, " 0 R"...)
			}
			d = append(d, ']')
			d = append(d, objs[i].dict[span[1]:]...)
			objs[i].dict = d
		}
	}
	for p := range pageObj {
		for tree.Annots(p+1) < len(annotObj[p]) {
			tree.Annot(nil, p+1) // a link added without the doc's Link: no element
		}
	}
	st, err := tree.Write(next, pageObj, annotObj)
	if err != nil {
		return nil, err
	}
	for p, i := range pageIdx {
		add := []byte("/Tabs /S")
		if k := st.PageKey[p]; k >= 0 {
			add = append(add, " /StructParents "...)
			add = strconv.AppendInt(add, int64(k), 10)
		}
		d, err := insertAfter(objs[i].dict, "/Type /Page", add)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p+1, err)
		}
		objs[i].dict = d
		for k, body := range annotBody[p] {
			b := append([]byte(nil), body[:len(body)-2]...)
			if key := st.AnnotKey[p][k]; key >= 0 {
				b = append(b, " /StructParent "...)
				b = strconv.AppendInt(b, int64(key), 10)
			}
			b = append(b, ">>"...)
			objs = append(objs, object{num: annotObj[p][k], dict: b})
		}
	}
	for i := range objs {
		if objs[i].num != root {
			continue
		}
		add := fmt.Appendf(nil, "/StructTreeRoot %d 0 R /MarkInfo <</Marked true>> /ViewerPreferences <</DisplayDocTitle true>>", st.Root)
		d, err := insertAfter(objs[i].dict, "/Type /Catalog", add)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		objs[i].dict = d
	}
	for _, o := range st.Objects {
		objs = append(objs, object{num: o.Num, dict: o.Body})
	}
	return objs, nil
}

// insertAfter inserts "\n" and add after the first key in dict.
func insertAfter(dict []byte, key string, add []byte) ([]byte, error) {
	i := bytes.Index(dict, []byte(key))
	if i < 0 {
		return nil, fmt.Errorf("no %s", key)
	}
	i += len(key)
	out := make([]byte, 0, len(dict)+len(add)+1)
	out = append(out, dict[:i]...)
	out = append(out, '\n')
	out = append(out, add...)
	return append(out, dict[i:]...), nil
}

// inlineAnnots returns the annotation dictionaries written inline in a
// page's /Annots array, and the span of "/Annots […]" in the page
// (zero when the page has none).
func inlineAnnots(page []byte) ([][]byte, [2]int, error) {
	i := bytes.Index(page, []byte("/Annots ["))
	if i < 0 {
		return nil, [2]int{}, nil
	}
	var out [][]byte
	p := i + len("/Annots [")
	for {
		for p < len(page) && isSpace(page[p]) {
			p++
		}
		if p >= len(page) {
			return nil, [2]int{}, errors.New("unterminated /Annots")
		}
		if page[p] == ']' {
			return out, [2]int{i, p + 1}, nil
		}
		if !bytes.HasPrefix(page[p:], []byte("<<")) {
			return nil, [2]int{}, errors.New("an annotation in /Annots is not a dictionary")
		}
		end, err := dictEnd(page, p)
		if err != nil {
			return nil, [2]int{}, err
		}
		out = append(out, page[p:end])
		p = end
	}
}

// dictEnd returns the offset just after the dictionary that starts at p,
// skipping strings (which may hold unbalanced brackets).
func dictEnd(b []byte, p int) (int, error) {
	depth := 0
	for p < len(b) {
		switch {
		case bytes.HasPrefix(b[p:], []byte("<<")):
			depth++
			p += 2
		case bytes.HasPrefix(b[p:], []byte(">>")):
			depth--
			p += 2
			if depth == 0 {
				return p, nil
			}
		case b[p] == '(':
			nest := 0
			for p < len(b) {
				c := b[p]
				p++
				if c == '\\' {
					p++
					continue
				}
				if c == '(' {
					nest++
				} else if c == ')' {
					nest--
					if nest == 0 {
						break
					}
				}
			}
		case b[p] == '<':
			k := bytes.IndexByte(b[p:], '>')
			if k < 0 {
				return 0, errors.New("unterminated hexadecimal string")
			}
			p += k + 1
		default:
			p++
		}
	}
	return 0, errors.New("unterminated dictionary")
}
