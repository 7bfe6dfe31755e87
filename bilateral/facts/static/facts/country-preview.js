// The country form's preview follows each keystroke: a wrong case form is seen before it is saved.
// Wagtail refreshes its preview panel when its unsaved-changes tracker flips from "no edits" to
// "edits"; once the form has edits, a further correction does not flip it, and the preview kept the
// wrong form. Here every change of the country form asks the panel for a new preview (debounced).
(() => {
  const form = document.querySelector('form[data-edit-form][action*="/snippets/facts/country/"]');
  const panel = document.querySelector('[data-controller~="w-preview"]');
  if (!form || !panel || !window.wagtail || !window.wagtail.app) return;
  let timer = null;
  const refresh = () => {
    const preview = window.wagtail.app.getControllerForElementAndIdentifier(panel, "w-preview");
    if (preview) preview.setPreviewData();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
