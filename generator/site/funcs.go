package site

import (
	"html/template"
	"strings"

	"planpress/generator/numfmt"
)

var funcs = template.FuncMap{
	"num":   func(v float64, d int, lang string) string { return numfmt.Format(v, d, lang) },
	"lower": strings.ToLower,
	"add":   func(a, b int) int { return a + b },
	"list":  func(v ...any) []any { return v },
	"pct": func(n, total int) int {
		if total == 0 {
			return 0
		}
		return n * 100 / total
	},
}
