package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"planpress/generator/internal/testutil"
)

const seedFile = "seeds/beijing-14th-fyp-eco-env-2021.txt"

// importConfig is the portal description beside the seeds.
func importConfig(t testing.TB) ImportConfig {
	t.Helper()
	cfg, err := LoadImportConfig(filepath.Join(testutil.Root(t), "seeds", "import.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// norm removes all white space, the normalisation under which paragraphs
// must match.
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// seedParagraphs returns the body paragraphs of the seed: every non-empty
// line between the header and the portal footer, except headings, image
// references and portal chrome, which the importer turns into structure.
func seedParagraphs(t *testing.T, root string) []string {
	data, err := os.ReadFile(filepath.Join(root, seedFile))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	started := false
	for _, line := range strings.Split(string(data), "\n") {
		s := strings.TrimSpace(strings.Trim(line, "\u3000"))
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "分享"):
			return out
		case reMetaLine.MatchString(line), strings.Contains(s, " > "), strings.HasPrefix(s, "字號"):
			continue
		case strings.HasSuffix(s, ".png"):
			continue
		}
		if !started {
			started = true // the notice title
		}
		out = append(out, s)
	}
	return out
}

// TestFidelity proves that every paragraph of the seed's body, including
// headings, appears verbatim in content/zh-Hant (after white space is
// removed), in order.
func TestFidelity(t *testing.T) {
	root := testutil.Root(t)
	paras := seedParagraphs(t, root)
	if len(paras) < 200 {
		t.Fatalf("only %d seed paragraphs found", len(paras))
	}
	pl, err := LoadPlan(os.DirFS(root), "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	var content []string
	content = append(content, pl.Index.Title)
	for _, pg := range pl.Pages {
		content = append(content, pg.Title)
		for _, b := range pg.Blocks {
			if b.Kind != Directive {
				content = append(content, b.Text)
			}
		}
	}
	joined := norm(strings.Join(content, "\n"))
	missing := 0
	for _, p := range paras {
		if !strings.Contains(joined, norm(p)) {
			missing++
			if missing <= 5 {
				t.Errorf("seed paragraph not found verbatim in content/zh-Hant: %q", p)
			}
		}
	}
	found := len(paras) - missing
	t.Logf("fidelity: %d of %d seed paragraphs (%.1f%%)", found, len(paras), 100*float64(found)/float64(len(paras)))
	if missing > 0 {
		t.Fatalf("%d of %d paragraphs missing", missing, len(paras))
	}
	// and in order: each paragraph appears after the previous one
	pos := 0
	order := joined
	for _, p := range paras {
		n := norm(p)
		if n == norm(pl.Index.Title) {
			continue // the title also appears in the notice's title
		}
		i := strings.Index(order[pos:], n)
		if i < 0 {
			t.Fatalf("paragraph out of order: %q", p)
		}
		pos += i + len(n)
	}
}

// TestImportGolden re-runs the import and compares with the committed files.
func TestImportGolden(t *testing.T) {
	root := testutil.Root(t)
	f, err := os.Open(filepath.Join(root, seedFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Import(f, seedFile, importConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := d.WriteContent(dir); err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join(root, "content", "zh-Hant", "plan")
	a, b := testutil.HashTree(t, dir), testutil.HashTree(t, committed)
	if diff := testutil.DiffTrees(a, b); diff != "" {
		for name := range a {
			x, _ := os.ReadFile(filepath.Join(dir, name))
			y, _ := os.ReadFile(filepath.Join(committed, name))
			if !bytes.Equal(x, y) {
				t.Logf("%s differs; to accept the importer's output run: go run ./generator import %s", name, seedFile)
			}
		}
		t.Fatalf("import output differs from content/zh-Hant/plan:\n%s", diff)
	}
}

func TestImportStructure(t *testing.T) {
	root := testutil.Root(t)
	f, _ := os.Open(filepath.Join(root, seedFile))
	defer f.Close()
	d, err := Import(f, seedFile, importConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	m := d.Meta
	want := Meta{Subject: "城鄉建設、環境保護/環境監測、保護與治理", Issuer: "北京市人民政府", WrittenDate: "2021-11-28",
		DocNumber: "京政發〔2021〕35號", PublicationDate: "2021-12-10", Source: "政府公報\u00a02022年\u00a0第4期(總第736期)"}
	if m != want {
		t.Errorf("metadata = %+v\nwant %+v", m, want)
	}
	var ids []string
	boxes, tables := 0, 0
	for _, p := range d.Pages {
		ids = append(ids, p.ID)
		for _, b := range p.Blocks {
			if b.Kind == Directive && b.Name == "box" {
				boxes++
			}
			if b.Kind == Directive && b.Name == "table" {
				tables++
			}
		}
	}
	if got := strings.Join(ids, " "); got != "notice preface ch1 ch2 ch3 ch4 ch5 ch6 ch7 ch8" {
		t.Errorf("pages = %s", got)
	}
	if boxes != 8 || tables != 2 {
		t.Errorf("%d boxes and %d tables, want 8 and 2", boxes, tables)
	}
	heads := map[string]string{}
	for _, p := range d.Pages {
		for _, h := range p.Headings() {
			heads[h.ID] = h.Text
		}
	}
	for id, text := range map[string]string{
		"ch1-s1":    "(一)“十三五”時期生態環境保護成效卓著",
		"ch1-s1-i2": "2.生態環境品質持續改善",
		"ch3-s1-i2": "2.控制化石能源消費總量",
		"ch8-s7":    "(七)加強生態環境領域國際合作",
	} {
		if heads[id] != text {
			t.Errorf("heading %s = %q, want %q", id, heads[id], text)
		}
	}
}

func TestImportErrors(t *testing.T) {
	cases := map[string]string{
		"empty":          "",
		"no chapters":    "  1. [發文機構] 北京市人民政府\n\n關於印發《某規劃》的通知\n\n某規劃\n\n前言\n\n  正文。\n",
		"unknown header": "  1. [未知欄位] x\n",
		"no plan title":  "  1. [發文機構] 北京市人民政府\n\n關於印發《某規劃》的通知\n\n正文\n",
		"bad image":      "關於印發《某規劃》的通知\n\n某規劃\n\n前言\n\n圖片.png\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Import(strings.NewReader(src), "seed.txt", importConfig(t))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "seed.txt:") {
				t.Errorf("error does not name the file and line: %v", err)
			}
		})
	}
}

func FuzzImport(f *testing.F) {
	root := testutil.Root(f)
	seed, _ := os.ReadFile(filepath.Join(root, seedFile))
	f.Add(string(seed))
	f.Add("關於印發《某規劃》的通知\n\n某規劃\n\n一、總則\n\n  (一)目標\n\n  1.內容\n\n  段落。\n")
	f.Add("")
	cfg := importConfig(f)
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Import(strings.NewReader(src), "fuzz.txt", cfg)
		if err != nil {
			return
		}
		// whatever imports must write and read back with the same structure
		for name, p := range d.Files() {
			back, err := ParsePage(p.Markdown(), name, "zh-Hant")
			if err != nil {
				t.Fatalf("%s: written page does not parse: %v", name, err)
			}
			if len(back.Blocks) != len(p.Blocks) {
				t.Fatalf("%s: %d blocks written, %d read back", name, len(p.Blocks), len(back.Blocks))
			}
			for i := range back.Blocks {
				if norm(back.Blocks[i].Text) != norm(p.Blocks[i].Text) {
					t.Fatalf("%s block %d: %q became %q", name, i, p.Blocks[i].Text, back.Blocks[i].Text)
				}
			}
		}
	})
}

func TestImportConfigChecked(t *testing.T) {
	for name, src := range map[string]string{
		"unknown field": "[labels]\n\"發文機構\" = \"author\"\n",
		"unknown key":   "skip = []\nfooters = [\"x\"]\n",
		"bad TOML":      "[labels\n",
	} {
		p := filepath.Join(t.TempDir(), "import.toml")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadImportConfig(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %v does not name %s", name, err, p)
		}
	}
	// a header label the configuration does not know is an error at its line
	_, err := Import(strings.NewReader("  1. [發文機構] x\n"), "seed.txt", ImportConfig{})
	if err == nil || !strings.HasPrefix(err.Error(), "seed.txt:1:") {
		t.Errorf("unknown label: %v", err)
	}
}
