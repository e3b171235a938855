// Package i18n holds the message catalogue of the planpress command
// (messages.toml): every message of check, build, serve, new-year, import,
// status, import-values and export-values, with its hint, in each language
// of the command. The site's own UI strings are the other files here.
package i18n

import _ "embed"

// Messages is the text of messages.toml.
//
//go:embed messages.toml
var Messages []byte
