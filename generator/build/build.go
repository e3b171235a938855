// Package build is the orchestrator: load → check → assess → render →
// publish, with every output written to a staging folder and swapped into
// place only when the whole build succeeded.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"planpress/generator/project"
	"planpress/generator/report"
	"planpress/generator/site"
)

// Options configure a build.
type Options struct {
	Root    string    // project folder
	Out     string    // output folder; default ROOT/public
	Workers int       // parallel renderers; 0 = one per CPU
	Log     io.Writer // progress messages (nil: none)
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
	Warnings           []string
	Out                string
}

// String is the one-line summary printed after a build.
func (s *Summary) String() string {
	var ph []string
	for _, p := range s.Phases {
		ph = append(ph, fmt.Sprintf("%s %s", p.Name, round(p.Dur)))
	}
	return fmt.Sprintf("built %d pages, %d PDFs, %d files, %.1f MB in %s (%s) → %s",
		s.Pages, s.PDFs, s.Files, float64(s.Bytes)/1e6, round(s.Total), strings.Join(ph, ", "), s.Out)
}

func round(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// InputError wraps problems in the user's input (exit code 1).
type InputError struct{ Err error }

// Error returns the message of the wrapped error.
func (e *InputError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *InputError) Unwrap() error { return e.Err }

type outFile struct {
	Path string
	Data []byte
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
			fmt.Fprintf(opt.Log, "waiting for another build into %s to finish…\n", out)
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
		s.Warnings = append(s.Warnings, err.Error())
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
	Keep []report.File // PDFs of an earlier render, used when PDF is false
	// Sink, when set, receives every file as it is made (from several
	// goroutines), and Render returns no files.
	Sink func(File) error
}

// File is an output file: its site path and bytes.
type File = outFile

// Render loads, checks, assesses and renders everything and returns the
// files of the site sorted by path, or hands them to ro.Sink.
func Render(opt Options, ro RenderOptions) ([]File, *Summary, error) {
	start := time.Now()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	s := &Summary{}
	phase := func(name string, t time.Time) { s.Phases = append(s.Phases, Phase{name, time.Since(t)}) }

	var mu sync.Mutex
	var files []File
	sums := map[string]string{}
	emit := func(f File) error {
		h := sha256.Sum256(f.Data)
		mu.Lock()
		if _, dup := sums[f.Path]; dup {
			mu.Unlock()
			return &InputError{fmt.Errorf("%s is made twice: two sources want the same output path (rename one of them)", f.Path)}
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
	p, err := project.Load(opt.Root, project.Options{NeedFonts: true, SkipAssess: true})
	var tmpl *site.Templates
	if err == nil {
		tmpl, err = site.LoadTemplates(opt.Root)
	}
	phase("load+check", t)
	if err != nil {
		return nil, nil, &InputError{err}
	}
	t = time.Now()
	if err := p.Assess(); err != nil {
		return nil, nil, &InputError{err}
	}
	phase("assess", t)
	logf("fonts: %s", p.Fonts.Describe())

	// the pages first, so that their files are written while the PDFs
	// are made; the downloads pages, which list the PDFs, last
	t = time.Now()
	logf("writing pages…")
	rd, pages, err := site.Start(p, site.Options{Workers: opt.Workers, Templates: tmpl})
	if err != nil {
		return nil, nil, &InputError{err}
	}
	phase("html", t)
	htmlPhase := len(s.Phases) - 1
	for _, f := range pages {
		if err := emit(File{Path: f.Path, Data: f.Data}); err != nil {
			return nil, nil, err
		}
	}

	pdfs := ro.Keep
	if ro.PDF {
		t = time.Now()
		logf("writing PDFs…")
		var warnings []string
		pdfs, warnings, err = report.Render(p, report.Options{Workers: opt.Workers, Sink: func(f report.File) error {
			return emit(File{Path: f.Path, Data: f.Data})
		}})
		if err != nil {
			return nil, nil, err
		}
		s.Warnings = warnings
		phase("pdf", t)
	} else {
		for _, f := range pdfs {
			if err := emit(File{Path: f.Path, Data: f.Data}); err != nil {
				return nil, nil, err
			}
		}
	}
	s.PDFs = len(pdfs)

	t = time.Now()
	var infos []site.PDFInfo
	for _, f := range pdfs {
		infos = append(infos, site.PDFInfo{Path: f.Path, Lang: f.Lang, Kind: f.Kind, Year: f.Year, Size: f.Size})
	}
	rest, err := rd.Finish(infos)
	if err != nil {
		return nil, nil, &InputError{err}
	}
	s.Phases[htmlPhase].Dur += time.Since(t)
	for _, f := range rest {
		if err := emit(File{Path: f.Path, Data: f.Data}); err != nil {
			return nil, nil, err
		}
	}
	if err := emit(File{Path: MarkerName, Data: markerData}); err != nil {
		return nil, nil, err
	}
	if err := emit(File{Path: "checksums.txt", Data: checksums(sums)}); err != nil {
		return nil, nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	s.Total = time.Since(start)
	return files, s, nil
}

// PDFFiles returns the PDFs among files, for RenderOptions.Keep.
func PDFFiles(files []File) []report.File {
	var out []report.File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".pdf") {
			rf := report.File{Path: f.Path, Data: f.Data, Size: len(f.Data)}
			for _, l := range project.Langs {
				if strings.HasSuffix(f.Path, "-"+l+".pdf") {
					rf.Lang = l
				}
			}
			if strings.Contains(f.Path, "progress-report-") {
				rf.Kind = "report"
				fmt.Sscanf(strings.TrimPrefix(path.Base(f.Path), "progress-report-"), "%d", &rf.Year)
			} else {
				rf.Kind = "plan"
			}
			out = append(out, rf)
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
