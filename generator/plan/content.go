package plan

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"planpress/generator/diag"
	"planpress/generator/internal/fsutil"
)

// Pages returns the content files of the document: the index (metadata and
// contents), then the notice, the preface and the chapters.
func (d *Document) Files() map[string]*Page {
	meta := d.Meta
	files := map[string]*Page{
		"_index.md": {ID: "plan", Kind: "index", Title: d.Title, Meta: &meta,
			Blocks: []Block{{Kind: Directive, Name: "toc"}}},
	}
	for _, p := range d.Pages {
		files[p.ID+".md"] = p
	}
	return files
}

// WriteContent writes the document under dir (content/LANG/plan of the
// source edition); a file that cannot be written is a problem naming it.
func (d *Document) WriteContent(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return diag.MsgErr(dir, 0, err, "import-write", err)
	}
	files := d.Files()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n].Markdown(), 0o644); err != nil {
			return diag.MsgErr(filepath.Join(dir, n), 0, err, "import-write", err)
		}
	}
	return nil
}

// Plan is the plan text in one language.
type Plan struct {
	Lang  string
	Index *Page
	Pages []*Page // in reading order: notice, preface, chapters

	once     sync.Once
	sections map[string]*Page
}

// Sections returns every heading id of the plan with its page. The map is
// built once; do not change it.
func (p *Plan) Sections() map[string]*Page {
	p.once.Do(func() {
		p.sections = map[string]*Page{}
		for _, pg := range p.Pages {
			p.sections[pg.ID] = pg
			for _, h := range pg.Headings() {
				p.sections[h.ID] = pg
			}
		}
	})
	return p.sections
}

// readDir parses the Markdown files among a folder's entries, on all
// cores; the pages come back in the order of the entries. A project's
// files (fsutil.InputFS) are regular files of bounded size, and links that
// stay inside the project: another file is refused as a problem.
func readDir(fsys fs.FS, dir string, entries []fs.DirEntry, lang string) ([]*Page, error) {
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	pages := make([]*Page, len(names))
	jobs := make([]func() error, len(names))
	for i := range names {
		jobs[i] = func() error {
			file := path.Join(dir, names[i])
			data, err := fs.ReadFile(fsys, file)
			if fsutil.IsLimit(err) { // a special file, a link out of the project, a file too large
				return diag.MsgErr(file, 0, err, "file-limit", err)
			}
			if err != nil {
				return diag.MsgErr(file, 0, err, "file-unreadable-restore", err)
			}
			pages[i], err = ParsePage(data, file, lang)
			return err
		}
	}
	// the first error in file order, so messages are stable
	if err := diag.Run(jobs, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// LoadPlan reads content/LANG/plan/*.md of a project's files.
func LoadPlan(fsys fs.FS, lang string) (*Plan, error) {
	dir := path.Join("content", lang, "plan")
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, diag.MsgErr(dir, 0, err, "plan-unreadable", err, dir)
	}
	pl := &Plan{Lang: lang}
	seen := map[string]string{}
	pages, err := readDir(fsys, dir, entries, lang)
	if err != nil {
		return nil, err
	}
	for _, pg := range pages {
		file := pg.File
		if pg.ID == "" {
			return nil, diag.Msg(file, 1, "page-no-id")
		}
		if other, ok := seen[pg.ID]; ok {
			return nil, diag.Msg(file, 1, "page-id-twice", pg.ID, other)
		}
		seen[pg.ID] = file
		if path.Base(file) == "_index.md" {
			pl.Index = pg
			continue
		}
		pl.Pages = append(pl.Pages, pg)
	}
	if pl.Index == nil {
		return nil, diag.Msg(dir, 0, "plan-no-index")
	}
	sort.SliceStable(pl.Pages, func(i, j int) bool {
		if pl.Pages[i].Weight != pl.Pages[j].Weight {
			return pl.Pages[i].Weight < pl.Pages[j].Weight
		}
		return pl.Pages[i].ID < pl.Pages[j].ID
	})
	return pl, nil
}

// LoadPages reads the other pages of a language (content/LANG/*.md), such as
// the methodology and about pages, keyed by file name without extension.
func LoadPages(fsys fs.FS, lang string) (map[string]*Page, error) {
	dir := path.Join("content", lang)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, diag.MsgErr(dir, 0, err, "pages-unreadable", err)
	}
	m := map[string]*Page{}
	pages, err := readDir(fsys, dir, entries, lang)
	if err != nil {
		return nil, err
	}
	for _, pg := range pages {
		file := pg.File
		name := strings.TrimSuffix(path.Base(file), ".md")
		if !diag.ValidID(name) {
			return nil, diag.Msg(file, 0, "page-bad-file-name")
		}
		if pg.ID == "" {
			pg.ID = name
		}
		if pg.Kind == "" {
			pg.Kind = "page"
		}
		m[name] = pg
	}
	return m, nil
}
