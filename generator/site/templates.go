// The page-template engine's input: templates/ parsed once per build
// (base.html with each page template), and templates/static copied.

package site

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"planpress/generator/diag"
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
		return templateProblem(path.Join(dir, "base.html"), "template-syntax", err)
	}
	partials, _ := fs.Glob(fsys, path.Join(dir, "_*.html"))
	sort.Strings(partials)
	for _, pth := range partials {
		ps, err := readTemplate(fsys, pth)
		if err != nil {
			return err
		}
		if _, err := base.New(path.Base(pth)).Parse(string(ps)); err != nil {
			return templateProblem(pth, "template-syntax", err)
		}
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return diag.MsgErr(dir, 0, err, "template-folder-unreadable", err)
	}
	r.tmpl = map[string]*template.Template{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") || name == "base.html" || strings.HasPrefix(name, "_") {
			continue
		}
		file := path.Join(dir, name)
		src, err := readTemplate(fsys, file)
		if err != nil {
			return err
		}
		t, err := base.Clone()
		if err != nil {
			return templateProblem(file, "template-syntax", err)
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return templateProblem(file, "template-syntax", err)
		}
		r.tmpl[strings.TrimSuffix(name, ".html")] = t
	}
	r.frames = newFrameSet(r.tmpl)
	return nil
}

// reTemplateErr is the place at the start of Go's template errors:
// "template: home.html:34: unexpected {{end}}", "template:
// indicator.html:3:6: executing …", "html/template:base:12:5: …".
var reTemplateErr = regexp.MustCompile(`(?s)^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: ?(.*)$`)

// templateProblem is the problem of key about an error of Go's template
// engine, at the template file and line the error names (file, line 0,
// when it names none); the rest of Go's text is the message's first
// argument, args the others.
func templateProblem(file, key string, err error, args ...any) diag.Problem {
	line, col, text := 0, 0, err.Error()
	if m := reTemplateErr.FindStringSubmatch(text); m != nil {
		switch name := m[1]; {
		case name == "base":
			file = path.Join(path.Dir(file), "base.html")
		case strings.HasSuffix(name, ".html") && !strings.Contains(name, "/"):
			file = path.Join(path.Dir(file), name)
		}
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		text = m[4]
	}
	p := diag.MsgErr(file, line, err, key, append([]any{text}, args...)...)
	p.Col = col
	return p
}

// static copies templates/static/ to assets/, in path order.
func (r *builder) static(fsys fs.FS, dir string) ([]output.File, error) {
	var out []output.File
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			return nil
		}
		var data []byte
		if err == nil {
			data, err = fs.ReadFile(fsys, p)
		}
		switch {
		case fsutil.IsLimit(err): // a special file, a link out of the project, a file too large
			return diag.MsgErr(p, 0, err, "file-limit", err)
		case err != nil:
			return diag.MsgErr(p, 0, err, "static-unreadable", err)
		}
		out = append(out, output.File{Path: output.Asset(strings.TrimPrefix(p, dir+"/")), Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Check parses the templates of the project at root without rendering;
// its error is a diag.Problem.
func Check(root string) error {
	_, err := LoadTemplates(project.Files(root))
	return err
}

// readTemplate reads a template of the project's files (a regular file
// inside the project, of bounded size: see project.Files), valid UTF-8
// without NUL bytes.
func readTemplate(fsys fs.FS, name string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	switch {
	case fsutil.IsLimit(err):
		return nil, diag.MsgErr(name, 0, err, "file-limit", err)
	case errors.Is(err, fs.ErrNotExist) && path.Base(name) == "base.html":
		return nil, diag.MsgErr(name, 0, err, "template-base-missing")
	case errors.Is(err, fs.ErrNotExist):
		return nil, diag.MsgErr(name, 0, err, "template-missing", path.Base(name))
	case err != nil:
		return nil, diag.MsgErr(name, 0, err, "template-unreadable", err)
	}
	if p, ok := diag.CheckText(name, src); !ok {
		return nil, p
	}
	return src, nil
}
