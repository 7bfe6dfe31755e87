// The fact checks while the editor types (bilateral/facts/live_checks.py): a moment after a field of a
// fact block changes, the block's fields are posted to the check endpoint and its warnings are shown
// beside the fields they concern. The rules are the server's; nothing here knows them, nothing is saved.
(() => {
  "use strict";

  const script = document.currentScript;
  const CHECK_URL = script && script.dataset.checkUrl;
  const FACT_TYPES = new Set(((script && script.dataset.factTypes) || "").split(" ").filter(Boolean));
  const DELAY_MS = 300;
  const timers = new WeakMap();
  let queue = Promise.resolve(); // one request at a time, in the order the changes came

  // The block of the page body a field belongs to: the outermost stream child around it.
  function topLevelBlock(element) {
    let found = null;
    let node = element.closest && element.closest("[data-streamfield-child]");
    while (node) {
      found = node;
      node = node.parentElement && node.parentElement.closest("[data-streamfield-child]");
    }
    return found;
  }

  function describe(block) {
    const typeInput = block.querySelector(":scope > input[name$='-type']");
    if (!typeInput || !FACT_TYPES.has(typeInput.value)) return null;
    return { type: typeInput.value, prefix: typeInput.name.slice(0, -"-type".length) + "-value" };
  }

  function fieldsOf(block, prefix) {
    const form = block.closest("form");
    const data = new URLSearchParams();
    if (!form) return data;
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && (name === "csrfmiddlewaretoken" || name.startsWith(prefix + "-"))) {
        data.append(name, value);
      }
    }
    return data;
  }

  // Where a field's warnings go: under its input for a simple field, under its label for a list.
  function placeFor(block, prefix, field) {
    const input = block.querySelector(`[name='${prefix}-${field}'], [name^='${prefix}-${field}-']`);
    const wrapper = input && input.closest(`[data-contentpath='${field}']`);
    if (!wrapper) return { container: block.querySelector("section") || block, after: null };
    const simple = wrapper.querySelector(":scope > [data-field-wrapper] > [data-field]");
    if (simple) return { container: simple, after: null };
    return { container: wrapper, after: wrapper.firstElementChild };
  }

  function clear(block) {
    block.querySelectorAll("[data-live-fact-warnings]").forEach((box) => {
      const field = document.getElementById(box.dataset.describes || "");
      if (field) {
        const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== box.id);
        if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
        else field.removeAttribute("aria-describedby");
      }
      box.remove();
    });
  }

  function warningBox(block, prefix, field) {
    const id = `${prefix}-${field || "block"}-fact-warnings`;
    let box = document.getElementById(id);
    if (box) return box;
    box = document.createElement("div");
    box.id = id;
    box.className = "help-block help-warning fact-live-warnings";
    box.dataset.liveFactWarnings = field || "";
    const { container, after } = placeFor(block, prefix, field);
    container.insertBefore(box, after ? after.nextSibling : null);
    const input = document.getElementById(`${prefix}-${field}`);
    if (input) {
      // A screen reader reads the warning with the field it concerns.
      box.dataset.describes = input.id;
      const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      input.setAttribute("aria-describedby", [...ids, id].join(" "));
    }
    return box;
  }

  function show(block, prefix, warnings) {
    clear(block);
    warnings.forEach((warning) => {
      const line = document.createElement("p");
      line.dataset.rule = warning.rule;
      const message = document.createElement("span");
      message.textContent = warning.message;
      const figures = document.createElement("span");
      figures.className = "fact-live-warnings__figures";
      figures.textContent = " " + warning.figures;
      line.append(message, figures);
      warningBox(block, prefix, warning.field).append(line);
    });
  }

  async function check(block) {
    const described = describe(block);
    if (!described || !block.isConnected) return;
    const data = fieldsOf(block, described.prefix);
    data.append("block_type", described.type);
    data.append("prefix", described.prefix);
    const response = await fetch(CHECK_URL, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "", Accept: "application/json" },
    });
    if (!response.ok) return;
    const answer = await response.json();
    if (answer.readable) show(block, described.prefix, answer.warnings);
  }

  function schedule(event) {
    if (!CHECK_URL) return;
    const block = topLevelBlock(event.target);
    if (!block || !describe(block)) return;
    window.clearTimeout(timers.get(block));
    timers.set(
      block,
      window.setTimeout(() => {
        queue = queue.then(() => check(block)).catch(() => undefined);
      }, DELAY_MS),
    );
  }

  document.addEventListener("input", schedule);
  document.addEventListener("change", schedule);
  // Adding, deleting or moving a list item changes the figures without an input event.
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("button")) schedule(event);
  });
})();
