"""The header's search box and language switch, by keyboard only; axe on the search and English pages."""

import pytest

from .conftest import HOME_PATH, SECTION_PATH, inject_axe
from .test_accessibility import describe_violations

pytestmark = pytest.mark.browser
MAX_TABS = 40


def tab_to(page, locator):
    """Press Tab until `locator` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("(el) => el === document.activeElement"):
            return
    pytest.fail(f"not reached by keyboard on {page.url}")


def test_search_from_the_header_by_keyboard(page, site_url):
    page.goto(site_url + HOME_PATH)
    field = page.get_by_role("searchbox", name="Paieška svetainėje")
    tab_to(page, field)
    page.keyboard.type("GILUTES")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/paieska/?q=GILUTES")
    assert page.locator("h1").inner_text().strip() == "Paieška"
    assert page.locator(".search-summary").inner_text().strip() == "Pagal užklausą „GILUTES“ rastas 1 rezultatas."
    assert page.locator(".search-results mark").first.inner_text() == "Gilutės"
    tab_to(page, page.get_by_role("link", name="Politinis bendradarbiavimas"))
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + SECTION_PATH)


def test_switch_language_by_keyboard(page, site_url):
    page.goto(site_url + SECTION_PATH)
    link = page.get_by_role("navigation", name="Kalba").get_by_role("link", name="English")
    assert link.get_attribute("hreflang") == "en" and link.get_attribute("lang") == "en"
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/en/countries/belarus/political-cooperation/")
    assert page.locator("h1").inner_text().strip() == "Political cooperation"
    assert page.locator("html").get_attribute("lang") == "en"
    back = page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuviškai")
    tab_to(page, back)
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + SECTION_PATH)


@pytest.mark.parametrize(
    "path",
    [
        "/paieska/?q=sienos+zenklai",
        "/paieska/?q=%21%21%21",
        "/en/search/?q=transitional",
        "/en/countries/belarus/political-cooperation/",
        "/pl/panstwa/bialorus/wspolpraca-polityczna/",
        "/pl/szukaj/?q=bialorusi",
    ],
)
def test_axe_on_search_and_english_pages(page, site_url, axe_js, path):
    page.goto(site_url + path)
    inject_axe(page, axe_js)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"]
    assert results["violations"] == [], describe_violations(results["violations"])
