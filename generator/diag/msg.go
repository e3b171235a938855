package diag

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"planpress/data/i18n"
)

// The languages of the command's messages: English and simplified Chinese
// (the staff who update the data read simplified characters).
const (
	En = "en"
	Zh = "zh"
)

// Langs are the languages every message of the catalogue is written in.
var Langs = []string{En, Zh}

// entry is one message of the catalogue: its text and its hint by language.
type entry map[string]string

var catalogue = mustCatalogue(i18n.Messages)

func mustCatalogue(data []byte) map[string]entry {
	c, err := ParseCatalogue(data)
	if err != nil {
		panic("data/i18n/messages.toml: " + err.Error())
	}
	return c
}

// ParseCatalogue reads a message catalogue: one table per key, with the
// text under each language code and the hint under hint-CODE.
func ParseCatalogue(data []byte) (map[string]entry, error) {
	var c map[string]entry
	if _, err := toml.Decode(string(data), &c); err != nil {
		return nil, fmt.Errorf("reading the message catalogue: %w", err)
	}
	return c, nil
}

// Keys are the keys of the catalogue, sorted.
func Keys() []string {
	out := make([]string, 0, len(catalogue))
	for k := range catalogue {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Entry returns the raw text of a key in a language (field "en", "zh",
// "hint-en", …); "" when absent.
func Entry(key, field string) string { return catalogue[key][field] }

// Phrase is a part of a message that is itself in the catalogue (the "value
// of X" of "value of X is negative"); it is put in the language of the
// message it is part of.
type Phrase struct {
	Key  string
	Args []any
}

// Localized is an argument of a message that is itself written in the
// message's language: a Phrase, a Problem (its text and hint, without a
// place), or an error that knows its catalogue message.
type Localized interface {
	In(lang string) string
}

// P is the phrase of key with its arguments.
func P(key string, args ...any) Phrase { return Phrase{key, args} }

// String is the phrase in English.
func (p Phrase) String() string { return T(En, p.Key, p.Args...) }

// In is the phrase in lang.
func (p Phrase) In(lang string) string { return T(lang, p.Key, p.Args...) }

// T is the message key in lang, with its arguments; English when lang has
// no text for it, the key itself when the catalogue lacks it.
func T(lang, key string, args ...any) string {
	return format(lang, key, "", args)
}

// Hint is the hint of message key in lang; "" when the message has none.
func Hint(lang, key string, args ...any) string {
	return format(lang, key, "hint-", args)
}

func format(lang, key, prefix string, args []any) string {
	e := catalogue[key]
	f, ok := e[prefix+lang]
	if !ok {
		f, ok = e[prefix+En]
	}
	if !ok {
		if prefix != "" {
			return ""
		}
		return key
	}
	if len(args) == 0 || !strings.Contains(f, "%") {
		return f
	}
	local := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case Localized: // a Phrase, a Problem, a refused file (fsutil)
			local[i] = a.In(lang)
		case []Phrase:
			parts := make([]string, len(a))
			for j, p := range a {
				parts[j] = p.In(lang)
			}
			local[i] = strings.Join(parts, T(lang, "list-sep"))
		default:
			local[i] = a
		}
	}
	return fmt.Sprintf(f, local...)
}

// Msg is the problem of catalogue message key, with its hint, at a line
// of a file (line 0: the file as a whole, file "": no file).
func Msg(file string, line int, key string, args ...any) Problem {
	return Problem{File: file, Line: line, Key: key, Args: args, Msg: T(En, key, args...), Hint: Hint(En, key, args...)}
}

// MsgErr is Msg wrapping the error that caused the problem.
func MsgErr(file string, line int, cause error, key string, args ...any) Problem {
	p := Msg(file, line, key, args...)
	p.Err = cause
	return p
}

var reVerb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Verbs are the placeholders of a catalogue text (%[1]q, %d, …), each with
// its argument index made explicit, sorted: two languages of a message
// must have the same.
func Verbs(s string) []string {
	var out []string
	n := 0
	for _, v := range reVerb.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		if m := regexp.MustCompile(`^%\[(\d+)\]`).FindStringSubmatch(v); m != nil {
			n, _ = strconv.Atoi(m[1])
			out = append(out, v)
			continue
		}
		n++
		out = append(out, "%["+strconv.Itoa(n)+"]"+v[1:])
	}
	sort.Strings(out)
	return out
}

// In is the problem in lang, shaped as Error shapes it: file:line:col:
// message (hint); Chinese puts the hint in full-width parentheses.
// Problems not from the catalogue keep their English text.
func (p Problem) In(lang string) string {
	if lang == "" || lang == En || p.Key == "" {
		return p.Error()
	}
	q := p
	q.Msg = T(lang, p.Key, p.Args...)
	q.Hint = Hint(lang, p.Key, p.Args...)
	s := q.location()
	if s != "" {
		s += ": "
	}
	s += q.Msg
	if q.Hint != "" {
		s += "（" + q.Hint + "）"
	}
	return s
}

// In lists the problems in lang, one a line.
func (ps Problems) In(lang string) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Lang is the language of the command's messages: the flag when given,
// else the locale (LC_ALL, LC_MESSAGES, LANG: zh… is Chinese, any other
// set locale English), else the site's source language.
func Lang(flag string, getenv func(string) string, source string) string {
	if flag != "" {
		return norm(flag)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return norm(v)
		}
	}
	return norm(source)
}

func norm(s string) string {
	if strings.HasPrefix(strings.ToLower(s), "zh") {
		return Zh
	}
	return En
}

// ValidLang reports whether s names a language of the messages (--lang).
func ValidLang(s string) bool {
	s = strings.ToLower(s)
	return s == "en" || strings.HasPrefix(s, "en-") || s == "zh" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "en_")
}
