package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"planpress/generator/internal/testutil"
)

// pageWords returns the English text a reader of a page sees or hears: the
// text, and the alt, title, aria-label and placeholder attributes, of every
// element whose language (lang, inherited) is English, leaving out scripts
// and styles. On an English page that is all but what is marked Chinese; on
// a Chinese page, the parts marked lang="en".
func pageWords(data []byte) (string, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node, lang string)
	walk = func(n *html.Node, lang string) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" {
					lang = a.Val
				}
			}
			if strings.HasPrefix(lang, "en") {
				for _, a := range n.Attr {
					switch a.Key {
					case "alt", "title", "aria-label", "placeholder":
						b.WriteString(a.Val)
						b.WriteString("\n")
					}
				}
			}
		}
		if n.Type == html.TextNode && strings.HasPrefix(lang, "en") {
			b.WriteString(n.Data)
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, lang)
		}
	}
	walk(doc, "")
	return b.String(), nil
}

var (
	reURL   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:pdf|csv|json|xml|html|toml|txt)\b`)
	reToken = regexp.MustCompile(`[\p{L}\p{M}\p{N}'’._/-]+`)
)

// spellable keeps the words a dictionary can judge: tokens of Latin letters
// (with hyphens and apostrophes inside), without digits; identifiers such
// as src24, PM2.5 or 2021-05, Chinese text and file names are left out.
func spellable(text string) string {
	text = reURL.ReplaceAllString(text, " ")
	var b strings.Builder
	for _, tok := range reToken.FindAllString(text, -1) {
		if strings.ContainsAny(tok, "0123456789._/") {
			continue
		}
		latin := true
		for _, r := range tok {
			if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
				latin = false
				break
			}
		}
		if !latin {
			continue
		}
		tok = strings.Trim(strings.ReplaceAll(tok, "’", "'"), "'-")
		if tok == "" {
			continue
		}
		b.WriteString(tok)
		b.WriteString("\n")
	}
	return b.String()
}

// wordList writes the project's word list (data/words-en.txt: one word a
// line, # starts a comment) as a hunspell personal dictionary.
func wordList(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testutil.Root(t), "data", "words-en.txt"))
	if err != nil {
		t.Fatalf("the project word list: %v", err)
	}
	var b strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.TrimSpace(line); w != "" {
			b.WriteString(w + "\n")
		}
	}
	p := filepath.Join(t.TempDir(), "words.dic")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// hunspell returns the words of text that hunspell's en_US dictionary and
// the word list at words do not know.
func hunspell(t *testing.T, text, words string) []string {
	t.Helper()
	bin := testutil.Tool(t, "hunspell")
	cmd := exec.Command(bin, "-d", "en_US", "-p", words, "-l")
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.Contains(stderr.String(), "Can't open") {
		t.Fatalf("hunspell -d en_US: %v %s (the dictionary is needed: run scripts/setup --test, which installs hunspell and hunspell-en-us)", err, stderr.String())
	}
	var unknown []string
	for _, w := range strings.Fields(string(out)) {
		unknown = append(unknown, w)
	}
	return unknown
}

// TestEnglishSpelling spell-checks the English of every page (English
// pages, and the parts of other pages marked lang="en") and every English
// PDF of the built site with hunspell (en_US, the spelling the English edition
// uses) and the project's reviewed word list of names and terms: no word may
// be unknown.
func TestEnglishSpelling(t *testing.T) {
	out, _ := realSite(t)
	words := wordList(t)
	texts := map[string]string{} // file → its spellable words
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := pageWords(data)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if text = spellable(text); text != "" {
			texts[path] = text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 200 {
		t.Fatalf("English text in only %d pages", len(texts))
	}
	pdfFiles, _ := filepath.Glob(filepath.Join(out, "downloads", "*-en.pdf"))
	if len(pdfFiles) < 6 {
		t.Fatalf("only %d English PDFs", len(pdfFiles))
	}
	for _, f := range pdfFiles {
		texts[f] = spellable(testutil.PDFText(t, f))
	}
	files := make([]string, 0, len(texts))
	var all strings.Builder
	for f := range texts {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		all.WriteString(texts[f])
	}
	unknown := hunspell(t, all.String(), words)
	if len(unknown) == 0 {
		return
	}
	// name, for each unknown word, the files it occurs in
	seen := map[string]bool{}
	var report []string
	for _, w := range unknown {
		if seen[w] {
			continue
		}
		seen[w] = true
		var where []string
		re := regexp.MustCompile(`(?m)(^|[-'])` + regexp.QuoteMeta(w) + `($|[-'])`)
		for _, f := range files {
			if re.MatchString(texts[f]) {
				rel, _ := filepath.Rel(out, f)
				where = append(where, rel)
			}
		}
		if len(where) > 3 {
			where = append(where[:3], fmt.Sprintf("and %d more", len(where)-3))
		}
		report = append(report, fmt.Sprintf("%s (%s)", w, strings.Join(where, ", ")))
	}
	sort.Strings(report)
	t.Errorf("%d unknown English words (correct the spelling, or add a name or term to data/words-en.txt):\n%s", len(report), strings.Join(report, "\n"))
}

// TestSpellCheckerFindsMistakes: the checker reports a misspelt word and a
// British spelling, and accepts a word from the project list.
func TestSpellCheckerFindsMistakes(t *testing.T) {
	words := wordList(t)
	got := hunspell(t, spellable("The <b>enviroment</b> and its utilisation near Miyun; PM2.5 src24 北京 https://example.org/x"), words)
	if strings.Join(got, " ") != "enviroment utilisation" {
		t.Errorf("unknown words: %q, want enviroment and utilisation", got)
	}
	text, err := pageWords([]byte(`<html lang="en"><body><p>Tonnes <span lang="zh-Hant">北京 Zzyzxq</span> <img alt="Qwertzu chart"><script>var xyzzy</script></p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "Zzyzxq") || strings.Contains(text, "xyzzy") || !strings.Contains(text, "Qwertzu") {
		t.Errorf("English page text: %q", text)
	}
	text, err = pageWords([]byte(`<html lang="zh-Hant"><body><p>北京 Zzyzxq <a lang="en" title="Qwertzu">English Plugh</a></p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "Zzyzxq") || !strings.Contains(text, "Plugh") || !strings.Contains(text, "Qwertzu") {
		t.Errorf("Chinese page text: %q", text)
	}
}
