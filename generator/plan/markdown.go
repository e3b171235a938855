package plan

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"planpress/generator/diag"
	"planpress/generator/input"
)

// frontMatter is the TOML header of a content file.
type frontMatter struct {
	ID     string `toml:"id"`
	Kind   string `toml:"kind,omitempty"`
	Title  string `toml:"title"`
	Weight int    `toml:"weight,omitempty"`
	Meta   *Meta  `toml:"meta,omitempty"`
}

// Markdown returns the page as a content file: TOML front matter and a
// Markdown body made of paragraphs, headings with ids, and directives.
func (p *Page) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(frontMatter{ID: p.ID, Kind: p.Kind, Title: p.Title, Weight: p.Weight, Meta: p.Meta}); err != nil {
		panic(err) // a struct of strings always encodes
	}
	b.WriteString("+++\n")
	for _, bl := range p.Blocks {
		b.WriteString("\n")
		switch bl.Kind {
		case Para:
			b.WriteString(EscapeMarkdown(bl.Text))
		case Section:
			fmt.Fprintf(&b, "## %s {#%s}", EscapeMarkdown(bl.Text), bl.ID)
		case Item:
			fmt.Fprintf(&b, "### %s {#%s}", EscapeMarkdown(bl.Text), bl.ID)
		case Directive:
			b.WriteString(directive(bl))
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

func directive(bl Block) string {
	s := "{{< " + bl.Name
	if bl.ID != "" {
		s += " " + bl.ID
	}
	if bl.Text != "" {
		s += " " + strconv.Quote(bl.Text)
	}
	return s + " >}}"
}

// mdSpecial are the characters that could start Markdown syntax inline.
const mdSpecial = "\\`*_[]<>&{}!|~"

// EscapeMarkdown escapes text so that goldmark renders it as the same text.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		} else if i == 0 && strings.ContainsRune("#>-+=", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " or "1) " at the start would make an ordered list
	if m := reListStart.FindStringIndex(out); m != nil {
		out = out[:m[1]-2] + "\\" + out[m[1]-2:]
	}
	return out
}

var reListStart = regexp.MustCompile(`^\d{1,9}[.)][ \t]`)

// UnescapeMarkdown removes backslash escapes of ASCII punctuation.
func UnescapeMarkdown(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

var (
	reHeading   = regexp.MustCompile(`^(#{1,6})[ \t]+(.*?)(?:[ \t]+\{#([A-Za-z0-9_-]+)\})?[ \t]*$`)
	reDirective = regexp.MustCompile(`^\{\{<\s*([a-z]+)(?:\s+([a-z0-9-]+))?(?:\s+("(?:[^"\\]|\\.)*"))?\s*>\}\}$`)
)

// ParsePage reads a content file: TOML front matter between +++ lines, then
// the Markdown body. file is used in error messages.
func ParsePage(data []byte, file, lang string) (*Page, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if p, ok := diag.CheckText(file, data); !ok {
		return nil, p
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "+++" {
		return nil, diag.Msg(file, 1, "fm-missing")
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "+++" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, diag.Msg(file, 1, "fm-not-closed")
	}
	fm, ok := simpleFrontMatter(lines[1:end])
	if !ok {
		if err := decodeFrontMatter(lines[1:end], &fm, file); err != nil {
			return nil, err
		}
	}
	if fm.Title == "" {
		return nil, diag.Msg(file, 1, "fm-no-title")
	}
	if n := utf8.RuneCountInString(fm.Title); n > input.MaxString {
		return nil, diag.Msg(file, keyLine(lines[1:end], "title"), "fm-title-long", n, input.MaxString)
	}
	if r := input.SingleLine(fm.Title); r >= 0 {
		return nil, diag.Msg(file, keyLine(lines[1:end], "title"), "fm-title-control", r)
	}
	if m := fm.Meta; m != nil {
		for _, f := range []struct{ key, v string }{
			{"subject", m.Subject}, {"issuer", m.Issuer}, {"co_issuers", m.CoIssuers}, {"implementation_date", m.ImplementationDate},
			{"written_date", m.WrittenDate}, {"doc_number", m.DocNumber}, {"repeal_date", m.RepealDate},
			{"publication_date", m.PublicationDate}, {"validity", m.Validity}, {"source", m.Source},
		} {
			if n := utf8.RuneCountInString(f.v); n > input.MaxString {
				return nil, diag.Msg(file, keyLine(lines[1:end], f.key), "fm-meta-long", f.key, n, input.MaxString)
			}
			if r := input.SingleLine(f.v); r >= 0 {
				return nil, diag.Msg(file, keyLine(lines[1:end], f.key), "fm-meta-control", f.key, r)
			}
		}
	}
	if fm.ID != "" && !diag.ValidID(fm.ID) {
		return nil, diag.Msg(file, keyLine(lines[1:end], "id"), "fm-bad-id", fm.ID)
	}
	p := &Page{Lang: lang, ID: fm.ID, Title: fm.Title, Kind: fm.Kind, Weight: fm.Weight, Meta: fm.Meta, File: file}
	off := 0
	for _, l := range lines[:end+1] {
		off += len(l) + 1
	}
	p.Body = text[min(off, len(text)):]
	owner := p.ID
	var para []string
	paraLine, paraBytes, paraMarkup := 0, 0, 0
	flush := func() {
		if len(para) > 0 {
			p.Blocks = append(p.Blocks, Block{Kind: Para, Text: UnescapeMarkdown(joinLines(para)), Line: paraLine, Owner: owner})
			para = nil
		}
	}
	for i := end + 1; i < len(lines); i++ {
		ln := i + 1
		s := strings.TrimRight(lines[i], " \t")
		t := strings.TrimSpace(s)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "{{<"):
			flush()
			m := reDirective.FindStringSubmatch(t)
			if m == nil {
				return nil, diag.Msg(file, ln, "md-directive-malformed", t)
			}
			title := ""
			if m[3] != "" {
				var err error
				title, err = strconv.Unquote(m[3])
				if err != nil {
					return nil, diag.MsgErr(file, ln, err, "md-directive-title")
				}
			}
			switch m[1] {
			case "toc", "table", "box":
			default:
				return nil, diag.Msg(file, ln, "md-directive-unknown", m[1])
			}
			if m[1] != "toc" && m[2] == "" {
				return nil, diag.Msg(file, ln, "md-directive-no-id", m[1])
			}
			p.Blocks = append(p.Blocks, Block{Kind: Directive, Name: m[1], ID: m[2], Text: title, Line: ln, Owner: owner})
		case len(para) == 0 && strings.HasPrefix(t, "#") && reHeading.MatchString(t) && !strings.HasPrefix(s, "    "):
			m := reHeading.FindStringSubmatch(t)
			level := len(m[1])
			kind := Section
			switch level {
			case 2:
			case 3:
				kind = Item
			default:
				return nil, diag.Msg(file, ln, "md-heading-level", level)
			}
			if m[3] == "" && p.Kind != "page" && p.Kind != "" {
				return nil, diag.Msg(file, ln, "md-heading-no-id")
			}
			id := m[3]
			if id != "" && !diag.ValidID(id) {
				return nil, diag.Msg(file, ln, "md-heading-bad-id", id)
			}
			owner = id
			if owner == "" {
				owner = p.ID
			}
			p.Blocks = append(p.Blocks, Block{Kind: kind, ID: id, Text: UnescapeMarkdown(m[2]), Line: ln, Owner: owner})
		default:
			if len(para) == 0 {
				paraLine, paraBytes, paraMarkup = ln, 0, 0
			}
			para = append(para, t)
			paraBytes += len(t)
			paraMarkup += input.Markup([]byte(t))
			if paraBytes > input.MaxParagraph {
				return nil, diag.Msg(file, paraLine, "md-paragraph-long", input.MaxParagraph>>10)
			}
			if paraMarkup > input.MaxMarkup {
				return nil, diag.Msg(file, paraLine, "md-paragraph-markup", input.MaxMarkup)
			}
		}
	}
	flush()
	return p, nil
}

// simpleFrontMatter reads the common front matter, lines of the form
// key = "text" (id, kind, title) or weight = N, without the TOML decoder.
// It reports false for anything else (other keys, escapes, comments,
// repeated keys, tables), which then goes through the decoder and its
// messages.
func simpleFrontMatter(lines []string) (frontMatter, bool) {
	var fm frontMatter
	seen := map[string]bool{}
	for _, l := range lines {
		l = strings.Trim(l, " \t")
		if l == "" {
			continue
		}
		if !utf8.ValidString(l) {
			return fm, false
		}
		key, val, found := strings.Cut(l, " = ")
		if !found || seen[key] {
			return fm, false
		}
		seen[key] = true
		if key == "weight" {
			n, err := strconv.Atoi(val)
			if err != nil || val != strconv.Itoa(n) {
				return fm, false
			}
			fm.Weight = n
			continue
		}
		if len(val) < 2 || val[0] != '"' || val[len(val)-1] != '"' {
			return fm, false
		}
		text := val[1 : len(val)-1]
		for i := 0; i < len(text); i++ {
			if c := text[i]; c == '"' || c == '\\' || c < 0x20 || c == 0x7f {
				return fm, false
			}
		}
		switch key {
		case "id":
			fm.ID = text
		case "kind":
			fm.Kind = text
		case "title":
			fm.Title = text
		default:
			return fm, false
		}
	}
	return fm, true
}

// frontMatterKeys are the messages of the TOML decoder and the same
// messages naming the front matter, which they are about.
var frontMatterKeys = map[string]string{
	"toml-syntax":            "fm-syntax",
	"toml-type":              "fm-type",
	"toml-unknown-key":       "fm-unknown-key",
	"toml-unknown-key-known": "fm-unknown-key-known",
}

// decodeFrontMatter decodes front matter (from line 2 of the file) with
// the one TOML decoder; its messages name the front matter.
func decodeFrontMatter(lines []string, fm *frontMatter, file string) error {
	data := []byte(strings.Join(lines, "\n"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil // no keys: the title's absence is reported by the caller
	}
	_, ps, _ := diag.DecodeTOML(file, data, fm, diag.TOML{First: 2, Known: "id, kind, title, weight, meta"})
	if len(ps) == 0 {
		return nil
	}
	p := ps[0]
	if key, ok := frontMatterKeys[p.Key]; ok {
		q := diag.MsgErr(p.File, p.Line, p.Err, key, p.Args...)
		q.Col = p.Col
		return q
	}
	return p
}

// keyLine returns the line of the file (the front matter starts at line
// 2) where key is set or opens a table, or 2 when it is not found.
func keyLine(lines []string, key string) int {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "["+key+"]" || t == "[["+key+"]]" || strings.HasSuffix(strings.TrimSuffix(t, "]"), "."+key) && strings.HasPrefix(t, "[") {
			return i + 2
		}
		for _, k := range []string{key, `"` + key + `"`, "'" + key + "'"} {
			if rest, ok := strings.CutPrefix(t, k); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
				return i + 2
			}
			if j := strings.Index(t, "."+k); j > 0 && strings.HasPrefix(strings.TrimSpace(t[j+1+len(k):]), "=") {
				return i + 2
			}
		}
	}
	return 2
}

// joinLines joins the lines of a soft-wrapped paragraph: with a space
// between Latin text, with nothing between ideographs.
func joinLines(ls []string) string {
	if len(ls) == 1 {
		return ls[0]
	}
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(ls[i-1])
			next, _ := utf8.DecodeRuneInString(l)
			if !(isWide(prev) && isWide(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func isWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF || r >= 0x3000 && r <= 0x303F
}
