// Real-browser checks of the generated site, run by the Go test
// TestBrowser: node tests/browser.mjs BASE_URL PATH...
//
// For each page, in headless Chromium: axe-core WCAG 2.1 A/AA finds no
// violation; no console error; no request to a host other than the local
// server; the page's chart (if any) has an accessible name; the language
// switch lands on the counterpart page; with JavaScript off the page still
// shows its heading and content.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, ...paths] = process.argv.slice(2);
const origin = new URL(base).origin;
const problems = [];
const fail = (page, msg) => problems.push(`${page}: ${msg}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const ctx = await browser.newContext({ bypassCSP: false, viewport: { width: 390, height: 844 } });
  const axeCtx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const noJS = await browser.newContext({ javaScriptEnabled: false });
  for (const path of paths) {
    const url = base + path;
    // 1. console errors and requests, with the page's own CSP in force
    const page = await ctx.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin !== origin && u.protocol !== "data:") fail(path, `request to ${r.url()}`);
    });
    const resp = await page.goto(url, { waitUntil: "load" });
    if (!resp || (resp.status() !== 200 && !path.endsWith("404.html"))) fail(path, `HTTP ${resp && resp.status()}`);
    await page.waitForTimeout(50);
    for (const e of errors) fail(path, `console error: ${e}`);
    // charts have an accessible name and description
    const charts = await page.$$eval("svg[role=img]", (els) => els.map((s) => {
      const ids = (s.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
      return ids.map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim();
    }));
    charts.forEach((name, i) => { if (!name) fail(path, `chart ${i + 1} has no accessible name`); });
    // the language switch lands on the counterpart
    const sw = await page.$("a.lang");
    if (sw) {
      // pages of an edition are under its code; the switch leads to the
      // same page of the edition it names (hreflang), never its own
      const here = await page.$eval("html", (h) => h.lang);
      const to = await sw.getAttribute("hreflang");
      const m0 = path.match(/^([^/]+)\/(.*)$/);
      const m = m0 && m0[1] === here ? m0 : null;
      if (m && (!to || to === here)) fail(path, `language switch names ${to}, the page's own edition`);
      await Promise.all([page.waitForNavigation(), sw.click()]);
      const landed = new URL(page.url()).pathname.replace(/^\//, "").replace(/index\.html$/, "");
      if (m) {
        const want = to + "/" + m[2].replace(/index\.html$/, "");
        if (landed !== want) fail(path, `language switch went to ${landed}, want ${want}`);
      }
      const lang = await page.$eval("html", (h) => h.lang);
      if (m && lang === m[1]) fail(path, "language switch did not change the page language");
    }
    await page.close();

    // 2. axe-core WCAG 2.1 A and AA
    const ap = await axeCtx.newPage();
    await ap.goto(url, { waitUntil: "load" });
    await ap.addScriptTag({ path: axePath });
    const result = await ap.evaluate(async () => await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }));
    for (const v of result.violations) {
      fail(path, `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    await ap.close();

    // 3. JavaScript off: the page still has its heading and content
    const np = await noJS.newPage();
    await np.goto(url, { waitUntil: "load" });
    const h1 = await np.$eval("h1", (h) => h.textContent.trim()).catch(() => "");
    if (!h1) fail(path, "no h1 with JavaScript off");
    await np.close();
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`browser: ${paths.length} pages passed`);
