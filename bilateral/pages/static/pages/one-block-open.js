// The page body's blocks start collapsed (SectionPage.body, collapsed=True); this keeps only the block
// being edited open: opening a block, or moving into a block's fields (a block just inserted, the
// keyboard), collapses the other blocks of the same body. Nested blocks are left as they are.
(() => {
  "use strict";

  function isTopLevel(child) {
    return !child.parentElement.closest("[data-streamfield-child]");
  }

  function toggleOf(child) {
    return child.querySelector(":scope > section > .w-panel__header > button[data-panel-toggle]");
  }

  function collapseOthers(child) {
    const stream = child.parentElement;
    stream.querySelectorAll(":scope > [data-streamfield-child]").forEach((other) => {
      const toggle = other !== child && toggleOf(other);
      // Wagtail's own toggle: it hides the content and updates the collapsed block's summary.
      if (toggle && toggle.getAttribute("aria-expanded") === "true") toggle.click();
    });
  }

  function topLevelChild(element) {
    const child = element.closest && element.closest("[data-streamfield-child]");
    if (!child) return null;
    return isTopLevel(child) ? child : topLevelChild(child.parentElement);
  }

  document.addEventListener("wagtail:panel-toggle", (event) => {
    if (!event.detail || !event.detail.expanded) return;
    const child = event.target.closest("[data-streamfield-child]");
    if (child && isTopLevel(child) && toggleOf(child) === event.target) collapseOthers(child);
  });

  document.addEventListener("focusin", (event) => {
    const child = topLevelChild(event.target);
    const toggle = child && toggleOf(child);
    // Into the block's fields, not onto its header: tabbing past a block's header leaves it closed.
    if (toggle && toggle.getAttribute("aria-expanded") === "true" && !event.target.closest(".w-panel__header")) {
      collapseOthers(child);
    }
  });
})();
