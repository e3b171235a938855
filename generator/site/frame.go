package site

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
	"unicode/utf8"
)

// The page frame (templates/base.html) is mostly the same for every page of
// one shape: the same template, language, menu entry and depth. A frame is
// base.html executed once per shape with marker values in place of the
// values that differ from page to page (title, addresses, JSON-LD, the
// page's main part); each page then only fills the markers in, escaped as
// html/template escapes them there. This is done only when base.html uses
// those values in ways the filling reproduces exactly (printed whole, or
// tested in an if), the escaping of each place is recognised, and the page
// a frame is first made for comes out identical through the frame and
// executed in full; otherwise pages are executed in full. The first page
// of each shape is always executed in full: many shapes have one page.

// shapeFields are the Page fields and methods whose value is fixed by a
// page's shape.
var shapeFields = map[string]bool{
	"Lang": true, "Key": true, "Dir": true, "Other": true, "Template": true, "Nav": true, "NoIndex": true, "Framed": true,
	"SiteTitle": true, "OtherName": true, "Site": true,
	"T": true, "TL": true, "Rel": true, "Locale": true, "Chrome": true, "Depth": true,
}

// slotEscape is how html/template escapes a value at one place.
type slotEscape int

const (
	escHTML slotEscape = iota // text, RCDATA or quoted attribute value
	escURL                    // a whole URL attribute value
	escRaw                    // trusted content inserted as is
)

// frameSlot is a place in a frame that takes a page's value.
type frameSlot struct {
	field string // Page field; "" for the main part
	esc   slotEscape
}

// frame is base.html for one shape: parts[i] comes before slots[i], and
// the last part ends the page.
type frame struct {
	parts []string
	slots []frameSlot
}

// frameSet holds the frames of a site's page templates.
type frameSet struct {
	ok    bool                          // base.html is fit for frames
	conds []string                      // per-page fields tested by if
	skel  map[string]*template.Template // page template → set whose main is a marker
	mu    sync.Mutex
	cache map[string]*frameMemo // shape key → frame (nil when not usable)
}

// framedPages counts the pages written through a frame, for tests.
var framedPages atomic.Int64

type frameMemo struct {
	once sync.Once
	f    *frame
}

const markerPrefix = "zqframeslot"

func marker(field string) string { return markerPrefix + strings.ToLower(field) + "q" }

// probeTail follows a marker in the probe values: its escaped form tells
// which escaping a place applies. It has no colon before a slash, so URL
// places do not reject it.
const probeTail = "/a b<>\"'&+=`é\x00?#%"

// newFrameSet analyses the "base" template of each page template set and
// prepares, for each set whose base is fit, a clone whose main part is a
// marker. Sets must not have been executed yet.
func newFrameSet(sets map[string]*template.Template) *frameSet {
	fs := &frameSet{skel: map[string]*template.Template{}, cache: map[string]*frameMemo{}}
	conds := map[string]bool{}
	for name, t := range sets {
		base := t.Lookup("base")
		if base == nil || base.Tree == nil || !fitNode(base.Tree.Root, conds) {
			continue
		}
		c, err := t.Clone()
		if err != nil {
			continue
		}
		if _, err := c.New("main").Parse(marker("")); err != nil {
			continue
		}
		fs.skel[name] = c
	}
	for f := range conds {
		fs.conds = append(fs.conds, f)
	}
	sort.Strings(fs.conds)
	fs.ok = len(fs.skel) > 0
	return fs
}

// fitNode reports whether a node of base.html uses per-page values only as
// {{.Field}} or {{if .Field}}, and calls no template but {{template "main" .}};
// fields tested by if are added to conds.
func fitNode(n parse.Node, conds map[string]bool) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !fitNode(c, conds) {
				return false
			}
		}
		return true
	case *parse.TextNode, *parse.CommentNode:
		return true
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			return false
		}
		if f, whole := wholeField(n.Pipe); whole {
			return shapeFields[f] || isPerPage(f)
		}
		return shapeOnly(n.Pipe)
	case *parse.IfNode:
		if len(n.Pipe.Decl) > 0 {
			return false
		}
		if f, whole := wholeField(n.Pipe); whole {
			if !shapeFields[f] {
				if !isPerPage(f) {
					return false
				}
				conds[f] = true
			}
		} else if !shapeOnly(n.Pipe) {
			return false
		}
		return fitNode(n.List, conds) && fitNode(n.ElseList, conds)
	case *parse.TemplateNode:
		if n.Name != "main" || n.Pipe == nil || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
			return false
		}
		_, dot := n.Pipe.Cmds[0].Args[0].(*parse.DotNode)
		return dot
	}
	return false
}

