// Package convert makes the simplified-Chinese edition from the traditional
// one: OpenCC's traditional-to-simplified dictionaries (characters and
// phrases, github.com/longbridgeapp/opencc, embedded in the binary) and then
// the project's reviewed phrase table, which undoes the regional wording the
// portal's traditional copy introduced (品質 for 质量, 水準 for 水平, …).
//
// The phrase table (data/convert-CODE.toml) lists each substitution with the
// plan sentence that proves it, and the occurrences where a phrase is kept
// ([[keep]]: where it is, and the text around it). The converted text is
// committed as content; Check compares it with a fresh conversion.
package convert

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"

	"planpress/generator/diag"
)

// Phrase is one reviewed substitution, applied after OpenCC's t2s.
type Phrase struct {
	From   string `toml:"from"`   // as OpenCC's t2s writes it: 品质
	To     string `toml:"to"`     // the official wording: 质量
	Proof  string `toml:"proof"`  // a sentence of the plan that has it
	Source string `toml:"source"` // where that sentence was read (a reprint's address), or why it holds
	Line   int    `toml:"-"`
}

// Keep is an occurrence of a phrase that is not substituted.
type Keep struct {
	Phrase  string `toml:"phrase"`  // the From of a phrase
	Where   string `toml:"where"`   // a section id of the plan, or a file (data/indicators.toml)
	Context string `toml:"context"` // text around the occurrence, after t2s, holding the phrase
	Reason  string `toml:"reason"`
	Line    int    `toml:"-"`
}

// Table is a phrase table.
type Table struct {
	Phrases []Phrase          `toml:"phrase"`
	Keeps   []Keep            `toml:"keep"`
	Strings map[string]string `toml:"strings"` // UI strings written for the edition, not converted (lang-name, …)
}

// Converter converts traditional text into the edition's simplified text.
type Converter struct {
	File  string // the phrase table's file
	table Table
	byLen []Phrase  // longest first
	first [256]bool // the first bytes of the phrases
	mu    sync.Mutex
	used  map[int]bool // keeps applied, by index
}

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
	t2sErr  error
)

// T2S converts with OpenCC's traditional-to-simplified dictionaries alone.
func T2S(s string) (string, error) {
	t2sOnce.Do(func() { t2s, t2sErr = opencc.New("t2s") })
	if t2sErr != nil {
		return "", fmt.Errorf("opencc t2s: %w", t2sErr)
	}
	out, err := t2s.Convert(s)
	if err != nil {
		return "", fmt.Errorf("opencc t2s: %w", err)
	}
	return out, nil
}

// TableFile is the phrase table of an edition.
func TableFile(code string) string { return "data/convert-" + code + ".toml" }

// Load reads the phrase table of the edition code from fsys.
func Load(fsys fs.FS, code string) (*Converter, error) {
	file := TableFile(code)
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, diag.MsgErr(file, 0, err, "convert-table-unreadable", err)
	}
	c := &Converter{File: file, used: map[int]bool{}}
	t, ps, ok := diag.DecodeTOML(file, data, &c.table, diag.TOML{Known: "[[phrase]] from, to, proof, source, [[keep]] phrase, where, context, reason, [strings] any key"})
	if !ok || len(ps) > 0 {
		return nil, ps
	}
	var bad diag.Problems
	from := map[string]bool{}
	for i := range c.table.Phrases {
		p := &c.table.Phrases[i]
		p.Line = t.EntryLine("phrase", i)
		switch {
		case p.From == "" || p.To == "" || p.From == p.To:
			bad = append(bad, diag.Msg(file, p.Line, "convert-phrase-empty", p.From, p.To))
		case p.Proof == "" || !strings.Contains(p.Proof, p.To):
			bad = append(bad, diag.Msg(file, p.Line, "convert-phrase-proof", p.From, p.To))
		case p.Source == "":
			bad = append(bad, diag.Msg(file, p.Line, "convert-phrase-source", p.From, p.To))
		case from[p.From]:
			bad = append(bad, diag.Msg(file, p.Line, "convert-phrase-twice", p.From))
		}
		from[p.From] = true
	}
	for i := range c.table.Keeps {
		k := &c.table.Keeps[i]
		k.Line = t.EntryLine("keep", i)
		if !from[k.Phrase] || k.Where == "" || !strings.Contains(k.Context, k.Phrase) || k.Reason == "" {
			bad = append(bad, diag.Msg(file, k.Line, "convert-keep-incomplete", k.Phrase))
		}
	}
	if len(bad) > 0 {
		return nil, bad
	}
	c.byLen = append([]Phrase(nil), c.table.Phrases...)
	sort.SliceStable(c.byLen, func(i, j int) bool { return len(c.byLen[i].From) > len(c.byLen[j].From) })
	for _, p := range c.byLen {
		c.first[p.From[0]] = true
	}
	return c, nil
}

// Table returns the phrase table.
func (c *Converter) Table() Table { return c.table }

// Text converts one text found at where (a section id or a file).
func (c *Converter) Text(where, s string) (string, error) {
	out, err := T2S(s)
	if err != nil {
		return "", err
	}
	return c.phrases(where, out), nil
}

// phrases applies the phrase table to simplified text, longest phrase
// first at each place, except inside a kept occurrence.
func (c *Converter) phrases(where, s string) string {
	if len(c.byLen) == 0 {
		return s
	}
	// the byte ranges of s that are kept
	type span struct{ a, b int }
	var kept []span
	for i, k := range c.table.Keeps {
		if k.Where != where {
			continue
		}
		for off := 0; ; {
			j := strings.Index(s[off:], k.Context)
			if j < 0 {
				break
			}
			kept = append(kept, span{off + j, off + j + len(k.Context)})
			c.mu.Lock()
			c.used[i] = true
			c.mu.Unlock()
			off += j + len(k.Context)
		}
	}
	inKept := func(a, b int) bool {
		for _, sp := range kept {
			if a >= sp.a && b <= sp.b {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		done := false
		if !c.first[s[i]] {
			b.WriteByte(s[i])
			i++
			continue
		}
		for _, p := range c.byLen {
			if strings.HasPrefix(s[i:], p.From) && !inKept(i, i+len(p.From)) {
				b.WriteString(p.To)
				i += len(p.From)
				done = true
				break
			}
		}
		if !done {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

var headingID = regexp.MustCompile(`\{#([a-z0-9-]+)\}\s*$`)

// Markdown converts a content file line by line; the where of each line is
// the id of the heading above it (the file's name before any).
func (c *Converter) Markdown(file string, data []byte) ([]byte, error) {
	where := strings.TrimSuffix(path.Base(file), ".md")
	lines := strings.SplitAfter(string(data), "\n")
	var out bytes.Buffer
	for _, l := range lines {
		if m := headingID.FindStringSubmatch(strings.TrimRight(l, "\r\n")); m != nil && strings.HasPrefix(l, "#") {
			where = m[1]
		}
		s, err := c.Text(where, l)
		if err != nil {
			return nil, err
		}
		out.WriteString(s)
	}
	return out.Bytes(), nil
}

// Unused lists the keeps that matched nothing in the texts converted so far.
func (c *Converter) Unused() diag.Problems {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ps diag.Problems
	for i, k := range c.table.Keeps {
		if !c.used[i] {
			ps = append(ps, diag.Msg(c.File, k.Line, "convert-keep-unused", k.Phrase, k.Where, k.Context))
		}
	}
	return ps
}
