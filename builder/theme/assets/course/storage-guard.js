/* Material reads and writes its settings (colour scheme, tabs) through `__md_get` and `__md_set`,
 * which throw where the browser denies storage, as it does to a course framed by an LMS of another
 * site when third-party storage is blocked. Loaded right after Material defines them: a denied read
 * then reads nothing and a denied write keeps nothing. */
(function () {
  "use strict";
  ["__md_get", "__md_set"].forEach(function (name) {
    var original = window[name];
    if (typeof original !== "function" || original.guarded) { return; }
    window[name] = function () {
      try { return original.apply(this, arguments); } catch (error) { return null; }
    };
    window[name].guarded = true;
  });
})();
