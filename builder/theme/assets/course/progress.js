/* The learner's records: best result per scenario and, per principle a reply teaches, whether the
 * learner chose the best reply; the progress and completion pages show them.
 * The chat (roleplay.js) announces `course:decision` and `course:result` events; this file keeps them
 * for their owner. Inside an LMS the owner is the LMS's learner and the record is the LMS's own: the
 * SCORM launch page around this page (same origin) holds the session, and every result and decision
 * goes to it directly, never through browser storage. Without an LMS the records stay in this browser,
 * one set per learner's name, or in memory when the browser refuses storage.
 * No dependencies, no network, safe to run twice. */
(function () {
  "use strict";

  // Small DOM helpers, shared with the chat and the language links (roleplay.js and language.js load
  // after this file and use them).
  var dom = window.courseDom || (window.courseDom = {
    fill: function (template, values) {
      return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
    },
    element: function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) { node.className = className; }
      if (text !== undefined) { node.textContent = text; }
      return node;
    },
    // A page's words: on its progress table, or once for all the page's role-plays.
    labelsOf: function (node) {
      var holder = node.hasAttribute("data-labels") ? node : document.querySelector("[data-roleplay-labels]");
      try { return JSON.parse(holder.getAttribute("data-labels")) || {}; } catch (error) { return {}; }
    },
    // Start on every page, however Material loaded it: with instant navigation, on each new page.
    onEveryPage: function (start) {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(start);
      } else if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
      } else {
        start();
      }
    }
  });
  var fill = dom.fill, element = dom.element, labelsOf = dom.labelsOf;

  var RECENT = 10;  // a principle's record: whether the best reply was chosen, the last ten times it was at stake

  function blankRecords() { return { scenarios: {}, skills: {} }; }

  // Records from storage, an LMS or another frame are checked, never trusted: a bad entry is dropped.
  function cleanRecords(value) {
    var clean = blankRecords(), scenarios = value && value.scenarios, skills = value && value.skills;
    Object.keys(scenarios && typeof scenarios === "object" ? scenarios : {}).forEach(function (id) {
      var result = scenarios[id];
      if (result && typeof result === "object" && isFinite(result.best) && isFinite(result.max) && result.max > 0) {
        clean.scenarios[id] = { best: Number(result.best), max: Number(result.max), passed: result.passed === true };
      }
    });
    Object.keys(skills && typeof skills === "object" ? skills : {}).forEach(function (ref) {
      if (/^[01]{1,10}$/.test(skills[ref])) { clean.skills[ref] = skills[ref]; }
    });
    return clean;
  }

  /* ---- where the records live --------------------------------------------- */

  // The SCORM launch page's adapter, when this page runs in its frame.
  function lmsAdapter() {
    try {
      var lms = window.parent !== window ? window.parent.courseLms : null;
      return lms && typeof lms.save === "function" ? lms : null;
    } catch (error) { return null; }  // framed by a page of another origin: not our launch page
  }

  function inLms(lms) {
    return {
      lms: lms,
      learner: function () { var who = lms.learner(); return { id: String(who.id), name: String(who.name) }; },
      read: function () { return cleanRecords(lms.records()); },
      write: function (records) { lms.save(records); },
      decided: function (detail) { lms.interaction(detail); },
      persistent: function () { return true; }
    };
  }

  // Without an LMS: a "book" in localStorage, {current: name, learners: {"~" + name: records}}, the
  // unnamed learner's name "" (the "~" keeps a name like "__proto__" an ordinary key). Every GitHub
  // Pages project site of one owner shares an origin, so the key carries this site's own path: two
  // courses never overwrite each other.
  function inBrowser(siteRoot) {
    var KEY = "course-progress:v2:" + siteRoot, EARLIER = "course-progress:v1:" + siteRoot;
    var memory = null;  // the book, once the browser refuses storage

    function readBook() {
      if (memory) { return memory; }
      try {
        var book = JSON.parse(window.localStorage.getItem(KEY));
        if (!book || typeof book !== "object" || !book.learners || typeof book.learners !== "object") {
          // Before learners had names, one unnamed set of records: it stays the unnamed learner's.
          book = { current: "", learners: { "~": JSON.parse(window.localStorage.getItem(EARLIER)) } };
        }
        return { current: typeof book.current === "string" ? book.current : "", learners: book.learners };
      } catch (error) {
        if (error instanceof SyntaxError) { return { current: "", learners: {} }; }
        memory = { current: "", learners: {} };
        return memory;
      }
    }

    function writeBook(book) {
      if (memory) { memory = book; return; }
      try { window.localStorage.setItem(KEY, JSON.stringify(book)); } catch (error) { memory = book; }
    }

    return {
      lms: null,
      learner: function () { var name = readBook().current; return { id: name, name: name }; },
      read: function () { var book = readBook(); return cleanRecords(book.learners["~" + book.current]); },
      write: function (records) { var book = readBook(); book.learners["~" + book.current] = records; writeBook(book); },
      decided: function () {},
      persistent: function () { readBook(); return !memory; },
      switchTo: function (name) { var book = readBook(); book.current = name; writeBook(book); }
    };
  }

  // A principle is "module-id#section-id", as the chat names it.
  function principleOf(teaches) {
    return typeof teaches === "string" && /^[a-z0-9-]+#[a-z0-9-]+$/.test(teaches) ? teaches : "";
  }

  // The chat keeps the attempt in play per tab (roleplay.js: "course-attempt:v1:" + site root + scenario),
  // so that a reload resumes it. Another learner in the same tab, after an LMS launch or a switch of
  // name, must not see it: the tab remembers whose attempts it holds.
  function forgetOthersAttempts(siteRoot, learner) {
    try {
      var session = window.sessionStorage, mark = "course-learner:v1:" + siteRoot;
      if (session.getItem(mark) === learner) { return; }
      Object.keys(session).forEach(function (key) {
        if (key.indexOf("course-attempt:v1:" + siteRoot) === 0) { session.removeItem(key); }
      });
      session.setItem(mark, learner);
    } catch (error) { /* no session storage: the chat keeps its attempt in memory, for one page */ }
  }

  function makeStore() {
    var script = document.currentScript;
    var siteRoot = script ? new URL("../../", script.src).pathname : "/";
    var lms = lmsAdapter();
    var place = lms ? inLms(lms) : inBrowser(siteRoot);
    function forget() { forgetOthersAttempts(siteRoot, (lms ? "lms:" : "browser:") + place.learner().id); }
    forget();

    // The chat judges the pass (the pass mark, a critical mistake); a pass is never replaced by a
    // failed try, however many points that try scored.
    function result(detail) {
      var records = place.read(), old = records.scenarios[detail.scenario];
      var now = { best: Number(detail.score), max: Number(detail.max), passed: detail.passed === true };
      if (!detail.scenario || !isFinite(now.best) || !(now.max > 0)) { return; }
      if (!old || (now.passed && !old.passed) || (now.passed === old.passed && now.best >= old.best)) {
        records.scenarios[detail.scenario] = now;
        place.write(records);
      }
    }

    function decision(detail) {
      var records = place.read(), ref = principleOf(detail.teaches), decided = {};
      Object.keys(detail).forEach(function (name) { decided[name] = detail[name]; });
      decided.teaches = ref;
      if (ref) {
        records.skills[ref] = ((records.skills[ref] || "") + (detail.best === true ? "1" : "0")).slice(-RECENT);
        place.write(records);
      }
      place.decided(decided);
    }

    return {
      place: place, result: result, decision: decision,
      records: function () { return place.read(); },
      reset: function () { place.write(blankRecords()); },
      // Without an LMS only: the learner says who they are.
      switchTo: place.switchTo ? function (name) { place.switchTo(name); forget(); } : null
    };
  }

  // One store per window, however many copies of this file the page loads.
  var store = window.courseStore || (window.courseStore = makeStore());


  /* ---- what the chat announces -------------------------------------------- */

  var toldMemoryOnly = false;  // said once per page, not after every result

  function keepResult(event) {
    store.result(event.detail || {});
    var summaries = event.target.querySelectorAll("[data-summary]");
    if (!store.place.persistent() && !toldMemoryOnly && summaries.length) {
      toldMemoryOnly = true;
      summaries[summaries.length - 1].appendChild(element("p", "course-progress__memory", labelsOf(event.target).storage_off));
    }
  }

  function keepDecision(event) {
    store.decision(event.detail || {});
  }

  if (!window.courseProgressListens) {
    window.courseProgressListens = true;
    document.addEventListener("course:result", keepResult);
    document.addEventListener("course:decision", keepDecision);
  }

  /* ---- progress and completion pages -------------------------------------- */

  function scenarioTotals(root, records) {
    var total = 0, passed = 0;
    root.querySelectorAll("[data-progress-row]").forEach(function (row) {
      total += 1;
      passed += (records.scenarios[row.getAttribute("data-progress-row")] || {}).passed ? 1 : 0;
    });
    return { total: total, passed: passed, complete: total > 0 && passed === total };
  }

  function showScenarios(root, labels, records) {
    root.querySelectorAll("[data-progress-row]").forEach(function (row) {
      var result = records.scenarios[row.getAttribute("data-progress-row")];
      var status = row.querySelector("[data-status]");
      row.querySelector("[data-best]").textContent = result ? result.best + " / " + result.max : "–";
      if (status) {
        status.textContent = !result ? labels.not_tried : result.passed ? labels.status_passed : labels.status_not_passed;
      }
    });
  }

  function showLearner(root, labels) {
    var who = store.place.learner();
    var shown = root.querySelector("[data-learner-name]");
    if (shown) { shown.textContent = who.name || labels.learner_unnamed; }
    var form = root.querySelector("[data-learner-form]");
    if (form) { form.hidden = Boolean(store.place.lms); }  // in an LMS, the LMS says who is learning
  }

  function ratio(outcomes) {
    var best = outcomes.replace(/0/g, "").length;
    return { best: best, asked: outcomes.length };
  }

  // The skill map: each principle's recent record, and those below the pass mark listed to review.
  function showSkills(root, labels, records) {
    // A principle is handled well when its best reply was chosen as often as a role-play's pass mark asks.
    var review = root.querySelector("[data-skills-review]"), weak = [], tried = false;
    var passMark = Number(root.getAttribute("data-pass-mark"));
    if (!review) { return; }
    root.querySelectorAll("[data-skill]").forEach(function (row) {
      var outcomes = records.skills[row.getAttribute("data-skill")] || "", counts = ratio(outcomes);
      row.querySelector("[data-skill-best]").textContent = outcomes ? fill(labels.times, counts) : "–";
      tried = tried || Boolean(outcomes);
      if (outcomes && counts.best * 100 < counts.asked * passMark) { weak.push({ row: row, share: counts.best / counts.asked }); }
    });
    weak.sort(function (a, b) { return a.share - b.share; });
    review.textContent = "";
    weak.forEach(function (entry) {
      var item = element("li");
      item.appendChild(entry.row.querySelector("th a").cloneNode(true));
      item.appendChild(element("span", "", " (" + entry.row.querySelector("[data-skill-best]").textContent + ") · " + labels.skills_practise + " "));
      entry.row.querySelector("[data-skill-scenarios]").childNodes.forEach(function (part) { item.appendChild(part.cloneNode(true)); });
      review.appendChild(item);
    });
    var empty = root.querySelector("[data-skills-review-empty]");
    if (!empty.hasAttribute("data-untried")) { empty.setAttribute("data-untried", empty.textContent); }
    empty.textContent = tried ? labels.skills_review_none : empty.getAttribute("data-untried");
    empty.hidden = weak.length > 0;
  }

  // What the page must say about where the records are: once, in the learner's language.
  function placeMessage(labels) {
    var lms = store.place.lms;
    if (lms && !lms.grading()) { return labels.lms_review; }
    if (lms && lms.passed()) { return labels.lms_passed; }
    return store.place.persistent() ? "" : labels.storage_off;
  }

  function showProgress(root) {
    var labels = labelsOf(root), records = store.records(), totals = scenarioTotals(root, records);
    showLearner(root, labels);
    showScenarios(root, labels, records);
    showSkills(root, labels, records);
    var summary = root.querySelector("[data-completion-summary]");
    summary.textContent = fill(totals.complete ? labels.completion_ready_progress : labels.completion_locked, totals);
    root.querySelector("[data-completion-link]").hidden = !totals.complete;
    root.querySelector("[data-progress-message]").textContent = placeMessage(labels);
  }

  function initProgress(root) {
    showProgress(root);
    var message = root.querySelector("[data-progress-message]"), labels = labelsOf(root);
    root.querySelector("[data-progress-reset]").addEventListener("click", function () {
      store.reset();
      showProgress(root);
      message.textContent = labels.reset_done;
    });
    var form = root.querySelector("[data-learner-form]"), input = root.querySelector("[data-learner-input]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = input.value.trim();
      if (!name || !store.switchTo) { return; }
      store.switchTo(name);
      input.value = "";
      showProgress(root);
      message.textContent = fill(labels.learner_switched, { name: name });
    });
  }

  function showModules(root, records, labels) {
    root.querySelectorAll("[data-module-summary]").forEach(function (row) {
      var ids = row.getAttribute("data-module-summary").split(" "), passed = 0, percent = 0;
      ids.forEach(function (id) {
        var result = records.scenarios[id];
        passed += result && result.passed ? 1 : 0;
        percent += result ? Math.min(100, 100 * result.best / result.max) : 0;
      });
      row.querySelector("[data-module-passed]").textContent = passed + " / " + ids.length;
      row.querySelector("[data-module-average]").textContent = fill(labels.percent, { percent: Math.round(percent / ids.length) });
    });
  }

  function initCompletion(root) {
    var labels = labelsOf(root), records = store.records();
    var rows = root.querySelectorAll("[data-module-summary]"), total = 0, passed = 0;
    rows.forEach(function (row) {
      row.getAttribute("data-module-summary").split(" ").forEach(function (id) {
        total += 1;
        passed += (records.scenarios[id] || {}).passed ? 1 : 0;
      });
    });
    var complete = total > 0 && passed === total;
    var locked = root.querySelector("[data-completion-locked]");
    locked.textContent = fill(labels.completion_locked, { total: total, passed: passed });
    locked.hidden = complete;
    root.querySelector("[data-completion-ready]").hidden = !complete;
    showModules(root, records, labels);
    var name = root.querySelector("[data-completion-name]");
    var shown = root.querySelector("[data-completion-name-shown]");
    name.value = shown.textContent = store.place.learner().name;
    name.addEventListener("input", function () { shown.textContent = name.value; });
    root.querySelector("[data-completion-date]").textContent =
      new Date().toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" });
    root.querySelector("[data-completion-print]").addEventListener("click", function () { window.print(); });
  }

  /* ---- start, however Material loaded the page ------------------------------ */

  function once(selector, start) {
    document.querySelectorAll(selector).forEach(function (node) {
      if (node.hasAttribute("data-progress-ready")) { return; }
      node.setAttribute("data-progress-ready", "");
      start(node);
    });
  }

  function initAll() {
    once("[data-progress]", initProgress);
    once("[data-completion]", initCompletion);
  }

  dom.onEveryPage(initAll);
})();
