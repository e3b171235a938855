package project

import (
	"strings"
	"testing"

	"planpress/generator/internal/testutil"
)

// TestConvertedEditionData: the zh-Hans text of the data files is the
// conversion of the zh text (with the phrase table), and the quotes as the
// zh-Hans plan has them are found in it.
func TestConvertedEditionData(t *testing.T) {
	p, err := Load(testutil.Root(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := p.Edition("zh-Hans")
	if e == nil || e.ConvertFrom != "zh-Hant" {
		t.Fatalf("zh-Hans is not converted from zh-Hant: %+v", e)
	}
	ind := p.Reg.Indicator("pm25-annual-mean")
	if ind == nil {
		t.Fatal("no pm25-annual-mean")
	}
	if got := p.Text(ind.Name, "zh-Hans"); !strings.Contains(got, "浓度") || strings.Contains(got, "濃") {
		t.Errorf("zh-Hans name %q is not simplified", got)
	}
	if got := p.Text(p.Config.Title, "zh-Hans"); got != "北京市“十四五”时期生态环境保护规划" {
		t.Errorf("zh-Hans title %q", got)
	}
	q := p.Quote(ind, "zh-Hans")
	if q != "PM2.5年均浓度降至35微克/立方米左右" || p.Quote(ind, "zh-Hant") != ind.Quote || p.QuoteLang("en") != "zh-Hant" || p.QuoteLang("zh-Hans") != "zh-Hans" {
		t.Errorf("quotes: zh-Hans %q, zh-Hant %q", q, p.Quote(ind, "zh-Hant"))
	}
	// the phrase table applies to the data too: 空氣品質 → 空气质量
	n := 0
	for _, i := range p.Reg.Indicators {
		s := p.Text(i.Name, "zh-Hans")
		if strings.Contains(s, "空气品质") {
			t.Errorf("%s: %q keeps the portal's 品质", i.ID, s)
		}
		if strings.Contains(s, "空气质量") {
			n++
		}
	}
	if n == 0 {
		t.Error("no indicator name has 空气质量")
	}
}

func TestConvertFromMustNameAnEdition(t *testing.T) {
	eds := []Edition{
		{Code: "zh-Hant", Name: "繁體中文", DataKey: "zh", Source: true},
		{Code: "zh-Hans", Name: "简体中文", DataKey: "zh-Hans", ConvertFrom: "zh-Hans"},
	}
	if _, ps := checkEditions(eds); len(ps) != 1 || !strings.Contains(ps[0].Msg, "convert_from") {
		t.Errorf("problems: %v", ps)
	}
}
