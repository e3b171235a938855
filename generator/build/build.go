// Package build is the orchestrator: load → check → assess → render →
// publish, with every output written to a staging folder and swapped into
// place only when the whole build succeeded.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"planpress/generator/diag"
	"planpress/generator/output"
	"planpress/generator/project"
	"planpress/generator/report"
	"planpress/generator/site"
)

// Options configure a build.
type Options struct {
	Root    string    // project folder
	FS      fs.FS     // the project's files instead of the folder's (Render only: tests in memory)
	Out     string    // output folder; default ROOT/public
	Workers int       // parallel renderers; 0 = one per CPU
	Log     io.Writer // progress messages (nil: none)
	Lang    string    // language of the progress messages (diag.En, diag.Zh; "": English)
}

// Phase is the time one step took.
type Phase struct {
	Name string
	Dur  time.Duration
}

// Summary tells what a build produced.
type Summary struct {
	Pages, PDFs, Files int
	Bytes              int64
	Phases             []Phase
	Total              time.Duration
	Warnings           []diag.Problem
	Out                string
}

// String is the one-line summary printed after a build, in English.
func (s *Summary) String() string { return s.In(diag.En) }

// In is the one-line summary in lang (message build-summary of
// data/i18n/messages.toml); the phases keep their names.
func (s *Summary) In(lang string) string {
	var ph []string
	for _, p := range s.Phases {
		ph = append(ph, fmt.Sprintf("%s %s", p.Name, round(p.Dur)))
	}
	return diag.T(lang, "build-summary", s.Pages, s.PDFs, s.Files, fmt.Sprintf("%.1f", float64(s.Bytes)/1e6), round(s.Total), strings.Join(ph, ", "), s.Out)
}

