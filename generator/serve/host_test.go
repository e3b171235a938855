package serve

import (
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestServeChecksHost: only requests whose Host is the listening address,
// localhost, 127.0.0.1 or [::1] with the server's port are answered;
// others (a rebinding DNS name, another port, no Host) get 421.
func TestServeChecksHost(t *testing.T) {
	s := New(Options{})
	s.install(buildFiles{{"index.html", "<p>home</p></body>"}, {"404.html", "not found</body>"}}.files())
	s.listening(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	get := func(host string) (int, string) {
		req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/", nil)
		req.Host = host
		rec := &recorder{header: http.Header{}}
		s.ServeHTTP(rec, req)
		return rec.code, rec.body.String()
	}
	for _, h := range []string{"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"} {
		if code, body := get(h); code != 0 && code != 200 || !strings.Contains(body, "home") {
			t.Errorf("Host %q: %d %q", h, code, body)
		}
	}
	for _, h := range []string{"evil.example:8080", "evil.example", "127.0.0.1:9090", "localhost", "", "127.0.0.2:8080", "192.168.1.2:8080", "localhost.evil.example:8080"} {
		code, body := get(h)
		if code != http.StatusMisdirectedRequest || strings.Contains(body, "home") || !strings.Contains(body, "127.0.0.1:8080") {
			t.Errorf("Host %q: %d %q", h, code, body)
		}
	}
	// the reload script and the event stream are guarded as well
	req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/__planpress/reload.js", nil)
	req.Host = "evil.example:8080"
	rec := &recorder{header: http.Header{}}
	s.ServeHTTP(rec, req)
	if rec.code != http.StatusMisdirectedRequest {
		t.Errorf("reload.js for another Host: %d", rec.code)
	}

	// listening on every address, any IP address with the port names it,
	// but no other name does
	all := New(Options{Addr: "0.0.0.0"})
	all.listening(&net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	for h, want := range map[string]bool{"192.168.1.2:8080": true, "[fe80::1]:8080": true, "localhost:8080": true, "evil.example:8080": false, "192.168.1.2:80": false} {
		if got := all.hostAllowed(h); got != want {
			t.Errorf("on 0.0.0.0, Host %q allowed = %v", h, got)
		}
	}
}
