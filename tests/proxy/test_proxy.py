"""nginx in front of gunicorn (production settings): what is cached, what never is, and how
publishing, unpublishing, moving and editing a country purge it (bilateral/caching/cache_purge.py;
the refresh by the task workers: test_refresh.py)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from bilateral.facts.models import Country
from bilateral.caching import page_files
from bilateral.caching.cache_purge import NginxBackend
from bilateral.pages.models import CountryIndexPage, CountryPage, SectionPage
from tests.subscriptions.delivery_support import publish_major

from .conftest import launcher

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
COUNTRY = "/salys/baltarusija/"
HOME = "/"
SITE_FEED = "/atnaujinimai.atom"
SECTION_FEED = SECTION + "atnaujinimai.atom"
API_PAGES = "/api/pages"
API_PAGES_LT = "/api/pages?language=lt"


def warm(stack, *paths):
    """Each address fetched until the proxy answers it from its cache."""
    for path in paths:
        stack.get(path)
        answer = stack.get(path)
        assert answer.status == 200, (path, answer.status)
        assert answer.cache == "HIT", (path, answer.cache, dict(answer.headers))


def nginx_problems(stack):
    """What nginx logged above a notice: a crashed worker, a failed open, a bad directive."""
    log = (stack.log_dir / "nginx.log").read_text()
    return [line for line in log.splitlines() if re.search(r"\[(alert|crit|emerg|error)\]", line)
            and "access forbidden by rule" not in line]


def test_the_configuration_is_valid(tmp_path):
    config = tmp_path / "proxy.conf"
    config.write_text(launcher.nginx_config(8001, 8080, tmp_path / "cache"))
    result = subprocess.run(
        [shutil.which("nginx") or "/usr/sbin/nginx", "-t", "-e", "stderr", "-p", f"{tmp_path}/", "-c", str(config)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_second_request_of_the_seed_page_is_a_hit(stack):
    first = stack.get(SECTION)
    second = stack.get(SECTION)
    assert first.status == second.status == 200
    assert first.cache == "MISS"
    assert second.cache == "HIT"
    assert "Politinis bendradarbiavimas" in second.text
    assert second.text == first.text


@pytest.mark.stack(workers=1, state_seconds=60)
def test_gunicorn_answers_a_warm_page_again_as_django_did(stack):
    """The WSGI entry point answers a warm hit in front of Django (bilateral/caching/fast_hits.py)
    with what Django's own hit gave: the same status, headers and bytes, a request id of its own."""
    answers = [stack.request("GET", SECTION, port=stack.app_port) for _ in range(4)]
    assert [answer.headers["X-App-Cache"] for answer in answers] == ["miss", "hit", "hit", "hit"]
    by_django = answers[1]
    for again in answers[2:]:
        assert again.status == 200 and again.text == by_django.text
        assert [(name, value) for name, value in again.headers.items() if name != "X-Request-ID"] == [
            (name, value) for name, value in by_django.headers.items() if name != "X-Request-ID"
        ]
    assert len({answer.headers["X-Request-ID"] for answer in answers}) == 4
    given = stack.request("GET", SECTION, headers={"X-Request-ID": "a-reader-1"}, port=stack.app_port)
    assert given.headers["X-Request-ID"] == "a-reader-1" and given.text == by_django.text


def test_publishing_purges_the_page_its_country_home_feeds_and_api(stack):
    cached = [SECTION, SECTION + "istorija/", COUNTRY, HOME, SITE_FEED, SECTION_FEED, API_PAGES, API_PAGES_LT]
    warm(stack, *cached, "/robots.txt")

    publish_major(
        SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt"),
        "Pridėta nauja vizitų chronologija.",
        title="Politinis bendradarbiavimas ir dialogas",
    )
    stack.sync()

    for path in cached:
        fresh = stack.get(path)
        assert fresh.status == 200, path
        assert fresh.cache == "MISS", path
        assert stack.get(path).cache == "HIT", path
    for path in (SECTION, COUNTRY, API_PAGES):
        assert "Politinis bendradarbiavimas ir dialogas" in stack.get(path).text, path
    for path in (SITE_FEED, SECTION_FEED):
        assert "Pridėta nauja vizitų chronologija." in stack.get(path).text, path
    # What the publication does not touch stays cached.
    assert stack.get("/robots.txt").cache == "HIT"


