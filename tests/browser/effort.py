"""How much an editor does in the admin, counted in the browser: clicks (real ones, not a script's) and
the distinct fields given a value. The count survives page loads (sessionStorage of the tab)."""

COUNTER_JS = """
(() => {
  const KEY = "bilateral-effort";
  const load = () => JSON.parse(sessionStorage.getItem(KEY) || '{"clicks": 0, "fields": []}');
  const save = (state) => sessionStorage.setItem(KEY, JSON.stringify(state));
  document.addEventListener("click", (event) => {
    if (!event.isTrusted) return;  // a script's click (opening or closing blocks for the editor) is none
    const state = load();
    state.clicks += 1;
    save(state);
  }, true);
  const field = (event) => {
    const target = event.target;
    if (!target || !target.closest) return;
    let name = target.name;
    if (!name && target.isContentEditable) {
      const block = target.closest("[data-streamfield-child]");
      name = "rich text " + (block ? block.dataset.contentpath : "");
    }
    if (!name || name === "csrfmiddlewaretoken") return;
    const state = load();
    if (!state.fields.includes(name)) state.fields.push(name);
    save(state);
  };
  document.addEventListener("input", field, true);
  document.addEventListener("change", field, true);
})();
"""


def count_effort(page):
    """Count from now on, in this tab (installed for every page it loads)."""
    page.context.add_init_script(COUNTER_JS)
    page.evaluate("() => sessionStorage.removeItem('bilateral-effort')")


def effort(page):
    state = page.evaluate("() => JSON.parse(sessionStorage.getItem('bilateral-effort') || 'null')")
    assert state is not None, "the effort counter was not installed"
    return state["clicks"], len(state["fields"])
