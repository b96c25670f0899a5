/* The course inside an LMS (SCORM 1.2). This launch page keeps the LMS session while the course's
 * own pages run in the frame beneath it, so moving between pages never ends the session.
 * The course stores progress in the browser (localStorage); this page hears it change (`storage`
 * events reach every other page of the origin) and reports it. Without an LMS it does nothing. */
(function () {
  "use strict";

  var root = document.documentElement;
  var scenarios = root.getAttribute("data-scenarios").split(" ").filter(Boolean);
  var MASTERY = Number(root.getAttribute("data-mastery-score"));  // the manifest's, written by the export
  // The same key the course's pages use: their site root is this page's folder.
  var KEY = "course-progress:v1:" + new URL("./", location.href).pathname;
  var SUSPEND_LIMIT = 4096;  // SCORM 1.2's limit for cmi.suspend_data
  var started = Date.now();

  function apiIn(win) {
    // Walk up the frames (an LMS's player may nest the course several deep), then the opener's.
    for (var depth = 0; win && depth < 20; depth += 1) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") { return win.API; } }
      catch (error) { /* a frame of another origin: keep looking above it */ }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var api = apiIn(window.parent === window ? null : window.parent) || apiIn(window.opener);
  if (!api || String(api.LMSInitialize("")) !== "true") { return; }

  function readStored() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY));
      return value && typeof value === "object" && value.scenarios && typeof value.scenarios === "object"
        ? value : { scenarios: {} };
    } catch (error) { return { scenarios: {} }; }
  }

  // suspend_data: "id:best/max" per scenario tried, joined by ";": short enough for many scenarios.
  function encode(progress) {
    var parts = [];
    scenarios.forEach(function (id) {
      var result = progress.scenarios[id];
      if (result && isFinite(result.best) && isFinite(result.max) && result.max > 0) {
        parts.push(id + ":" + Number(result.best) + "/" + Number(result.max));
      }
    });
    var data = parts.join(";");
    while (data.length > SUSPEND_LIMIT) { parts.pop(); data = parts.join(";"); }
    return data;
  }

  function decode(data) {
    var found = {};
    String(data || "").split(";").forEach(function (part) {
      var match = /^([a-z0-9-]+):(\d+)\/(\d+)$/.exec(part);
      if (match && scenarios.indexOf(match[1]) >= 0 && Number(match[3]) > 0) {
        var best = Number(match[2]), max = Number(match[3]);
        found[match[1]] = { best: best, max: max, passed: best * 100 >= max * MASTERY };
      }
    });
    return found;
  }

  // What the LMS kept from earlier sessions joins what this browser has: the better result wins.
  function restore() {
    var progress = readStored(), kept = decode(api.LMSGetValue("cmi.suspend_data"));
    Object.keys(kept).forEach(function (id) {
      var here = progress.scenarios[id];
      if (!here || !(Number(here.best) >= kept[id].best)) { progress.scenarios[id] = kept[id]; }
    });
    try { window.localStorage.setItem(KEY, JSON.stringify(progress)); } catch (error) { /* report what we know */ }
  }

  function report() {
    var progress = readStored(), passed = 0, percent = 0;
    scenarios.forEach(function (id) {
      var result = progress.scenarios[id];
      if (result && result.max > 0) {
        passed += result.passed === true ? 1 : 0;
        percent += Math.min(100, 100 * result.best / result.max);
      }
    });
    var done = scenarios.length > 0 && passed === scenarios.length;
    // Never "failed", which locks retries in some LMSs. The score goes only with "passed": an LMS
    // that applies the mastery score itself (Moodle does by default) turns a lower score into "failed".
    api.LMSSetValue("cmi.core.lesson_status", done ? "passed" : "incomplete");
    if (done) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(Math.round(percent / scenarios.length)));
    }
    api.LMSSetValue("cmi.suspend_data", encode(progress));
    api.LMSCommit("");
  }

  function sessionTime() {
    var seconds = Math.round((Date.now() - started) / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60);
  }

  var finished = false;
  function finish() {
    if (finished) { return; }
    finished = true;
    api.LMSSetValue("cmi.core.session_time", sessionTime());
    api.LMSSetValue("cmi.core.exit", "suspend");  // come back to the kept progress next time
    api.LMSCommit("");
    api.LMSFinish("");
  }

  restore();
  report();
  // Nothing may reach the LMS after LMSFinish: leaving the page also hides it.
  window.addEventListener("storage", function (event) { if (event.key === KEY && !finished) { report(); } });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !finished) { api.LMSCommit(""); }
  });
  window.addEventListener("pagehide", finish);
}());
