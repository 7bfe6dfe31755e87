"""Keyboard-only navigation through the seed's page tree, with a visible focus indicator."""

import re

import pytest

from .conftest import COUNTRY_INDEX_PATH, COUNTRY_PATH, HOME_PATH, SECTION_PATH

pytestmark = pytest.mark.browser

MAX_TABS = 40

ACTIVE_TEXT_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
}"""

FOCUS_STYLE_JS = """(el) => {
  const style = getComputedStyle(el);
  return {
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    backgroundColor: style.backgroundColor,
  };
}"""


def is_transparent(color):
    match = re.fullmatch(r"rgba\((.+)\)", color.strip())
    return color.strip() == "transparent" or bool(
        match and float(match.group(1).split(",")[-1]) == 0
    )


def visible_focus_changes(unfocused, focused):
    """The computed-style differences between the two states that a sighted user can see."""
    changes = {}
    if focused["backgroundColor"] != unfocused["backgroundColor"] and not is_transparent(
        focused["backgroundColor"]
    ):
        changes["background-color"] = (unfocused["backgroundColor"], focused["backgroundColor"])
    if focused["boxShadow"] != unfocused["boxShadow"] and focused["boxShadow"] != "none":
        changes["box-shadow"] = (unfocused["boxShadow"], focused["boxShadow"])
    outline = ("outlineStyle", "outlineWidth", "outlineColor")
    if (
        tuple(focused[key] for key in outline) != tuple(unfocused[key] for key in outline)
        and focused["outlineStyle"] != "none"
        and float(focused["outlineWidth"].removesuffix("px") or 0) > 0
        and not is_transparent(focused["outlineColor"])
    ):
        changes["outline"] = (
            " ".join(unfocused[key] for key in outline),
            " ".join(focused[key] for key in outline),
        )
    return changes


def tab_to_link(page, text, within=None):
    """Press Tab until the focused element is the link `text` (inside `within`, a locator, when
    the page has more than one such link); check its focus style; return it."""
    link = (within or page).get_by_role("link", name=text, exact=True)
    assert link.count() == 1, f"expected one link {text!r} on {page.url}, found {link.count()}"
    unfocused = link.evaluate(FOCUS_STYLE_JS)

    visited = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        active_text = page.evaluate(ACTIVE_TEXT_JS)
        visited.append(active_text)
        if active_text == text and link.evaluate("(el) => el === document.activeElement"):
            break
    else:
        pytest.fail(
            f"{text!r} not reached with {MAX_TABS} Tabs on {page.url}; focus went: {visited}"
        )

    assert page.evaluate("() => document.activeElement.matches(':focus-visible')"), (
        f"Chromium does not treat the keyboard focus on {text!r} as :focus-visible"
    )
    focused = link.evaluate(FOCUS_STYLE_JS)
    changes = visible_focus_changes(unfocused, focused)
    assert changes, (
        f"no visible focus indicator on {text!r}: unfocused {unfocused}, focused {focused}"
    )
    box = link.bounding_box()
    viewport = page.viewport_size
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
        f"the focused link {text!r} is not scrolled into view: {box}"
    )
    return link


def follow(page, site_url, text, path, heading, within=None):
    """Tab to the link `text`, press Enter and check where it led."""
    tab_to_link(page, text, within)
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + path)
    assert page.url == site_url + path
    assert page.locator("h1").inner_text().strip() == heading


def test_keyboard_only_navigation_to_a_section(page, site_url):
    response = page.goto(site_url + HOME_PATH)
    assert response.status == 200
    assert page.locator("h1").inner_text().strip() == "Dvišaliai santykiai"

    follow(page, site_url, "Visos šalys partnerės", COUNTRY_INDEX_PATH, "Šalys partnerės")
    follow(page, site_url, "Baltarusija", COUNTRY_PATH, "Baltarusija")
    follow(
        page,
        site_url,
        "Politinis bendradarbiavimas",
        SECTION_PATH,
        "Politinis bendradarbiavimas",
    )
    # The section page marks itself as current in the section navigation.
    current = page.locator(".section-nav a[aria-current=page]")
    assert current.inner_text().strip() == "Politinis bendradarbiavimas"


def test_keyboard_back_up_the_breadcrumbs(page, site_url):
    response = page.goto(site_url + SECTION_PATH)
    assert response.status == 200
    breadcrumbs = page.get_by_role("navigation", name="Naršymo kelias")

    follow(page, site_url, "Baltarusija", COUNTRY_PATH, "Baltarusija", breadcrumbs)
    follow(page, site_url, "Šalys partnerės", COUNTRY_INDEX_PATH, "Šalys partnerės", breadcrumbs)
    # The breadcrumbs' first link and the service name in the header both lead home.
    follow(page, site_url, "Dvišaliai santykiai", HOME_PATH, "Dvišaliai santykiai", breadcrumbs)
