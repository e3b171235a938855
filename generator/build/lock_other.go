//go:build !unix

package build

import "path/filepath"

func lockName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".planpress.lock")
}

// lockOut cannot lock here: one build at a time is up to the user.
func lockOut(out string, wait func()) (func(), error) { return func() {}, nil }

// isMountPoint cannot tell here.
func isMountPoint(dir string) bool { return false }
