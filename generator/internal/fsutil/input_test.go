//go:build unix

package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
	for name, want := range map[string]string{
		"pipe.toml":       "is a named pipe",
		"out.toml":        "outside the project",
		"zero.toml":       "outside the project",
		"dir/secret.toml": "outside the project",
		"big.toml":        "over the limit",
		"folder.toml":     "is a folder",
	} {
		_, err := ReadInput(root, filepath.Join(root, name), 1000)
		if err == nil || !strings.Contains(err.Error(), want) || !IsLimit(err) {
			t.Errorf("%s: %v, want %q", name, err, want)
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
