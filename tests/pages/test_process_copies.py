"""The rows each process keeps in memory (bilateral/process_copies.py: the sites, the countries, the
footer links) and why that is safe with many processes. Another process's change reaches this one as
two things: the changed rows in the database (written there, so this process's signals never fired)
and a new version in the shared cache (written by that process's signals). The tests play that
other process by writing exactly those two, with QuerySet.update() (which sends no signal) and the
shared cache's key; and they check that a change made here writes the new version for the others."""

import uuid

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from bilateral import process_copies
from bilateral.facts.models import Country
from bilateral.pages.general import GeneralPage
from bilateral.pages.sites import matching_site

pytestmark = pytest.mark.django_db

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"


@pytest.fixture(autouse=True)
def no_response_cache(settings):
    """Every page rendered (as bench/stock.py renders them): the response cache keys pages by the
    content generation, which the other process's signals would also have changed."""
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = {**settings.CACHES, "rendered": dummy}
    settings.RENDERED_PAGES_CACHE = "rendered"


@pytest.fixture(autouse=True)
def own_version_key(monkeypatch):
    """A version key of this test's own: with Redis the shared cache outlives the test, and another
    test worker's changes would write new versions into the common key while this test checks that
    its copy is still used."""
    monkeypatch.setattr(process_copies, "KEY", f"bilateral:process-copies:test-{uuid.uuid4().hex}")
    process_copies.forget()


def another_process_wrote_a_new_version():
    cache.set(process_copies.KEY, f"version-of-another-process-{uuid.uuid4().hex}")


def page_text(client, url=SECTION_URL):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_country_renamed_in_another_process_shows_once_the_version_changes(client, seeded):
    assert "Baltarusijos" in page_text(client)
    Country.objects.filter(iso_code="BY").update(name_genitive="Gudijos")
    assert "Gudijos" not in page_text(client)  # the copy is what the render reads
    another_process_wrote_a_new_version()
    text = page_text(client)
    assert "Lietuvos ir Gudijos" in text or "Gudijos " in text


def test_within_the_window_the_version_is_not_read_again_except_for_a_refresh(client, seeded, settings, monkeypatch):
    settings.APP_CACHE_STATE_SECONDS = 60
    now = [1000.0]
    monkeypatch.setattr(process_copies.time, "monotonic", lambda: now[0])
    assert "Baltarusijos" in page_text(client)
    Country.objects.filter(iso_code="BY").update(name_genitive="Gudijos")
    another_process_wrote_a_new_version()
    assert "Gudijos" not in page_text(client)  # the version read a moment ago is trusted for the window
    refreshed = client.get(SECTION_URL, HTTP_X_BILATERAL_REFRESHING="1").content.decode()
    assert "Gudijos" in refreshed  # a refresh replaces the proxy's copy: it reads the version afresh
    Country.objects.filter(iso_code="BY").update(name_genitive="Baltarusijos")
    another_process_wrote_a_new_version()
    now[0] += 61
    assert "Gudijos" not in page_text(client) and "Baltarusijos" in page_text(client)  # the window is over


def test_a_site_changed_in_another_process_routes_once_the_version_changes(client, seeded):
    assert client.get(SECTION_URL).status_code == 200
    Site.objects.filter(is_default_site=True).update(is_default_site=False, hostname="elsewhere.example")
    assert client.get(SECTION_URL).status_code == 200  # still the copy
    another_process_wrote_a_new_version()
    assert client.get(SECTION_URL).status_code == 404  # no site answers "testserver" any more


def test_a_footer_link_renamed_in_another_process_shows_once_the_version_changes(client, seeded):
    assert "Kontaktai" in page_text(client, "/")
    GeneralPage.objects.filter(slug="kontaktai").update(title="Ryšiai")
    assert "Ryšiai" not in page_text(client, "/")
    another_process_wrote_a_new_version()
    assert "Ryšiai" in page_text(client, "/")


@pytest.mark.parametrize("change", ["country", "site", "general page", "page move"])
def test_a_change_made_here_writes_a_new_version_for_the_other_processes(client, seeded, change,
                                                                          django_capture_on_commit_callbacks):
    client.get(SECTION_URL)
    before = cache.get(process_copies.KEY)
    assert before is not None
    with django_capture_on_commit_callbacks(execute=True):
        if change == "country":
            country = Country.objects.get(iso_code="BY")
            country.name_genitive = "Gudijos"
            country.save()
        elif change == "site":
            site = Site.objects.get(is_default_site=True)
            site.site_name = "Dvišalių santykių portalas"
            site.save()
        elif change == "general page":
            contacts = GeneralPage.objects.get(slug="kontaktai")
            contacts.title = "Ryšiai"
            contacts.save_revision().publish()
        else:
            contacts = GeneralPage.objects.get(slug="kontaktai")
            contacts.move(GeneralPage.objects.get(slug="apie"), pos="last-child")
    assert cache.get(process_copies.KEY) not in (None, before)
    if change == "country":
        assert "Gudijos" in page_text(client)
    if change == "general page":
        assert "Ryšiai" in page_text(client, "/")


def test_without_a_shared_cache_nothing_is_kept(client, seeded, settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert "Baltarusijos" in page_text(client)
    Country.objects.filter(iso_code="BY").update(name_genitive="Gudijos")
    assert "Gudijos" in page_text(client)


SITES = [
    ("default.example", 80, True),
    ("a.example", 80, False),
    ("a.example", 8080, False),
    ("b.example", 443, False),
    ("b.example", 8443, False),
]
REQUESTS = [(host, port) for host in ("default.example", "a.example", "b.example", "c.example")
            for port in (80, 443, 8080, 8443)]


@pytest.mark.parametrize("with_default", [True, False])
def test_the_site_is_the_one_wagtail_finds_for_every_host_and_port(db, with_default):
    root = Page.objects.get(depth=1)
    Site.objects.all().delete()
    for hostname, port, is_default in SITES:
        Site.objects.create(hostname=hostname, port=port, is_default_site=is_default and with_default,
                            root_page=root)
    sites = list(Site.objects.all())
    for hostname, port in REQUESTS:
        try:
            expected = get_site_for_hostname(hostname, port).pk
        except Site.DoesNotExist:
            expected = None
        found = matching_site(sites, hostname, port)
        assert (found.pk if found else None) == expected, (hostname, port)
