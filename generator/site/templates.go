// The page-template engine's input: templates/ parsed once per build
// (base.html with each page template), and templates/static copied.

package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"planpress/generator/input"
	"planpress/generator/internal/fsutil"
	"planpress/generator/output"
	"planpress/generator/project"
)

// Templates are a project's parsed page templates.
type Templates struct {
	byName map[string]*template.Template
	frames *frameSet
}

// LoadTemplates reads and parses the templates/ folder of a project's files.
func LoadTemplates(fsys fs.FS) (*Templates, error) {
	r := &builder{}
	if err := r.loadTemplates(fsys, "templates"); err != nil {
		return nil, err
	}
	return &Templates{r.tmpl, r.frames}, nil
}

// bufPool keeps page buffers between pages, so a page is copied once
// instead of growing a new buffer for each.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// loadTemplates parses templates/base.html with each page template.
func (r *builder) loadTemplates(fsys fs.FS, dir string) error {
	src, err := readTemplate(fsys, path.Join(dir, "base.html"))
	if err != nil {
		return err
	}
	base := template.New("base").Funcs(funcs)
	if _, err := base.Parse(string(src)); err != nil {
		return fmt.Errorf("templates/base.html: %w", err)
	}
	partials, _ := fs.Glob(fsys, path.Join(dir, "_*.html"))
	sort.Strings(partials)
	for _, pth := range partials {
		ps, err := readTemplate(fsys, pth)
		if err != nil {
			return err
		}
		if _, err := base.New(path.Base(pth)).Parse(string(ps)); err != nil {
			return fmt.Errorf("templates/%s: %w", path.Base(pth), err)
		}
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	r.tmpl = map[string]*template.Template{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") || name == "base.html" || strings.HasPrefix(name, "_") {
			continue
		}
		src, err := readTemplate(fsys, path.Join(dir, name))
		if err != nil {
			return err
		}
		t, err := base.Clone()
		if err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		r.tmpl[strings.TrimSuffix(name, ".html")] = t
	}
	r.frames = newFrameSet(r.tmpl)
	return nil
}

// static copies templates/static/ to assets/, in path order.
func (r *builder) static(fsys fs.FS, dir string) ([]output.File, error) {
	var out []output.File
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			if fsutil.IsLimit(err) { // a special file, a link out of the project, a file too large
				return fmt.Errorf("%s: %w", p, err)
			}
			return err
		}
		out = append(out, output.File{Path: output.Asset(strings.TrimPrefix(p, dir+"/")), Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("templates/static: %w", err)
	}
	return out, nil
}

// Check parses the templates of the project at root without rendering.
func Check(root string) error {
	_, err := LoadTemplates(project.Files(root))
	return err
}

// readTemplate reads a template of the project's files (a regular file
// inside the project, of bounded size: see project.Files), valid UTF-8
// without NUL bytes.
func readTemplate(fsys fs.FS, name string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if fsutil.IsLimit(err) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fmt.Errorf("templates: %w", err)
	}
	if line, msg := input.Check(src); line > 0 {
		return nil, fmt.Errorf("%s:%d: %s", name, line, msg)
	}
	return src, nil
}
