// The section page's publish dialog (bilateral/pages/change_dialog.py): the action that opened it
// names its submit button; the public note is shown only for a major change; after a refused
// publication the dialog opens again with its errors.
(function () {
  "use strict";

  function dialogBody() {
    return document.querySelector("[data-change-dialog]");
  }

  function showNoteForMajorOnly(body) {
    var checked = body.querySelector("input[name='change_kind']:checked");
    var note = body.querySelector("[data-change-note]");
    if (note) {
      note.hidden = !checked || checked.value !== "major";
    }
  }

  function askFor(opener) {
    var body = dialogBody();
    var submit = body && body.querySelector("[data-change-submit]");
    if (!submit) return;
    submit.name = opener.dataset.changeAction;
    submit.value = opener.dataset.changeAction;
    submit.textContent = opener.dataset.changeSubmitLabel;
  }

  function openAgainWithErrors(body) {
    var dialog = body.closest("[data-controller~='w-dialog']");
    if (dialog) {
      dialog.dispatchEvent(new CustomEvent("w-dialog:show"));
    }
  }

  function start(attempts) {
    var body = dialogBody();
    if (!body) {
      // Wagtail moves the dialog to the end of <body> once its controllers start (other editors have none).
      if (attempts > 0) {
        window.setTimeout(function () {
          start(attempts - 1);
        }, 50);
      }
      return;
    }
    showNoteForMajorOnly(body);
    body.addEventListener("change", function () {
      showNoteForMajorOnly(body);
    });
    if (body.hasAttribute("data-change-dialog-open")) {
      window.setTimeout(function () {
        openAgainWithErrors(body);
      }, 0);
    }
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-change-action]");
    if (opener) askFor(opener);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      start(100);
    });
  } else {
    start(100);
  }
})();
