package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"planpress/generator/diag"
	"planpress/generator/internal/testutil"
	"planpress/generator/project"
)

// start runs a preview of root in lang and returns its address.
func start(t *testing.T, root, lang string) string { return startLog(t, root, lang, testLog{t}) }

// startLog is start with the terminal's lines written to log.
func startLog(t *testing.T, root, lang string, log io.Writer) string {
	urlc := make(chan string, 1)
	s := New(Options{Root: root, Port: 0, Poll: 50 * time.Millisecond, Log: log, Lang: lang, OnListen: func(u string) { urlc <- u }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case u := <-urlc:
		return u
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	return ""
}

// waitFor gets url until its status is code.
func waitFor(t *testing.T, url string, code int) string {
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, body := get(t, url)
		if c == code {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: status %d, want %d", url, c, code)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestErrorPageInLanguage: a value written as text shows one problem, in
// Chinese, styled, its place linking to the file's text with the line
// marked; other files are not shown; fixing the file clears the page.
func TestErrorPageInLanguage(t *testing.T) {
	root := testutil.CopyProject(t)
	log := &lockedLog{}
	base := startLog(t, root, diag.Zh, log)
	waitFor(t, base+"en/", 200)
	path := filepath.Join(root, "data", "annual", "2025.toml")
	orig, _ := os.ReadFile(path)
	broken := strings.Replace(string(orig), "value = 85.2\n", "value = \"85.2\"\n", 1)
	line := strings.Count(broken[:strings.Index(broken, `value = "85.2"`)], "\n") + 1
	os.WriteFile(path, []byte(broken), 0o644)
	body := waitFor(t, base+"en/", 500)
	n := strconv.Itoa(line)
	for _, want := range []string{
		`<html lang="zh-Hans">`, "生成失败", "white-space:pre-wrap",
		`<a href="/__planpress/source?file=data%2Fannual%2F2025.toml&amp;line=` + n + `#L` + n + `">data/annual/2025.toml:` + n + `</a>: 数值写成了文字（&#34;85.2&#34;）`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %q:\n%s", want, body)
		}
	}
	if c := strings.Count(body, "<li>"); c != 1 {
		t.Errorf("%d problems shown, want 1", c)
	}
	code, src := get(t, base+"__planpress/source?file=data%2Fannual%2F2025.toml&line="+n)
	if code != 200 || !strings.Contains(src, `<tr id="L`+n+`" class="hit">`) || !strings.Contains(src, "value = &#34;85.2&#34;") {
		t.Errorf("the file's text: %d\n%s", code, src)
	}
	for _, other := range []string{"data%2Fsite.toml", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd"} {
		if code, _ := get(t, base+"__planpress/source?file="+other); code != 404 {
			t.Errorf("file %s not named by a problem: status %d", other, code)
		}
	}
	os.WriteFile(path, orig, 0o644)
	waitFor(t, base+"en/", 200)
	if code, _ := get(t, base+"__planpress/source?file=data%2Fannual%2F2025.toml"); code != 404 {
		t.Errorf("a file is still shown once its problem is fixed: %d", code)
	}
	// the terminal says it all in Chinese too: the build's progress, the
	// address, the failure with its problem, the rebuild
	terminal := log.String()
	for _, want := range []string{"正在写入页面…", "正在预览 " + base + "（按 Ctrl-C 停止）", "生成失败：\ndata/annual/2025.toml:" + n + ": 数值写成了文字", "已重新生成 "} {
		if !strings.Contains(terminal, want) {
			t.Errorf("the terminal lacks %q:\n%s", want, terminal)
		}
	}
	for _, l := range strings.Split(terminal, "\n") {
		if strings.TrimSpace(l) != "" && !regexp.MustCompile(`\p{Han}`).MatchString(l) {
			t.Errorf("a line of the terminal without Chinese: %q", l)
		}
	}
}

// lockedLog keeps the lines written to it (from several goroutines).
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestStatusPage: /_status/ lists every commitment once, escaped.
func TestStatusPage(t *testing.T) {
	root := testutil.CopyProject(t)
	base := start(t, root, diag.En)
	body := waitFor(t, base+"_status/?year=2025", 200)
	p, err := project.Load(root, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range p.Reg.Indicators {
		want := 0
		if ind.Commitment() {
			want = 1
		}
		if c := strings.Count(body, "<code>"+ind.ID+"</code>"); c != want {
			t.Errorf("%s shown %d times, want %d", ind.ID, c, want)
		}
	}
	if !strings.Contains(body, "To-do list 2025") || !strings.Contains(body, `<a href="/_status/?year=2024">2024</a>`) {
		t.Errorf("status page:\n%s", body)
	}
}
