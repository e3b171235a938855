package output

import (
	"path"
	"strings"
	"testing"
)

// TestPathsAreDistinctAndClean: every path function gives a clean relative
// path, pages end in "/", and no two outputs share a path.
func TestPathsAreDistinctAndClean(t *testing.T) {
	seen := map[string]string{}
	add := func(what, p string) {
		t.Helper()
		if p != "" && (strings.HasPrefix(p, "/") || path.Clean(p) != strings.TrimSuffix(p, "/")) {
			t.Errorf("%s: %q is not a clean relative path", what, p)
		}
		if prev, ok := seen[p]; ok {
			t.Errorf("%s and %s share the path %q", prev, what, p)
		}
		seen[p] = what
	}
	add("root", Root)
	add("404", NotFound)
	add("sitemap", Sitemap)
	add("robots", Robots)
	add("checksums", Checksums)
	add("asset", Asset("site.css"))
	for _, lang := range []string{"zh-Hant", "en"} {
		pages := map[string]string{
			"home": Home(lang), "plan": Plan(lang), "plan page": PlanPage(lang, "ch1"), "plan all": PlanAll(lang),
			"indicators": Indicators(lang), "status": Status(lang, "achieved"), "indicator": Indicator(lang, "pm25"),
			"reports": Reports(lang), "report": Report(lang, 2021), "tables": Tables(lang), "about": Page(lang, "about"),
			"downloads": Downloads(lang), "search": Search(lang),
		}
		for what, p := range pages {
			if !strings.HasSuffix(p, "/") || !strings.HasPrefix(p, lang+"/") {
				t.Errorf("%s %s: %q is not a page folder of the edition", lang, what, p)
			}
			add(lang+" "+what, p)
		}
		for what, p := range map[string]string{
			"csv": IndicatorData(lang, "pm25", "csv"), "json": IndicatorData(lang, "pm25", "json"),
			"search index": SearchIndex(lang, "json"), "search js": SearchIndex(lang, "js"),
			"dataset": Dataset(lang, "csv"), "feed": Feed(lang),
			"plan pdf": Doc{Kind: PlanText, Lang: lang}.Path(), "report pdf": Doc{Kind: ProgressReport, Lang: lang, Year: 2021}.Path(),
		} {
			add(lang+" "+what, p)
		}
	}
	if got := (Doc{Kind: ProgressReport, Lang: "en", Year: 2024}).Path(); got != ReportPDF(2024, "en") {
		t.Errorf("a report's Doc path is %q, ReportPDF says %q", got, ReportPDF(2024, "en"))
	}
}
