/* Search on demand: Material starts its search worker and fetches the language's search index as
 * soon as a page loads, the largest part of a first visit, although most readers never search.
 * Loaded before Material's bundle (as a polyfill), this holds both back until the reader reaches
 * for search: the search field takes the focus, the search button is pointed at, touched or
 * clicked, or a search key is pressed. Checked against Material 9.8 (bundle: `new Worker(url)` in
 * setupSearchWorker, an XMLHttpRequest for search/search_index.json). Not used from disk, where
 * Material loads the index as a script. */
(function () {
  "use strict";

  if (window.courseSearchOnDemand || location.protocol === "file:" || !window.Worker || !window.XMLHttpRequest) {
    return;
  }
  window.courseSearchOnDemand = true;

  var RealWorker = window.Worker, request = window.XMLHttpRequest.prototype;
  var realOpen = request.open, realSend = request.send;
  var wanted = false, waiting = [];

  function want() {
    if (wanted) { return; }
    wanted = true;
    waiting.forEach(function (start) { start(); });
    waiting = [];
  }

  function whenWanted(start) {
    if (wanted) { start(); } else { waiting.push(start); }
  }

  function isSearchWorker(url) { return /\/workers\/search\.[^/]*\.js$/.test(String(url)); }

  // A stand-in for the search worker: keeps Material's listeners and messages until it is wanted.
  function DeferredWorker(url, options) {
    var self = this, listeners = [], messages = [], worker = null;
    whenWanted(function () {
      worker = new RealWorker(url, options);
      listeners.forEach(function (entry) { worker.addEventListener.apply(worker, entry); });
      messages.forEach(function (entry) { worker.postMessage.apply(worker, entry); });
    });
    self.addEventListener = function () {
      if (worker) { worker.addEventListener.apply(worker, arguments); } else { listeners.push(arguments); }
    };
    self.removeEventListener = function () {
      if (worker) { worker.removeEventListener.apply(worker, arguments); }
    };
    self.postMessage = function () {
      if (worker) { worker.postMessage.apply(worker, arguments); } else { messages.push(arguments); }
    };
    self.terminate = function () { if (worker) { worker.terminate(); } };
  }

  window.Worker = function (url, options) {
    return isSearchWorker(url) ? new DeferredWorker(url, options) : new RealWorker(url, options);
  };

  request.open = function (method, url) {
    this.courseSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return realOpen.apply(this, arguments);
  };
  request.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.courseSearchIndex) { return realSend.apply(xhr, args); }
    whenWanted(function () { realSend.apply(xhr, args); });
  };

  function reaching(event) {
    var target = event.target;
    if (target && target.closest && target.closest('[data-md-component="search"], label[for="__search"], .md-search')) {
      want();
    }
  }

  // A reader who followed a search result (…?h=退货) wants its words marked on this page: Material
  // marks them with the search worker, so it starts at once.
  if (/[?&]h=/.test(location.search)) { want(); }

  ["focusin", "pointerover", "touchstart", "click"].forEach(function (name) {
    document.addEventListener(name, reaching, { capture: true, passive: true });
  });
  document.addEventListener("keydown", function (event) {
    if (/^[sSfF/]$/.test(event.key)) { want(); }
  }, true);
})();
