"""Site search at /paieska/: Lithuanian-aware matching of titles, sentences and figures."""

import pytest
from django.db import connection

from .helpers import add_section, result_titles, search, summary

SECTION = "Politinis bendradarbiavimas"
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["sienos zenklai", "GILUTES", "Grudos", "ŽENKLAI", "grūdos", "sčastnyj", "SCASTNYJ"],
)
def test_case_and_diacritics_are_folded(client, seeded, query):
    response, soup = search(client, query)
    assert response.status_code == 200
    assert result_titles(soup) == [SECTION]


def test_a_word_found_twice_is_highlighted_where_it_is(client, seeded):
    _response, soup = search(client, "GILUTES")
    marks = [mark.get_text() for mark in soup.select(".search-results__snippet mark")]
    assert marks and set(marks) == {"Gilutės"}


def test_both_words_are_marked_side_by_side(client, seeded):
    _response, soup = search(client, "sienos zenklai")
    snippet = str(soup.select_one(".search-results__snippet"))
    assert "<mark>sienos</mark> <mark>ženklai</mark>" in snippet


@pytest.mark.parametrize(
    "query, title",
    [("politinis bendradarbiavimas", SECTION), ("salys partneres", "Šalys partnerės"), ("BALTARUSIJA", "Baltarusija")],
)
def test_titles_are_found(client, seeded, query, title):
    _response, soup = search(client, query)
    assert title in result_titles(soup)


def test_the_title_match_is_marked(client, seeded):
    _response, soup = search(client, "politinis")
    assert soup.select_one(".search-results h2 mark").get_text() == "Politinis"


@pytest.mark.parametrize(
    "query, marked",
    [("678,819", "678,819"), ("Sčastnyj", "Sčastnyj"), ("1955", "1955"), ("Augulis", "Augulis")],
)
def test_figures_and_names_in_the_facts_are_found(client, seeded, query, marked):
    _response, soup = search(client, query)
    assert result_titles(soup) == [SECTION]
    assert marked in [mark.get_text() for mark in soup.select(".search-results__snippet mark")]


def test_generated_sentences_are_searchable(client, seeded):
    """Words that exist only in the generated sentences, not in the stored facts."""
    _response, soup = search(client, "tarptautiniai perėjimo punktai")
    assert result_titles(soup) == [SECTION]


def test_a_word_nowhere_finds_nothing(client, seeded):
    response, soup = search(client, "kvazaras")
    assert response.status_code == 200
    assert result_titles(soup) == []
    assert "nieko nerasta" in summary(soup)


def test_snippet_and_query_are_escaped(client, seeded):
    add_section(
        seeded.get_parent(), "Bandymas", "bandymas",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; Kvazaras &amp; kiti</p>",
    )
    response, soup = search(client, "<script> kvazaras")
    html = response.content.decode()
    assert response.status_code == 200
    assert result_titles(soup) == ["Bandymas"]
    assert "<script>alert" not in html and "<script>" not in html.split("<main", 1)[1]
    snippet = str(soup.select_one(".search-results__snippet"))
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>Kvazaras</mark> &amp; kiti" in snippet
    assert "„&lt;script&gt; kvazaras“" in html


@pytest.mark.parametrize(
    "count, words",
    [(1, "rastas 1 rezultatas"), (3, "rasti 3 rezultatai"), (10, "rasta 10 rezultatų")],
)
def test_the_count_is_in_the_right_plural_form(client, seeded, count, words):
    for number in range(count):
        add_section(seeded.get_parent(), f"Bandomasis skyrius {number}", f"bandomasis-{number}")
    _response, soup = search(client, "bandomasis")
    assert len(result_titles(soup)) == count
    assert summary(soup) == f"Pagal užklausą „bandomasis“ {words}."


def test_drafts_and_other_languages_are_not_found(client, seeded):
    draft = add_section(seeded.get_parent(), "Juodraštinis skyrius", "juodrastis")
    draft.unpublish()
    _response, soup = search(client, "juodraštinis")
    assert result_titles(soup) == []
    # "transitional" (border marks) is written only by the English sentences; the buoys' sentence names
    # the lakes in Lithuanian and is written in Lithuanian on the English page too.
    _response, soup = search(client, "transitional")
    assert result_titles(soup) == []
    _response, soup = search(client, "transitional", prefix="/en")
    assert result_titles(soup) == ["Political cooperation"]
    assert "1 result was found" in summary(soup)


def test_empty_query_shows_the_form_and_a_hint(client, seeded):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/paieska/", params)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="search-q"' in html
        assert "Įrašykite, ko ieškote" in html


def test_over_long_query_gets_a_lithuanian_message(client, seeded):
    response, soup = search(client, "sienos " * 40)
    assert response.status_code == 400
    assert "Paieškos užklausa per ilga: ne daugiau kaip 200 simbolių." in soup.select_one("[role=alert]").get_text()
    response, _soup = search(client, "a" * 200)
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["!!!", "?", "„“ – …", "\x00\x01\x1b", "%_*", "'\";--"])
def test_a_query_without_words_or_figures_is_explained(client, seeded, query):
    response, soup = search(client, query)
    assert response.status_code == 400
    assert "Užklausoje nėra žodžių ar skaičių" in soup.select_one("[role=alert]").get_text()


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE wagtailcore_page; --", "zz' OR 'zz'='zz", "x\" OR \"\"=\"", "NEAR(qq ww) AND NOT *", "a:* & !b | c <-> d"],
)
def test_sql_and_fts_noise_is_just_words(client, seeded, query):
    """Only the words reach the search backend: no SQL, FTS5 or tsquery syntax gets through."""
    pages = seeded.__class__.objects.count()
    response, soup = search(client, query)
    assert response.status_code == 200
    assert summary(soup).startswith("Pagal užklausą „")
    assert result_titles(soup) == []
    assert seeded.__class__.objects.count() == pages


def test_control_characters_inside_a_word_are_dropped(client, seeded):
    response, soup = search(client, "Gil\x00utes\x07")
    assert response.status_code == 200
    assert result_titles(soup) == [SECTION]


def test_a_bad_result_page_number_is_harmless(client, seeded):
    response = client.get("/paieska/", {"q": "sienos", "p": "abc'"})
    assert response.status_code == 200


def test_the_search_goes_through_the_configured_backend(seeded):
    """PostgreSQL: the lt_unaccent configuration (unaccent, then Lithuanian stemming); SQLite:
    the FTS index with the folded copy of the text."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert backend.config == "lt_unaccent"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT to_tsvector('lt_unaccent', 'Gilutės ežere pastatytas ženklas') "
                "@@ to_tsquery('lt_unaccent', 'GILUTES & zenklai')"
            )
            assert cursor.fetchone()[0] is True
    else:
        from bilateral.pages.models import SectionPage

        assert "search_text_folded" in [field.field_name for field in SectionPage.search_fields]
        assert "gilutes ezere" in seeded.search_text_folded()
    sections = seeded.__class__.objects.filter(locale=seeded.locale)
    assert [page.title for page in backend.search("gilutes", sections)] == [seeded.title]
