package site

import (
	"html/template"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"planpress/generator/diag"
)

// TestTemplateProblems: a template that cannot be read or parsed is a
// catalogue problem at its file and line, in English and in Chinese; Go's
// own words stay inside as an argument.
func TestTemplateProblems(t *testing.T) {
	base := `<html>{{block "main" .}}{{end}}</html>`
	for name, c := range map[string]struct {
		files  map[string]string
		key    string
		en, zh string
	}{
		"syntax": {map[string]string{"base.html": base, "home.html": "{{define \"main\"}}\n<p>\n{{ end }}{{end}}"}, "template-syntax",
			"templates/home.html:3: template syntax: unexpected {{end}} (fix the template on this line",
			"templates/home.html:3: 模板语法错误：unexpected {{end}}（修正这一行的模板"},
		"syntax of base": {map[string]string{"base.html": "<html>\n{{if}}</html>", "home.html": ""}, "template-syntax",
			"templates/base.html:2: template syntax: missing value for if (",
			"templates/base.html:2: 模板语法错误：missing value for if（"},
		"syntax of a partial": {map[string]string{"base.html": base, "_part.html": "\n\n{{.X", "home.html": ""}, "template-syntax",
			"templates/_part.html:3: template syntax: ",
			"templates/_part.html:3: 模板语法错误："},
		"base missing": {map[string]string{"home.html": "x"}, "template-base-missing",
			"templates/base.html: the base template, on which every page is built, is missing (restore it from version control)",
			"templates/base.html: 所有页面共用的基础模板不见了（从版本库恢复它）"},
		"NUL byte": {map[string]string{"base.html": base, "home.html": "a\nb\x00\n"}, "input-nul",
			"templates/home.html:2: line contains a NUL byte",
			"templates/home.html:2: 这一行含有 NUL 字节"},
		"invalid UTF-8": {map[string]string{"base.html": base + "\n\xff\n", "home.html": ""}, "input-utf8",
			"templates/base.html:2: line is not valid UTF-8 (save the file as UTF-8)",
			"templates/base.html:2: 这一行不是有效的 UTF-8 编码（把文件另存为 UTF-8 编码）"},
	} {
		fsys := fstest.MapFS{}
		for f, text := range c.files {
			fsys["templates/"+f] = &fstest.MapFile{Data: []byte(text)}
		}
		_, err := LoadTemplates(fsys)
		ps := diag.Of(err)
		if err == nil || len(ps) != 1 {
			t.Errorf("%s: %v", name, err)
			continue
		}
		p := ps[0]
		if p.Key != c.key || !strings.HasPrefix(p.Error(), c.en) || !strings.HasPrefix(p.In(diag.Zh), c.zh) {
			t.Errorf("%s: key %q\n%s\n%s\nwant %s…\n%s…", name, p.Key, p.Error(), p.In(diag.Zh), c.en, c.zh)
		}
	}
}

// TestTemplateExecProblem: an error while a page is made (a misspelt
// field) is at the template file, line and column Go names, and says which
// page was being made.
func TestTemplateExecProblem(t *testing.T) {
	tm := template.Must(template.New("base").Parse(`<html>{{block "main" .}}{{end}}</html>`))
	template.Must(tm.New("indicator.html").Parse("{{define \"main\"}}\n<h1>{{.Nmae}}</h1>{{end}}"))
	err := tm.ExecuteTemplate(io.Discard, "base", struct{ Name string }{"x"})
	if err == nil {
		t.Fatal("a misspelt field executed")
	}
	p := templateProblem("templates/indicator.html", "template-exec", err, "en/indicators/x/index.html")
	en := `templates/indicator.html:2:6: the template stops with an error while making en/indicators/x/index.html: executing "main" at <.Nmae>: can't evaluate field Nmae`
	zh := `templates/indicator.html:2:6: 生成 en/indicators/x/index.html 时模板出错：executing "main" at <.Nmae>: can't evaluate field Nmae`
	if !strings.HasPrefix(p.Error(), en) || !strings.HasPrefix(p.In(diag.Zh), zh) || !strings.HasSuffix(p.In(diag.Zh), "）") {
		t.Errorf("\n%s\n%s\nwant %s…\n%s…", p.Error(), p.In(diag.Zh), en, zh)
	}
	// html/template's escaping errors have their own prefix
	tm = template.Must(template.New("base").Parse(`<html>{{block "main" .}}{{end}}</html>`))
	template.Must(tm.New("indicator.html").Parse("{{define \"main\"}}\n<script>{{if .Name}}'{{end}}</script>{{end}}"))
	err = tm.ExecuteTemplate(io.Discard, "base", struct{ Name string }{"x"})
	p = templateProblem("templates/indicator.html", "template-exec", err, "index.html")
	if err == nil || p.File != "templates/indicator.html" || p.Line != 2 || !strings.Contains(p.In(diag.Zh), "时模板出错：{{if}} branches end in different contexts") {
		t.Errorf("an escaping error: %v", p.In(diag.Zh))
	}
	// an error of base.html is at base.html, whatever page it was making
	p = templateProblem("templates/home.html", "template-exec", errorString("template: base:7:3: executing \"base\" at <.X>: nil"), "index.html")
	if p.File != "templates/base.html" || p.Line != 7 || p.Col != 3 {
		t.Errorf("an error of base: %s", p.Error())
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
