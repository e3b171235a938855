package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"planpress/generator/input"
	"planpress/generator/internal/fsutil"
)

// Languages are the site languages, Chinese first.
var Languages = []string{"zh-Hant", "en"}

// Pages returns the content files of the document: the index (metadata and
// contents), then the notice, the preface and the chapters.
func (d *Document) Files() map[string]*Page {
	meta := d.Meta
	files := map[string]*Page{
		"_index.md": {Lang: "zh-Hant", ID: "plan", Kind: "index", Title: d.Title, Meta: &meta,
			Blocks: []Block{{Kind: Directive, Name: "toc"}}},
	}
	for _, p := range d.Pages {
		files[p.ID+".md"] = p
	}
	return files
}

// WriteContent writes the document under dir (content/zh-Hant/plan).
func (d *Document) WriteContent(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := d.Files()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n].Markdown(), 0o644); err != nil {
			return err
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
// cores; the pages come back in the order of the entries.
// Each file must be a regular file of at most input.MaxTextFile bytes,
// and a symbolic link (of the folder or of a file) must stay inside the
// project (root, the folder above content/).
func readDir(root, dir string, entries []os.DirEntry, lang string) ([]*Page, error) {
	if err := fsutil.InsideRoot(root, dir); err != nil {
		return nil, inputError(dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			if e.Type()&os.ModeSymlink != 0 {
				if err := fsutil.InsideRoot(root, filepath.Join(dir, e.Name())); err != nil {
					return nil, inputError(filepath.Join(dir, e.Name()), err)
				}
			}
			names = append(names, e.Name())
		}
	}
	pages := make([]*Page, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				file := filepath.Join(dir, names[i])
				data, err := fsutil.ReadFile(file, input.MaxTextFile)
				if err == nil {
					pages[i], err = ParsePage(data, file, lang)
				} else {
					err = inputError(file, err)
				}
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first in file order, so messages are stable
		}
	}
	return pages, nil
}

// inputError names the file of a refused input (a special file, a link
// leaving the project, a file too large).
func inputError(file string, err error) error {
	if fsutil.IsLimit(err) {
		return &ContentError{file, 0, err.Error()}
	}
	return err
}

// LoadPlan reads content/LANG/plan/*.md.
func LoadPlan(contentDir, lang string) (*Plan, error) {
	dir := filepath.Join(contentDir, lang, "plan")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the plan text: %w (run `planpress import SEEDFILE` to create content/zh-Hant/plan)", err)
	}
	pl := &Plan{Lang: lang}
	seen := map[string]string{}
	pages, err := readDir(filepath.Dir(contentDir), dir, entries, lang)
	if err != nil {
		return nil, err
	}
	for _, pg := range pages {
		file := pg.File
		if pg.ID == "" {
			return nil, &ContentError{file, 1, "plan page without id: add id = \"…\" to the front matter"}
		}
		if other, ok := seen[pg.ID]; ok {
			return nil, &ContentError{file, 1, fmt.Sprintf("id %q is used by %s too: ids must be unique", pg.ID, other)}
		}
		seen[pg.ID] = file
		if filepath.Base(file) == "_index.md" {
			pl.Index = pg
			continue
		}
		pl.Pages = append(pl.Pages, pg)
	}
	if pl.Index == nil {
		return nil, fmt.Errorf("%s: missing _index.md (the plan's title, metadata and contents)", dir)
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
func LoadPages(contentDir, lang string) (map[string]*Page, error) {
	dir := filepath.Join(contentDir, lang)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading pages: %w", err)
	}
	m := map[string]*Page{}
	pages, err := readDir(filepath.Dir(contentDir), dir, entries, lang)
	if err != nil {
		return nil, err
	}
	for _, pg := range pages {
		file := pg.File
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		if !ValidID(name) {
			return nil, &ContentError{file, 1, "file name may contain only a-z, 0-9 and -"}
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
