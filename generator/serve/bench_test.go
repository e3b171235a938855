package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"planpress/generator/internal/testutil"
)

// BenchmarkRebuild is what `serve` does after a one-file change: the pages
// of the whole site rebuilt in memory (the PDFs follow in the background
// and are not counted).
func BenchmarkRebuild(b *testing.B) {
	root := testutil.CopyProject(b)
	s := New(Options{Root: root})
	if err := s.Rebuild(false); err != nil { // the first build makes the PDFs
		b.Fatal(err)
	}
	path := filepath.Join(root, "content", "en", "about.md")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := os.WriteFile(path, fmt.Appendf(append([]byte(nil), src...), "\nChange %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := s.Rebuild(false); err != nil {
			b.Fatal(err)
		}
	}
}
