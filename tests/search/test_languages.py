"""Each language is searched among its own pages, with its own stemming where the database has it:
PostgreSQL stems English pages with 'english' and Lithuanian ones with 'lt_unaccent'; SQLite's FTS5
table has one tokenizer without stemming for all (bilateral/search/backend.py)."""

import pytest
from django.db import connection

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db
ON_POSTGRESQL = connection.vendor == "postgresql"


def test_an_english_word_is_found_on_the_english_page(client, seeded):
    _response, soup = search(client, "established", prefix="/en")
    assert result_titles(soup) == ["Political cooperation"]
    _response, soup = search(client, "established")
    assert result_titles(soup) == []


def test_english_is_stemmed_as_english_where_the_database_stems(client, seeded):
    """"establishing" finds "established" with the English stemmer; the Lithuanian one (or none) does not."""
    _response, soup = search(client, "establishing", prefix="/en")
    expected = ["Political cooperation"] if ON_POSTGRESQL else []
    assert result_titles(soup) == expected


def test_lithuanian_keeps_its_folding(client, seeded):
    _response, soup = search(client, "GILUTES")
    assert result_titles(soup) == ["Politinis bendradarbiavimas"]


def test_the_english_search_page_is_english(client, seeded):
    response, soup = search(client, "border", prefix="/en")
    assert response.status_code == 200
    assert soup.html["lang"] == "en"
    assert "Political cooperation" in result_titles(soup)
