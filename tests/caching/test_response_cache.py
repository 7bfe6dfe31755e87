"""The whole-response cache of public pages for anonymous readers (bilateral/caching/response_cache.py)."""

import pytest
from django.core.cache import cache

from bilateral.caching import content_generation
from bilateral.caching.content_generation import current_generation
from bilateral.caching.scopes import current_state, scope_of
from bilateral.caching.response_cache import is_storable, response_cache_key
from bilateral.pages.models import CountryPage, SectionPage
from bilateral.settings.base import cache_settings

from .helpers import COUNTRY, COUNTRY_INDEX, EN_SECTION, HOME, SECTION, publish_title, rendered_templates


@pytest.mark.parametrize("path", [HOME, COUNTRY_INDEX, COUNTRY, SECTION, EN_SECTION, "/atnaujinimai.atom", "/sitemap.xml"])
def test_the_second_request_is_served_from_the_cache_without_rendering(client, seeded, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-App-Cache"] == "miss"
    with rendered_templates() as names:
        second = client.get(path)
    assert second["X-App-Cache"] == "hit"
    assert names == [], "a hit renders no template"
    assert second.content == first.content
    for header in ("Content-Type", "Content-Language", "Cache-Control", "ETag"):
        assert second.get(header) == first.get(header), header


def test_a_hit_touches_no_table_but_the_cache(client, seeded, django_assert_max_num_queries, settings):
    client.get(SECTION)
    # The database cache (without REDIS_URL) reads the generation and the response in one query.
    expected = 0 if "redis" in settings.CACHES["default"]["BACKEND"].lower() else 1
    with django_assert_max_num_queries(expected):
        assert client.get(SECTION)["X-App-Cache"] == "hit"


def test_head_is_answered_from_the_same_entry(client, seeded):
    client.get(SECTION)
    response = client.head(SECTION)
    assert response.status_code == 200
    assert response["X-App-Cache"] == "hit"


def test_a_hit_reads_the_content_state_and_takes_the_page_from_the_process_copy(client, seeded):
    """The stored page itself is read from the shared cache only when this process has no copy of
    it; the state is read every time, so a publication still makes the next answer a fresh one."""
    first = client.get(SECTION)
    assert first["X-App-Cache"] == "miss"
    key = response_cache_key(first.wsgi_request)
    cache.delete(key)  # only this process's copy is left
    second = client.get(SECTION)
    assert second["X-App-Cache"] == "hit" and second.content == first.content
    publish_title(seeded, "Politinis ir diplomatinis bendradarbiavimas")
    third = client.get(SECTION)
    assert third["X-App-Cache"] == "miss"
    assert '<h1 class="govuk-heading-xl">Politinis ir diplomatinis bendradarbiavimas</h1>' in third.content.decode()


def test_publishing_changes_its_scopes_and_the_next_answer_shows_it(client, seeded):
    section = seeded
    assert "Politinis bendradarbiavimas" in client.get(COUNTRY).content.decode()
    before = current_state(SECTION)
    publish_title(section, "Politinis ir diplomatinis bendradarbiavimas")
    assert current_state(SECTION) != before
    # The country page did not change itself, but its list of sections did.
    response = client.get(COUNTRY)
    assert response["X-App-Cache"] == "miss"
    assert "Politinis ir diplomatinis bendradarbiavimas" in response.content.decode()
    response = client.get(SECTION)
    assert response["X-App-Cache"] == "miss"
    assert '<h1 class="govuk-heading-xl">Politinis ir diplomatinis bendradarbiavimas</h1>' in response.content.decode()


def test_unpublishing_moving_and_deleting_change_the_content_state(seeded):
    section = seeded
    country_page = CountryPage.objects.get(slug="baltarusija")
    seen = {current_state(SECTION)}
    section.unpublish()
    seen.add(current_state(SECTION))
    section.save_revision().publish()
    seen.add(current_state(SECTION))
    sibling = country_page.add_child(instance=SectionPage(title="Ekonomika", slug="ekonomika", body=[]))
    sibling.save_revision().publish()
    seen.add(current_state(SECTION))
    sibling.move(country_page, pos="first-child")
    seen.add(current_state(SECTION))
    sibling.delete()
    seen.add(current_state(SECTION))
    assert len(seen) == 6, "every change gave a state of its own"


def test_a_publication_keeps_the_pages_of_other_scopes(client, seeded):
    """Another partner country's pages (their own scope) stay stored; the lists above change."""
    from bilateral.facts.models import Country
    from bilateral.pages.models import CountryIndexPage

    index = CountryIndexPage.objects.get(locale__language_code="lt")
    latvia = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=Country.objects.get(iso_code="LV")))
    latvia.save_revision().publish()
    for path in ("/salys/latvija/", SECTION, COUNTRY, COUNTRY_INDEX):
        client.get(path)
    assert scope_of(SECTION) == scope_of(COUNTRY) == COUNTRY != scope_of("/salys/latvija/")
    publish_title(seeded, "Politinis ir diplomatinis bendradarbiavimas")
    assert client.get("/salys/latvija/")["X-App-Cache"] == "hit"
    for path in (SECTION, COUNTRY, COUNTRY_INDEX, HOME):
        assert client.get(path)["X-App-Cache"] == "miss", path


