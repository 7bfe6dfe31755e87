// Starts the Wagtail admin widgets that Wagtail starts from inline <script>s, which the portal's
// Content-Security-Policy refuses: the date and time pickers, the inline panels and the choosers.
// Our templates (bilateral/pages/templates/wagtailadmin/) and bilateral/pages/admin_widgets.py leave
// a marker instead; widgets added later (the scheduling dialog, new stream blocks, new inline
// forms) are found by watching the document.
(() => {
  const DATE_STARTERS = { date: "initDateChooser", time: "initTimeChooser", datetime: "initDateTimeChooser" };
  const PANELS = ["InlinePanel", "MultipleChooserPanel"];
  const MARKERS = ["data-bilateral-chooser", "data-bilateral-panel", "data-bilateral-new", "data-bilateral-call"];
  const SELECTOR = MARKERS.map((name) => `[${name}]:not([data-bilateral-started])`).join(", ");
  // Only Wagtail's chooser classes and functions, whatever a marker says.
  const isChooser = (name) => /^[A-Za-z]+Chooser$/.test(name || "") && typeof window[name] === "function";

  function start(marker) {
    const { bilateralChooser: chooser, bilateralPanel: panel, bilateralNew: newName, bilateralCall: callName } = marker.dataset;
    // An inline panel's blank form (its template): started once it is copied in with a real prefix.
    if ((marker.dataset.target || "").includes("__prefix__")) return;
    if (newName || callName) {
      if (newName && isChooser(newName)) {
        marker.dataset.bilateralStarted = "";
        new window[newName](marker.dataset.target, JSON.parse(marker.dataset.options));
      } else if (callName && /^create[A-Za-z]+Chooser$/.test(callName) && typeof window[callName] === "function") {
        marker.dataset.bilateralStarted = "";
        window[callName](marker.dataset.target);
      }
    } else if (chooser) {
      const starter = window[DATE_STARTERS[chooser]];
      if (typeof starter !== "function") return;
      marker.dataset.bilateralStarted = "";
      starter(marker.dataset.target, JSON.parse(marker.dataset.config));
    } else if (PANELS.includes(panel) && typeof window[panel] === "function") {
      marker.dataset.bilateralStarted = "";
      new window[panel](JSON.parse(marker.dataset.options));
    }
  }

  function startWithin(node) {
    if (!(node instanceof Element)) return;
    if (node.matches(SELECTOR)) start(node);
    node.querySelectorAll(SELECTOR).forEach(start);
  }

  function startAll() {
    startWithin(document.documentElement);
    new MutationObserver((mutations) => {
      mutations.forEach((mutation) => mutation.addedNodes.forEach(startWithin));
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
