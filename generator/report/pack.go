package report

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"planpress/generator/pdftag"
)

// zlibLevel is the compression level of every stream: level 4 gives most
// of level 6's size for much less time.
const zlibLevel = 4

// pack rewrites a finished fpdf document more compactly, as PDF 1.5 allows:
// every stream is compressed once at zlibLevel (fpdf uses the fastest and
// leaves some streams plain), and the objects that are not streams (pages,
// outline entries, links, font dictionaries) go into one compressed object
// stream, indexed by a cross-reference stream. The content is unchanged,
// except that each alias in a page content stream is replaced (as fpdf's
// own alias replacement would) and font subsets get tagged names. With a
// structure tree, the tree is added (see addStructure).
func pack(pdf []byte, aliases []alias, tree *pdftag.Tree) ([]byte, error) {
	objs, root, info, err := parseObjects(pdf)
	if err != nil {
		return nil, err
	}
	if tree != nil {
		if objs, err = addStructure(objs, root, tree); err != nil {
			return nil, fmt.Errorf("structure tree: %w", err)
		}
	}
	contents := pageContents(objs)
	p := packer{out: bytes.NewBuffer(make([]byte, 0, len(pdf)/3)), locs: make([]loc, len(objs)+3)}
	p.zw, _ = zlib.NewWriterLevel(nil, zlibLevel)
	p.out.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	var plain []object // non-stream objects, in number order
	for _, o := range objs {
		if o.stream == nil {
			plain = append(plain, o)
			continue
		}
		var subs []alias
		if contents[o.num] {
			subs = aliases
		}
		if err := p.writeStream(o, subs); err != nil {
			return nil, fmt.Errorf("object %d: %w", o.num, err)
		}
	}
	p.writeObjStm(plain)
	p.writeXref(root, info)
	return p.out.Bytes(), nil
}

// alias is a text replaced in every page content stream.
type alias struct{ from, to []byte }

// loc is where an object is: kind 1 in the file at off, kind 2 in the
// object stream off at index idx; kind 0 is a free entry.
type loc struct {
	kind     byte
	off, idx int
}

// packer writes the packed file.
type packer struct {
	out  *bytes.Buffer
	zw   *zlib.Writer
	z    bytes.Buffer // compressed bytes of the current stream
	locs []loc        // by object number
	num  []byte       // scratch for number formatting
}

func (p *packer) setLoc(num int, l loc) {
	for len(p.locs) <= num {
		p.locs = append(p.locs, loc{})
	}
	p.locs[num] = l
}

// deflate compresses the parts, joined, into p.z.
func (p *packer) deflate(parts ...[]byte) {
	p.z.Reset()
	p.zw.Reset(&p.z)
	for _, b := range parts {
		p.zw.Write(b)
	}
	p.zw.Close()
}

// deflateReplacing compresses data into p.z with every alias replaced.
func (p *packer) deflateReplacing(data []byte, subs []alias) {
	p.z.Reset()
	p.zw.Reset(&p.z)
	for len(data) > 0 {
		at, k := -1, -1
		for i, a := range subs {
			if j := bytes.Index(data, a.from); j >= 0 && (at < 0 || j < at) {
				at, k = j, i
			}
		}
		if at < 0 {
			p.zw.Write(data)
			break
		}
		p.zw.Write(data[:at])
		p.zw.Write(subs[k].to)
		data = data[at+len(subs[k].from):]
	}
	p.zw.Close()
}

// writeStream writes a stream object, its data compressed once.
func (p *packer) writeStream(o object, subs []alias) error {
	data, dict := o.stream, o.dict
	if bytes.Contains(dict, []byte("/FlateDecode")) {
		raw, err := inflate(data)
		if err != nil {
			return err
		}
		data = raw
		dict = removeFilter(dict)
	}
	p.deflateReplacing(data, subs)
	dict, err := setLength(bytes.TrimSpace(dict), p.z.Len())
	if err != nil {
		return err
	}
	p.setLoc(o.num, loc{kind: 1, off: p.out.Len()})
	p.writeInt(o.num)
	p.out.WriteString(" 0 obj\n")
	p.out.Write(dict)
	p.out.WriteString("\nstream\n")
	p.out.Write(p.z.Bytes())
	p.out.WriteString("\nendstream\nendobj\n")
	return nil
}

