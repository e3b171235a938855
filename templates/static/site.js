// Optional enhancements; every page works without this file.
(function () {
  "use strict";

  // The language switch keeps the reader's place: each of its links (one
  // per other edition) follows the section in the address (#ch3-s1) to the
  // same section in that edition, and carries a search query (?q=) to that
  // edition's search page.
  var sws = Array.prototype.slice.call(document.querySelectorAll("a.lang"));
  var bases = sws.map(function (a) { return a.getAttribute("href").split("#")[0].split("?")[0]; });
  var sync = function () {
    var q = new URLSearchParams(location.search).get("q");
    sws.forEach(function (a, i) {
      a.setAttribute("href", bases[i] + (q ? "?q=" + encodeURIComponent(q) : "") + (location.hash || ""));
    });
  };
  if (sws.length) {
    sync();
    window.addEventListener("hashchange", sync);
  }

  // Chart points: each point's value and source on hover and on keyboard
  // focus. The chart marks its points (g.pts circle[data-tip]); here each
  // gets a button placed over it. Without this script the values table
  // below the chart carries the same.
  document.querySelectorAll(".chart-box").forEach(function (box) {
    var tip = document.createElement("span");
    tip.className = "pt-tip";
    tip.hidden = true;
    tip.setAttribute("role", "status");
    box.appendChild(tip);
    var pts = box.querySelectorAll("circle.pt[data-tip]");
    var btns = [];
    pts.forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "pt-btn";
      b.setAttribute("aria-label", c.getAttribute("data-tip"));
      var show = function () {
        tip.textContent = c.getAttribute("data-tip");
        tip.hidden = false;
        var at = b.offsetLeft, w = box.clientWidth;
        tip.style.top = Math.max(0, b.offsetTop - 40) + "px";
        tip.style.left = Math.max(0, Math.min(at - 40, w - tip.offsetWidth)) + "px";
      };
      var hide = function () { tip.hidden = true; };
      b.addEventListener("focus", show);
      b.addEventListener("mouseenter", show);
      b.addEventListener("blur", hide);
      b.addEventListener("mouseleave", hide);
      box.appendChild(b);
      btns.push([b, c]);
    });
    var place = function () {
      var r0 = box.getBoundingClientRect();
      btns.forEach(function (bc) {
        var r = bc[1].getBoundingClientRect();
        bc[0].style.left = (r.left + r.width / 2 - r0.left) + "px";
        bc[0].style.top = (r.top + r.height / 2 - r0.top) + "px";
      });
    };
    place();
    window.addEventListener("resize", place);
  });

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

  // Search, on the search page only: the index and the folding table
  // (search-fold.js) are scripts of the site. Text and query are folded
  // alike: full-width to half-width, case, traditional and variant
  // characters to simplified, and equivalent wordings (空氣品質, 空气质量).
  // Folding keeps the length of the text, so a match found in the folded
  // text is highlighted at the same place in the original.
  var form = document.querySelector("form.search-form");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var map = null, groups = [];
  var fold = function (s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var ch = s.charAt(i);
      var n = ch.normalize ? ch.normalize("NFKC") : ch;
      if (n.length === 1) { ch = n; }
      var l = ch.toLowerCase();
      if (l.length === 1) { ch = l; }
      out += map[ch] || ch;
    }
    return out;
  };
  var setup = function () {
    if (map) { return; }
    map = {};
    var f = window.PLANPRESS_FOLD || { c: "", p: [] };
    for (var i = 0; i + 1 < f.c.length; i += 2) { map[f.c.charAt(i)] = f.c.charAt(i + 1); }
    groups = f.p.map(function (g) { return g.map(fold); });
  };
  // alts: the folded term and its other wordings
  var alts = function (t) {
    var out = [t];
    groups.forEach(function (g) {
      var more = [];
      out.forEach(function (a) {
        g.forEach(function (w) {
          if (a.indexOf(w) < 0) { return; }
          g.forEach(function (v) { if (v !== w) { more.push(a.split(w).join(v)); } });
        });
      });
      more.forEach(function (m) { if (out.indexOf(m) < 0) { out.push(m); } });
    });
    return out;
  };
  var find = function (f, as) {
    var best = -1, len = 0;
    as.forEach(function (a) {
      var at = f.indexOf(a);
      if (at >= 0 && (best < 0 || at < best)) { best = at; len = a.length; }
    });
    return [best, len];
  };
  // marked appends text to el with every match of the needles marked
  var marked = function (el, text, needles) {
    var f = fold(text), at = 0;
    while (at < text.length) {
      var next = -1, len = 0;
      needles.forEach(function (a) {
        var i = f.indexOf(a, at);
        if (i >= 0 && (next < 0 || i < next || (i === next && a.length > len))) { next = i; len = a.length; }
      });
      if (next < 0 || !len) { break; }
      if (next > at) { el.appendChild(document.createTextNode(text.slice(at, next))); }
      var m = document.createElement("mark");
      m.textContent = text.slice(next, next + len);
      el.appendChild(m);
      at = next + len;
    }
    if (at < text.length) { el.appendChild(document.createTextNode(text.slice(at))); }
  };
  var fill = function (tpl, n, q) {
    return tpl.replace(/%\[1\]d|%d/, String(n)).replace(/%\[2\]s|%s/, q);
  };
  var link = function (u) {
    var i = u.indexOf("#");
    var path = i < 0 ? u : u.slice(0, i);
    var frag = i < 0 ? "" : u.slice(i);
    return "../../" + path + "index.html" + frag;
  };
  var remember = function (q) {
    try {
      history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
    } catch (e) { /* file:// pages may refuse; the query still works */ }
    sync();
  };
  var run = function () {
    var idx = window.PLANPRESS_INDEX;
    if (!idx) { return; }
    setup();
    var q = input.value.trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    remember(q);
    if (!q) { status.textContent = ""; return; }
    var terms = fold(q.replace(/["“”「」『』]/g, " ")).split(/\s+/).filter(Boolean).map(alts);
    var needles = [].concat.apply([], terms);
    var hits = [];
    idx.forEach(function (e) {
      if (e.ft === undefined) { e.ft = fold(e.t); e.fx = fold(e.x); }
      var score = 0, first = -1, flen = 0;
      for (var i = 0; i < terms.length; i++) {
        var inT = find(e.ft, terms[i])[0] >= 0, x = find(e.fx, terms[i]);
        if (!inT && x[0] < 0) { return; }
        if (first < 0 && x[0] >= 0) { first = x[0]; flen = x[1]; }
        score += (inT ? 10 : 0) + (x[0] >= 0 ? 1 : 0) + (e.k === "indicator" ? 2 : 0);
      }
      hits.push({ e: e, s: score, at: first, len: flen });
    });
    hits.sort(function (a, b) { return b.s - a.s; });
    status.textContent = fill(hits.length ? status.getAttribute("data-count") : status.getAttribute("data-none"), hits.length, q);
    hits.slice(0, 60).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = link(h.e.u);
      marked(a, h.e.t, needles);
      li.appendChild(a);
      var p = document.createElement("p");
      var x = h.e.x;
      var from = h.at < 0 ? 0 : Math.max(0, h.at - 40);
      var to = h.at < 0 ? 120 : h.at + h.len + 80;
      if (from > 0) { p.appendChild(document.createTextNode("…")); }
      marked(p, x.slice(from, to), needles);
      if (to < x.length) { p.appendChild(document.createTextNode("…")); }
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
  // for tests and other scripts: the page's own search
  window.planpressSearch = function (q) { input.value = q; run(); return [].map.call(list.querySelectorAll("li > a"), function (el) { return el.getAttribute("href"); }); };
})();
