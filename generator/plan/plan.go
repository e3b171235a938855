// Package plan holds the plan text: the import of the published seed, the
// content model (pages, sections, paragraphs) and the Markdown files under
// content/ that carry it.
package plan

// Meta is the document metadata of the portal header.
type Meta struct {
	Subject            string `toml:"subject"`
	Issuer             string `toml:"issuer"`
	CoIssuers          string `toml:"co_issuers"`
	ImplementationDate string `toml:"implementation_date"`
	WrittenDate        string `toml:"written_date"`
	DocNumber          string `toml:"doc_number"`
	RepealDate         string `toml:"repeal_date"`
	PublicationDate    string `toml:"publication_date"`
	Validity           string `toml:"validity"`
	Source             string `toml:"source"`
}

// Fields returns the metadata as (UI string key, value) pairs in the order
// of the portal's header.
func (m *Meta) Fields() [][2]string {
	return [][2]string{
		{"meta-subject", m.Subject}, {"meta-issuer", m.Issuer}, {"meta-co-issuers", m.CoIssuers},
		{"meta-implementation-date", m.ImplementationDate}, {"meta-written-date", m.WrittenDate},
		{"meta-doc-number", m.DocNumber}, {"meta-repeal-date", m.RepealDate},
		{"meta-publication-date", m.PublicationDate}, {"meta-validity", m.Validity}, {"meta-source", m.Source},
	}
}

// BlockKind tells what a Block is.
type BlockKind int

// Kinds of block in a page body.
const (
	Para      BlockKind = iota // a paragraph of text
	Section                    // a section heading (一), Markdown level 2
	Item                       // a numbered item heading 1., Markdown level 3
	Directive                  // {{< toc >}}, {{< table id "title" >}}, {{< box id "title" >}}
)

// Block is one unit of a page body.
type Block struct {
	Kind  BlockKind
	ID    string // heading id, or directive argument (table1, box3)
	Name  string // directive name: toc, table, box
	Text  string // paragraph or heading text, directive title
	Line  int    // line in the Markdown file, 1-based
	Owner string // id of the innermost section the block belongs to (page id at top)
}

// Page is one file of plan text: the index, the notice, the preface or a chapter.
type Page struct {
	Lang   string
	ID     string // "plan", "notice", "preface", "ch1" … "ch8"
	Title  string
	Kind   string // "index", "notice", "preface", "chapter", "page"
	Weight int
	Meta   *Meta // only on the index
	Blocks []Block
	Body   string // Markdown body as written
	File   string // path it was read from
}

// Headings returns the page's section and item headings in order.
func (p *Page) Headings() []Block {
	var hs []Block
	for _, b := range p.Blocks {
		if b.Kind == Section || b.Kind == Item {
			hs = append(hs, b)
		}
	}
	return hs
}

// ParagraphCounts returns, for each section id of the page (and the page id
// for text before the first heading), the number of paragraphs in it.
func (p *Page) ParagraphCounts() map[string]int {
	m := map[string]int{p.ID: 0}
	for _, b := range p.Blocks {
		switch b.Kind {
		case Section, Item:
			m[b.ID] += 0
		case Para:
			m[b.Owner]++
		}
	}
	return m
}
