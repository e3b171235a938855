// Optional enhancements; every page works without this file.
(function () {
  "use strict";

  // The language switch keeps the reader's place: it follows the section
  // in the address (#ch3-s1) to the same section in the other language.
  var sw = document.querySelector("a.lang");
  if (sw) {
    var base = sw.getAttribute("href").split("#")[0];
    var sync = function () { sw.setAttribute("href", base + (location.hash || "")); };
    sync();
    window.addEventListener("hashchange", sync);
  }

  // The status filter of the indicator list: the links lead to one static
  // page per status; with JavaScript the list of all indicators is filtered
  // in place, on the full list page only.
  var filter = document.querySelector("nav.filter");
  var rows = document.querySelectorAll("tr[data-status]");
  if (filter && rows.length && !/\/status\//.test(location.pathname)) {
    filter.addEventListener("click", function (ev) {
      var a = ev.target.closest("a[data-status]");
      if (!a) { return; }
      ev.preventDefault();
      var want = a.getAttribute("data-status");
      rows.forEach(function (tr) { tr.hidden = want !== "" && tr.getAttribute("data-status") !== want; });
      document.querySelectorAll("section.area").forEach(function (sec) {
        sec.hidden = !sec.querySelector("tr[data-status]:not([hidden])");
      });
      filter.querySelectorAll("a[aria-current]").forEach(function (x) { x.removeAttribute("aria-current"); });
      a.setAttribute("aria-current", "page");
    });
  }

  // Search, on the search page only: the index is a script of the site.
  var form = document.querySelector("form.search-form");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var norm = function (s) { return (s.normalize ? s.normalize("NFKC") : s).toLowerCase(); };
  var fill = function (tpl, n, q) {
    return tpl.replace(/%\[1\]d|%d/, String(n)).replace(/%\[2\]s|%s/, q);
  };
  var link = function (u) {
    var i = u.indexOf("#");
    var path = i < 0 ? u : u.slice(0, i);
    var frag = i < 0 ? "" : u.slice(i);
    return "../../" + path + "index.html" + frag;
  };
  var snippet = function (text, term) {
    var at = norm(text).indexOf(term);
    if (at < 0) { return [text.slice(0, 120), "", ""]; }
    var from = Math.max(0, at - 40);
    return [(from > 0 ? "…" : "") + text.slice(from, at), text.slice(at, at + term.length), text.slice(at + term.length, at + term.length + 80) + "…"];
  };
  var run = function () {
    var idx = window.PLANPRESS_INDEX;
    if (!idx) { return; }
    var q = input.value.trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { status.textContent = ""; return; }
    var terms = norm(q).split(/\s+/).filter(Boolean);
    var hits = [];
    idx.forEach(function (e) {
      var t = norm(e.t), x = norm(e.x), score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inT = t.indexOf(terms[i]) >= 0, inX = x.indexOf(terms[i]) >= 0;
        if (!inT && !inX) { return; }
        score += (inT ? 10 : 0) + (inX ? 1 : 0) + (e.k === "indicator" ? 2 : 0);
      }
      hits.push({ e: e, s: score });
    });
    hits.sort(function (a, b) { return b.s - a.s; });
    status.textContent = fill(hits.length ? status.getAttribute("data-count") : status.getAttribute("data-none"), hits.length, q);
    hits.slice(0, 60).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = link(h.e.u);
      a.textContent = h.e.t;
      li.appendChild(a);
      var parts = snippet(h.e.x, terms[0]);
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(parts[0]));
      if (parts[1]) {
        var m = document.createElement("mark");
        m.textContent = parts[1];
        p.appendChild(m);
      }
      p.appendChild(document.createTextNode(parts[2]));
      li.appendChild(p);
      list.appendChild(li);
    });
  };
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  var params = new URLSearchParams(location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  window.addEventListener("load", function () { status.textContent = ""; if (input.value) { run(); } });
})();