def test_unpublishing_gives_404_through_the_proxy(stack):
    warm(stack, SECTION, COUNTRY)

    SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt").unpublish()
    stack.sync()

    gone = stack.get(SECTION)
    assert gone.status == 404
    assert gone.cache == "MISS"
    country = stack.get(COUNTRY)
    assert country.cache == "MISS"
    assert SECTION not in country.text


def test_moving_a_page_purges_its_old_address(stack):
    index = CountryIndexPage.objects.get(locale__language_code="lt")
    latvia = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=Country.objects.get(iso_code="LV")))
    latvia.save_revision().publish()
    stack.sync()
    warm(stack, SECTION)

    section = SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt")
    section.move(latvia, pos="last-child")
    stack.sync()

    old = stack.get(SECTION)
    assert old.cache != "HIT"
    assert old.status in (301, 302, 404)
    moved = stack.get("/salys/latvija/politinis-bendradarbiavimas/")
    assert moved.status == 200
    assert moved.cache == "MISS"
    assert "Latvija" in moved.text


def test_editing_a_country_purges_its_pages(stack):
    warm(stack, SECTION, COUNTRY, API_PAGES)
    country = Country.objects.get(iso_code="BY")
    assert country.name_genitive in stack.get(SECTION).text

    country.name_genitive = "Baltarusijos Respublikos šalies"
    country.save()
    stack.sync()

    fresh = stack.get(SECTION)
    assert fresh.cache == "MISS"
    assert "Baltarusijos Respublikos šalies" in fresh.text
    assert stack.get(COUNTRY).cache == "MISS"
    assert stack.get(API_PAGES).cache == "MISS"


@pytest.mark.parametrize(
    "path",
    ["/prenumerata/", "/en/subscribe/", "/en/prenumerata/", "/prenumerata/captcha/", "/prenumerata/tvarkyti/no-such-token/",
     "/admin/login/", "/django-admin/login/",
     # Percent-encoded, as the app decodes it: the proxy decides on the decoded address too.
     "/%61dmin/login/", "/%70renumerata/"],
)  # fmt: skip
def test_subscription_and_admin_addresses_are_never_cached(stack, path):
    answers = [stack.get(path) for _ in range(3)]
    assert all(answer.cache == "PASS" for answer in answers), [answer.cache for answer in answers]
    assert all(answer.status < 500 for answer in answers)


def test_a_subscription_post_is_never_cached(stack):
    answers = [stack.request("POST", "/prenumerata/", {"Content-Type": "application/x-www-form-urlencoded"}) for _ in range(2)]
    assert [answer.cache for answer in answers] == ["PASS", "PASS"]


def test_a_signed_in_editor_passes_and_other_cookies_are_ignored(stack):
    warm(stack, SECTION)
    assert stack.get(SECTION, Cookie="sessionid=abc123").cache == "PASS"
    assert stack.get(SECTION, Cookie="csrftoken=x; _ga=GA1.1.2; sessionid=abc").cache == "PASS"
    readers = stack.get(SECTION, Cookie="csrftoken=x; _ga=GA1.1.2")
    assert readers.cache == "HIT"
    assert "Set-Cookie" not in readers.headers


def test_accept_language_does_not_split_the_cache(stack):
    lithuanian = stack.get(SECTION, Accept_Language="lt")
    english_browser = stack.get(SECTION, Accept_Language="en-GB,en;q=0.9")
    assert english_browser.cache == "HIT"
    assert english_browser.text == lithuanian.text
    assert "Politinis bendradarbiavimas" in english_browser.text
    english = stack.get("/en/countries/belarus/political-cooperation/", Accept_Language="lt")
    assert english.status == 200
    assert "Political cooperation" in english.text


