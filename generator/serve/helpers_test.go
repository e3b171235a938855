package serve

import (
	"bytes"
	"net/http"

	"planpress/generator/output"
)

type buildFile struct{ path, data string }

type buildFiles []buildFile

func (bs buildFiles) files() []output.File {
	var out []output.File
	for _, b := range bs {
		out = append(out, output.File{Path: b.path, Data: []byte(b.data)})
	}
	return out
}

type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(c int)           { r.code = c }

type testLog struct{ t interface{ Log(...any) } }

func (l testLog) Write(b []byte) (int, error) { l.t.Log(string(b)); return len(b), nil }
