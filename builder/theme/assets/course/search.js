/* Material's search, mended for Chinese. No dependencies; safe to run twice.
 *
 * 1. Material's worker splits a Chinese query into the words of the index, but never tries the
 *    whole run of characters as a word: "退货" becomes "退", which finds and marks every 退
 *    (退款, 退回 …). A sentinel character after each run lets it try the whole run; it is added
 *    only when the run starts with a word of the index, because a run that does not is searched
 *    as a prefix ("退货*"), which the sentinel would spoil. The words come from the index itself,
 *    as the page hands it to the worker (its SETUP message), so this works whenever it loads.
 * 2. The index keeps jieba's word breaks (U+200B) in the text; the results shown drop them. */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2;            // Material's SearchMessageType
  var SENTINEL = "\u3007";             // 〇: a Han character, so it stays inside the run
  var HAN_RUN = /\p{Script=Han}+/gu;
  var HAN_WORD = /^\p{Script=Han}+$/u;
  var words = new Set();

  function learnWords(index) {
    var separator = new RegExp(index.config.separator, "g");
    words = new Set();
    index.docs.forEach(function (doc) {
      ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ").split(separator)
        .forEach(function (word) { if (HAN_WORD.test(word)) { words.add(word); } });
    });
    words.delete(SENTINEL);
  }

  function startsWithWord(run) {
    for (var end = 1; end <= run.length; end++) {
      if (words.has(run.slice(0, end))) { return true; }
    }
    return false;
  }

  function mendedQuery(query) {
    return query.replace(HAN_RUN, function (run) { return startsWithWord(run) ? run + SENTINEL : run; });
  }

  var Worker = window.Worker;
  if (Worker && Worker.prototype && Worker.prototype.postMessage && !Worker.prototype.postMessage.courseMended) {
    var post = Worker.prototype.postMessage;
    var mended = function (message) {
      if (message && message.type === SETUP && message.data && message.data.docs) {
        learnWords(message.data);
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: mendedQuery(message.data) };
      }
      return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
    };
    mended.courseMended = true;
    Worker.prototype.postMessage = mended;
  }

  function withoutBreakMarks(node) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.data.indexOf("\u200b") >= 0) { text.data = text.data.replace(/\u200b/g, ""); }
    }
  }

  function start() {
    var list = document.querySelector('[data-md-component="search-result"]');
    if (!list || list.hasAttribute("data-course-search-ready")) { return; }
    list.setAttribute("data-course-search-ready", "");
    new MutationObserver(function () { withoutBreakMarks(list); }).observe(list, { childList: true, subtree: true });
  }

  // This file runs in the head, before Material's bundle makes document$ and before progress.js, whose
  // courseDom.onEveryPage the other scripts share: once the page is read, it follows Material's pages.
  function begin() {
    if (window.document$ && typeof window.document$.subscribe === "function") { window.document$.subscribe(start); } else { start(); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", begin); } else { begin(); }
})();