def test_purges_from_the_app_are_exact_and_share_a_connection(stack):
    warm(stack, SECTION, API_PAGES, API_PAGES_LT, "/api/countries")
    backend = NginxBackend({"LOCATION": stack.url})

    backend.purge("http://localhost" + SECTION)
    assert stack.get(SECTION).cache == "MISS"
    assert stack.get(API_PAGES).cache == "HIT"

    backend.purge_batch([stack.url + API_PAGES, stack.url + API_PAGES_LT, stack.url + "/not-cached/"])
    assert stack.get(API_PAGES).cache == "MISS"
    assert stack.get(API_PAGES_LT).cache == "MISS"
    # Exact keys: nothing that merely starts like them.
    assert stack.get("/api/countries").cache == "HIT"
    assert stack.get(SECTION).cache == "HIT"
    # Purging what is not cached (any more) is no error; nginx's workers all survived.
    assert stack.request("PURGE", "/not-cached/").status == 404
    assert nginx_problems(stack) == []


def test_an_address_with_lithuanian_letters_is_purged_as_browsers_send_it(stack):
    # A browser asks for /salys/ūkis/ percent-encoded; Wagtail names the page's address with the letter.
    encoded = "/salys/%C5%ABkis/?as_of=2020-01-01"
    stack.get(encoded)
    assert stack.get(encoded).cache == "HIT"  # a 404 is kept for two minutes
    NginxBackend({"LOCATION": stack.url}).purge("http://localhost/salys/ūkis/?as_of=2020-01-01")
    assert stack.get(encoded).cache == "MISS"


def test_purging_from_another_address_is_refused(stack):
    warm(stack, SECTION, API_PAGES)
    # 127.0.0.2 is loopback too, but not among the addresses the configuration allows.
    assert stack.request("PURGE", SECTION, source="127.0.0.2").status == 403
    # The purge location is reached only through the PURGE method.
    assert stack.get("/.proxy/purge").status == 404
    assert stack.get(SECTION).cache == "HIT"
    assert stack.get(API_PAGES).cache == "HIT"
    assert stack.request("PURGE", SECTION).status == 200
    # The page's file, which the proxy serves first, is removed beside the purge (page_files.py).
    page_files.remove([SECTION])
    assert stack.get(SECTION).cache == "MISS"


def test_static_files_are_hashed_compressed_and_kept_for_a_year(stack):
    home = stack.get(HOME)
    stylesheet = re.search(r'/static/[\w/.-]+\.[0-9a-f]{12}\.css', home.text)
    assert stylesheet, "the home page links a hashed stylesheet"
    first = stack.get(stylesheet.group(), Accept_Encoding="gzip")
    second = stack.get(stylesheet.group(), Accept_Encoding="gzip")
    assert first.status == second.status == 200
    assert second.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in second.headers["Cache-Control"]
    assert "immutable" in second.headers["Cache-Control"]
    assert second.cache == "HIT"
    plain = stack.get(stylesheet.group())
    assert plain.status == 200
    assert "Content-Encoding" not in plain.headers


def test_several_proxies_are_all_purged(stack, settings, tmp_path):
    """FRONTEND_CACHE_URL names every proxy (one per machine, comma-separated): a publication reaches
    each of them. A second nginx in front of the same app, as a second machine's would be."""
    second = stack.start_second_proxy()
    settings.WAGTAILFRONTENDCACHE = {
        name: {"BACKEND": "bilateral.caching.cache_purge.NginxBackend", "LOCATION": url}
        for name, url in (("proxy1", stack.url), ("proxy2", second.url))
    }
    for proxy in (stack, second):
        warm(proxy, SECTION, API_PAGES)

    publish_major(
        SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt"),
        "Pridėta nauja vizitų chronologija.",
        title="Politinis bendradarbiavimas ir dialogas",
    )
    stack.sync()

    for proxy in (stack, second):
        fresh = proxy.get(SECTION)
        assert fresh.cache == "MISS", proxy.url
        assert "Politinis bendradarbiavimas ir dialogas" in fresh.text
        assert proxy.get(API_PAGES).cache == "MISS", proxy.url


def test_the_settings_take_every_proxy_of_frontend_cache_url():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted((n, b['LOCATION']) for n, b in settings.WAGTAILFRONTENDCACHE.items()))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bilateral.settings.base",
             "FRONTEND_CACHE_URL": "http://10.0.0.1:8080/, http://10.0.0.2:8080"},
        capture_output=True, text=True, check=True,
    ).stdout
    assert output.strip() == "[('proxy1', 'http://10.0.0.1:8080'), ('proxy2', 'http://10.0.0.2:8080')]"
