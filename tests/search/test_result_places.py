"""A result says where it is (the country of a section), and its snippet quotes the content only."""

import pytest

from .helpers import search

pytestmark = pytest.mark.django_db


def result_places(soup):
    return [
        (item.select_one(".search-results__where").get_text(strip=True) if item.select_one(".search-results__where") else "",
         " ".join(item.h2.get_text(" ").split()))
        for item in soup.select(".search-results__item")
    ]


def test_a_section_result_names_its_country(client, seeded):
    _response, soup = search(client, "Gilutės")
    assert result_places(soup) == [("Šalys partnerės › Baltarusija", "Politinis bendradarbiavimas")]


def test_a_country_result_names_the_list_it_is_in(client, seeded):
    _response, soup = search(client, "Baltarusija")
    assert ("Šalys partnerės", "Baltarusija") in result_places(soup)


@pytest.mark.parametrize("query", ["duomenis", "CSV", "Atsisiųsti"])
def test_snippets_hold_no_page_chrome(client, seeded, query):
    """The download links are in the page's "Duomenys" place, outside the text search quotes."""
    _response, soup = search(client, query)
    snippets = " ".join(snippet.get_text() for snippet in soup.select(".search-results__snippet"))
    assert "Atsisiųsti duomenis" not in snippets and "CSV" not in snippets


def test_the_query_box_is_a_full_width_field(client, seeded):
    _response, soup = search(client, "sienos ženklai")
    field = soup.select_one("main input[name=q]")
    assert field["value"] == "sienos ženklai"
    assert "govuk-input" in field["class"] and not any(cls.startswith("govuk-input--width") for cls in field["class"])
