// Package output names every file a build writes and holds File, the one
// type of an output file. Pages, data files, PDFs and assets get their site
// paths here and nowhere else: the site, the PDFs, the build and the link
// check all ask this package.
package output

import (
	"fmt"
	"path"
	"strconv"
)

// File is an output file: its site path (slash-separated, relative to the
// output folder) and bytes; a PDF also says which document it is.
type File struct {
	Path string
	Data []byte // nil once a PDF was handed on to be written (see Size)
	Size int    // length of Data, kept when Data is dropped
	Doc  *Doc   // the document a PDF is; nil for other files
}

// DocKind is the kind of a PDF document.
type DocKind string

// The PDF documents of a build.
const (
	PlanText       DocKind = "plan"   // the plan text in one language
	ProgressReport DocKind = "report" // the progress report of one year
)

// Doc is a PDF document: its kind, language and, for a report, year.
type Doc struct {
	Kind DocKind
	Lang string
	Year int
}

// Path is the site path of the document.
func (d Doc) Path() string {
	if d.Kind == ProgressReport {
		return ReportPDF(d.Year, d.Lang)
	}
	return PlanPDF(d.Lang)
}

// PlanPDF is the site path of the plan text PDF in lang.
func PlanPDF(lang string) string { return "downloads/plan-text-" + lang + ".pdf" }

// ReportPDF is the site path of the progress report of a year in lang.
func ReportPDF(year int, lang string) string {
	return fmt.Sprintf("downloads/progress-report-%d-%s.pdf", year, lang)
}

// Site-wide files.
const (
	Root      = ""         // the root page (language choice)
	NotFound  = "404.html" // served for any missing path
	Sitemap   = "sitemap.xml"
	Robots    = "robots.txt"
	Checksums = "checksums.txt"
	Assets    = "assets/" // templates/static/ is copied here
)

// Asset is the site path of a static file (name relative to templates/static).
func Asset(name string) string { return path.Join("assets", name) }

// Pages are folders with an index.html; their paths end in "/".

// Home is the home page of an edition.
func Home(lang string) string { return lang + "/" }

// Plan is the plan's table of contents.
func Plan(lang string) string { return lang + "/plan/" }

// PlanPage is a part of the plan (a chapter, the notice …).
func PlanPage(lang, id string) string { return lang + "/plan/" + id + "/" }

// PlanAll is the whole plan on one page.
func PlanAll(lang string) string { return lang + "/plan/all/" }

// Indicators is the scorecard of every indicator.
func Indicators(lang string) string { return lang + "/indicators/" }

// Status lists the indicators of one status.
func Status(lang, status string) string { return lang + "/indicators/status/" + status + "/" }

// Indicator is an indicator's page.
func Indicator(lang, id string) string { return lang + "/indicators/" + id + "/" }

// IndicatorData is an indicator's data file; ext is "csv" or "json".
func IndicatorData(lang, id, ext string) string { return Indicator(lang, id) + id + "." + ext }

// Reports is the archive of yearly reports.
func Reports(lang string) string { return lang + "/reports/" }

// Report is the page of the report of a year.
func Report(lang string, year int) string { return lang + "/reports/" + strconv.Itoa(year) + "/" }

// Tables shows the plan's tables.
func Tables(lang string) string { return lang + "/tables/" }

// Page is a content page such as "about" or "methodology".
func Page(lang, name string) string { return lang + "/" + name + "/" }

// Downloads lists the PDFs and data files.
func Downloads(lang string) string { return lang + "/downloads/" }

// Search is the search page.
func Search(lang string) string { return lang + "/search/" }

// SearchIndex is the search index; ext is "json" or "js".
func SearchIndex(lang, ext string) string { return lang + "/search/index." + ext }

// Dataset is the whole dataset; ext is "csv" or "json".
func Dataset(lang, ext string) string { return lang + "/data/dataset." + ext }

// Feed is the Atom feed of the reports.
func Feed(lang string) string { return lang + "/feed.xml" }
