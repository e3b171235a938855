package chart

import (
	"bytes"
	"fmt"

	gochart "github.com/wcharczuk/go-chart/v2"

	"planpress/generator/fonts"
)

// OpenGraph is the layout of the image a shared link shows (og:image):
// 1200 × 630 px with the legend and status drawn in.
var OpenGraph = Layout{W: 1200, H: 630, Font: 24, Legend: true}

// Download is the layout of a chart's PNG download: twice the screen size.
var Download = Layout{W: 960, H: 640, Font: 20, Legend: true}

// PNG draws the chart at l as a PNG image with go-chart's raster renderer,
// from the same definition as the SVG and the PDF.
func PNG(s Spec, fs *fonts.Set, l Layout) ([]byte, error) {
	c := buildLayout(s, fs, l)
	var b bytes.Buffer
	if err := c.Render(gochart.PNG, &b); err != nil {
		return nil, fmt.Errorf("chart %s as PNG: %w", s.ID, err)
	}
	return b.Bytes(), nil
}
