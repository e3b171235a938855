package diag

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestDecodeTOMLLines(t *testing.T) {
	type entry struct {
		ID    string `toml:"id"`
		Count int    `toml:"count"`
	}
	var v struct {
		Entry []entry `toml:"entry"`
	}
	for name, c := range map[string]struct {
		src   string
		first int
		ok    bool
		want  string
	}{
		"syntax":         {"[[entry]]\nid = \"a\ncount = 1\n", 0, false, "f.toml:2:"},
		"type":           {"[[entry]]\nid = \"a\"\ncount = \"one\"\n", 0, false, "f.toml:3: TOML: "},
		"unknown key":    {"[[entry]]\nid = \"a\"\ncuont = 1\n", 0, true, `f.toml:3: unknown key "entry.cuont"`},
		"from line 5":    {"[[entry]]\nid = \"a\"\ncuont = 1\n", 5, true, `f.toml:7: unknown key "entry.cuont"`},
		"empty":          {"  \n", 0, false, "f.toml:1: file is empty"},
		"control bytes":  {"[[entry]]\nid = \"a\x01\"\n", 0, false, "f.toml:2:"},
		"syntax, line 5": {"[[entry]]\nid = \"a\ncount = 1\n", 5, false, "f.toml:6:"},
	} {
		v.Entry = nil
		_, ps, ok := DecodeTOML("f.toml", []byte(c.src), &v, TOML{First: c.first})
		if ok != c.ok || len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), c.want) {
			t.Errorf("%s: ok %v, problems %v; want ok %v and one problem starting %q", name, ok, ps, c.ok, c.want)
		}
	}
	txt, ps, ok := DecodeTOML("f.toml", []byte("[[entry]]\nid = \"a\"\n\n[[entry]]\nid = \"b\"\ncount = 2\n"), &v, TOML{})
	if !ok || len(ps) != 0 || txt.EntryLine("entry", 1) != 4 || txt.KeyLine("count", 4) != 6 {
		t.Errorf("entry lines: ok %v, %v, entry 1 at %d, count at %d", ok, ps, txt.EntryLine("entry", 1), txt.KeyLine("count", 4))
	}
}

func TestProblemsAreErrors(t *testing.T) {
	cause := errors.New("template: base.html:3: unexpected }")
	err := fmt.Errorf("build: %w", Of(cause))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || !errors.Is(err, cause) {
		t.Fatalf("Of(cause) wrapped: as Problems %v, is cause %v", errors.As(err, &ps), errors.Is(err, cause))
	}
	if got := ps[0].Error(); got != cause.Error() {
		t.Errorf("a problem without a file reads %q, want the cause's text", got)
	}
	p := Problem{File: "data/x.toml", Line: 3, Col: 7, Msg: "bad", Hint: "fix it"}
	if got := p.Error(); got != "data/x.toml:3:7: bad (fix it)" {
		t.Errorf("Error() = %q", got)
	}
	if got := Of(Problems{p}); len(got) != 1 || !reflect.DeepEqual(got[0], p) {
		t.Errorf("Of(Problems) = %v, want them unchanged", got)
	}
}

func TestRunReturnsTheFirstErrorInJobOrder(t *testing.T) {
	var jobs []func() error
	for i := 0; i < 50; i++ {
		jobs = append(jobs, func() error {
			if i%10 == 7 {
				return fmt.Errorf("job %d", i)
			}
			return nil
		})
	}
	if err := Run(jobs, 4); err == nil || err.Error() != "job 7" {
		t.Errorf("Run = %v, want job 7", err)
	}
	if err := Run(nil, 0); err != nil {
		t.Errorf("Run of no job = %v", err)
	}
}

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{"pm25-annual-mean": true, "a": true, "ch2-s3": true, "": false, "-a": false, "a--b": false, "A": false, "a_b": false, strings.Repeat("a", 65): false} {
		if ValidID(s) != want {
			t.Errorf("ValidID(%q) = %v", s, !want)
		}
	}
}

func TestCauseNamesCommonErrors(t *testing.T) {
	dir := t.TempDir()
	_, notFound := os.ReadFile(filepath.Join(dir, "nope.toml"))
	_, isDir := os.ReadFile(dir)
	for name, c := range map[string]struct {
		err    error
		en, zh string
	}{
		"not found": {notFound, filepath.Join(dir, "nope.toml") + ": no such file or folder", filepath.Join(dir, "nope.toml") + "：没有这个文件或文件夹"},
		"a folder":  {isDir, dir + " is a folder, not a file", dir + " 是文件夹，不是文件"},
		"no space":  {&os.PathError{Op: "write", Path: "/x/y", Err: syscall.ENOSPC}, "no space left on the disk of /x/y", "/x/y 所在的磁盘空间已满"},
		"denied":    {&os.PathError{Op: "open", Path: "/x/y", Err: syscall.EACCES}, "/x/y: permission denied", "/x/y：没有权限"},
	} {
		p := Msg("", 0, "cli-internal", Cause(c.err))
		if got := p.In(En); !strings.Contains(got, c.en) {
			t.Errorf("%s: %q lacks %q", name, got, c.en)
		}
		if got := p.In(Zh); !strings.Contains(got, c.zh) {
			t.Errorf("%s: %q lacks %q", name, got, c.zh)
		}
	}
	other := errors.New("something else")
	if Cause(other) != other || Cause(&os.PathError{Op: "open", Path: "/x", Err: syscall.EINVAL}).(error).Error() != "open /x: invalid argument" {
		t.Errorf("an uncommon error is not kept as it is")
	}
	if Cause(nil) != nil {
		t.Errorf("Cause(nil) is not nil")
	}
}