// wholeField returns F when the pipeline is exactly .F.
func wholeField(p *parse.PipeNode) (string, bool) {
	if len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// shapeOnly reports whether a pipeline reads nothing but shape fields,
// constants and functions.
func shapeOnly(p *parse.PipeNode) bool {
	if p == nil {
		return true
	}
	if len(p.Decl) > 0 {
		return false
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			switch a := a.(type) {
			case *parse.FieldNode:
				if !shapeFields[a.Ident[0]] {
					return false
				}
			case *parse.PipeNode:
				if !shapeOnly(a) {
					return false
				}
			case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode, *parse.IdentifierNode:
			default: // dot, variables, chains
				return false
			}
		}
	}
	return true
}

// perPageFields are the Page fields a frame can take from each page.
// (Path is not among them: it sets the page's depth, part of its shape.)
var perPageFields = []string{"Title", "Desc", "AltPath", "Canonical", "AltCanonical", "AltRel", "JSONLD", "OGImageURL", "Alternates", "Switch"}

func isPerPage(f string) bool {
	for _, p := range perPageFields {
		if p == f {
			return true
		}
	}
	return false
}

// value returns the page's value of a per-page field.
func (p *Page) value(field string) (string, bool) {
	switch field {
	case "Title":
		return p.Title, true
	case "Desc":
		return p.Desc, true
	case "AltPath":
		return p.AltPath, true
	case "Canonical":
		return p.Canonical, true
	case "AltCanonical":
		return p.AltCanonical, true
	case "AltRel":
		return p.AltRel, true
	case "JSONLD":
		return string(p.JSONLD), true
	case "OGImageURL":
		return p.OGImageURL, true
	case "Alternates":
		return string(p.Alternates), true
	case "Switch":
		return string(p.Switch), true
	}
	return "", false
}

// isCond reports whether base.html tests field in an if.
func (fs *frameSet) isCond(field string) bool {
	for _, c := range fs.conds {
		if c == field {
			return true
		}
	}
	return false
}

// fresh returns the frame set with an empty cache, for one render.
func (fs *frameSet) fresh() *frameSet {
	if fs == nil {
		return nil
	}
	return &frameSet{ok: fs.ok, conds: fs.conds, skel: fs.skel, cache: map[string]*frameMemo{}}
}

// shapeKey names the shape of pg.
func (fs *frameSet) shapeKey(pg *Page) string {
	var b strings.Builder
	b.WriteString(pg.Template + "|" + pg.Lang + "|" + pg.Other + "|" + pg.Nav + "|" + strconv.Itoa(pg.Depth()) + "|" + strconv.FormatBool(pg.NoIndex))
	for _, f := range fs.conds {
		v, _ := pg.value(f)
		if v != "" {
			b.WriteString("|" + f)
		}
	}
	return b.String()
}

// useFrames turns frames on; tests turn them off to compare.
var useFrames = true

// framed writes pg through its shape's frame into buf and reports whether
// it could; when it could not, nothing was written.
func (r *builder) framed(buf *bytes.Buffer, pg *Page) (bool, error) {
	fs := r.frames
	if !useFrames || fs == nil || !fs.ok || fs.skel[pg.Template] == nil {
		return false, nil
	}
	key := fs.shapeKey(pg)
	fs.mu.Lock()
	m := fs.cache[key]
	if m == nil {
		// the first page of a shape is executed in full: many shapes
		// have a single page
		fs.cache[key] = &frameMemo{}
		fs.mu.Unlock()
		return false, nil
	}
	fs.mu.Unlock()
	m.once.Do(func() { m.f = r.makeFrame(pg) })
	if m.f == nil {
		return false, nil
	}
	framedPages.Add(1)
	return true, r.fill(buf, m.f, pg)
}

// fill writes pg through frame f.
func (r *builder) fill(buf *bytes.Buffer, f *frame, pg *Page) error {
	for i, s := range f.slots {
		buf.WriteString(f.parts[i])
		if s.field == "" {
			if err := r.tmpl[pg.Template].ExecuteTemplate(buf, "main", pg); err != nil {
				return err
			}
			continue
		}
		v, _ := pg.value(s.field)
		writeEscaped(buf, v, s.esc)
	}
	buf.WriteString(f.parts[len(f.parts)-1])
	return nil
}

