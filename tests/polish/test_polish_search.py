"""Search in Polish: PostgreSQL has no Polish stemmer, so Polish pages are indexed and searched with
'pl_unaccent' ('simple' after unaccent); the Lithuanian pages keep 'lt_unaccent' and their folding."""

import pytest
from django.db import connection

from bilateral.pages.models import SectionPage
from bilateral.search.backend import config_for
from tests.search.helpers import result_titles, search

pytestmark = pytest.mark.django_db
ON_POSTGRESQL = connection.vendor == "postgresql"


def test_each_language_has_its_configuration():
    assert config_for("pl", "lt_unaccent") == "pl_unaccent"
    assert config_for("en", "lt_unaccent") == "english"
    assert config_for("lt", "lt_unaccent") == "lt_unaccent"


def test_a_polish_word_without_its_diacritics_finds_the_polish_page(client, seeded):
    _response, soup = search(client, "wspolpraca bialorusi", prefix="/pl")
    assert result_titles(soup) == ["Współpraca polityczna"]
    _response, soup = search(client, "wspolpraca")
    assert result_titles(soup) == []


def test_lithuanian_keeps_its_folding_and_stemming(client, seeded):
    _response, soup = search(client, "GILUTES")
    assert result_titles(soup) == ["Politinis bendradarbiavimas"]


def test_the_polish_index_entry_is_unaccented_and_unstemmed(seeded):
    """On PostgreSQL the Polish page's entry holds the words as written, folded ("bialorusi",
    "granicznych"): 'simple' does not stem. Elsewhere (SQLite) the folded copy serves every language."""
    page = SectionPage.objects.get(locale__language_code="pl")
    if not ON_POSTGRESQL:
        assert "bialorusi" in page.search_folded.split()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('pl_unaccent', %s)::text", ["Białorusi przejść granicznych"])
        assert cursor.fetchone()[0] == "'bialorusi':1 'granicznych':3 'przejsc':2"
        cursor.execute(
            "SELECT e.body::text FROM wagtailsearch_indexentry e JOIN django_content_type t"
            " ON t.id = e.content_type_id WHERE t.model = 'sectionpage' AND e.object_id = %s",
            [str(page.pk)],
        )
        body = cursor.fetchone()[0]
    assert "'bialorusi'" in body and "'granicznych'" in body
