package report

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// pack rewrites a finished fpdf document more compactly, as PDF 1.5 allows:
// every stream is compressed once at level 4 (fpdf uses the fastest and
// leaves some streams plain), and the objects that are not streams (pages,
// outline entries, links, font dictionaries) go into one compressed object
// stream, indexed by a cross-reference stream. The content is unchanged.
func pack(pdf []byte) ([]byte, error) {
	objs, root, info, err := parseObjects(pdf)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	type loc struct {
		kind     byte // 1 in the file, 2 in the object stream
		off, idx int
	}
	locs := map[int]loc{}
	var plain []int                      // numbers of non-stream objects
	zw, _ := zlib.NewWriterLevel(nil, 4) // level 4: most of level 6's size for much less time
	for _, o := range objs {
		if o.stream == nil {
			plain = append(plain, o.num)
			continue
		}
		data := o.stream
		dict := o.dict
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			raw, err := inflate(data)
			if err != nil {
				return nil, fmt.Errorf("object %d: %w", o.num, err)
			}
			data = raw
			dict = reFilter.ReplaceAll(dict, nil)
		}
		var z bytes.Buffer
		zw.Reset(&z)
		zw.Write(data)
		zw.Close()
		dict = reLength.ReplaceAll(dict, []byte(fmt.Sprintf("/Filter /FlateDecode /Length %d", z.Len())))
		locs[o.num] = loc{kind: 1, off: out.Len()}
		fmt.Fprintf(&out, "%d 0 obj\n%s\nstream\n", o.num, bytes.TrimSpace(dict))
		out.Write(z.Bytes())
		out.WriteString("\nendstream\nendobj\n")
	}
	max := 0
	for _, o := range objs {
		if o.num > max {
			max = o.num
		}
	}
	// the object stream: "num offset" pairs, then the objects
	sort.Ints(plain)
	var head, body bytes.Buffer
	byNum := map[int]object{}
	for _, o := range objs {
		byNum[o.num] = o
	}
	for i, n := range plain {
		fmt.Fprintf(&head, "%d %d ", n, body.Len())
		body.Write(bytes.TrimSpace(byNum[n].dict))
		body.WriteByte('\n')
		locs[n] = loc{kind: 2, off: max + 1, idx: i}
	}
	objStm := max + 1
	xrefNum := max + 2
	var z bytes.Buffer
	zw.Reset(&z)
	zw.Write(head.Bytes())
	zw.Write(body.Bytes())
	zw.Close()
	locs[objStm] = loc{kind: 1, off: out.Len()}
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", objStm, len(plain), head.Len(), z.Len())
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	// the cross-reference stream: type, field 2 (offset or object stream), field 3 (generation or index)
	var xr bytes.Buffer
	for n := 0; n <= xrefNum; n++ {
		l, ok := locs[n]
		switch {
		case n == xrefNum:
			l, ok = loc{kind: 1, off: out.Len()}, true
		case n == 0 || !ok:
			xr.WriteByte(0)
			binary.Write(&xr, binary.BigEndian, uint32(0))
			binary.Write(&xr, binary.BigEndian, uint16(0xFFFF))
			continue
		}
		xr.WriteByte(l.kind)
		binary.Write(&xr, binary.BigEndian, uint32(l.off))
		binary.Write(&xr, binary.BigEndian, uint16(l.idx))
	}
	z.Reset()
	zw.Reset(&z)
	zw.Write(xr.Bytes())
	zw.Close()
	start := out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /Filter /FlateDecode /Length %d>>\nstream\n", xrefNum, xrefNum+1, root, info, z.Len())
	out.Write(z.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

type object struct {
	num    int
	dict   []byte // the object's text before "stream", or the whole object
	stream []byte // nil when the object has no stream
}

var (
	reObjStart = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	reLength   = regexp.MustCompile(`/Length \d+`)
	reLengthN  = regexp.MustCompile(`/Length (\d+)`)
	reFilter   = regexp.MustCompile(`\s*/Filter /FlateDecode`)
	reRoot     = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo     = regexp.MustCompile(`/Info (\d+) 0 R`)
)

// parseObjects reads the objects of an fpdf document in order. Streams are
// skipped by their /Length, so binary data can hold any bytes.
func parseObjects(pdf []byte) ([]object, int, int, error) {
	var objs []object
	pos := 0
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if x < 0 {
		return nil, 0, 0, fmt.Errorf("no cross-reference table")
	}
	for pos <= x {
		m := reObjStart.FindSubmatchIndex(pdf[pos : x+1])
		if m == nil {
			break
		}
		num, _ := strconv.Atoi(string(pdf[pos+m[2] : pos+m[3]]))
		p := pos + m[1]
		o := object{num: num}
		end := bytes.Index(pdf[p:], []byte("endobj\n"))
		st := bytes.Index(pdf[p:], []byte("\nstream\n"))
		if st >= 0 && (end < 0 || st < end) {
			o.dict = pdf[p : p+st]
			lm := reLengthN.FindSubmatch(o.dict)
			if lm == nil {
				return nil, 0, 0, fmt.Errorf("object %d: stream without a direct length", num)
			}
			n, _ := strconv.Atoi(string(lm[1]))
			d := p + st + len("\nstream\n")
			if d+n > len(pdf) {
				return nil, 0, 0, fmt.Errorf("object %d: stream runs past the end", num)
			}
			o.stream = pdf[d : d+n]
			e := bytes.Index(pdf[d+n:], []byte("endobj\n"))
			if e < 0 {
				return nil, 0, 0, fmt.Errorf("object %d: no endobj", num)
			}
			pos = d + n + e + len("endobj\n")
		} else {
			if end < 0 {
				return nil, 0, 0, fmt.Errorf("object %d: no endobj", num)
			}
			o.dict = pdf[p : p+end]
			pos = p + end + len("endobj\n")
		}
		objs = append(objs, o)
	}
	trailer := pdf[x:]
	rm, im := reRoot.FindSubmatch(trailer), reInfo.FindSubmatch(trailer)
	if rm == nil || im == nil {
		return nil, 0, 0, fmt.Errorf("trailer without /Root or /Info")
	}
	root, _ := strconv.Atoi(string(rm[1]))
	info, _ := strconv.Atoi(string(im[1]))
	return objs, root, info, nil
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
