"""The update history in a browser: the comparison form works, changes are marked without colour, axe passes."""

import pytest

from tests.history.helpers import HISTORY_URL, SECTION_URL, publish

from .conftest import inject_axe
from .test_accessibility import describe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def changed(site_url, seeded):
    publish(seeded, "major", "Patikslintas ženklų skaičius", marks_declared_total=1951)
    return site_url


def axe_violations(page, axe_js):
    inject_axe(page, axe_js)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"] or results["violations"]
    return results["violations"]


def test_reader_goes_from_the_page_to_a_comparison(page, changed, axe_js):
    open_page(page, changed, SECTION_URL)
    page.get_by_role("link", name="Atnaujinimų istorija").click()
    page.wait_for_url(changed + HISTORY_URL)
    assert page.locator(".history-list__note").all_inner_texts() == ["Patikslintas ženklų skaičius"]
    violations = axe_violations(page, axe_js)
    assert violations == [], describe_violations(violations)

    page.get_by_role("button", name="Palyginti").click()
    page.wait_for_url("**/istorija/palyginti/?a=*&b=*")
    assert page.locator("h1").inner_text() == "Versijų palyginimas"
    violations = axe_violations(page, axe_js)
    assert violations == [], describe_violations(violations)

    deleted = page.locator("table.compare del").first
    inserted = page.locator("table.compare ins").first
    # Marked by line and by words, whatever the colours: struck through / underlined, and announced.
    assert "line-through" in deleted.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in inserted.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert deleted.text_content() == "pašalinta: įrengti 1955"
    assert inserted.text_content() == "pridėta: įrengtas 1951"
    assert deleted.locator(".visually-hidden").bounding_box()["width"] <= 1


def test_a_bad_comparison_is_explained_in_lithuanian(page, site_url):
    response = page.goto(site_url + HISTORY_URL + "palyginti/?a=1&b=x")
    assert response.status == 400
    assert "Pasirinkite dvi paskelbtas šio puslapio versijas" in page.get_by_role("alert").inner_text()
