package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planpress/generator/internal/testutil"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeRebuildsAndReloads(t *testing.T) {
	root := testutil.CopyProject(t)
	urlc := make(chan string, 1)
	s := New(Options{Root: root, Port: 0, Poll: 50 * time.Millisecond, Log: testLog{t}, OnListen: func(u string) { urlc <- u }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	var base string
	select {
	case base = <-urlc:
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("not on loopback: %s", base)
	}
	code, body := get(t, base+"en/plan/ch3/")
	if code != 200 || !strings.Contains(body, "/__planpress/reload.js") {
		t.Fatalf("page: %d, reload script present: %v", code, strings.Contains(body, "reload.js"))
	}
	// an open page listens for builds
	resp, err := http.Get(base + "__planpress/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	first, _ := events.ReadString('\n')

	// a change to the text shows without restarting
	path := filepath.Join(root, "content", "en", "plan", "ch3.md")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "III. Taking Solid Steps", "III. Taking Very Solid Steps", 1)), 0o644)
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, body = get(t, base+"en/plan/ch3/")
		if strings.Contains(body, "Taking Very Solid Steps") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the change did not show")
		}
		time.Sleep(50 * time.Millisecond)
	}
	events.ReadString('\n') // blank line after the first event
	next, _ := events.ReadString('\n')
	if next == first || !strings.HasPrefix(next, "data: ") {
		t.Errorf("no reload event after the rebuild: %q then %q", first, next)
	}

	// a broken input shows the error in the page
	os.WriteFile(filepath.Join(root, "data", "areas.toml"), []byte("[[area]\n"), 0o644)
	deadline = time.Now().Add(30 * time.Second)
	for {
		code, body = get(t, base+"en/")
		if code == 500 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the error did not show")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(body, "data/areas.toml:") {
		t.Errorf("error page does not name the file and line:\n%s", body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Ctrl-C did not stop the server")
	}
}

func TestServeRefusesTraversal(t *testing.T) {
	s := New(Options{})
	s.install(buildFiles{{"index.html", "<p>home</p></body>"}, {"en/index.html", "<p>en</p></body>"}, {"404.html", "not found</body>"}}.files())
	for _, p := range []string{"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/../../go.mod", "/..%2fgo.mod", "/assets/", "/en/..%5c..%5cgo.mod"} {
		req, _ := http.NewRequest("GET", "http://127.0.0.1"+p, nil)
		rec := &recorder{header: http.Header{}}
		s.ServeHTTP(rec, req)
		if rec.code == 200 && !strings.Contains(rec.body.String(), "home") && !strings.Contains(rec.body.String(), "en") {
			t.Errorf("%s served %q", p, rec.body.String())
		}
		if strings.Contains(rec.body.String(), "root:") || strings.Contains(rec.body.String(), "module planpress") {
			t.Errorf("%s leaked a file outside the site", p)
		}
	}
}

func TestLoopback(t *testing.T) {
	for h, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "0.0.0.0": false, "192.168.1.2": false, "": false} {
		if IsLoopback(h) != want {
			t.Errorf("IsLoopback(%q) = %v", h, !want)
		}
	}
}
