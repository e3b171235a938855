package indicator

import (
	"regexp"
	"sort"
	"strings"

	"planpress/generator/diag"
)

// A note refers to a source as {source:ID}; the presentation turns the
// reference into the page's citation (the source's title on the site, its
// number in a report) with CiteSources. A source id written as plain text is
// an error: readers never see ids.
var (
	reSourceRef = regexp.MustCompile(`\{source:([^{}]*)\}`)
	reWord      = regexp.MustCompile(`[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*`)
)

// CiteSources replaces each {source:ID} in text by cite(ID).
func CiteSources(text string, cite func(id string) string) string {
	if !strings.Contains(text, "{source:") {
		return text
	}
	return reSourceRef.ReplaceAllStringFunc(text, func(m string) string {
		return cite(reSourceRef.FindStringSubmatch(m)[1])
	})
}

// SourceRefs returns the ids of the {source:ID} references of text.
func SourceRefs(text string) []string {
	var ids []string
	for _, m := range reSourceRef.FindAllStringSubmatch(text, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// checkRefs checks the source references of a reader-facing text: each
// {source:ID} names a known source, and no source id with a digit (src06)
// stands in the text as a word. Ids without a digit ("plan") read as words
// and are not looked for.
func (r *Register) checkRefs(file string, line int, what any, t Text) diag.Problems {
	if r.broken["sources"] {
		return nil
	}
	var ps diag.Problems
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, lang := range keys {
		s := t[lang]
		for _, id := range SourceRefs(s) {
			if r.sources[id] == nil && !r.Unsure("sources", id) {
				ps = append(ps, diag.Msg(file, line, "cite-unknown", what, lang, id))
			}
		}
		for _, w := range reWord.FindAllString(reSourceRef.ReplaceAllString(s, " "), -1) {
			if strings.ContainsAny(w, "0123456789") && r.sources[w] != nil {
				ps = append(ps, diag.Msg(file, line, "cite-shown", what, lang, w))
			}
		}
	}
	return ps
}
