package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestImportInChinese: every problem of planpress import (a seed that
// cannot be read, import.toml missing or wrong, a seed not in the portal's
// form) is told in the command's language, as file:line: problem（what to
// do）, naming the file; the plan already in the project is left as it was.
func TestImportInChinese(t *testing.T) {
	root := testutil.CopyProject(t)
	before := testutil.HashTree(t, filepath.Join(root, "content"))
	config, err := os.ReadFile(filepath.Join(root, "seeds", "import.toml"))
	if err != nil {
		t.Fatal(err)
	}
	fields := "co_issuers, doc_number, implementation_date, issuer, publication_date, repeal_date, source, subject, validity, written_date"
	cases := []struct {
		name   string
		seed   string // "" leaves the seed missing, "/" makes it a folder
		config string // "" leaves import.toml missing
		want   func(dir string) string
	}{
		{"seed missing", "", string(config), func(dir string) string {
			p := filepath.Join(dir, "plan.txt")
			return p + ": 无法读取：open " + p + ": no such file or directory（请给出从门户网站复制的规划原文文件路径，例如 seeds/plan.txt）"
		}},
		{"seed is a folder", "/", string(config), func(dir string) string {
			p := filepath.Join(dir, "plan.txt")
			return p + ": 无法读取原文文件：read " + p + ": is a directory（请给出从门户网站复制的规划原文文件路径，例如 seeds/plan.txt）"
		}},
		{"import.toml missing", "一、總則\n", "", func(dir string) string {
			p := filepath.Join(dir, "import.toml")
			return p + ": 无法读取：open " + p + ": no such file or directory（原文文件旁边需要 import.toml，写明门户网站的表头标签和页面杂项（参见 seeds/import.toml））"
		}},
		{"import.toml: a label of no field", "一、總則\n", "skip = []\n\n[labels]\n\"發文機構\" = \"author\"\n", func(dir string) string {
			return filepath.Join(dir, "import.toml") + `:4: 标签 "發文機構" 对应的 "author" 不是元数据字段（请用以下字段之一：` + fields + "）"
		}},
		{"import.toml: unknown key", "一、總則\n", "skip = []\nfooters = [\"x\"]\n", func(dir string) string {
			return filepath.Join(dir, "import.toml") + `:2: 未知的键 "footers"（这里可用的键：[labels], skip, footer；检查拼写）`
		}},
		{"import.toml: not TOML", "一、總則\n", "skip = [\"字號:\"]\nfooter = [\"分享:\" \"x\"]\n", func(dir string) string {
			return filepath.Join(dir, "import.toml") + ":2:21: TOML 格式错误：expected a comma"
		}},
		{"seed: unknown header field", "  1. [發文機構] 北京市人民政府\n  2. [卷號] 3\n", string(config), func(dir string) string {
			return filepath.Join(dir, "plan.txt") + ":2: 未知的表头字段 [卷號]（已知的字段："
		}},
		{"seed: no chapter", "  1. [發文機構] 北京市人民政府\n\n關於印發《某規劃》的通知\n\n某規劃\n\n前言\n\n  正文。\n", string(config), func(dir string) string {
			return filepath.Join(dir, "plan.txt") + ":9: 没有找到章标题（一、……）（原文文件格式不符：请确认它包含完整的规划）"
		}},
		{"seed: not UTF-8", "關於印發《某規劃》的通知\n\xff\xfe\n", string(config), func(dir string) string {
			return filepath.Join(dir, "plan.txt") + ":2: 这一行不是有效的 UTF-8（把原文文件另存为 UTF-8 编码）"
		}},
		{"seed: text before the first heading", "關於印發《某規劃》的通知\n\n某規劃\n\n正文在標題之前。\n", string(config), func(dir string) string {
			return filepath.Join(dir, "plan.txt") + ":5: 规划的第一个标题（前言 或 一、）之前有文字 \"正文在標題之前。\"（原文文件格式不符：请确认它是从门户网站复制的规划页面）"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			seed := filepath.Join(dir, "plan.txt")
			if c.seed == "/" {
				if err := os.Mkdir(seed, 0o755); err != nil {
					t.Fatal(err)
				}
			} else if c.seed != "" {
				if err := os.WriteFile(seed, []byte(c.seed), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.config != "" {
				if err := os.WriteFile(filepath.Join(dir, "import.toml"), []byte(c.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, errs := runCLI("import", seed, "--root", root, "--lang", "zh")
			want := c.want(dir)
			if code != exitInput || !strings.HasPrefix(errs, want) || !strings.HasSuffix(errs, "）\nplanpress：共 1 个问题\n") {
				t.Errorf("exit %d, stderr:\n%s\nwant it to start with:\n%s", code, errs, want)
			}
			// the same problem in English, in the same shape
			code, _, errs = runCLI("import", seed, "--root", root, "--lang", "en")
			if code != exitInput || !strings.HasPrefix(errs, seed[:len(dir)]) || !strings.HasSuffix(errs, ")\nplanpress: 1 problem(s)\n") || strings.ContainsAny(errs, "（）：") {
				t.Errorf("--lang en: exit %d, stderr:\n%s", code, errs)
			}
		})
	}
	if d := testutil.DiffTrees(before, testutil.HashTree(t, filepath.Join(root, "content"))); d != "" {
		t.Errorf("a failed import changed the plan:\n%s", d)
	}
}

// TestImportWriteFails: a plan folder that cannot be written is named, in
// the command's language, with what to do; exit 3 (not the input's fault).
func TestImportWriteFails(t *testing.T) {
	root := testutil.CopyProject(t)
	dir := filepath.Join(root, "content", "zh-Hant", "plan")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(root, "seeds", "beijing-14th-fyp-eco-env-2021.txt")
	code, _, errs := runCLI("import", seed, "--root", root, "--lang", "zh")
	want := "planpress: " + dir + ": 无法写入导入的规划：mkdir " + dir + ": not a directory（检查这个文件夹是否可写、磁盘是否已满）\n"
	if code != exitInternal || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
}
