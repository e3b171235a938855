//go:build unix

package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"planpress/generator/diag"
)

// TestReadInputRefuses: named pipes, devices, folders, links leaving the
// project and files over the limit are refused with a message, at once
// (a named pipe with no writer would block a plain open forever).
func TestReadInputRefuses(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "ok.toml"), "a = 1\n")
	write(filepath.Join(outside, "secret.toml"), "a = 1\n")
	write(filepath.Join(root, "big.toml"), strings.Repeat("x", 2000))
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(outside, "secret.toml"), filepath.Join(root, "out.toml"))
	os.Symlink(filepath.Join(root, "ok.toml"), filepath.Join(root, "in.toml"))
	os.Symlink("/dev/zero", filepath.Join(root, "zero.toml"))
	os.Symlink(outside, filepath.Join(root, "dir"))
	os.Mkdir(filepath.Join(root, "folder.toml"), 0o755)

	if data, err := ReadInput(root, filepath.Join(root, "ok.toml"), 1000); err != nil || string(data) != "a = 1\n" {
		t.Errorf("a regular file: %q %v", data, err)
	}
	if data, err := ReadInput(root, filepath.Join(root, "in.toml"), 1000); err != nil || string(data) != "a = 1\n" {
		t.Errorf("a link inside the project: %q %v", data, err)
	}
	for name, want := range map[string][2]string{
		"pipe.toml":       {"is a named pipe", "是命名管道，不是普通文件（换成普通文件）"},
		"out.toml":        {"outside the project", "是符号链接，指向项目之外的 " + filepath.Join(outside, "secret.toml") + "（把文件复制到项目里"},
		"zero.toml":       {"outside the project", "是符号链接，指向项目之外的 /dev/zero（"},
		"dir/secret.toml": {"outside the project", "指向项目之外的"},
		"big.toml":        {"over the limit", "文件大小为 2 KB，超过了这类文件 1 KB 的上限（"},
		"folder.toml":     {"is a folder", "是文件夹，不是普通文件"},
	} {
		_, err := ReadInput(root, filepath.Join(root, name), 1000)
		if err == nil || !strings.Contains(err.Error(), want[0]) || !IsLimit(err) {
			t.Errorf("%s: %v, want %q", name, err, want[0])
			continue
		}
		// the message reads in Chinese, also as the argument of the
		// problem that names the file
		var le *LimitError
		errors.As(err, &le)
		if zh := le.In(diag.Zh); !strings.Contains(zh, want[1]) {
			t.Errorf("%s in Chinese: %s, want %q", name, zh, want[1])
		}
		p := diag.MsgErr(name, 0, err, "file-limit", err)
		if got := p.Error(); got != name+": "+err.Error() {
			t.Errorf("%s: the problem reads %q in English", name, got)
		}
		if got := p.In(diag.Zh); !strings.HasPrefix(got, name+": ") || !strings.Contains(got, want[1]) {
			t.Errorf("%s: the problem reads %q in Chinese", name, got)
		}
	}
	// without a root (fonts), links may lead anywhere, but devices are
	// still refused
	if _, err := ReadInput("", filepath.Join(root, "zero.toml"), 1000); err == nil || !strings.Contains(err.Error(), "is a device") {
		t.Errorf("/dev/zero without a root: %v", err)
	}
	if _, err := ReadFile(filepath.Join(root, "pipe.toml"), 1000); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("ReadFile of a pipe: %v", err)
	}
}

// TestRefusalsInChinese: every kind of file that is not a regular file is
// named in Chinese.
func TestRefusalsInChinese(t *testing.T) {
	for mode, want := range map[os.FileMode]string{
		os.ModeDir:       "是文件夹，",
		os.ModeNamedPipe: "是命名管道，",
		os.ModeSocket:    "是套接字，",
		os.ModeDevice:    "是设备文件，",
		os.ModeIrregular: "是特殊文件，",
	} {
		var le *LimitError
		if err := notRegular(mode); !errors.As(err, &le) || !strings.HasPrefix(le.In(diag.Zh), want) || !strings.HasSuffix(le.In(diag.Zh), "不是普通文件（换成普通文件）") {
			t.Errorf("%v: %v", mode, err)
		}
	}
}
