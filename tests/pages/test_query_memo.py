"""The render's queries with their SQL compiled once per shape (bilateral/pages/query_memo.py):
the same pages as the ORM's queries, for any page of the shape, on the database the tests run on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from bilateral.pages import query_memo
from bilateral.pages.models import SectionPage
from bilateral.pages.routing import pages_at_address

from .test_render_queries import EN_SECTION_URL, SECTION_URL

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_memo():
    """Each test compiles its shapes afresh (their first use is what some tests look at)."""
    query_memo._memos.clear()


def lineage_values(page):
    return {"paths": sorted(page.lineage_paths()), **page.fetched_with_lineage()}


def described(pages):
    """What a render reads of the rows: the columns, the locale, the annotations."""
    annotations = ("has_view_restriction", "is_private", "parent_country_id", "parent_intro", "source_title")
    return [(page.__dict__ | {"_state": None}, page.locale.language_code,
             [getattr(page, name, None) for name in annotations]) for page in pages]


def prepared_shapes():
    return [entry for memo in query_memo._memos.values() for entry in memo.values()]


def test_the_lineage_query_reused_finds_what_the_orm_finds(seeded):
    values = lineage_values(seeded)
    orm = list(SectionPage.lineage_query(**values))
    reused = query_memo.fetch(Page, SectionPage.lineage_query, **values)
    assert len(orm) == 7 and described(reused) == described(orm)
    assert all(isinstance(entry, query_memo.Prepared) for entry in prepared_shapes())


def test_a_shapes_sql_serves_another_page_of_that_shape(seeded):
    """Compiled for the English section, run for the Polish one: its own rows, not the first's (a
    translation's lineage brings its source's titles, the Lithuanian page's does not: another shape)."""
    english, polish = (seeded.get_translations().get(locale__language_code=code).specific for code in ("en", "pl"))
    query_memo.fetch(Page, SectionPage.lineage_query, **lineage_values(english))
    values = lineage_values(polish)
    reused = query_memo.fetch(Page, SectionPage.lineage_query, **values)
    assert len(prepared_shapes()) == 1
    assert described(reused) == described(SectionPage.lineage_query(**values))
    assert {page.locale.language_code for page in reused if page.depth == seeded.depth} == {"en", "lt", "pl"}
    assert {page.source_title for page in reused if page.pk == polish.pk} == {seeded.title}
    query_memo.fetch(Page, SectionPage.lineage_query, **lineage_values(seeded))
    assert len(prepared_shapes()) == 2 and all(isinstance(entry, query_memo.Prepared) for entry in prepared_shapes())


def test_another_length_of_the_paths_list_is_another_shape(seeded):
    values = lineage_values(seeded)
    shorter = {**values, "paths": values["paths"][:2]}
    query_memo.fetch(Page, SectionPage.lineage_query, **values)
    reused = query_memo.fetch(Page, SectionPage.lineage_query, **shorter)
    assert len(prepared_shapes()) == 2
    assert described(reused) == described(SectionPage.lineage_query(**shorter))


def test_each_reused_query_is_one_query(seeded):
    values = lineage_values(seeded)
    query_memo.fetch(Page, SectionPage.lineage_query, **values)
    with CaptureQueriesContext(connection) as queries:
        pages = query_memo.fetch(Page, SectionPage.lineage_query, **values)
        [page.locale for page in pages]
    assert len(queries) == 1


def test_a_view_restriction_made_after_the_sql_was_compiled_is_seen(seeded):
    query_memo.fetch(Page, SectionPage.lineage_query, **lineage_values(seeded))
    PageViewRestriction.objects.create(page=seeded.get_parent(), restriction_type=PageViewRestriction.PASSWORD,
                                       password="x")
    rows = query_memo.fetch(Page, SectionPage.lineage_query, **lineage_values(seeded))
    assert [page.has_view_restriction for page in rows if page.pk == seeded.get_parent().pk] == [True]
    assert all(page.is_private for page in rows if page.path.startswith(seeded.get_parent().path))


def test_a_value_written_in_a_way_not_known_here_leaves_the_shape_to_the_orm(seeded):
    def containing(text):
        return Page.objects.filter(path__contains=text)  # written "%text%": not one of query_memo's writings

    assert query_memo.fetch(Page, containing, text=seeded.path) == [seeded.page_ptr]
    assert prepared_shapes() == [query_memo.NOT_REUSABLE]
    assert query_memo.fetch(Page, containing, text=seeded.get_parent().path)[0].pk == seeded.get_parent().pk


def test_a_stand_in_the_field_refuses_leaves_the_shape_to_the_orm(seeded):
    """A translation key given as text: a text stand-in is no UUID (Django refuses it), the ORM answers."""
    values = lineage_values(seeded) | {"translation_key": str(seeded.translation_key)}
    reused = query_memo.fetch(Page, SectionPage.lineage_query, **values)
    assert prepared_shapes() == [query_memo.NOT_REUSABLE]
    assert described(reused) == described(SectionPage.lineage_query(**lineage_values(seeded)))


def test_a_number_worked_out_from_a_value_leaves_the_shape_to_the_orm(seeded):
    """depth + 1 in the build function would be frozen into the SQL: the check finds it."""
    def children(depth, path):
        return Page.objects.filter(depth=depth + 1, path__startswith=path)

    country = seeded.get_parent()
    assert query_memo.fetch(Page, children, depth=country.depth, path=country.path)[0].depth == seeded.depth
    assert prepared_shapes() == [query_memo.NOT_REUSABLE]


def test_a_section_is_routed_to_by_its_address_through_the_reused_query(seeded):
    home = seeded.get_parent().get_parent().get_parent()
    build = pages_at_address(SectionPage, ("locale",))
    found = query_memo.fetch(SectionPage, build, url_path=seeded.url_path, locale_id=home.locale_id, language="lt")
    missing = query_memo.fetch(SectionPage, build, url_path=seeded.url_path + "x/", locale_id=home.locale_id,
                               language="lt")
    assert [page.pk for page in found] == [seeded.pk] and missing == []
    assert list(found[0].body.raw_data) == list(seeded.body.raw_data) and "locale" in found[0]._state.fields_cache
    assert isinstance(prepared_shapes()[0], query_memo.Prepared)


def test_the_render_asks_the_same_one_query_after_the_first(client, seeded, settings):
    settings.CACHES = {**settings.CACHES, "rendered": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RENDERED_PAGES_CACHE = "rendered"
    assert client.get(SECTION_URL).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SECTION_URL)
    page_queries = [query for query in queries if "wagtailcore_page" in query["sql"]]
    assert len(page_queries) == 1  # the page with its surroundings (SectionSurroundings.at_address)
    assert [type(entry) for entry in prepared_shapes()] == [query_memo.Prepared]
    assert '<h1 class="govuk-heading-xl">Politinis bendradarbiavimas</h1>' in response.content.decode()


def test_an_alias_follows_its_sources_view_restriction(client, seeded):
    alias = seeded.create_alias(update_slug="kopija")
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=seeded, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(alias.url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()


def test_the_english_routing_queries_are_reused(client, seeded):
    """The home page in English and the country page by its address: compiled once, still found."""
    assert client.get(EN_SECTION_URL).status_code == 200
    response = client.get(EN_SECTION_URL)
    assert response.status_code == 200 and "Political cooperation" in response.content.decode()
    models = sorted(entry.model.__name__ for entry in prepared_shapes())
    assert models == ["CountryPage", "HomePage", "Page"]
