package linkcheck

import (
	"reflect"
	"strings"
	"testing"

	"planpress/generator/diag"
)

// TestFilesFindsEachKind: each kind of broken link is found once, with its
// page, link and target, and reads in English and in Chinese.
func TestFilesFindsEachKind(t *testing.T) {
	site := map[string][]byte{
		"en/index.html": []byte(`<html><body id="top">
<a href="plan/">ok</a><a href="#top">ok</a><a href="https://example.org/">ok</a>
<a href="plan/nowhere.html">broken</a>
<a href="plan/index.html#no-such-id">fragment</a>
<a href="javascript:alert(1)">scheme</a>
<img src="https://cdn.example.org/x.png">
<a href="http://[::1">bad</a>
</body></html>`),
		"en/plan/index.html": []byte(`<html><body><a href="../index.html#top">ok</a></body></html>`),
		"assets/site.css":    nil,
	}
	probs, checked := Files(site, 50)
	if checked != 5 {
		t.Errorf("%d links checked, want 5", checked)
	}
	want := []Problem{
		{Page: "en/index.html", Link: "plan/nowhere.html", Kind: Broken, Target: "en/plan/nowhere.html"},
		{Page: "en/index.html", Link: "plan/index.html#no-such-id", Kind: Fragment, Target: "en/plan/index.html", ID: "no-such-id"},
		{Page: "en/index.html", Link: "javascript:alert(1)", Kind: Scheme, Target: "javascript"},
		{Page: "en/index.html", Link: "https://cdn.example.org/x.png", Kind: Remote},
		{Page: "en/index.html", Link: "http://[::1", Kind: BadURL},
	}
	if !reflect.DeepEqual(probs, want) {
		t.Fatalf("problems:\n%#v\nwant:\n%#v", probs, want)
	}
	en := []string{
		`en/index.html: broken link "plan/nowhere.html": there is no en/plan/nowhere.html (`,
		`en/index.html: broken fragment "plan/index.html#no-such-id": en/plan/index.html has no id "no-such-id" (`,
		`en/index.html: link with scheme "javascript" (`,
		`en/index.html: loads https://cdn.example.org/x.png from another site (`,
		`en/index.html: bad URL "http://[::1" (`,
	}
	zh := []string{
		`en/index.html: 链接 "plan/nowhere.html" 失效：没有 en/plan/nowhere.html（`,
		`en/index.html: 片段链接 "plan/index.html#no-such-id" 失效：en/plan/index.html 中没有 id "no-such-id"（`,
		`en/index.html: 链接使用了 "javascript" 协议（`,
		`en/index.html: 从其他网站加载 https://cdn.example.org/x.png（`,
		`en/index.html: 网址 "http://[::1" 写法有误（`,
	}
	for i, p := range probs {
		if got := p.Diag().In(diag.En); !strings.HasPrefix(got, en[i]) || got != p.String() {
			t.Errorf("English: %q, want it to start with %q", got, en[i])
		}
		if got := p.Diag().In(diag.Zh); !strings.HasPrefix(got, zh[i]) {
			t.Errorf("Chinese: %q, want it to start with %q", got, zh[i])
		}
	}
	if probs, _ := Files(site, 2); len(probs) != 2 {
		t.Errorf("max 2: %d problems", len(probs))
	}
}
