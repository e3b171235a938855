// Package serve previews the site while it is edited: it builds in memory,
// serves on the loopback address, watches content/, data/ and templates/,
// rebuilds on change and reloads open pages; a failed build shows its
// errors in the page and the terminal instead of stale output.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"planpress/generator/build"
	"planpress/generator/diag"
	"planpress/generator/output"
)

// Options configure a preview server.
type Options struct {
	Root     string
	Addr     string        // host to listen on; default 127.0.0.1
	Port     int           // 0 picks a free port
	Poll     time.Duration // how often to look for changes; default 150 ms
	Log      io.Writer
	OnListen func(url string)
	Lang     string // the language of its lines, the build's progress, the error page and the to-do list (diag.En, diag.Zh)
}

// Server holds the current site in memory.
type Server struct {
	opt     Options
	mu      sync.RWMutex
	files   map[string][]byte
	pdfs    []output.File
	errText string        // the last build's error, "" when it succeeded
	errs    diag.Problems // the problems of the last build, nil when it succeeded
	version int           // increases with every build installed
	gen     int           // increases with every build started

	subMu sync.Mutex
	subs  map[chan int]bool

	hostMu sync.RWMutex
	port   string // the port listened on; "" before Run listens
	hosts  map[string]bool
	anyIP  bool // listening on every address: any IP address names it
}

// listening records the address the server listens on: from then on only
// requests whose Host names it (or localhost, 127.0.0.1, [::1] with its
// port) are answered. A web page cannot make a browser send such a Host
// to another site's name, so DNS rebinding cannot read the preview.
func (s *Server) listening(addr net.Addr) {
	host, port, _ := net.SplitHostPort(addr.String())
	s.hostMu.Lock()
	defer s.hostMu.Unlock()
	s.port = port
	s.hosts = map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, strings.ToLower(host): true, strings.ToLower(s.opt.Addr): true}
	delete(s.hosts, "") // a request without a Host names nothing
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		s.anyIP = true
	}
}

// hostAllowed reports whether a request's Host names this server.
// Before the server listens (requests made in tests), loopback names
// with any port are allowed.
func (s *Server) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, "80"
	}
	host = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	s.hostMu.RLock()
	defer s.hostMu.RUnlock()
	if s.port == "" {
		return IsLoopback(host)
	}
	if port != s.port {
		return false
	}
	return s.hosts[host] || s.anyIP && net.ParseIP(host) != nil
}

// New returns a server for the project at opt.Root.
func New(opt Options) *Server {
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1"
	}
	if opt.Poll == 0 {
		opt.Poll = 150 * time.Millisecond
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	return &Server{opt: opt, files: map[string][]byte{}, subs: map[chan int]bool{}}
}

// logf writes a line in the terminal: message key of data/i18n/messages.toml
// in the server's language.
func (s *Server) logf(key string, a ...any) { fmt.Fprintln(s.opt.Log, diag.T(s.opt.Lang, key, a...)) }

// buildOptions are the options of a build of the preview: its progress
// lines (those ending in …) go to the terminal in the server's language.
func (s *Server) buildOptions() build.Options {
	return build.Options{Root: s.opt.Root, Lang: s.opt.Lang, Log: progressOnly{s.opt.Log}}
}

// progressOnly passes on the progress lines of slow phases and drops detail.
type progressOnly struct{ w io.Writer }

func (p progressOnly) Write(b []byte) (int, error) {
	if strings.HasSuffix(strings.TrimSpace(string(b)), "…") {
		return p.w.Write(b)
	}
	return len(b), nil
}

// Rebuild builds the site in memory. Pages come first; the PDFs follow in
// the background when withPDF is set, so a change shows at once.
func (s *Server) Rebuild(withPDF bool) error {
	start := time.Now()
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	s.mu.RLock()
	keep := build.PDFFiles(s.pdfs)
	s.mu.RUnlock()
	files, sum, err := build.Render(s.buildOptions(), build.RenderOptions{PDF: len(keep) == 0, Keep: keep})
	if err != nil {
		s.mu.Lock()
		s.errText = err.Error()
		s.errs = diag.Of(err)
		s.version++
		s.mu.Unlock()
		s.logf("serve-build-failed")
		fmt.Fprintln(s.opt.Log, diag.Of(err).In(s.opt.Lang))
		s.notify()
		return err
	}
	s.install(files)
	s.logf("serve-rebuilt", sum.Pages, time.Since(start).Round(time.Millisecond).String())
	s.notify()
	if withPDF && len(keep) > 0 {
		go func() {
			files, _, err := build.Render(s.buildOptions(), build.RenderOptions{PDF: true})
			// a newer change has started a build of its own: leave it be
			if err != nil {
				s.mu.RLock()
				current := s.gen == gen
				s.mu.RUnlock()
				if current {
					s.logf("serve-pdfs-failed")
					fmt.Fprintln(s.opt.Log, diag.Of(err).In(s.opt.Lang))
				}
				return
			}
			if s.installIf(files, gen) {
				s.logf("serve-pdfs-updated")
				s.notify()
			}
		}()
	}
	return nil
}

