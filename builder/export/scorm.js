/* The course inside an LMS (SCORM 1.2). This launch page keeps the LMS session while the course's
 * own pages run in the frame beneath it, so moving between pages never ends the session.
 * The LMS record is the learner's record: it is read once here, kept in memory, and the course's
 * pages (same origin) read and change it through `window.courseLms`, never through browser storage,
 * which a browser may block or partition for a framed package. Without an LMS it does nothing. */
(function () {
  "use strict";

  var root = document.documentElement;
  function listed(name) { return root.getAttribute(name).split(" ").filter(Boolean); }
  var scenarios = listed("data-scenarios");
  var skills = listed("data-skills");  // the principles replies teach, numbered to fit suspend_data
  var MASTERY = Number(root.getAttribute("data-mastery-score"));  // the manifest's, written by the export
  var SUSPEND_LIMIT = 4096;  // SCORM 1.2's limit for cmi.suspend_data
  var IDENTIFIER_LIMIT = 255;  // and for a CMIIdentifier
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
  if (!api) { return; }

  /* ---- every call checked: a "false" or an error code is said, never ignored ---- */

  function complain(call) {
    var code = String(api.LMSGetLastError());
    window.console.warn("SCORM " + call + " failed: error " + code + " " + String(api.LMSGetErrorString(code)));
    return false;
  }

  function succeeded(call, returned) {
    return String(returned) === "true" && String(api.LMSGetLastError()) === "0" ? true : complain(call);
  }

  function get(name) {
    var value = String(api.LMSGetValue(name)), code = String(api.LMSGetLastError());
    if (code === "0") { return value; }
    complain("LMSGetValue(" + name + ")");
    return "";
  }

  function set(name, value) { return succeeded("LMSSetValue(" + name + ")", api.LMSSetValue(name, value)); }

  if (!succeeded("LMSInitialize", api.LMSInitialize(""))) { return; }

  /* ---- suspend_data: "id:best/max;…" ("!" after a score that reached the mark in a failed try,
   * a critical mistake), then "|" and the skills "version|n=outcomes;…" ---- */

  function reachesMark(result) { return result.best * 100 >= result.max * MASTERY; }

  // The numbering of skills changes when the course does: a record made for another numbering is dropped.
  function fingerprint(list) {
    var hash = 5381;
    for (var i = 0; i < list.length; i += 1) { hash = (hash * 33 + list.charCodeAt(i)) % 2147483647; }
    return hash.toString(36);
  }
  var SKILLS_VERSION = fingerprint(skills.join(" "));

  function encode(records) {
    var parts = [], marks = [], results = records.scenarios || {}, skilled = records.skills || {};
    scenarios.forEach(function (id) {
      var result = results[id];
      if (result && isFinite(result.best) && isFinite(result.max) && result.max > 0) {
        var failedAtMark = !result.passed && reachesMark(result);
        parts.push(id + ":" + Number(result.best) + "/" + Number(result.max) + (failedAtMark ? "!" : ""));
      }
    });
    skills.forEach(function (ref, n) {
      if (/^[01]{1,10}$/.test(skilled[ref])) { marks.push(n + "=" + skilled[ref]); }
    });
    var data = parts.join(";") + (marks.length ? "|" + SKILLS_VERSION + "|" + marks.join(";") : "");
    while (data.length > SUSPEND_LIMIT && marks.length) { marks.pop(); data = parts.join(";") + "|" + SKILLS_VERSION + "|" + marks.join(";"); }
    while (data.length > SUSPEND_LIMIT) { parts.pop(); data = parts.join(";"); }
    return data;
  }

  function decode(data) {
    var found = { scenarios: {}, skills: {} }, sections = String(data || "").split("|");
    sections[0].split(";").forEach(function (part) {
      var match = /^([a-z0-9-]+):(\d+)\/(\d+)(!?)$/.exec(part);
      if (match && scenarios.indexOf(match[1]) >= 0 && Number(match[3]) > 0) {
        var result = { best: Number(match[2]), max: Number(match[3]) };
        result.passed = !match[4] && reachesMark(result);
        found.scenarios[match[1]] = result;
      }
    });
    if (sections[1] === SKILLS_VERSION) {
      String(sections[2] || "").split(";").forEach(function (part) {
        var match = /^(\d+)=([01]{1,10})$/.exec(part);
        if (match && skills[Number(match[1])]) { found.skills[skills[Number(match[1])]] = match[2]; }
      });
    }
    return found;
  }

  /* ---- the session --------------------------------------------------------- */

  var learner = { id: get("cmi.core.student_id"), name: get("cmi.core.student_name") };
  var mode = get("cmi.core.lesson_mode");
  // Browse, review and no-credit launches write nothing that grades: no status, score, progress or answers.
  var grading = (mode === "" || mode === "normal") && get("cmi.core.credit") !== "no-credit";
  var status = get("cmi.core.lesson_status");
  var lmsScore = Number(get("cmi.core.score.raw")) || 0;
  var records = decode(get("cmi.suspend_data"));
  var interactions = Number(get("cmi.interactions._count")) || 0;
  var finished = false;

  function commit() { return succeeded("LMSCommit", api.LMSCommit("")); }

  function passedEvery() {
    return scenarios.length > 0 && scenarios.every(function (id) {
      return records.scenarios[id] && records.scenarios[id].passed === true;
    });
  }

  function averageScore() {
    var percent = 0;
    scenarios.forEach(function (id) {
      var result = records.scenarios[id];
      percent += result ? Math.min(100, 100 * result.best / result.max) : 0;
    });
    return Math.round(percent / scenarios.length);
  }

  // Never "failed", which locks retries in some LMSs, and never a step back from what the LMS holds:
  // "incomplete" only over "not attempted", "passed" kept once given. The score goes only with
  // "passed" (an LMS applying the mastery score itself, as Moodle does, would fail a lower one) and
  // only when it is better than the LMS's.
  function reportStatus() {
    if (status === "" || status === "not attempted") {
      if (set("cmi.core.lesson_status", "incomplete")) { status = "incomplete"; }
    }
    if (!passedEvery()) { return; }
    var score = averageScore();
    if (status === "passed" && score <= lmsScore) { return; }
    if (set("cmi.core.lesson_status", "passed")) { status = "passed"; }
    if (set("cmi.core.score.min", "0") && set("cmi.core.score.max", "100") && set("cmi.core.score.raw", String(score))) {
      lmsScore = score;
    }
  }

  // Every change is set at once; a commit (a request to the LMS's server) follows a new result, not
  // every click: the answers and skills in between go with it, or when the tab is hidden, or at the end.
  var committedResults = encode({ scenarios: records.scenarios, skills: {} });
  function save(next) {
    if (finished) { return false; }
    records = decode(encode(next));  // what the LMS will hold, no more: a page cannot send anything else
    if (!grading) { return true; }  // the practice stays on the page; the LMS record stays as it was
    var kept = set("cmi.suspend_data", encode(records)), results = encode({ scenarios: records.scenarios, skills: {} });
    if (results === committedResults) { return kept; }
    reportStatus();
    committedResults = results;
    return commit() && kept;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  // CMITimespan, HH:MM:SS.SS (hours up to 9999).
  function timespan(milliseconds) {
    var hundredths = Math.max(0, Math.min(Math.round(milliseconds / 10) || 0, 3599999999));
    var seconds = Math.floor(hundredths / 100);
    return two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60) +
      "." + two(hundredths % 100);
  }

  // CMITime, HH:MM:SS, on the learner's clock; `time` a Date (of the page's frame) or milliseconds.
  function clock(time) {
    var date = new Date(isFinite(+time) && time !== null ? +time : Date.now());
    return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds());
  }

  // CMIIdentifier: printable ASCII without spaces, at most 255 characters.
  function identifier(text) { return String(text).replace(/[^\x21-\x7e]/g, "_").slice(0, IDENTIFIER_LIMIT); }

  function letter(n) { return n >= 0 ? "abcdefghijklmnopqrstuvwxyz".charAt(n) : ""; }

  // One cmi.interactions.n per choice: "scenario.turn", the reply's written letter, right or wrong,
  // and the best reply's letter as the correct response.
  function interaction(decision) {
    if (finished || !grading) { return false; }
    var prefix = "cmi.interactions." + interactions + ".";
    interactions += 1;
    var values = [
      ["id", identifier(decision.scenario + "." + decision.turn)],
      ["objectives.0.id", identifier(decision.teaches)],
      ["type", "choice"],
      ["student_response", letter(Number(decision.choice))],
      ["correct_responses.0.pattern", letter(Number(decision.bestChoice))],
      ["result", decision.best === true ? "correct" : "wrong"],
      ["weighting", "1"],
      ["latency", timespan(Number(decision.latency))],
      ["time", clock(decision.time)]
    ];
    // A value the chat did not give (an unknown reply) is left out, never made up.
    return values.every(function (pair) { return pair[1] === "" || set(prefix + pair[0], pair[1]); });
  }

  // Once, on leaving: LMSFinish commits what was set, so no separate LMSCommit after the page is gone.
  function finish() {
    if (finished) { return; }
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", "suspend");  // come back to the kept progress next time
    succeeded("LMSFinish", api.LMSFinish(""));
  }

  window.courseLms = {
    learner: function () { return { id: learner.id, name: learner.name }; },
    records: function () { return JSON.parse(JSON.stringify(records)); },
    grading: function () { return grading; },
    passed: function () { return status === "passed"; },
    save: save,
    interaction: interaction
  };

  if (grading) {
    reportStatus();
    commit();
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !finished) { commit(); }
  });
  window.addEventListener("pagehide", finish);
}());
