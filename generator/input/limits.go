package input

// Limits of the input files. They are far above what a plan needs (the
// largest real file, indicators.toml, is 83 KB; the largest paragraph of
// the plan 3 KB) and keep a pasting accident, a hostile file or a link to
// a device from hanging a build or exhausting memory.
const (
	// MaxDataFile is the largest TOML file under data/ (a register of
	// 10,000 indicators is about 8 MB).
	MaxDataFile = 16 << 20
	// MaxTextFile is the largest Markdown page or template.
	MaxTextFile = 4 << 20
	// MaxDepth is the deepest nesting of tables and arrays in a TOML file
	// (tables, inline tables, arrays and the parts of dotted keys; the
	// project's files go 3 deep).
	MaxDepth = 32
	// MaxParagraph is the longest paragraph of Markdown, in bytes.
	MaxParagraph = 64 << 10
	// MaxMarkup is the most emphasis, link and code marks (* _ ~ [ ] ` <)
	// in one paragraph: the Markdown converter's time grows faster than
	// linearly with them (the plan uses at most 20 in a paragraph).
	MaxMarkup = 1000
	// MaxString is the longest single-line text of the data (a title, a
	// name, a unit), in characters.
	MaxString = 2000
	// MaxText is the longest text of the data that may run over several
	// lines (a quote, a note), in characters.
	MaxText = 20000
)

// TOMLDepth returns the fault (KeyDeep) at the first line where the
// nesting of a TOML text goes deeper than MaxDepth; the zero Fault when it
// never does. It
// reads the text once, without recursion, so that a file nested millions
// of levels deep is refused before the decoder (which recurses) sees it.
// Strings and comments are skipped; tables ([a.b]), inline tables, arrays
// and dotted keys count one level each.
func TOMLDepth(data []byte) Fault {
	type level struct {
		kind byte // '[' or '{'
		n    int  // levels it adds: 1, plus the dots of the key it is the value of
	}
	line := 1
	var stack []level
	total := 0      // levels of the current [table] header and the open brackets
	key := true     // reading a key (line start, or after { or , in an inline table)
	dots := 0       // dots in the key being read, or in the table header
	pending := 0    // dots of the key whose value is being read
	header := false // inside a [table] header
	lineStart := true
	tooDeep := func() Fault { return Fault{line, KeyDeep, []any{MaxDepth}} }
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			line++
			if len(stack) == 0 {
				key, dots, pending, header = true, 0, 0, false
			}
			lineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
			continue
		case c == '"' || c == '\'':
			// a string: basic or literal, single- or multi-line
			q := c
			if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
				i += 3
				for i < len(data) {
					if data[i] == '\n' {
						line++
					}
					if q == '"' && data[i] == '\\' {
						i += 2
						continue
					}
					if i+2 < len(data) && data[i] == q && data[i+1] == q && data[i+2] == q {
						i += 2
						// up to two more quotes belong to the string
						for i+1 < len(data) && data[i+1] == q {
							i++
						}
						break
					}
					i++
				}
			} else {
				i++
				for i < len(data) && data[i] != q && data[i] != '\n' {
					if q == '"' && data[i] == '\\' {
						i++
					}
					i++
				}
				if i < len(data) && data[i] == '\n' {
					i-- // an unclosed string: the decoder reports it
				}
			}
			lineStart = false
			continue
		}
		if lineStart && len(stack) == 0 && c == '[' {
			header, dots = true, 0
			for i+1 < len(data) && data[i+1] == '[' {
				i++
			}
			lineStart = false
			continue
		}
		lineStart = false
		switch {
		case header:
			switch c {
			case '.', '[':
				dots++
				if 1+dots > MaxDepth {
					return tooDeep()
				}
			case ']':
				header = false
				total, dots = 1+dots, 0
			}
		case key:
			switch c {
			case '.':
				dots++
				if total+dots+1 > MaxDepth {
					return tooDeep()
				}
			case '=':
				key, pending, dots = false, dots, 0
			case '}':
				if n := len(stack); n > 0 {
					total -= stack[n-1].n
					stack = stack[:n-1]
				}
				key = false
			}
		default:
			switch c {
			case '[', '{':
				l := level{c, 1 + pending}
				pending = 0
				stack = append(stack, l)
				total += l.n
				if total > MaxDepth {
					return tooDeep()
				}
				if c == '{' {
					key, dots = true, 0
				}
			case ']', '}':
				if n := len(stack); n > 0 {
					total -= stack[n-1].n
					stack = stack[:n-1]
				}
			case ',':
				pending = 0
				if n := len(stack); n > 0 && stack[n-1].kind == '{' {
					key, dots = true, 0
				}
			}
		}
	}
	return Fault{}
}

// Markup counts the marks of emphasis, links and code (* _ ~ [ ] ` <) in
// a paragraph of Markdown that are not escaped with a backslash.
func Markup(p []byte) int {
	n := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '*', '_', '~', '[', ']', '`', '<':
			n++
		}
	}
	return n
}

// SingleLine reports the first control character of a one-line setting
// (newline, tab, other C0 and C1 controls, DEL), or -1 when it has none.
func SingleLine(s string) rune {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 {
			return r
		}
	}
	return -1
}
