package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestCheckTemplatesInChinese: planpress check reports a template that
// does not parse, and one that fails while the site is rendered for the
// link check, as problems at the template's line, in the chosen language.
func TestCheckTemplatesInChinese(t *testing.T) {
	root := testutil.CopyProject(t)
	home := filepath.Join(root, "templates/home.html")
	orig, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(home, append(append([]byte{}, orig...), "\n{{ end }}"...), 0o644)
	for lang, want := range map[string]string{
		"zh": `^templates/home\.html:\d+: 模板语法错误：unexpected \{\{end\}\}（修正这一行的模板：[^\n]*）\nplanpress：共 1 个问题\n$`,
		"en": `^templates/home\.html:\d+: template syntax: unexpected \{\{end\}\} \(fix the template on this line: [^\n]*\)\nplanpress: 1 problem\(s\)\n$`,
	} {
		code, _, errs := runCLI("check", "--root", root, "--lang", lang)
		if code != exitInput || !regexp.MustCompile(want).MatchString(errs) {
			t.Errorf("syntax, --lang %s: exit %d, stderr:\n%s", lang, code, errs)
		}
	}
	os.WriteFile(home, orig, 0o644)
	breakFile(t, root, "templates/indicator.html", "{{.Name}}", "{{.Nmae}}")
	for lang, want := range map[string]string{
		"zh": `^templates/indicator\.html:\d+:\d+: 生成 [^ ]+/index\.html 时模板出错：executing "main" at <\.Nmae>: can't evaluate field Nmae[^\n]*（对照其他模板，[^\n]*）\nplanpress：共 1 个问题\n$`,
		"en": `^templates/indicator\.html:\d+:\d+: the template stops with an error while making [^ ]+/index\.html: executing "main" at <\.Nmae>: can't evaluate field Nmae[^\n]* \(check the names [^\n]*\)\nplanpress: 1 problem\(s\)\n$`,
	} {
		code, _, errs := runCLI("check", "--root", root, "--lang", lang)
		if code != exitInput || !regexp.MustCompile(want).MatchString(errs) {
			t.Errorf("unknown field, --lang %s: exit %d, stderr:\n%s", lang, code, errs)
		}
	}
}
