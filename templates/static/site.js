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
})();
