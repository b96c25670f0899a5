/* The learner's records: best results per scenario, the progress and completion pages.
 * The chat (roleplay.js) announces each result as a `course:result` event; this file keeps it.
 * No dependencies, no network, safe to run twice. */
(function () {
  "use strict";

  // Every GitHub Pages project site of one owner shares an origin, so the key
  // carries this site's own path: two courses never overwrite each other.
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src).pathname : "/";
  var KEY = "course-progress:v1:" + siteRoot;
  var storageWorks = true;

  function readProgress() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY));
      if (value && typeof value === "object" && value.scenarios && typeof value.scenarios === "object") {
        return value;
      }
    } catch (error) { storageWorks = storageWorks && !(error instanceof DOMException); }
    return { scenarios: {} };
  }

  function writeProgress(progress) {
    try { window.localStorage.setItem(KEY, JSON.stringify(progress)); }
    catch (error) { storageWorks = false; }
  }

  function resultOf(progress, id) {
    var result = progress.scenarios[id];
    var valid = result && typeof result === "object" && isFinite(result.best) && isFinite(result.max) && result.max > 0;
    return valid ? { best: Number(result.best), max: Number(result.max), passed: result.passed === true } : null;
  }

  function record(id, score, max) {
    var progress = readProgress();
    var old = resultOf(progress, id);
    if (!old || score >= old.best) {
      progress.scenarios[id] = { best: score, max: max, passed: score * 100 >= max * 80 };
      writeProgress(progress);
    }
  }

  function keepResult(event) {
    var result = event.detail, summaries = event.target.querySelectorAll("[data-summary]");
    record(result.scenario, result.score, result.max);
    if (!storageWorks && summaries.length) {
      summaries[summaries.length - 1].appendChild(element("p", "", labelsOf(event.target).storage_off));
    }
  }

  // A second copy of this file on the page must not record every result twice.
  if (!window.courseProgressListens) {
    window.courseProgressListens = true;
    document.addEventListener("course:result", keepResult);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function labelsOf(node) {
    try { return JSON.parse(node.getAttribute("data-labels")) || {}; } catch (error) { return {}; }
  }

  /* ---- progress and completion pages -------------------------------------- */

  function showProgress(root) {
    var labels = labelsOf(root), progress = readProgress(), total = 0, passed = 0;
    root.querySelectorAll("[data-progress-row]").forEach(function (row) {
      var result = resultOf(progress, row.getAttribute("data-progress-row"));
      var status = row.querySelector("[data-status]");
      total += 1;
      passed += result && result.passed ? 1 : 0;
      row.querySelector("[data-best]").textContent = result ? result.best + " / " + result.max : "–";
      if (status) {
        status.textContent = !result ? labels.not_tried : result.passed ? labels.status_passed : labels.status_not_passed;
      }
    });
    var summary = root.querySelector("[data-completion-summary], [data-completion-locked]");
    if (summary) { summary.textContent = fill(labels.completion_locked, { total: total, passed: passed }); }
    if (!storageWorks) { root.querySelector("[data-progress-message]").textContent = labels.storage_off; }
    return total > 0 && passed === total;
  }

  function initProgress(root) {
    showProgress(root);
    var reset = root.querySelector("[data-progress-reset]");
    reset.addEventListener("click", function () {
      try { window.localStorage.removeItem(KEY); } catch (error) { storageWorks = false; }
      showProgress(root);
      root.querySelector("[data-progress-message]").textContent = labelsOf(root).reset_done;
    });
  }

  function initCompletion(root) {
    var complete = showProgress(root);
    root.querySelector("[data-completion-locked]").hidden = complete;
    root.querySelector("[data-completion-ready]").hidden = !complete;
    var name = root.querySelector("[data-completion-name]");
    var shown = root.querySelector("[data-completion-name-shown]");
    name.addEventListener("input", function () { shown.textContent = name.value; });
    root.querySelector("[data-completion-date]").textContent =
      new Date().toLocaleDateString(document.documentElement.lang || undefined);
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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
