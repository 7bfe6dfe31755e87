"""A section page's text is rendered once, when it is saved, and searched and quoted from there;
on PostgreSQL the search is answered from the GIN index on what Wagtail's backend matches."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bilateral.pages.models import SectionPage
from bilateral.search.folding import fold_with_origins, folded_words
from bilateral.search.stemming import with_stems
from bilateral.search.text import render_body_text

from .helpers import add_section, result_titles, search

pytestmark = pytest.mark.django_db


def test_publishing_stores_the_rendered_text(seeded):
    stored = SectionPage.objects.get(pk=seeded.pk).search_body
    assert stored and "Gilutės" in stored
    assert stored == render_body_text(seeded)


def test_a_new_page_gets_its_text_on_its_first_save(seeded):
    page = add_section(seeded.get_parent(), "Bandymas", "bandymas", "<p>Kvazaras ir pulsaras</p>")
    assert SectionPage.objects.get(pk=page.pk).search_body == "Kvazaras ir pulsaras"


def test_snippets_are_cut_from_the_stored_text_not_rendered_again(client, seeded):
    stored = SectionPage.objects.get(pk=seeded.pk).search_body
    SectionPage.objects.filter(pk=seeded.pk).update(search_body="Tik saugomas tekstas apie Gilutės ežerą. " + stored)
    _response, soup = search(client, "GILUTES")
    snippet = soup.select_one(".search-results__snippet").get_text()
    assert "Tik saugomas tekstas apie Gilutės" in snippet


def test_the_command_stores_the_text_of_pages_saved_before_the_field(seeded):
    SectionPage.objects.update(search_body=None, search_folded=None)
    assert SectionPage.objects.get(pk=seeded.pk).search_text() == ""  # pages render nothing for search
    call_command("store_search_text", stdout=open("/dev/null", "w"))
    stored = SectionPage.objects.get(pk=seeded.pk)
    assert stored.search_body == render_body_text(seeded)
    assert stored.search_folded == with_stems(folded_words(f"{seeded.title} {stored.search_body}"), "lt")
    assert not SectionPage.objects.filter(search_body=None).exists()


def test_publishing_a_new_title_folds_it_again(seeded):
    page = SectionPage.objects.get(pk=seeded.pk)
    page.title = "Ąžuolų GIRIA"
    page.change_kind = "minor"
    page.save_revision().publish()
    assert SectionPage.objects.get(pk=seeded.pk).search_text_folded().startswith("azuolu giria ")


def test_a_save_that_does_not_write_the_body_keeps_the_text(seeded):
    SectionPage.objects.filter(pk=seeded.pk).update(search_body="saugoma")
    page = SectionPage.objects.get(pk=seeded.pk)
    page.change_note = "Pastaba"
    page.save(update_fields=["change_note"])
    assert SectionPage.objects.get(pk=seeded.pk).search_body == "saugoma"


def test_text_that_folds_one_to_one_keeps_each_characters_place():
    folded, origins = fold_with_origins("Gilutės ŽENKLAI")
    assert folded == "gilutes zenklai" and list(origins) == list(range(15))
    folded, origins = fold_with_origins("Straße é")  # ß → ss: character by character
    assert folded == "strasse e" and list(origins) == [0, 1, 2, 3, 4, 4, 5, 6, 7]


def test_many_terms_rank_and_count_alike(client, seeded):
    """The ranking made of one rank per vector still puts the title match first."""
    add_section(seeded.get_parent(), "Gilutės ežeras", "gilutes-ezeras", "<p>Apie ežerą.</p>")
    _response, soup = search(client, "Gilutės")
    assert result_titles(soup)[0] == "Gilutės ežeras"
    assert set(result_titles(soup)) == {"Gilutės ežeras", "Politinis bendradarbiavimas"}


def test_the_search_is_answered_from_the_index(seeded):
    """PostgreSQL: the count and the page of results read the GIN index on `title || body`
    (an index on another expression, or with another configuration, would not be used). SQLite:
    Wagtail's database backend as it is."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    pages = SectionPage.objects.live().filter(locale=seeded.locale)
    if connection.vendor != "postgresql":
        assert backend.__class__.__module__.startswith("modelsearch.backends.database")
        assert [page.title for page in backend.search("gilutes", pages)] == [seeded.title]
        return
    from bilateral.search.backend import index_scans_preferred

    with CaptureQueriesContext(connection) as captured:
        assert backend.search("gilutes", pages).count() == 1
    count_sql = next(query["sql"] for query in captured.captured_queries if "COUNT(*)" in query["sql"])
    # The backend matches the very expression the index is built on, with the index's configuration.
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in count_sql
    assert "to_tsquery('lt_unaccent'::regconfig" in count_sql
    with index_scans_preferred(), connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('lt_unaccent'::regconfig, 'gilutes')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "site_search_indexentry_title_body_gin" in plan
