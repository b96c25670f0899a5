/* The language switcher keeps the reader's place: a link to the same page in another language
 * carries the current #anchor (section and scenario ids are the same in every language), so a
 * learner switching in the middle of a role-play lands at that role-play, not at the page's top.
 * No dependencies; safe to run twice. */
(function () {
  "use strict";

  var LINKS = '[data-md-component="header"] a[hreflang]';

  function keepAnchor() {
    document.querySelectorAll(LINKS).forEach(function (link) { link.hash = window.location.hash; });
  }

  function start() {
    keepAnchor();
    if (document.documentElement.hasAttribute("data-course-language-ready")) { return; }
    document.documentElement.setAttribute("data-course-language-ready", "");
    window.addEventListener("hashchange", keepAnchor);
  }

  window.courseDom.onEveryPage(start);  // progress.js, loaded first, shares it
})();
