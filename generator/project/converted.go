package project

import (
	"fmt"
	"io/fs"
	"reflect"

	"planpress/generator/convert"
	"planpress/generator/diag"
	"planpress/generator/indicator"
)

// converted is an edition made by conversion, with its converter.
type converted struct {
	ed       *Edition
	from, to string // data keys
	c        *convert.Converter
}

// converters loads the phrase table of every converted edition.
func (p *Project) converters(fsys fs.FS) ([]*converted, diag.Problems) {
	var out []*converted
	var ps diag.Problems
	for i := range p.Editions {
		e := &p.Editions[i]
		if e.ConvertFrom == "" {
			continue
		}
		c, err := convert.Load(fsys, e.Code)
		if err != nil {
			ps = append(ps, diag.Of(err)...)
			continue
		}
		out = append(out, &converted{ed: e, from: p.Key(e.ConvertFrom), to: e.DataKey, c: c})
	}
	return out, ps
}

// fill sets the edition's text in every multilingual field of v (a
// pointer to loaded data) to the conversion of the text it is converted
// from; where names the file for the phrase table's keeps.
func (cv *converted) fill(v any, where string) error {
	seen := map[uintptr]bool{}
	var walk func(reflect.Value) error
	textType := reflect.TypeOf(indicator.Text(nil))
	walk = func(x reflect.Value) error {
		switch x.Kind() {
		case reflect.Pointer:
			if x.IsNil() || seen[x.Pointer()] {
				return nil
			}
			seen[x.Pointer()] = true
			return walk(x.Elem())
		case reflect.Interface:
			if x.IsNil() {
				return nil
			}
			return walk(x.Elem())
		case reflect.Struct:
			for i := 0; i < x.NumField(); i++ {
				if x.Type().Field(i).IsExported() {
					if err := walk(x.Field(i)); err != nil {
						return err
					}
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < x.Len(); i++ {
				if err := walk(x.Index(i)); err != nil {
					return err
				}
			}
		case reflect.Map:
			if x.Type() == textType {
				t := x.Interface().(indicator.Text)
				if s, ok := t[cv.from]; ok {
					if _, own := t[cv.to]; !own {
						c, err := cv.c.Text(where, s)
						if err != nil {
							return err
						}
						t[cv.to] = c
					}
				}
				return nil
			}
			if x.IsNil() || seen[x.Pointer()] {
				return nil
			}
			seen[x.Pointer()] = true
			it := x.MapRange()
			for it.Next() {
				if err := walk(it.Value()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(reflect.ValueOf(v)); err != nil {
		return fmt.Errorf("converting the %s text of %s: %w", cv.ed.Code, where, err)
	}
	return nil
}

// quotes converts every quote of the register (indicators and Table 1):
// the source's quote → the edition's.
func (cv *converted) quotes(reg *indicator.Register) (map[string]string, error) {
	out := map[string]string{}
	add := func(q string) error {
		if q == "" {
			return nil
		}
		c, err := cv.c.Text("data/indicators.toml", q)
		out[q] = c
		return err
	}
	for _, ind := range reg.Indicators {
		if err := add(ind.Quote); err != nil {
			return nil, err
		}
	}
	for _, row := range reg.Table1.Rows {
		if err := add(row.Quote); err != nil {
			return nil, err
		}
	}
	return out, nil
}
