"""Every public template in Chromium at a phone's, a small phone's and a desktop's width: nothing is
wider than the window (no sideways scrolling). And printing: no navigation, no forms, link addresses shown."""

import pytest

from tests.history.helpers import COMPARE_URL, HISTORY_URL, publish

from .conftest import COUNTRY_INDEX_PATH, COUNTRY_PATH, HOME_PATH, SECTION_PATH

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 1280)

# Every public template, by an address the seed (plus a second published version) gives it.
PUBLIC_PAGES = [
    pytest.param(HOME_PATH, id="home"),
    pytest.param(COUNTRY_INDEX_PATH, id="country-list"),
    pytest.param(COUNTRY_PATH, id="country"),
    pytest.param(SECTION_PATH, id="section"),
    pytest.param(SECTION_PATH + "?as_of=2020-06-01", id="section-as-of"),
    pytest.param("/prieinamumas/", id="general"),
    pytest.param(HISTORY_URL, id="history"),
    pytest.param(COMPARE_URL, id="compare"),
    pytest.param("/paieska/?q=sienos+%C5%BEenklai", id="search"),
    pytest.param("/prenumerata/", id="subscribe"),
    pytest.param("/prenumerata/issiusta/", id="subscription-sent"),
    pytest.param("/prenumerata/nauja-nuoroda/", id="new-link"),
    pytest.param("/prenumerata/patvirtinti/sugadinta-nuoroda/", id="link-problem"),
    pytest.param("/api/docs", id="api-docs"),
]

SCROLL_WIDTH_JS = "() => document.documentElement.scrollWidth"

# What sticks out past the window's right edge (outside any box of its own that scrolls or clips),
# to name it when the test fails.
WIDE_ELEMENTS_JS = """(width) => Array.from(document.querySelectorAll('body *'))
  .filter((el) => el.getBoundingClientRect().right > width + 0.5)
  .filter((el) => { for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return false; } return true; })
  .slice(0, 8)
  .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}: ${Math.round(el.getBoundingClientRect().right)}px`)"""


@pytest.fixture
def two_versions(site_url, seeded):
    """A second published version, so the history has its version choosers and a comparison."""
    publish(seeded, "major", "Patikslintas ženklų skaičius", marks_declared_total=1951)
    return site_url


def address_of(page, site_url, path):
    """The comparison's address is the one the history links (its versions' ids)."""
    if path != COMPARE_URL:
        return path
    page.goto(site_url + HISTORY_URL)
    return page.locator(".history-list__item a").first.get_attribute("href")


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_page_is_wider_than_the_window(browser, two_versions, path):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    try:
        page = context.new_page()
        address = address_of(page, two_versions, path)
        response = page.goto(two_versions + address)
        # (A broken link's page answers 400 by design.)
        assert response is not None and response.status < 500, f"GET {address}: {response and response.status}"
        if path == "/api/docs":
            page.wait_for_selector(".opblock-summary-path")
        too_wide = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.wait_for_timeout(50)
            scroll_width = page.evaluate(SCROLL_WIDTH_JS)
            if scroll_width > width:
                too_wide[width] = (scroll_width, page.evaluate(WIDE_ELEMENTS_JS, width))
        assert too_wide == {}, f"{address} is wider than the window: {too_wide}"
    finally:
        context.close()


def test_a_printed_section_has_no_navigation_or_form_and_shows_link_addresses(page, site_url):
    page.goto(site_url + SECTION_PATH)
    page.emulate_media(media="print")
    for selector in ("form[role=search]", ".subscription__form", ".govuk-breadcrumbs", ".section-nav",
                     ".govuk-language-navigation", ".govuk-skip-link"):
        element = page.locator(selector).first
        assert element.count() == 1, selector
        assert not element.is_visible(), f"{selector} is printed"
    # The content is printed, and a link's address follows its text.
    assert page.locator("main h1").is_visible()
    history_link = page.locator(".history-link a")
    after = history_link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert after == f'" ({history_link.get_attribute("href")})"'

    page.emulate_media(media="screen")
    assert page.locator(".subscription__form").is_visible()
    assert history_link.evaluate("(a) => getComputedStyle(a, '::after').content") in ("none", "normal")
