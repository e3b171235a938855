// Search through the page's own code in headless Chromium, run by the Go
// test TestSearchQueries: node tests/search.mjs BASE_URL CASES.json
//
// CASES.json: [{"lang": "zh-Hant", "q": "细颗粒物", "want": "en/indicators/pm25-annual-mean/"}, …]:
// each query, typed into the search page of its edition, must list a
// result whose link leads to want and mark the match in the results.
// A case with "none": true must find nothing.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [base, casesFile] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pages = {};
  for (const c of cases) {
    let page = pages[c.lang];
    if (!page) {
      page = pages[c.lang] = await ctx.newPage();
      await page.goto(`${base}${c.lang}/search/index.html`, { waitUntil: "load" });
    }
    const got = await page.evaluate((q) => window.planpressSearch(q), c.q);
    const links = got.map((h) => new URL(h, page.url()).pathname.replace(/^\//, "").replace(/index\.html(#.*)?$/, ""));
    const marks = await page.$$eval("#search-results mark", (ms) => ms.length);
    const addr = new URL(page.url()).searchParams.get("q");
    if (addr !== c.q) problems.push(`${c.lang} ${JSON.stringify(c.q)}: the address has q=${JSON.stringify(addr)}`);
    const sws = await page.$$eval("a.lang", (as) => as.map((a) => a.getAttribute("href")));
    if (!sws.length) problems.push(`${c.lang}: no language switch on the search page`);
    for (const sw of sws) {
      if (!sw.includes("?q=" + encodeURIComponent(c.q))) problems.push(`${c.lang} ${JSON.stringify(c.q)}: the language switch ${sw} drops the query`);
    }
    if (c.none) {
      if (links.length) problems.push(`${c.lang} ${JSON.stringify(c.q)}: want no result, got ${links.slice(0, 3).join(", ")}`);
      continue;
    }
    if (!links.some((l) => l === c.want || l.startsWith(c.want))) {
      problems.push(`${c.lang} ${JSON.stringify(c.q)}: want ${c.want}, got ${links.length} results: ${links.slice(0, 5).join(", ")}`);
    }
    if (!marks) problems.push(`${c.lang} ${JSON.stringify(c.q)}: no match marked`);
  }
  // the query survives the language switch
  const page = await ctx.newPage();
  await page.goto(`${base}zh-Hant/search/index.html?q=${encodeURIComponent("碳達峰")}`, { waitUntil: "load" });
  await Promise.all([page.waitForNavigation(), page.click("a.lang")]);
  const q = new URL(page.url()).searchParams.get("q");
  const v = await page.$eval("#q", (i) => i.value);
  if (q !== "碳達峰" || v !== "碳達峰") problems.push(`language switch: landed on ${page.url()} with the field ${JSON.stringify(v)}`);
} finally {
  await browser.close();
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`search: ${cases.length} queries passed`);
