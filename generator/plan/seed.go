package plan

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"planpress/generator/diag"
)

// Document is the whole plan as imported from the seed: metadata, the
// notice that issues it, and its pages in reading order.
type Document struct {
	Title string
	Meta  Meta
	Pages []*Page // notice, preface, chapters
}

var (
	reMetaLine = regexp.MustCompile(`^\s*\d+\.\s*\[([^\]]+)\]\s*(.*)$`)
	reChapter  = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	reSection  = regexp.MustCompile(`^[(（]([一二三四五六七八九十]+)[)）](.+)$`)
	reItem     = regexp.MustCompile(`^(\d+)[.．](\S.*)$`)
	reImage    = regexp.MustCompile(`^(.+)\.png$`)
	reBox      = regexp.MustCompile(`^專欄(\d+)\s*(.*)$`)
	reTable    = regexp.MustCompile(`^表(\d+)\s*(.*)$`)
	reBook     = regexp.MustCompile(`《([^》]+)》`)
)

// metaFields are the Meta fields a portal's header label can fill, by the
// name ImportConfig gives them.
var metaFields = map[string]func(*Meta) *string{
	"subject":             func(m *Meta) *string { return &m.Subject },
	"issuer":              func(m *Meta) *string { return &m.Issuer },
	"co_issuers":          func(m *Meta) *string { return &m.CoIssuers },
	"implementation_date": func(m *Meta) *string { return &m.ImplementationDate },
	"written_date":        func(m *Meta) *string { return &m.WrittenDate },
	"doc_number":          func(m *Meta) *string { return &m.DocNumber },
	"repeal_date":         func(m *Meta) *string { return &m.RepealDate },
	"publication_date":    func(m *Meta) *string { return &m.PublicationDate },
	"validity":            func(m *Meta) *string { return &m.Validity },
	"source":              func(m *Meta) *string { return &m.Source },
}

// ImportConfig describes the portal page a seed was copied from: it is
// seeds/import.toml, beside the seeds.
type ImportConfig struct {
	Labels map[string]string `toml:"labels"` // header label → metadata field (subject, issuer, …)
	Skip   []string          `toml:"skip"`   // lines that begin so are page furniture
	Footer []string          `toml:"footer"` // a line that begins so ends the content
}

// LoadImportConfig reads an import configuration and checks its fields.
// Its problems are catalogue messages at their lines of file.
func LoadImportConfig(file string) (ImportConfig, error) {
	var c ImportConfig
	data, err := os.ReadFile(file)
	if err != nil {
		return c, diag.MsgErr(file, 0, err, "import-config-unreadable", err)
	}
	t, ps, _ := diag.DecodeTOML(file, data, &c, diag.TOML{Known: "[labels], skip, footer"})
	if len(ps) > 0 {
		return c, ps[0]
	}
	labels := make([]string, 0, len(c.Labels))
	for label := range c.Labels {
		labels = append(labels, label)
	}
	sort.Strings(labels) // the first wrong label in a stable order
	for _, label := range labels {
		if field := c.Labels[label]; metaFields[field] == nil {
			line := t.KeyLine(strconv.Quote(label), 0)
			if line == 0 {
				line = t.KeyLine(label, 0)
			}
			return c, diag.Msg(file, line, "import-config-field", label, field, strings.Join(sortedFields(), ", "))
		}
	}
	return c, nil
}

