/* Search that does not freeze the page when the site is opened as files.
 *
 * Browsers refuse `new Worker("file:///...")`, so on file:// Material for MkDocs runs its search
 * "worker" in a hidden iframe (the iframe-worker shim) on the page's own thread: building the
 * index then blocks the page (about 0.2 s on our data, 1.5 s at ten times its size). A worker
 * made from a blob URL is allowed from file:// and runs on a thread of its own. Its code comes
 * from a script the build writes next to Material's worker (`search-source.js`), because a
 * file:// page cannot fetch a file's text. If anything fails, the iframe shim takes over.
 *
 * Listed before the shim in `extra.polyfills`: the shim's `window.Worker = ...` is caught here
 * and kept as the fallback.
 *
 * Material sends a query for every keystroke. A worker on its own thread would answer each in
 * turn, so the last answer came only after all the earlier ones (0.5 s at ten times our data).
 * While a query is being answered, only the newest waiting one is kept. The message types are
 * Material's (SearchMessageType in its search worker: 2 = query, 3 = result).
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof Blob === "undefined" || typeof URL.createObjectURL !== "function") {
    return;
  }
  var NativeWorker = window.Worker;
  var Fallback = NativeWorker;
  var SOURCE_FILE = "search-source.js";
  var QUERY = 2;
  var RESULT = 3;

  function BlobWorker(url) {
    var target = new EventTarget();
    var queue = [];
    var worker = null;
    var self = this;
    var answering = false; // a query is with the worker
    var waiting = null; // the newest query typed since

    function send(data) {
      if (data && data.type === QUERY) {
        if (answering) {
          waiting = data;
          return;
        }
        answering = true;
      }
      worker.postMessage(data);
    }

    function forward(event) {
      if (event.type === "message" && event.data && event.data.type === RESULT) {
        answering = false;
        if (waiting) {
          // This answer is for words the reader has already typed past: ask for the newest instead.
          var next = waiting;
          waiting = null;
          send(next);
          return;
        }
      }
      var copy = new MessageEvent(event.type, { data: event.data });
      target.dispatchEvent(copy);
      var handler = event.type === "message" ? self.onmessage : self.onerror;
      if (handler) handler.call(self, copy);
    }

    function start(make) {
      try {
        worker = make();
      } catch (error) {
        worker = new Fallback(url);
      }
      worker.addEventListener("message", forward);
      worker.addEventListener("error", forward);
      queue.forEach(send);
      queue = [];
    }

    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.postMessage = function (data) {
      if (worker) send(data);
      else queue.push(data);
    };
    this.terminate = function () {
      if (worker) worker.terminate();
    };

    var script = document.createElement("script");
    script.src = String(url).replace(/[^/]*$/, SOURCE_FILE);
    script.onload = function () {
      start(function () {
        var code = window.__wtscSearchWorkerSource;
        if (typeof code !== "string") throw new Error("no worker source");
        return new NativeWorker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
      });
    };
    script.onerror = function () {
      start(function () { return new Fallback(url); });
    };
    document.head.appendChild(script);
  }

  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: function () { return BlobWorker; },
    set: function (value) { Fallback = value; }
  });
})();
