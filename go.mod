// The project folder. Its Go code is the module in generator/ (module
// planpress), joined to this folder by go.work, so that from here
// `go run ./generator`, `go install ./generator` (a command named
// planpress) and `go test ./generator/...` work.
module planpress.project

go 1.26.8