func sortedFields() []string {
	var out []string
	for k := range metaFields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func hasPrefix(s string, prefixes []string) bool {
	for _, c := range prefixes {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// trimSpace removes ASCII and ideographic white space at both ends.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
}

// ChineseNumeral returns the value of a Chinese numeral from 一 to 九十九.
func ChineseNumeral(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = digits[r]
	}
	return n + cur
}

// maxSeedLine is the longest line of a seed, in bytes.
const maxSeedLine = 16 << 20

// Import reads a plan as published on the portal (see seeds/) and returns
// its structure. name is used in error messages.
func Import(r io.Reader, name string, cfg ImportConfig) (*Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), maxSeedLine)
	d := &Document{}
	var (
		page                 *Page
		chapter, sec, item   int
		owner                string
		noticeTitle, ln      int
		inHeader, seenNotice bool
		planTitle            string
	)
	inHeader = true
	add := func(b Block) {
		b.Owner = owner
		page.Blocks = append(page.Blocks, b)
	}
	newPage := func(id, title, kind string) {
		page = &Page{ID: id, Title: title, Kind: kind, Weight: len(d.Pages) + 1}
		d.Pages = append(d.Pages, page)
		owner, sec, item = id, 0, 0
	}
	for sc.Scan() {
		ln++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			return nil, diag.Msg(name, ln, "import-not-utf8")
		}
		s := trimSpace(raw)
		if s == "" {
			continue
		}
		if hasPrefix(s, cfg.Footer) {
			break // the portal's footer: nothing after it is content
		}
		if hasPrefix(s, cfg.Skip) {
			continue
		}
		if inHeader {
			if m := reMetaLine.FindStringSubmatch(raw); m != nil {
				key := trimSpace(m[1])
				f, ok := metaFields[cfg.Labels[key]]
				if !ok {
					var known []string
					for l := range cfg.Labels {
						known = append(known, l)
					}
					sort.Strings(known)
					return nil, diag.Msg(name, ln, "import-unknown-label", key, strings.Join(known, ", "))
				}
				*f(&d.Meta) = trimSpace(m[2])
				continue
			}
			if strings.Contains(s, " > ") { // breadcrumb
				continue
			}
			if !seenNotice {
				// the first line after the header is the notice's title
				seenNotice = true
				noticeTitle = ln
				newPage("notice", s, "notice")
				if m := reBook.FindStringSubmatch(s); m != nil {
					planTitle = m[1]
				}
				continue
			}
			if planTitle != "" && s == planTitle {
				inHeader = false
				d.Title = s
				continue
			}
			add(Block{Kind: Para, Text: s, Line: ln})
			continue
		}
		if m := reImage.FindStringSubmatch(s); m != nil {
			title := trimSpace(m[1])
			switch {
			case title == "目錄":
				continue // the generated table of contents replaces it
			case reBox.MatchString(title):
				bm := reBox.FindStringSubmatch(title)
				if page == nil {
					return nil, diag.Msg(name, ln, "import-box-early")
				}
				add(Block{Kind: Directive, Name: "box", ID: "box" + bm[1], Text: title, Line: ln})
			case reTable.MatchString(title):
				tm := reTable.FindStringSubmatch(title)
				add(Block{Kind: Directive, Name: "table", ID: "table" + tm[1], Text: title, Line: ln})
			default:
				return nil, diag.Msg(name, ln, "import-image-unknown", s)
			}
			continue
		}
		if s == "前言" {
			newPage("preface", s, "preface")
			continue
		}
		if m := reChapter.FindStringSubmatch(s); m != nil && !strings.HasSuffix(s, "。") && utf8.RuneCountInString(s) <= 40 {
			chapter = ChineseNumeral(m[1])
			newPage(fmt.Sprintf("ch%d", chapter), s, "chapter")
			continue
		}
		if page == nil || page.Kind == "notice" {
			return nil, diag.Msg(name, ln, "import-text-early", short(s))
		}
		if m := reSection.FindStringSubmatch(s); m != nil && page.Kind == "chapter" && !strings.HasSuffix(s, "。") {
			sec = ChineseNumeral(m[1])
			item = 0
			owner = fmt.Sprintf("%s-s%d", page.ID, sec)
			page.Blocks = append(page.Blocks, Block{Kind: Section, ID: owner, Text: s, Line: ln, Owner: owner})
			continue
		}
		if m := reItem.FindStringSubmatch(s); m != nil && sec > 0 && !strings.HasSuffix(s, "。") && utf8.RuneCountInString(s) <= 60 {
			item, _ = strconv.Atoi(m[1])
			owner = fmt.Sprintf("%s-s%d-i%d", page.ID, sec, item)
			page.Blocks = append(page.Blocks, Block{Kind: Item, ID: owner, Text: s, Line: ln, Owner: owner})
			continue
		}
		add(Block{Kind: Para, Text: s, Line: ln})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, diag.MsgErr(name, ln+1, err, "import-line-long", maxSeedLine>>20)
		}
		return nil, diag.MsgErr(name, 0, err, "import-read", err)
	}
	if noticeTitle == 0 {
		return nil, diag.Msg(name, ln, "import-no-notice")
	}
	if d.Title == "" {
		return nil, diag.Msg(name, noticeTitle, "import-no-plan-title")
	}
	if chapter == 0 {
		return nil, diag.Msg(name, ln, "import-no-chapter")
	}
	return d, nil
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
