/* Small, dependency-free behaviour that works from file:// as well as a server. */
(function () {
  "use strict";

  function onReady(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  // "I work in..." chooser: go to the chosen role page.
  function roleChooser(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var target = form.querySelector("select").value;
      if (target) window.location.href = target;
    });
  }

  // Edition comparison chooser: always link earlier-later, whatever order was picked.
  function compareChooser(form) {
    var from = form.querySelector("#wtsc-from");
    var to = form.querySelector("#wtsc-to");
    var message = form.querySelector(".wtsc-chooser-message");
    if (to.dataset.default) to.value = to.dataset.default;
    if (to.selectedIndex > 0) from.selectedIndex = to.selectedIndex - 1;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = parseInt(from.value, 10);
      var b = parseInt(to.value, 10);
      if (a === b) {
        message.textContent = "Choose two different editions.";
        return;
      }
      window.location.href = Math.min(a, b) + "-" + Math.max(a, b) + ".html";
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  // Copy-link buttons: copy this page's address with the item's stable anchor.
  function copyButtons() {
    document.querySelectorAll(".wtsc-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var url = window.location.href.split("#")[0] + "#" + button.dataset.anchor;
        copyText(url).then(function () {
          var label = button.textContent;
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  // Wide tables scroll sideways on small screens; keyboard users must be able to reach and scroll them.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table (scrolls sideways)");
      }
    });
  }

  // The glossary index keeps the #term-<id> anchors that links used before each term got a page
  // of its own; a reader arriving with one goes on to the term's page.
  function forwardGlossaryAnchor() {
    var hash = window.location.hash;
    if (!/^#term-[a-z0-9-]+$/.test(hash)) return;
    var entry = document.getElementById(hash.slice(1));
    if (entry && entry.tagName === "A" && entry.closest("[data-wtsc-glossary-index]")) {
      window.location.replace(entry.href);
    }
  }

  onReady(function () {
    forwardGlossaryAnchor();
    focusableScrollers();
    document.querySelectorAll("[data-wtsc-chooser]").forEach(roleChooser);
    document.querySelectorAll("[data-wtsc-compare]").forEach(compareChooser);
    copyButtons();
    // The theme's search dialog has no accessible name.
    var search = document.querySelector(".md-search");
    if (search && !search.getAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  });
})();
