package diag

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"planpress/generator/input"
)

// TestCatalogueComplete: every message is written in every language, with
// the same placeholders, and a hint in every language or in none; every key
// the code uses is in the catalogue.
func TestCatalogueComplete(t *testing.T) {
	if len(Keys()) < 40 {
		t.Fatalf("only %d messages", len(Keys()))
	}
	for _, k := range Keys() {
		for _, field := range []string{"", "hint-"} {
			en, hasEn := catalogue[k][field+En]
			for _, l := range Langs {
				s, ok := catalogue[k][field+l]
				if ok != hasEn {
					t.Errorf("%s: %s%s is given in %s but not in every language", k, field, "text", l)
					continue
				}
				if ok && !reflect.DeepEqual(Verbs(s), Verbs(en)) {
					t.Errorf("%s: %s%s has placeholders %v, English %v", k, field, l, Verbs(s), Verbs(en))
				}
				if ok && strings.TrimSpace(s) == "" {
					t.Errorf("%s: %s%s is empty", k, field, l)
				}
			}
		}
		for f := range catalogue[k] {
			if strings.TrimPrefix(f, "hint-") != En && strings.TrimPrefix(f, "hint-") != Zh {
				t.Errorf("%s: unknown field %q", k, f)
			}
		}
	}
	// the keys used by the code
	uses := regexp.MustCompile(`\bdiag\.(?:Msg\([^()"]*?, |P\(|T\([a-zA-Z.]+, |Hint\([a-zA-Z.]+, )"([a-z0-9-]+)"[,)]`)
	inMain := regexp.MustCompile(`\bT\("([a-z0-9-]+)"[,)]`)
	inDiag := regexp.MustCompile(`[^.](?:Msg\([^()"]*?, |\bP\()"([a-z0-9-]+)"[,)]`)
	root := filepath.Join("..", "..")
	n := 0
	filepath.WalkDir(filepath.Join(root, "generator"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, _ := os.ReadFile(p)
		re := uses
		switch filepath.Base(filepath.Dir(p)) {
		case "diag":
			re = inDiag
		case "generator": // the command: T(key, …) in its language
			re = inMain
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			n++
			if _, ok := catalogue[m[1]]; !ok {
				t.Errorf("%s uses message %q, which is not in data/i18n/messages.toml", p, m[1])
			}
		}
		return nil
	})
	if n < 30 {
		t.Errorf("found only %d uses of messages in the code", n)
	}
	// keys given to diag.MsgErr and to helpers that build a message
	// (refuse, fontProblem, templateProblem, fsutil's limit, a check's
	// add) or returned as a phrase (out-kind-…, file-kind-…), wherever the
	// file argument holds quotes: every hyphenated literal of such a line
	// is a key
	callLine := regexp.MustCompile(`\b(?:diag\.(?:Msg|MsgErr|P|T|Hint)|refuse|fontProblem|templateProblem|limit)\(|return "out-kind-|kind :?= "file-kind-`)
	checkLine := regexp.MustCompile(`\b(?:add|logf)\(`) // the checks of the data files, the build's and the preview's progress
	keyLit := regexp.MustCompile(`"([a-z0-9]+(?:-[a-z0-9]+)+)"`)
	m := 0
	walkCode(t, root, func(p, src string) {
		for _, l := range strings.Split(src, "\n") {
			check := checkLine.MatchString(l) && (strings.Contains(p, "project") || strings.Contains(p, "indicator") || strings.Contains(p, "build") || strings.Contains(p, "serve"))
			if !callLine.MatchString(l) && !check {
				continue
			}
			for _, k := range keyLit.FindAllStringSubmatch(l, -1) {
				m++
				if _, ok := catalogue[k[1]]; !ok {
					t.Errorf("%s uses message %q, which is not in data/i18n/messages.toml: %s", p, k[1], strings.TrimSpace(l))
				}
			}
		}
	})
	if m < 100 {
		t.Errorf("found only %d keys on the lines that make messages", m)
	}
}

// TestNoRawProblems: problems that reach the user are made from the
// catalogue (diag.Msg), not from English text written in Go, so that they
// read in Chinese too.
func TestNoRawProblems(t *testing.T) {
	raw := regexp.MustCompile(`\bMsg:\s`)
	root := filepath.Join("..", "..")
	found := map[string]int{}
	walkCode(t, root, func(p, src string) {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "generator/diag/") {
			return // the package that turns catalogue keys into text
		}
		if n := len(raw.FindAllString(src, -1)); n > 0 {
			found[rel] = n
		}
	})
	for f, n := range found {
		if n > 0 {
			t.Errorf("%s makes %d problem(s) from English text (diag.Problem{Msg: …}): use diag.Msg with a key of data/i18n/messages.toml", f, n)
		}
	}
}

// walkCode calls fn with the path and text of every Go file of the
// generator but tests.
func walkCode(t *testing.T, root string, fn func(p, src string)) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join(root, "generator"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fn(p, string(src))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestVerbs(t *testing.T) {
	if got, want := Verbs("%q of %d is %[1]s 100%%"), []string{"%[1]q", "%[1]s", "%[2]d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Verbs = %v, want %v", got, want)
	}
}

func TestLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		flag   string
		env    map[string]string
		source string
		want   string
	}{
		{"zh", map[string]string{"LANG": "en_US.UTF-8"}, "en", Zh},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, "en", Zh},
		{"", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "zh-Hant", En},
		{"", nil, "zh-Hant", Zh},
		{"", nil, "en", En},
		{"en", map[string]string{"LC_ALL": "zh_CN.UTF-8"}, "zh-Hant", En},
	} {
		if got := Lang(c.flag, env(c.env), c.source); got != c.want {
			t.Errorf("Lang(%q, %v, %q) = %q, want %q", c.flag, c.env, c.source, got, c.want)
		}
	}
}

func TestProblemIn(t *testing.T) {
	p := Msg("data/annual/2025.toml", 14, "annual-no-source", "pm25")
	if got, want := p.Error(), `data/annual/2025.toml:14: value of "pm25" has no source (every value needs source = "id" from data/sources.toml)`; got != want {
		t.Errorf("English: %s", got)
	}
	if got, want := p.In(Zh), `data/annual/2025.toml:14: 指标 "pm25" 的数值没有来源（每个数值都要写 source = "编号"（data/sources.toml 中的编号））`; got != want {
		t.Errorf("Chinese: %s\nwant %s", got, want)
	}
	plain := Problem{File: "a.toml", Line: 2, Msg: "bad", Hint: "fix"}
	if plain.In(Zh) != plain.Error() {
		t.Error("a problem outside the catalogue changed")
	}
}

// TestRawTextInChinese: the faults of a file's raw text (input.Check,
// input.TOMLDepth) are catalogue messages at their file lines, for a whole
// file and for a part of one (front matter, from line 2), in both
// languages.
func TestRawTextInChinese(t *testing.T) {
	for _, k := range input.Keys {
		if Entry(k, Zh) == "" || Entry(k, "hint-"+Zh) == "" {
			t.Errorf("input fault %q lacks its Chinese text or hint in data/i18n/messages.toml", k)
		}
	}
	var v map[string]any
	deep := "a = 1\nb = " + strings.Repeat("[", input.MaxDepth+1) + "\n"
	for name, c := range map[string]struct {
		src    string
		first  int
		en, zh string
	}{
		"NUL":               {"a = 1\nb = \"x\x00\"\n", 0, "f.toml:2: line contains a NUL byte: the file is binary or damaged (restore it from version control)", "f.toml:2: 这一行含有 NUL 字节：文件是二进制文件或已损坏（从版本库恢复它）"},
		"invalid UTF-8":     {"a = 1\n# \xff\n", 0, "f.toml:2: line is not valid UTF-8 (save the file as UTF-8)", "f.toml:2: 这一行不是有效的 UTF-8 编码（把文件另存为 UTF-8 编码）"},
		"long line":         {"# " + strings.Repeat("x", 2*input.MaxLine) + "\n", 0, "f.toml:1: line is 128 KB long, over the limit of 64 KB (a pasting accident?", "f.toml:1: 这一行长 128 KB，超过了 64 KB 的上限（"},
		"deep":              {deep, 0, "f.toml:2: TOML nesting is deeper than 32 levels of tables, arrays and dotted keys (flatten the structure)", "f.toml:2: TOML 的表、数组和带点的键嵌套超过 32 层（减少嵌套的层数）"},
		"deep, from line 2": {deep, 2, "f.toml:3: TOML nesting is deeper than 32 levels", "f.toml:3: TOML 的表、数组和带点的键嵌套超过 32 层"},
		"NUL, from line 2":  {"a = 1\nb = \"x\x00\"\n", 2, "f.toml:3: line contains a NUL byte", "f.toml:3: 这一行含有 NUL 字节"},
	} {
		_, ps, ok := DecodeTOML("f.toml", []byte(c.src), &v, TOML{First: c.first})
		if ok || len(ps) != 1 {
			t.Errorf("%s: ok %v, %d problems: %v", name, ok, len(ps), ps)
			continue
		}
		if ps[0].Key == "" || !strings.HasPrefix(ps[0].Error(), c.en) || !strings.HasPrefix(ps[0].In(Zh), c.zh) {
			t.Errorf("%s: key %q\n%s\n%s\nwant\n%s…\n%s…", name, ps[0].Key, ps[0].Error(), ps[0].In(Zh), c.en, c.zh)
		}
	}
	if p, ok := CheckText("t.html", []byte("<p>\n\xfe</p>\n")); ok || p.Key != input.KeyUTF8 || p.Line != 2 || p.File != "t.html" {
		t.Errorf("CheckText of invalid UTF-8: %v %v", p, ok)
	}
	if _, ok := CheckText("t.html", []byte("<p>規劃</p>\n")); !ok {
		t.Error("CheckText refused a good text")
	}
}

// refused is an error that knows its catalogue message, as fsutil's
// refusals of special files do.
type refused struct{ p Problem }

func (r refused) Error() string         { return r.p.Error() }
func (r refused) In(lang string) string { return r.p.In(lang) }

// TestLocalizedArgs: an argument that is itself a message (a Phrase, a
// Problem, an error with In) is written in the language of the message
// it is part of.
func TestLocalizedArgs(t *testing.T) {
	err := refused{Msg("", 0, "file-not-regular", P("file-kind-pipe"))}
	p := MsgErr("data/x.toml", 0, err, "file-limit", err)
	if got, want := p.Error(), "data/x.toml: is a named pipe, not a regular file (replace it with a regular file)"; got != want {
		t.Errorf("English: %s\nwant %s", got, want)
	}
	if got, want := p.In(Zh), "data/x.toml: 无法读取：是命名管道，不是普通文件（换成普通文件）"; got != want {
		t.Errorf("Chinese: %s\nwant %s", got, want)
	}
}