// writeObjStm writes the non-stream objects into one object stream: "num
// offset" pairs, then the objects.
func (p *packer) writeObjStm(plain []object) {
	maxNum := len(p.locs) - 1
	for maxNum > 0 && p.locs[maxNum].kind == 0 {
		maxNum--
	}
	for _, o := range plain {
		maxNum = max(maxNum, o.num)
	}
	objStm := maxNum + 1
	slices.SortFunc(plain, func(a, b object) int { return a.num - b.num })
	var head, body bytes.Buffer
	for i, o := range plain {
		head.WriteString(strconv.Itoa(o.num))
		head.WriteByte(' ')
		head.WriteString(strconv.Itoa(body.Len()))
		head.WriteByte(' ')
		body.Write(renameSubsets(bytes.TrimSpace(o.dict)))
		body.WriteByte('\n')
		p.setLoc(o.num, loc{kind: 2, off: objStm, idx: i})
	}
	p.deflate(head.Bytes(), body.Bytes())
	p.setLoc(objStm, loc{kind: 1, off: p.out.Len()})
	fmt.Fprintf(p.out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", objStm, len(plain), head.Len(), p.z.Len())
	p.out.Write(p.z.Bytes())
	p.out.WriteString("\nendstream\nendobj\n")
}

// writeXref writes the cross-reference stream and the end of the file.
// Each entry: type, field 2 (offset or object stream), field 3
// (generation or index).
func (p *packer) writeXref(root, info int) {
	xrefNum := len(p.locs)
	for xrefNum > 0 && p.locs[xrefNum-1].kind == 0 {
		xrefNum--
	}
	start := p.out.Len()
	p.setLoc(xrefNum, loc{kind: 1, off: start})
	xr := make([]byte, 0, 7*(xrefNum+1))
	for n := 0; n <= xrefNum; n++ {
		l := p.locs[n]
		if n == 0 || l.kind == 0 {
			xr = append(xr, 0, 0, 0, 0, 0, 0xFF, 0xFF)
			continue
		}
		xr = append(xr, l.kind)
		xr = binary.BigEndian.AppendUint32(xr, uint32(l.off))
		xr = binary.BigEndian.AppendUint16(xr, uint16(l.idx))
	}
	p.deflate(xr)
	fmt.Fprintf(p.out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /Filter /FlateDecode /Length %d>>\nstream\n", xrefNum, xrefNum+1, root, info, p.z.Len())
	p.out.Write(p.z.Bytes())
	fmt.Fprintf(p.out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", start)
}

func (p *packer) writeInt(n int) {
	p.num = strconv.AppendInt(p.num[:0], int64(n), 10)
	p.out.Write(p.num)
}

// removeFilter drops "/Filter /FlateDecode" (and the white space before
// it) from a stream dictionary.
func removeFilter(dict []byte) []byte {
	const f = "/Filter /FlateDecode"
	i := bytes.Index(dict, []byte(f))
	if i < 0 {
		return dict
	}
	j := i
	for j > 0 && isSpace(dict[j-1]) {
		j--
	}
	return append(append([]byte(nil), dict[:j]...), dict[i+len(f):]...)
}

// setLength replaces the dictionary's "/Length n" by the compressed data's
// filter and length.
func setLength(dict []byte, n int) ([]byte, error) {
	i, j, ok := lengthSpan(dict)
	if !ok {
		return nil, errors.New("stream without a direct length")
	}
	out := make([]byte, 0, len(dict)+32)
	out = append(out, dict[:i]...)
	out = append(out, "/Filter /FlateDecode /Length "...)
	out = strconv.AppendInt(out, int64(n), 10)
	return append(out, dict[j:]...), nil
}

// lengthSpan finds "/Length n" in a dictionary: its start and end.
func lengthSpan(dict []byte) (int, int, bool) {
	for from := 0; ; {
		k := bytes.Index(dict[from:], []byte("/Length"))
		if k < 0 {
			return 0, 0, false
		}
		i := from + k
		j := i + len("/Length")
		if j < len(dict) && dict[j] == ' ' {
			d := j + 1
			for d < len(dict) && dict[d] >= '0' && dict[d] <= '9' {
				d++
			}
			if d > j+1 {
				return i, d, true
			}
		}
		from = j // "/Length1" and the like
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

type object struct {
	num    int
	dict   []byte // the object's text before "stream", or the whole object
	stream []byte // nil when the object has no stream
}

// parseObjects reads the objects of an fpdf document by its
// cross-reference table, in file order. A stream is taken by its /Length,
// so its bytes are never searched.
func parseObjects(pdf []byte) ([]object, int, int, error) {
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if x < 0 {
		return nil, 0, 0, errors.New("no cross-reference table")
	}
	offs, err := xrefOffsets(pdf, x+1)
	if err != nil {
		return nil, 0, 0, err
	}
	objs := make([]object, 0, len(offs))
	for i, o := range offs {
		end := x + 1
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		obj, err := parseObject(pdf[o.off:end], o.num)
		if err != nil {
			return nil, 0, 0, fmt.Errorf("object %d: %w", o.num, err)
		}
		objs = append(objs, obj)
	}
	trailer := pdf[x:]
	root, ok1 := refAfter(trailer, "/Root ")
	info, ok2 := refAfter(trailer, "/Info ")
	if !ok1 || !ok2 {
		return nil, 0, 0, errors.New("trailer without /Root or /Info")
	}
	return objs, root, info, nil
}

type numOff struct{ num, off int }

// xrefOffsets reads the in-use entries of the cross-reference table at x,
// sorted by offset.
func xrefOffsets(pdf []byte, x int) ([]numOff, error) {
	p := x + len("xref\n")
	sp := bytes.IndexByte(pdf[p:], ' ')
	nl := bytes.IndexByte(pdf[p:], '\n')
	if sp < 0 || nl < sp {
		return nil, errors.New("bad cross-reference table")
	}
	first, err1 := strconv.Atoi(string(pdf[p : p+sp]))
	n, err2 := strconv.Atoi(string(pdf[p+sp+1 : p+nl]))
	if err1 != nil || err2 != nil {
		return nil, errors.New("bad cross-reference subsection")
	}
	p += nl + 1
	if p+20*n > len(pdf) {
		return nil, errors.New("cross-reference table runs past the end")
	}
	var offs []numOff
	for i := 0; i < n; i++ {
		e := pdf[p+20*i : p+20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off >= x {
			return nil, fmt.Errorf("bad cross-reference entry %d", first+i)
		}
		offs = append(offs, numOff{first + i, off})
	}
	slices.SortFunc(offs, func(a, b numOff) int { return a.off - b.off })
	return offs, nil
}

// parseObject reads "num 0 obj … endobj" from span, the bytes between the
// object's offset and the next object's.
func parseObject(span []byte, num int) (object, error) {
	head := []byte(strconv.Itoa(num) + " 0 obj\n")
	if !bytes.HasPrefix(span, head) {
		return object{}, errors.New("not at its offset")
	}
	body := bytes.TrimRight(span[len(head):], " \r\n")
	if !bytes.HasSuffix(body, []byte("endobj")) {
		return object{}, errors.New("no endobj")
	}
	body = bytes.TrimRight(body[:len(body)-len("endobj")], " \r\n")
	o := object{num: num}
	if !bytes.HasSuffix(body, []byte("endstream")) {
		o.dict = body
		return o, nil
	}
	st := bytes.Index(body, []byte("\nstream\n"))
	if st < 0 {
		return object{}, errors.New("endstream without stream")
	}
	o.dict = body[:st]
	i, j, ok := lengthSpan(o.dict)
	if !ok {
		return object{}, errors.New("stream without a direct length")
	}
	n, _ := strconv.Atoi(string(o.dict[i+len("/Length ") : j]))
	d := st + len("\nstream\n")
	if d+n > len(body) {
		return object{}, errors.New("stream runs past the end")
	}
	o.stream = body[d : d+n]
	return o, nil
}

// refAfter reads the object number of "key n 0 R" in b.
func refAfter(b []byte, key string) (int, bool) {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0, false
	}
	i += len(key)
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == i || !bytes.HasPrefix(b[j:], []byte(" 0 R")) {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[i:j]))
	return n, err == nil
}

// pageContents returns the numbers of the page content streams.
func pageContents(objs []object) map[int]bool {
	m := map[int]bool{}
	for _, o := range objs {
		if o.stream != nil || !bytes.Contains(o.dict, []byte("/Type /Page\n")) {
			continue
		}
		if n, ok := refAfter(o.dict, "/Contents "); ok {
			m[n] = true
		}
	}
	return m
}

func inflate(data []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	_, err = b.ReadFrom(r)
	return b.Bytes(), err
}
