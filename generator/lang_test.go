package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestMain runs the command's tests with English messages unless a test
// says otherwise, whatever the locale of the machine.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}

func breakFile(t *testing.T, root, file, old, new string) {
	t.Helper()
	p := filepath.Join(root, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s: %q not found", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckInChinese: LANG=zh_CN.UTF-8 planpress check on a broken copy
// reports in Chinese, one message at the right line; --lang en and LC_ALL
// override it.
func TestCheckInChinese(t *testing.T) {
	root := testutil.CopyProject(t)
	breakFile(t, root, "data/annual/2025.toml", "value = 85.2\n", "value = \"85.2\"\n")
	line := ""
	data, _ := os.ReadFile(filepath.Join(root, "data/annual/2025.toml"))
	for i, l := range strings.Split(string(data), "\n") {
		if l == `value = "85.2"` {
			line = itoa(i + 1)
		}
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	code, _, errs := runCLI("check", "--root", root)
	want := "data/annual/2025.toml:" + line + ": 数值写成了文字（\"85.2\"）（数字不要加引号，写成 value = 85.2）\nplanpress：共 1 个问题\n"
	if code != exitInput || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	code, _, errs = runCLI("check", "--root", root, "--lang", "en")
	want = "data/annual/2025.toml:" + line + ": value is written as text (\"85.2\") (write the number without quotes: value = 85.2)\nplanpress: 1 problem(s)\n"
	if code != exitInput || errs != want {
		t.Errorf("--lang en: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	breakFile(t, root, "data/annual/2025.toml", "value = \"85.2\"\n", "value = 85,2\n")
	t.Setenv("LANG", "")
	code, _, errs = runCLI("check", "--root", root) // the site's source language is Chinese
	want = "data/annual/2025.toml:" + line + ": 数值 85,2 用了逗号作小数点（小数点要写成英文句点：value = 85.2）\nplanpress：共 1 个问题\n"
	if code != exitInput || errs != want {
		t.Errorf("no locale: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if code, _, errs := runCLI("check", "--root", root, "--lang", "fr"); code != exitUsage || !strings.Contains(errs, "--lang") {
		t.Errorf("--lang fr: exit %d, %s", code, errs)
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestStatusListsEveryCommitmentOnce: planpress status 2025 lists each
// commitment of the register exactly once, and no context series.
func TestStatusListsEveryCommitmentOnce(t *testing.T) {
	root := testutil.CopyProject(t)
	code, out, errs := runCLI("status", "2025", "--root", root)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p, err := loadProject(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ind := range p.Reg.Indicators {
		count := 0
		for _, l := range strings.Split(out, "\n") {
			f := strings.Fields(l)
			for _, w := range f {
				if w == ind.ID {
					count++
				}
			}
		}
		want := 0
		if ind.Commitment() {
			want = 1
			n++
		}
		if count != want {
			t.Errorf("%s is listed %d times, want %d", ind.ID, count, want)
		}
	}
	if !strings.Contains(out, "2025: "+itoa(n)+" commitments") {
		t.Errorf("the title does not count %d commitments:\n%s", n, out)
	}
	// a source the year uses, as the data has it
	src := ""
	for _, o := range p.Reg.Observations {
		if o.Year == 2025 && o.Source != "" && o.Source != "plan" {
			src = o.Source
			break
		}
	}
	for _, want := range []string{src, "as of 2025-10"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q", want)
		}
	}
	// CJK names keep the columns aligned: the figure column starts at the
	// same terminal column on every row that has one
	col := -1
	table, _, _ := strings.Cut(out, "Sources used")
	for _, l := range strings.Split(table, "\n") {
		if i := strings.Index(l, src); i > 0 {
			w := cellWidth(l[:i])
			if col >= 0 && w != col {
				t.Errorf("source column at %d, earlier at %d:\n%s", w, col, l)
			}
			col = w
		}
	}
	if code, _, errs := runCLI("status", "2019", "--root", root); code != exitInput || !strings.Contains(errs, "2019") {
		t.Errorf("a year without a file: exit %d, %s", code, errs)
	}
}

// TestBuildRefusalsInChinese: under LANG=zh_CN.UTF-8, a build into the
// project folder, a font that cannot be used, a wrong address in
// data/site.toml and an unknown flag are told in Chinese, in the
// file:line: 问题（怎么办） shape, and nothing is built.
func TestBuildRefusalsInChinese(t *testing.T) {
	root := testutil.CopyProject(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")

	code, _, errs := runCLI("build", "--root", root, "--out", root)
	want := "planpress: --out " + root + "：会覆盖项目文件夹 " + root + "（请给出一个单独的文件夹，例如 " + filepath.Join(root, "public") + "）\nplanpress：没有生成任何内容；输出保持不变\n"
	if code != exitUsage || errs != want {
		t.Errorf("--out the project: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}

	code, _, errs = runCLI("build", "--root", root, "--nope")
	if code != exitUsage || !strings.HasPrefix(errs, "planpress build：没有这个选项：-nope（可用的选项见下方说明）\n") {
		t.Errorf("--nope: exit %d, stderr:\n%s", code, errs)
	}

	out := filepath.Join(t.TempDir(), "site")
	breakFile(t, root, "data/site.toml", `main = ""`, `main = "/nonexistent/font.ttf"`)
	code, _, errs = runCLI("build", "--root", root, "--out", out)
	line := lineOf(t, root, "data/site.toml", `main = "/nonexistent/font.ttf"`)
	want = "data/site.toml:" + line + `: [fonts] main = "/nonexistent/font.ttf" 指定的字体无法使用：`
	if code != exitInput || !strings.HasPrefix(errs, want) || !strings.Contains(errs, "（请填写一个含 TrueType 轮廓的 .ttf 或 .ttc 字体文件路径）\nplanpress：共 1 个问题") {
		t.Errorf("a missing font: exit %d, stderr:\n%s\nwant it to start with:\n%s", code, errs, want)
	}
	breakFile(t, root, "data/site.toml", `main = "/nonexistent/font.ttf"`, `main = ""`)

	data, err := os.ReadFile(filepath.Join(root, "data/site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var url string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "base_url = ") {
			url = l
		}
	}
	breakFile(t, root, "data/site.toml", url, `base_url = "ftp://example.org"`)
	code, _, errs = runCLI("build", "--root", root, "--out", out)
	line = lineOf(t, root, "data/site.toml", `base_url = "ftp://example.org"`)
	want = "data/site.toml:" + line + `: base_url "ftp://example.org" 不是有效的网址（写上网站发布的网址，以 https:// 开头、以 / 结尾）` + "\nplanpress：共 1 个问题；没有发布任何内容，之前的输出保持不变\n"
	if code != exitInput || errs != want {
		t.Errorf("a wrong base_url: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused build made %s", out)
	}
}

// lineOf is the line number of the line of file that reads text.
func lineOf(t *testing.T, root, file, text string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == text {
			return itoa(i + 1)
		}
	}
	t.Fatalf("%s: no line %q", file, text)
	return ""
}

// TestStatusNamesInMessageLanguage: the to-do list names each commitment in
// the language of its messages: the simplified edition's name for Chinese
// (as the messages are written), the English name for English.
func TestStatusNamesInMessageLanguage(t *testing.T) {
	root := testutil.CopyProject(t)
	p, err := loadProject(root)
	if err != nil {
		t.Fatal(err)
	}
	ind := p.Reg.Indicator("pm25-annual-mean")
	if ind == nil {
		t.Fatal("the register has no pm25-annual-mean")
	}
	hans, hant, en := ind.Name.Get(p.Key("zh-Hans")), ind.Name.Get(p.Source().DataKey), ind.Name.Get("en")
	if hans == "" || hans == hant {
		t.Fatalf("the simplified name %q is not a converted name (traditional %q)", hans, hant)
	}
	for _, c := range []struct {
		lang, want, not string
	}{{"zh", hans, hant}, {"en", en, hant}} {
		code, out, errs := runCLI("status", "2025", "--root", root, "--lang", c.lang)
		if code != exitOK {
			t.Fatalf("--lang %s: exit %d: %s", c.lang, code, errs)
		}
		if !strings.Contains(out, c.want) || strings.Contains(out, c.not) {
			t.Errorf("--lang %s: the list should name %q, not %q", c.lang, c.want, c.not)
		}
	}
}
