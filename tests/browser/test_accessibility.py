"""axe-core, and the structure every public page must have: lang, one main, one h1, a skip link."""

import pytest

from .conftest import COUNTRY_INDEX_PATH, COUNTRY_PATH, HOME_PATH, SECTION_PATH, inject_axe
from .test_layout import PUBLIC_PAGES, address_of, two_versions  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

# (path, the h1 the seed gives that page)
PAGES = [
    pytest.param(HOME_PATH, "Dvišaliai santykiai", id="home"),
    pytest.param(COUNTRY_INDEX_PATH, "Šalys partnerės", id="country-list"),
    pytest.param(COUNTRY_PATH, "Baltarusija", id="country"),
    pytest.param(SECTION_PATH, "Politinis bendradarbiavimas", id="section"),
]

# Elements reachable with Tab, in the browser's sense (visible, not disabled, tabindex >= 0).
TABBABLE_JS = """() => {
  const selector = 'a[href], area[href], button, input, select, textarea, iframe, summary, '
    + '[contenteditable=""], [contenteditable="true"], [tabindex]';
  return Array.from(document.querySelectorAll(selector))
    .filter((el) => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]'))
    .filter((el) => {
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    })
    .map((el) => el.outerHTML.slice(0, 120));
}"""

ACTIVE_ELEMENT_JS = """() => {
  const el = document.activeElement;
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    className: typeof el.className === 'string' ? el.className : '',
    href: el.getAttribute('href'),
    text: (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 80),
  };
}"""


def open_page(page, site_url, path):
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200, (
        f"GET {path}: {response.status if response else 'no response'}"
    )


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_axe_finds_no_violations(page, two_versions, axe_js, path, width):
    """Every public template, at a phone's width and a desktop's."""
    site_url = two_versions
    address = address_of(page, site_url, path)
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site_url + address)
    assert response is not None and response.status < 500, f"GET {address}: {response and response.status}"
    if path == "/api/docs":  # Swagger UI draws the operations after the page has loaded
        page.wait_for_selector(".opblock-summary-path")
    inject_axe(page, axe_js)
    results = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    # axe really ran over this page: it reports the rules it checked.
    assert results["url"].startswith(site_url + address.split("?")[0])
    assert results["passes"] or results["violations"]

    violations = results["violations"]
    assert violations == [], (
        f"axe-core {results['testEngine']['version']} found {len(violations)} violation(s) "
        f"on {address} at {width} px:\n{describe_violations(violations)}"
    )


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_structure(page, site_url, path, heading):
    open_page(page, site_url, path)

    assert page.locator("html").get_attribute("lang") == "lt"
    assert page.title().strip(), "the page has no <title>"
    assert page.locator("main").count() == 1, "exactly one <main> expected"
    assert page.locator("[role=main]:not(main)").count() == 0, "a second main landmark"
    h1 = page.locator("h1")
    assert h1.count() == 1, f"exactly one <h1> expected, found {h1.all_inner_texts()}"
    assert h1.inner_text().strip() == heading
    assert page.locator("main h1").count() == 1, "the <h1> must be inside <main>"


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_skip_link_is_first_and_moves_focus_to_main(page, site_url, path, heading):
    open_page(page, site_url, path)

    skip_link = page.locator("a.skip-link")
    assert skip_link.count() == 1, "exactly one skip link expected"
    assert skip_link.get_attribute("href") == "#main"
    assert skip_link.inner_text().strip() == "Pereiti prie pagrindinio turinio"

    # First in the document's tab order...
    tabbable = page.evaluate(TABBABLE_JS)
    assert tabbable, "nothing on the page can be reached with Tab"
    assert 'class="govuk-skip-link skip-link"' in tabbable[0], f"first tabbable element: {tabbable[0]}"

    # ...and the first thing a keyboard user reaches.
    box = skip_link.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0 or box["width"] * box["height"] <= 1, (
        f"the skip link should be hidden until it is focused: {box}"
    )
    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE_ELEMENT_JS)
    assert active["tag"] == "a" and "skip-link" in active["className"], active

    # When focused it is shown on screen.
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert 0 <= box["x"] < viewport["width"] and 0 <= box["y"] < viewport["height"], (
        f"focused skip link is off screen: {box}"
    )

    page.keyboard.press("Enter")
    page.wait_for_url(site_url + path + "#main")
    active = page.evaluate(ACTIVE_ELEMENT_JS)
    assert active["tag"] == "main" and active["id"] == "main", (
        f"after following the skip link the focus is on {active}, not on <main id=main>"
    )

    # The next Tab continues from the main content, not back in the header.
    page.keyboard.press("Tab")
    after_main_start = page.evaluate(
        "() => document.querySelector('main').compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert after_main_start, (
        f"Tab after the skip link went back before <main>: {page.evaluate(ACTIVE_ELEMENT_JS)}"
    )
