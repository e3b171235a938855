package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// Txtar reads a txtar archive: a comment, then files, each introduced by a
// line "-- name --" and running to the next such line. Leading and trailing
// blank lines of the archive's text are dropped; each file ends in a
// newline.
func Txtar(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	files := fstest.MapFS{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			files[name] = &fstest.MapFile{Data: []byte(strings.Join(body, "\n") + "\n"), Mode: 0o644}
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(archive), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			flush()
			name = strings.TrimSpace(line[3 : len(line)-3])
			if !fs.ValidPath(name) {
				t.Fatalf("txtar: %q is not a valid file name", name)
			}
			if _, dup := files[name]; dup {
				t.Fatalf("txtar: %s is given twice", name)
			}
			body = nil
			continue
		}
		if name != "" {
			body = append(body, line)
		}
	}
	flush()
	return files
}

// ProjectFS is a whole project in memory: the files of a txtar archive over
// the real project's templates/ and data/i18n/ (an archive file of the same
// name wins). Tests build it with build.Render and FS, as Hugo's
// IntegrationTestBuilder builds its txtar sites.
func ProjectFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	files := Txtar(t, archive)
	root := Root(t)
	for _, dir := range []string{"templates", "data/i18n"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			name := filepath.ToSlash(rel)
			if _, given := files[name]; given {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[name] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}
