"""Each language is searched among its own pages, with its own stemming on both databases: PostgreSQL
stems English pages with 'english' and Lithuanian ones with 'lt_unaccent'; on SQLite, whose FTS5 table
has one tokenizer without stemming, the same Snowball algorithms run in Python (bilateral/search/
stemming.py). Polish has no stemmer on either."""

import pytest
from wagtail.models import Page

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


def test_an_english_word_is_found_on_the_english_page(client, seeded):
    _response, soup = search(client, "established", prefix="/en")
    assert result_titles(soup) == ["Political cooperation"]
    _response, soup = search(client, "established")
    assert result_titles(soup) == []


def test_english_is_stemmed_as_english(client, seeded):
    """"establishing" finds "established" with the English stemmer."""
    _response, soup = search(client, "establishing", prefix="/en")
    assert result_titles(soup) == ["Political cooperation"]


def test_lithuanian_is_stemmed_as_lithuanian(client, seeded):
    """"sienai" (dative) finds the page that says "sienos" (genitive) and "siena"; typed without its
    diacritics too, as 'lt_unaccent' folds before it stems. (PostgreSQL also finds "Apie portalą", whose
    general-page text is stemmed there; on SQLite only section pages carry their stems.)"""
    page = Page.objects.get(title="Politinis bendradarbiavimas").specific
    assert "sienai" not in page.search_body.lower().split()
    for query in ("sienai", "ežeruose", "EZERUOSE"):
        _response, soup = search(client, query)
        assert "Politinis bendradarbiavimas" in result_titles(soup), query


def test_an_inflected_word_nowhere_in_the_language_finds_nothing(client, seeded):
    """Stemming widens a word to its forms, not to other words: "establishing" is not Lithuanian."""
    _response, soup = search(client, "establishing")
    assert result_titles(soup) == []
    _response, soup = search(client, "bendradarbiavimai", prefix="/en")
    assert result_titles(soup) == []


def test_lithuanian_keeps_its_folding(client, seeded):
    _response, soup = search(client, "GILUTES")
    assert result_titles(soup) == ["Politinis bendradarbiavimas"]


def test_the_english_search_page_is_english(client, seeded):
    response, soup = search(client, "border", prefix="/en")
    assert response.status_code == 200
    assert soup.html["lang"] == "en"
    assert "Political cooperation" in result_titles(soup)
