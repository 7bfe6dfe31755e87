"""The pictures on the seed's pages: key figures linking to their blocks, the three pictures, nothing
fetched from elsewhere, English pictures on English pages, and the prose unchanged for search."""

import re

import pytest
from bs4 import BeautifulSoup

from bilateral.search.text import render_body_text

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"
EN_SECTION_URL = "/en/countries/belarus/political-cooperation/"
COUNTRY_URL = "/salys/baltarusija/"

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def key_figures(soup):
    figure = soup.find("figure", class_="key-figures")
    return {item.dt.get_text(): item.dd.a for item in figure.find_all(class_="key-figures__item")}


def test_key_figures_come_from_the_facts_and_link_to_their_blocks(client, seeded):
    soup = page(client, SECTION_URL)
    figures = key_figures(soup)
    assert {label: link.get_text() for label, link in figures.items()} == {
        "Užmegzti diplomatiniai santykiai": "1992 m. gruodžio 30 d.",
        "Sienos ilgis": "678,819 km (380 km sausuma, 299 km vandeniu)",
        "Sienos perėjimo punktai": "6 tarptautiniai ir 11 vietinio eismo",
        "Sienos ženklai": "1955",
        "Euroregionai": "2",
    }
    for link in figures.values():
        anchor = link["href"].lstrip("#")
        assert soup.find(id=anchor).name == "section"
    assert soup.find(id=figures["Sienos ženklai"]["href"][1:])["class"] == ["fact", "fact--demarcation"]


def test_the_key_figures_stand_before_the_first_block(client, seeded):
    main = page(client, SECTION_URL).find("main")
    assert main.find(["figure", "section"]).get("class") == ["picture", "key-figures"]


def test_the_country_page_links_its_key_figures_to_the_section(client, seeded):
    figures = key_figures(page(client, COUNTRY_URL))
    assert len(figures) == 5
    assert all(link["href"].startswith(SECTION_URL + "#fact-") for link in figures.values())


@pytest.mark.parametrize(
    "url, captions, sentence",
    [
        (SECTION_URL, ["Svarbiausi skaičiai", "Diplomatinių santykių laiko juosta",
                       "Sienos ir jos perėjimo punktų žemėlapis", "Demarkavimas skaičiais"],
         "2 punktai nenubrėžti: nenurodyta jų vieta."),
        (EN_SECTION_URL, ["Key figures", "Timeline of the diplomatic relations",
                          "Map of the border and its crossing points", "Demarcation in figures"],
         "Belarus recognised Lithuania de jure"),
    ],
)
def test_each_language_version_has_the_pictures_in_its_language(client, seeded, url, captions, sentence):
    soup = page(client, url)
    assert [caption.get_text() for caption in soup.select("figure.picture > figcaption")] == captions
    assert sentence in soup.get_text()


def test_nothing_on_the_page_is_fetched_from_another_host(client, seeded):
    soup = page(client, SECTION_URL)
    for element in soup.find_all(src=True):
        assert not re.match(r"(https?:)?//", element["src"])
    for element in soup.find_all("link", rel=["stylesheet", "icon", "preload"]):
        assert not re.match(r"(https?:)?//", element["href"]), element
    for svg in soup.find_all("svg"):
        assert "http" not in str(svg).replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_the_sources_of_the_crossing_points_are_cited(client, seeded):
    section = page(client, SECTION_URL).find("section", class_="fact--crossings")
    sources = section.find(class_="sources")
    assert sources.h3.get_text() == "Šaltiniai"
    assert len(sources.find_all("a")) == 6


def test_search_reads_the_prose_without_the_pictures(seeded):
    text = render_body_text(seeded)
    assert "Sienos ir jos perėjimo punktų žemėlapis" not in text
    assert "Nepaaiškinta pagal tipus" not in text
    assert "Tarp Lietuvos ir Baltarusijos veikia 6 tarptautiniai sienos perėjimo punktai" in text