// makeFrame returns the frame of pg's shape, or nil when a place cannot be
// filled exactly or pg through the frame differs from pg executed in full.
func (r *builder) makeFrame(pg *Page) *frame {
	f := r.probeFrame(pg)
	if f == nil {
		return nil
	}
	var full, filled bytes.Buffer
	if r.tmpl[pg.Template].ExecuteTemplate(&full, "base", pg) != nil || r.fill(&filled, f, pg) != nil ||
		!bytes.Equal(full.Bytes(), filled.Bytes()) {
		return nil
	}
	return f
}

// probeFrame executes base.html for pg's shape with marker values and
// finds the places that take each value and how each escapes it.
func (r *builder) probeFrame(pg *Page) *frame {
	probe := *pg
	values := map[string]string{}
	for _, f := range perPageFields {
		v, _ := pg.value(f)
		if v == "" && r.frames.isCond(f) {
			values[f] = "" // false in an if for every page of this shape
			continue
		}
		values[f] = marker(f) + probeTail
	}
	probe.Title, probe.Desc, probe.AltPath = values["Title"], values["Desc"], values["AltPath"]
	probe.Canonical, probe.AltCanonical, probe.AltRel = values["Canonical"], values["AltCanonical"], values["AltRel"]
	probe.JSONLD = template.JS(values["JSONLD"])
	probe.OGImageURL = values["OGImageURL"]
	probe.Alternates, probe.Switch = template.HTML(values["Alternates"]), template.HTML(values["Switch"])
	probe.Body = nil
	var out bytes.Buffer
	if err := r.frames.skel[pg.Template].ExecuteTemplate(&out, "base", &probe); err != nil {
		return nil
	}
	s := out.String()
	f := &frame{}
	for {
		i := strings.Index(s, markerPrefix)
		if i < 0 {
			break
		}
		f.parts = append(f.parts, s[:i])
		rest := s[i+len(markerPrefix):]
		field, n := "", -1
		if strings.HasPrefix(rest, "q") { // the main part
			n = 1
		} else {
			for name := range values {
				if m := strings.ToLower(name) + "q"; strings.HasPrefix(rest, m) && values[name] != "" {
					field, n = name, len(m)
				}
			}
		}
		if n < 0 {
			return nil
		}
		rest = rest[n:]
		slot := frameSlot{field: field}
		if field != "" {
			found := false
			for _, e := range []slotEscape{escHTML, escURL, escRaw} {
				var eb bytes.Buffer
				writeEscaped(&eb, probeTail, e)
				if strings.HasPrefix(rest, eb.String()) {
					slot.esc, found = e, true
					rest = rest[eb.Len():]
					break
				}
			}
			if !found {
				return nil
			}
		}
		f.slots = append(f.slots, slot)
		s = rest
	}
	f.parts = append(f.parts, s)
	return f
}

// writeEscaped writes v as html/template writes a plain string (or, for
// escRaw, trusted content) at a place of the given kind.
func writeEscaped(b *bytes.Buffer, v string, e slotEscape) {
	switch e {
	case escRaw:
		b.WriteString(v)
	case escHTML:
		writeHTMLEscaped(b, v)
	case escURL:
		if !safeURL(v) {
			b.WriteString("#ZgotmplZ")
			return
		}
		var u strings.Builder
		for i := 0; i < len(v); i++ {
			c := v[i]
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
				u.WriteByte(c)
			case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
				u.WriteByte(c)
			case c == '%' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]):
				u.WriteByte(c)
			default:
				fmt.Fprintf(&u, "%%%02x", c)
			}
		}
		writeHTMLEscaped(b, u.String())
	}
}

// writeHTMLEscaped escapes the characters html/template escapes in text and
// quoted attribute values.
func writeHTMLEscaped(b *bytes.Buffer, v string) {
	last := 0
	for i := 0; i < len(v); {
		c := v[i]
		var rep string
		switch c {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			if c < utf8.RuneSelf {
				i++
			} else {
				_, n := utf8.DecodeRuneInString(v[i:])
				i += n
			}
			continue
		}
		b.WriteString(v[last:i])
		b.WriteString(rep)
		i++
		last = i
	}
	b.WriteString(v[last:])
}

// safeURL reports whether html/template lets v through as a URL: no scheme,
// or http, https or mailto.
func safeURL(v string) bool {
	proto, _, ok := strings.Cut(v, ":")
	if !ok || strings.Contains(proto, "/") {
		return true
	}
	return strings.EqualFold(proto, "http") || strings.EqualFold(proto, "https") || strings.EqualFold(proto, "mailto")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
