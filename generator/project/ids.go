package project

import (
	"planpress/generator/diag"
	"planpress/generator/plan"
)

// checkHeadingIDs reports every heading id used twice in one language's
// plan, within a page or across pages, and every heading id that is also a
// page id: the whole-plan page, the contents and the search address each
// by its id alone.
func checkHeadingIDs(pl *plan.Plan) diag.Problems {
	var ps diag.Problems
	type place struct {
		file string
		line int
	}
	seen := map[string]place{}
	pages := append([]*plan.Page{pl.Index}, pl.Pages...)
	for _, pg := range pages {
		if pg != nil {
			seen[pg.ID] = place{pg.File, 0}
		}
	}
	for _, pg := range pages {
		if pg == nil {
			continue
		}
		for _, h := range pg.Headings() {
			if first, ok := seen[h.ID]; ok {
				if first.line == 0 {
					ps = append(ps, diag.Msg(pg.File, h.Line, "heading-id-page", h.ID, first.file))
				} else {
					ps = append(ps, diag.Msg(pg.File, h.Line, "heading-id-twice", h.ID, first.file, first.line))
				}
				continue
			}
			seen[h.ID] = place{pg.File, h.Line}
		}
	}
	return ps
}