// installIf installs files when no build started after build gen.
func (s *Server) installIf(files []output.File, gen int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen != gen {
		return false
	}
	s.setFiles(files)
	return true
}

func (s *Server) install(files []output.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setFiles(files)
}

// setFiles replaces the site; the caller holds s.mu.
func (s *Server) setFiles(files []output.File) {
	m := make(map[string][]byte, len(files))
	var pdfs []output.File
	for _, f := range files {
		m[f.Path] = f.Data
		if f.Doc != nil {
			pdfs = append(pdfs, f)
		}
	}
	s.files, s.pdfs, s.errText, s.errs = m, pdfs, "", nil
	s.version++
}

func (s *Server) notify() {
	s.mu.RLock()
	v := s.version
	s.mu.RUnlock()
	s.subMu.Lock()
	for ch := range s.subs {
		select {
		case ch <- v:
		default:
		}
	}
	s.subMu.Unlock()
}

// reloadJS reconnects to the event stream and reloads the page on a new build.
const reloadJS = `(function () {
  var es = new EventSource("/__planpress/events");
  var seen = null;
  es.onmessage = function (e) { if (seen !== null && e.data !== seen) { location.reload(); } seen = e.data; };
})();
`

// ServeHTTP serves the in-memory site. Paths are looked up in a map of the
// built files: nothing outside the site can be reached and no folder is
// listed. A request whose Host does not name the server gets 421.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		s.hostMu.RLock()
		port := s.port
		s.hostMu.RUnlock()
		http.Error(w, diag.T(s.opt.Lang, "serve-misdirected", port, r.Host), http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case "/__planpress/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case "/__planpress/events":
		s.events(w, r)
		return
	case "/__planpress/source":
		s.source(w, r)
		return
	case "/_status/", "/_status":
		s.status(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, diag.T(s.opt.Lang, "serve-method"), http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = strings.TrimSuffix(name, "/")
		if name != "" {
			name += "/"
		}
		name += "index.html"
	}
	s.mu.RLock()
	errText := s.errText
	data, ok := s.files[name]
	if _, dir := s.files[name+"/index.html"]; !ok && dir {
		s.mu.RUnlock()
		http.Redirect(w, r, p+"/", http.StatusFound)
		return
	}
	notFound := s.files["404.html"]
	s.mu.RUnlock()
	isHTML := strings.HasSuffix(name, ".html")
	if errText != "" && isHTML {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		s.mu.RLock()
		ps := s.errs
		s.mu.RUnlock()
		io.WriteString(w, errorPage(s.opt.Lang, errText, ps))
		return
	}
	status := http.StatusOK
	if !ok {
		status, data, isHTML = http.StatusNotFound, notFound, true
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if isHTML || ctype == "" {
		if isHTML {
			ctype = "text/html; charset=utf-8"
		} else {
			ctype = "application/octet-stream"
		}
	}
	if isHTML {
		data = bytes.Replace(data, []byte("</body>"), []byte(`<script src="/__planpress/reload.js"></script></body>`), 1)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// events streams the build version to the page (server-sent events).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan int, 1)
	s.subMu.Lock()
	s.subs[ch] = true
	s.subMu.Unlock()
	defer func() {
		s.subMu.Lock()
		delete(s.subs, ch)
		s.subMu.Unlock()
	}()
	s.mu.RLock()
	v := s.version
	s.mu.RUnlock()
	fmt.Fprintf(w, "data: %d\n\n", v)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			fmt.Fprintf(w, "data: %d\n\n", v)
			fl.Flush()
		}
	}
}

// snapshot describes the watched files: path, size and time of change.
func snapshot(root string) string {
	var lines []string
	for _, dir := range []string{"content", "data", "templates"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				lines = append(lines, fmt.Sprintf("%s %d %d", p, info.Size(), info.ModTime().UnixNano()))
			}
			return nil
		})
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// Run builds, serves and watches until ctx is cancelled.
func (s *Server) Run(ctx context.Context) error {
	last := snapshot(s.opt.Root) // before building: a change made meanwhile is seen
	if err := s.Rebuild(false); err != nil {
		s.logf("serve-error-page")
	}
	addr := net.JoinHostPort(s.opt.Addr, fmt.Sprint(s.opt.Port))
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return diag.MsgErr("", 0, err, "serve-port-in-use", addr)
	}
	if err != nil {
		return diag.MsgErr("", 0, err, "serve-listen-failed", addr, diag.Cause(err))
	}
	s.listening(ln.Addr())
	url := "http://" + ln.Addr().String() + "/"
	s.logf("serve-listening", url)
	if s.opt.OnListen != nil {
		s.opt.OnListen(url)
	}
	// request contexts end with ctx, so open event streams close on Ctrl-C
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	tick := time.NewTicker(s.opt.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			s.subMu.Lock()
			s.subs = map[chan int]bool{}
			s.subMu.Unlock()
			return nil
		case err := <-errc:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case <-tick.C:
			if now := snapshot(s.opt.Root); now != last {
				last = now
				s.Rebuild(true)
			}
		}
	}
}

// IsLoopback reports whether host is a loopback address or localhost.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