func round(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// Build runs the whole pipeline. Files are written to a staging folder as
// they are made (a PDF is not kept in memory once written) and the folder
// replaces the output only when everything succeeded; on any error the
// previous output is left exactly as it was.
func Build(opt Options) (*Summary, error) {
	start := time.Now()
	out, err := opt.OutDir()
	if err != nil {
		return nil, err
	}
	// checked before the lock is made (a refused output gets no lock file
	// beside it) and again under the lock
	if err := checkOut(out); err != nil {
		return nil, err
	}
	waitStart, waited := time.Now(), false
	unlock, err := lockOut(out, func() {
		waited = true
		if opt.Log != nil {
			fmt.Fprintln(opt.Log, diag.T(opt.Lang, "build-waiting", out))
		}
	})
	if err != nil {
		return nil, err
	}
	defer unlock()
	wait := time.Since(waitStart)
	if err := checkOut(out); err != nil {
		return nil, err
	}
	cleanLeftovers(out)
	staged, err := newStaging(out)
	if err != nil {
		return nil, err
	}
	prev := ""
	if fi, err := os.Lstat(out); err == nil && fi.IsDir() {
		prev = out
	}
	w := newWriter(staged, prev, writers)
	_, s, err := Render(opt, RenderOptions{PDF: true, Sink: w.write})
	t := time.Now()
	if werr := w.wait(); err == nil {
		err = werr
	}
	if err == nil {
		err = verifyStaged(staged)
	}
	if err != nil {
		os.RemoveAll(staged)
		return nil, err
	}
	s.Out = out
	if waited {
		// the time spent waiting for another build into the same output
		s.Phases = append([]Phase{{"wait", wait}}, s.Phases...)
	}
	published, err := swap(staged, out)
	if err != nil && !published {
		os.RemoveAll(staged)
		return nil, err
	}
	if err != nil {
		s.Warnings = append(s.Warnings, diag.Of(err)...)
	}
	// publish: waiting for the disk (while rendering and at the end),
	// the check of the staged tree and the swap
	s.Phases = append(s.Phases, Phase{"publish", time.Since(t) + time.Duration(w.blocked.Load())})
	s.Total = time.Since(start)
	return s, nil
}

// RenderOptions choose what Render produces.
type RenderOptions struct {
	PDF  bool          // write the PDFs (else the site lists the PDFs of Keep)
	Keep []output.File // PDFs of an earlier render, used when PDF is false
	// ListPDFs, with PDF false and no Keep, lists the PDFs the build would
	// make, as empty files, without making them (check: links only).
	ListPDFs bool
	// Sink, when set, receives every file as it is made (from several
	// goroutines), and Render returns no files.
	Sink func(output.File) error
}

// Render loads, checks, assesses and renders everything and returns the
// files of the site sorted by path, or hands them to ro.Sink.
func Render(opt Options, ro RenderOptions) ([]output.File, *Summary, error) {
	start := time.Now()
	logf := func(key string, a ...any) { // a progress line: key of data/i18n/messages.toml
		if opt.Log != nil {
			fmt.Fprintln(opt.Log, diag.T(opt.Lang, key, a...))
		}
	}
	s := &Summary{}
	phase := func(name string, t time.Time) { s.Phases = append(s.Phases, Phase{name, time.Since(t)}) }

	var mu sync.Mutex
	var files []output.File
	sums := map[string]string{}
	emit := func(f output.File) error {
		h := sha256.Sum256(f.Data)
		mu.Lock()
		if _, dup := sums[f.Path]; dup {
			mu.Unlock()
			return diag.Problems{diag.Msg("", 0, "out-path-twice", f.Path)}
		}
		sums[f.Path] = hex.EncodeToString(h[:])
		s.Bytes += int64(len(f.Data))
		s.Files++
		if strings.HasSuffix(f.Path, ".html") {
			s.Pages++
		}
		if ro.Sink == nil {
			files = append(files, f)
		}
		mu.Unlock()
		if ro.Sink != nil {
			return ro.Sink(f)
		}
		return nil
	}

	t := time.Now()
	p, err := project.Load(opt.Root, project.Options{NeedFonts: true, FS: opt.FS})
	var tmpl *site.Templates
	if err == nil {
		tmpl, err = site.LoadTemplates(p.FS)
	}
	phase("load+check", t)
	if err != nil {
		return nil, nil, diag.Of(err)
	}
	t = time.Now()
	if err := p.Assess(); err != nil {
		return nil, nil, diag.Of(err)
	}
	phase("assess", t)
	logf("build-fonts", p.Fonts.Describe())

	// the pages first, so that their files are written while the PDFs
	// are made; the downloads pages, which list the PDFs, last
	t = time.Now()
	logf("build-writing-pages")
	rd, pages, err := site.Start(p, site.Options{Workers: opt.Workers, Templates: tmpl})
	if err != nil {
		return nil, nil, diag.Of(err)
	}
	phase("html", t)
	htmlPhase := len(s.Phases) - 1
	for _, f := range pages {
		if err := emit(f); err != nil {
			return nil, nil, err
		}
	}

	pdfs := ro.Keep
	if ro.PDF {
		t = time.Now()
		logf("build-writing-pdfs")
		var warnings []diag.Problem
		pdfs, warnings, err = report.Render(p, report.Options{Workers: opt.Workers, Sink: emit})
		if err != nil {
			return nil, nil, err
		}
		s.Warnings = warnings
		phase("pdf", t)
	} else {
		if len(pdfs) == 0 && ro.ListPDFs {
			for _, d := range report.Docs(p) {
				pdfs = append(pdfs, output.File{Path: d.Path(), Doc: &d})
			}
		}
		for _, f := range pdfs {
			if err := emit(f); err != nil {
				return nil, nil, err
			}
		}
	}
	s.PDFs = len(pdfs)

	t = time.Now()
	rest, err := rd.Finish(pdfs)
	if err != nil {
		return nil, nil, diag.Of(err)
	}
	s.Phases[htmlPhase].Dur += time.Since(t)
	for _, f := range rest {
		if err := emit(f); err != nil {
			return nil, nil, err
		}
	}
	if err := emit(output.File{Path: MarkerName, Data: markerData}); err != nil {
		return nil, nil, err
	}
	if err := emit(output.File{Path: output.Checksums, Data: checksums(sums)}); err != nil {
		return nil, nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	s.Total = time.Since(start)
	return files, s, nil
}

// PDFFiles returns the PDFs among files, for RenderOptions.Keep.
func PDFFiles(files []output.File) []output.File {
	var out []output.File
	for _, f := range files {
		if f.Doc != nil {
			f.Size = len(f.Data)
			out = append(out, f)
		}
	}
	return out
}

// checksums is a SHA-256 manifest of every file, in sha256sum format.
func checksums(sums map[string]string) []byte {
	paths := make([]string, 0, len(sums))
	for p := range sums {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		b.WriteString(sums[p] + "  " + p + "\n")
	}
	return []byte(b.String())
}
