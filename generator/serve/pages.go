package serve

import (
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planpress/generator/diag"
	"planpress/generator/indicator"
	"planpress/generator/project"
)

// style is the look of the preview's own pages (the error page, a file's
// text, the to-do list): readable, long lines wrapped, no outside files.
const style = `<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b;line-height:1.5}
main{max-width:70rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
.failed h1{color:#a11}
ol.problems{padding-left:1.5rem}
ol.problems li{background:#fff;border-left:4px solid #c33;margin:.5rem 0;padding:.5rem .75rem;white-space:pre-wrap;overflow-wrap:anywhere}
ol.problems a{font-family:ui-monospace,monospace;color:#036}
pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
table.src{border-collapse:collapse;font-family:ui-monospace,monospace;font-size:.9rem;background:#fff;width:100%}
table.src td{padding:0 .5rem;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere}
table.src td.n{color:#888;text-align:right;user-select:none;width:4rem}
table.src tr.hit{background:#ffe9a8}
table.todo{border-collapse:collapse;background:#fff;width:100%}
table.todo th,table.todo td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;overflow-wrap:anywhere}
tr.missing td:first-child{color:#a11}tr.weak td:first-child{color:#a60}tr.done td:first-child{color:#260}
</style>`

func page(lang, title, body string) string {
	code := "en"
	if lang == diag.Zh {
		code = "zh-Hans"
	}
	return `<!DOCTYPE html><html lang="` + code + `"><head><meta charset="utf-8"><title>` + html.EscapeString(title) + ` · planpress</title>
<meta name="viewport" content="width=device-width, initial-scale=1">` + style + `</head>
<body>` + body + `<script src="/__planpress/reload.js"></script></body></html>`
}

// errorPage lists the problems of a failed build in lang, each place
// linking to the file's text at its line; text is the error when it holds
// no problem of the input.
func errorPage(lang, text string, ps diag.Problems) string {
	var b strings.Builder
	b.WriteString(`<main class="failed"><h1>` + html.EscapeString(diag.T(lang, "serve-failed-title")) + `</h1><p>` +
		html.EscapeString(diag.T(lang, "serve-failed-intro")) + `</p><p>` + html.EscapeString(diag.T(lang, "serve-problem-count", max(len(ps), 1))) + `</p><ol class="problems">`)
	if len(ps) == 0 {
		b.WriteString(`<li>` + html.EscapeString(text) + `</li>`)
	}
	for _, p := range ps {
		b.WriteString(`<li>`)
		msg := p.In(lang)
		if loc := p.Location(); loc != "" && p.File != "" {
			link := "/__planpress/source?file=" + url.QueryEscape(p.File)
			if p.Line > 0 {
				link += "&line=" + strconv.Itoa(p.Line) + "#L" + strconv.Itoa(p.Line)
			}
			b.WriteString(`<a href="` + html.EscapeString(link) + `">` + html.EscapeString(loc) + `</a>`)
			msg = strings.TrimPrefix(msg, loc)
		}
		b.WriteString(html.EscapeString(msg) + `</li>`)
	}
	b.WriteString(`</ol></main>`)
	return page(lang, diag.T(lang, "serve-failed-title"), b.String())
}

// source shows the text of a file named by a problem of the last build,
// its lines numbered, the problem's line marked. Only those files are
// shown, read as the loaders read them (inside the project, within the
// input limits).
func (s *Server) source(w http.ResponseWriter, r *http.Request) {
	lang := s.opt.Lang
	file := r.URL.Query().Get("file")
	line, _ := strconv.Atoi(r.URL.Query().Get("line"))
	s.mu.RLock()
	named := false
	for _, p := range s.errs {
		named = named || (p.File != "" && p.File == file)
	}
	s.mu.RUnlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	back := `<p><a href="/">` + html.EscapeString(diag.T(lang, "serve-source-back")) + `</a></p>`
	var data []byte
	var err error
	if named {
		data, err = fs.ReadFile(project.Files(s.opt.Root), file)
	}
	if !named || err != nil {
		w.WriteHeader(http.StatusNotFound)
		msg := diag.T(lang, "serve-source-unknown")
		if err != nil {
			msg = diag.Msg("", 0, "file-unreadable-restore", diag.Cause(err)).In(lang)
		}
		io.WriteString(w, page(lang, file, `<main>`+back+`<p>`+html.EscapeString(msg)+`</p></main>`))
		return
	}
	var b strings.Builder
	title := diag.T(lang, "serve-source-title", file, line)
	b.WriteString(`<main><h1>` + html.EscapeString(title) + `</h1>` + back + `<table class="src">`)
	for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		cls := ""
		if i+1 == line {
			cls = ` class="hit"`
		}
		fmt.Fprintf(&b, `<tr id="L%d"%s><td class="n">%d</td><td>%s</td></tr>`, i+1, cls, i+1, html.EscapeString(l))
	}
	b.WriteString(`</table></main>`)
	io.WriteString(w, page(lang, title, b.String()))
}

// status is the to-do list of a year (?year=YYYY, default the latest) as
// planpress status prints it.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	lang := s.opt.Lang
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	p, err := project.Load(s.opt.Root, project.Options{})
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, errorPage(lang, err.Error(), diag.Of(err)))
		return
	}
	years := p.Reg.Years
	year := 0
	if len(years) > 0 {
		year = years[len(years)-1]
	}
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil {
		year = y
	}
	key := p.MessageKey(lang)
	rows, sources := p.Reg.ToDo(year)
	n := map[string]int{}
	for _, row := range rows {
		n[row.State]++
	}
	var b strings.Builder
	title := diag.T(lang, "serve-status-title", year)
	b.WriteString(`<main><h1>` + html.EscapeString(title) + `</h1><p>` +
		html.EscapeString(diag.T(lang, "status-title", year, len(rows), n[indicator.ToDoMissing], n[indicator.ToDoWeak], n[indicator.ToDoDone])) + `</p><p>` +
		html.EscapeString(diag.T(lang, "serve-status-years")))
	for _, y := range years {
		fmt.Fprintf(&b, ` <a href="/_status/?year=%d">%d</a>`, y, y)
	}
	b.WriteString(`</p><table class="todo"><thead><tr>`)
	for _, c := range []string{"state", "id", "name", "figure", "source"} {
		b.WriteString(`<th>` + html.EscapeString(diag.T(lang, "status-col-"+c)) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, row := range rows {
		fig, src := "", ""
		if row.Obs != nil {
			fig, src = indicator.Figure(lang, row.Obs), row.Obs.Source
		}
		name := row.Indicator.Name.Get(key)
		fmt.Fprintf(&b, `<tr class="%s"><td>%s</td><td><code>%s</code></td><td>%s</td><td>%s</td><td><code>%s</code></td></tr>`,
			row.State, html.EscapeString(diag.T(lang, "status-"+row.State)), html.EscapeString(row.Indicator.ID), html.EscapeString(name), html.EscapeString(fig), html.EscapeString(src))
	}
	b.WriteString(`</tbody></table>`)
	if len(sources) > 0 {
		b.WriteString(`<h2>` + html.EscapeString(diag.T(lang, "status-sources", year)) + `</h2><ul>`)
		for _, id := range sources {
			t := ""
			if src := p.Reg.Source(id); src != nil {
				t = " [" + src.Grade + "] " + src.Title.Get(key)
			}
			b.WriteString(`<li><code>` + html.EscapeString(id) + `</code>` + html.EscapeString(t) + `</li>`)
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString(`</main>`)
	io.WriteString(w, page(lang, title, b.String()))
}