def test_saving_a_country_changes_its_pages_state(client, seeded):
    client.get(SECTION)
    before = current_state(SECTION)
    country = CountryPage.objects.get(slug="baltarusija").country
    country.name_locative = "Baltarusijos Respublikoje"
    country.save()
    assert current_state(SECTION) != before
    assert client.get(SECTION)["X-App-Cache"] == "miss"


def test_saving_a_draft_changes_nothing_public(client, seeded):
    client.get(SECTION)
    before = current_state(SECTION)
    seeded.title = "Juodraštis"
    seeded.save_revision()
    assert current_state(SECTION) == before
    response = client.get(SECTION)
    assert response["X-App-Cache"] == "hit"
    assert "Juodraštis" not in response.content.decode()


def test_a_signed_in_editor_gets_a_fresh_private_page_with_the_user_bar(client, editor_client):
    anonymous = client.get(SECTION)
    assert anonymous["X-App-Cache"] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()
    for _ in range(2):
        response = editor_client.get(SECTION)
        assert response.status_code == 200
        assert "X-App-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"
        assert "wagtail-userbar" in response.content.decode()
    # …and what the editor saw was not kept for anyone else.
    again = client.get(SECTION)
    assert again["X-App-Cache"] == "hit"
    assert "wagtail-userbar" not in again.content.decode()


def test_query_strings_are_cached_only_when_they_cannot_change_the_page(client, seeded):
    assert client.get(SECTION + "?utm_source=newsletter")["X-App-Cache"] == "miss"
    assert client.get(SECTION + "?utm_source=newsletter")["X-App-Cache"] == "hit"
    for query in ("?as_of=2020-01-01", "?page=2", "?as_of=klaida"):
        client.get(SECTION + query)
        assert "X-App-Cache" not in client.get(SECTION + query)


def test_non_page_addresses_are_never_served_from_it(client, seeded):
    for path in ("/prenumerata/", "/prenumerata/zetonas/", "/api/countries", "/paieska/?q=sienos", "/en/subscribe/", "/en/search/?q=buoy"):
        client.get(path)
        assert "X-App-Cache" not in client.get(path), path


def test_a_preview_of_unsaved_changes_is_rendered_not_taken_from_the_cache(client, seeded):
    assert client.get(SECTION)["X-App-Cache"] == "miss"
    section = SectionPage.objects.get(pk=seeded.pk)
    section.title = "Neišsaugotas pavadinimas"
    # Wagtail's preview runs the whole middleware chain with a request for the page's own address.
    response = section.make_preview_request()
    assert response.status_code == 200
    assert "X-App-Cache" not in response
    assert '<h1 class="govuk-heading-xl">Neišsaugotas pavadinimas</h1>' in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "Neišsaugotas" not in client.get(SECTION).content.decode()


def test_a_response_that_sets_a_cookie_is_never_stored():
    from django.http import HttpResponse

    from bilateral.caching.http_cache import PUBLIC

    response = HttpResponse("page")
    response["Cache-Control"] = PUBLIC
    assert is_storable(response)
    response.set_cookie("tracking", "1")
    assert not is_storable(response)


def test_an_unreachable_redis_costs_the_cache_not_the_page(client, seeded, settings):
    """With the degrading Redis cache (settings' cache_settings, operations/cache.py) pointing at a
    closed port, pages are rendered as usual and nothing claims to come from the cache."""
    settings.CACHES = cache_settings("redis://127.0.0.1:1/0")
    assert current_generation() is None
    assert current_state(SECTION) is None
    for _ in range(2):
        response = client.get(SECTION)
        assert response.status_code == 200
        assert "X-App-Cache" not in response
        assert '<h1 class="govuk-heading-xl">Politinis bendradarbiavimas</h1>' in response.content.decode()
    # Publishing still works; the generation it cannot record is logged.
    publish_title(seeded, "Politinis bendradarbiavimas (atnaujinta)")
    assert "(atnaujinta)" in client.get(SECTION).content.decode()


def test_the_generation_is_unique_per_change(db):
    cache.delete(content_generation.KEY)
    first = current_generation()
    content_generation.bump_generation()
    second = current_generation()
    assert first and second and first != second
    assert content_generation.generation_time(second) >= content_generation.generation_time(first)
