"""Purging by exact address and refreshing through the real nginx (bilateral/caching/cache_purge.py,
proxy_index.py): the app records what the proxy may keep, a publication purges exactly the recorded
variants of its scopes and leaves the rest cached, and the task workers (a real db_worker) replace the
published page and its country page in the proxy while readers keep getting the previous copy."""

import logging
import subprocess
import sys
import time

import pytest

from bilateral.caching import page_files, proxy_index
from bilateral.caching.cache_purge import REFRESH_HEADER
from bilateral.facts.models import Country
from bilateral.pages.models import CountryIndexPage, CountryPage, SectionPage
from tests.subscriptions.delivery_support import publish_major

from .conftest import BASE_DIR, REFRESH_SECRET, start_logged
from .test_proxy import COUNTRY, SECTION, nginx_problems, warm

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TITLE = "Politinis bendradarbiavimas ir dialogas"
EN_SECTION = "/en/countries/belarus/political-cooperation/"
LATVIA = "/salys/latvija/"
# Variants nobody can list in advance: each is purged because the app recorded it when it answered.
VARIANTS = [
    SECTION + "?as_of=2024-01-01",
    SECTION + "?as_of=2025-06-30",
    SECTION + "?utm_source=naujienlaiskis",
    SECTION + "istorija/",
    SECTION + "atnaujinimai.atom",
    COUNTRY + "atnaujinimai.atom",
    EN_SECTION,
    "/api/pages?language=en",
    "/api/pages?type=section",
    "/paieska/?q=sienos",
    "/sitemap.xml",
]


def seed_section():
    return SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt")


def add_latvia():
    index = CountryIndexPage.objects.get(locale__language_code="lt")
    latvia = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=Country.objects.get(iso_code="LV")))
    latvia.save_revision().publish()


def test_a_publication_purges_every_recorded_variant_and_keeps_other_scopes(stack):
    add_latvia()
    stack.sync()
    warm(stack, SECTION, COUNTRY, LATVIA, LATVIA + "?as_of=2024-01-01", "/robots.txt", *VARIANTS)

    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()

    for path in [SECTION, COUNTRY, *VARIANTS]:
        fresh = stack.get(path)
        assert fresh.cache == "MISS", path
        assert stack.get(path).cache == "HIT", path
    for path in (SECTION, COUNTRY, SECTION + "?as_of=2025-06-30", "/api/pages?type=section"):
        assert NEW_TITLE in stack.get(path).text, path
    # Another partner country's pages (another scope) and robots.txt keep their cached copies.
    for path in (LATVIA, LATVIA + "?as_of=2024-01-01", "/robots.txt"):
        assert stack.get(path).cache == "HIT", path
    assert nginx_problems(stack) == []


def test_purged_addresses_leave_the_index_until_a_reader_brings_them_back(stack):
    """A publication purges a variant once: the next one does not purge it again unless it was fetched
    (and so cached and recorded) in between, even by the app process that recorded it the first time."""
    variant, untouched = SECTION + "?as_of=2024-01-01", SECTION + "?as_of=2025-06-30"
    warm(stack, SECTION, COUNTRY, variant, untouched)
    assert {variant, untouched} <= proxy_index.addresses_in([COUNTRY])

    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()
    recorded = proxy_index.addresses_in([COUNTRY])
    assert variant not in recorded and untouched not in recorded

    warm(stack, variant)  # a reader brings it back: recorded again
    assert variant in proxy_index.addresses_in([COUNTRY])
    publish_major(seed_section(), "Dar viena vizitų chronologija.", title=NEW_TITLE + " 2")
    stack.sync()
    assert stack.get(variant).cache == "MISS"
    assert NEW_TITLE + " 2" in stack.get(variant).text
    assert nginx_problems(stack) == []


def test_a_publication_and_its_translations_are_purged_in_one_task(stack, caplog):
    """Publishing the Lithuanian section publishes its English and Polish translations in the same
    transaction: one purge task for the three, so the addresses their scopes share (the API, search,
    the lists) are purged once, not three times."""
    warm(stack, SECTION, COUNTRY)
    with caplog.at_level(logging.INFO, logger="wagtail.frontendcache"):
        publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    runs = [record.getMessage() for record in caplog.records if record.getMessage().startswith("Refreshing ")]
    assert len(runs) == 1, runs
    stack.sync()
    assert NEW_TITLE in stack.get(SECTION).text


def test_the_refresh_header_needs_the_secret(stack):
    warm(stack, SECTION)
    assert stack.get(SECTION, **{REFRESH_HEADER.replace("-", "_"): "guessed-" + "x" * 40}).cache == "HIT"
    assert stack.get(SECTION, **{REFRESH_HEADER.replace("-", "_"): ""}).cache == "HIT"

    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()
    # Readers (and anyone guessing) still get the copy the purge left... here, purged by the test
    # process's immediate task: a fresh render. Cache it, then replace it with a refresh.
    warm(stack, SECTION)
    refreshed = stack.get(SECTION, **{REFRESH_HEADER.replace("-", "_"): REFRESH_SECRET})
    assert refreshed.status == 200
    assert refreshed.cache == "MISS"  # fetched from the app, bypassing the cached copy
    assert stack.get(SECTION).cache == "HIT"  # …and stored in its place


def start_db_worker(stack):
    environment = stack.environment(FRONTEND_CACHE_URL=stack.url, PROXY_REFRESH_SECRET=REFRESH_SECRET)
    return start_logged(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        stack.log_dir / "db_worker.log",
        cwd=BASE_DIR,
        env=environment,
    )


def test_the_workers_refresh_the_published_page_and_its_country_without_a_miss(stack, settings):
    warm(stack, SECTION, COUNTRY, SECTION + "?as_of=2024-01-01")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()
    # Until a worker runs the task, readers get the previous copy from the proxy.
    before = stack.get(SECTION)
    assert before.cache == "HIT" and NEW_TITLE not in before.text

    worker = start_db_worker(stack)
    try:
        seen = {SECTION: [], COUNTRY: []}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            answers = {path: stack.get(path) for path in seen}
            for path, answer in answers.items():
                seen[path].append((answer.cache, NEW_TITLE in answer.text))
            if all(NEW_TITLE in answer.text for answer in answers.values()):
                break
            time.sleep(0.05)
        for path, answers in seen.items():
            assert answers[-1] == ("HIT", True), (path, answers[-5:], (stack.log_dir / "db_worker.log").read_text()[-3000:])
            # No reader waited for a render of either page: every answer came from the proxy.
            assert {cache for cache, _new in answers} == {"HIT"}, (path, answers)
        # What was not refreshed is purged right after (refreshes go first): its next reader gets a render.
        deadline = time.monotonic() + 30
        variant = stack.get(SECTION + "?as_of=2024-01-01")
        while variant.cache == "HIT" and time.monotonic() < deadline:
            time.sleep(0.1)
            variant = stack.get(SECTION + "?as_of=2024-01-01")
        assert variant.cache == "MISS"
        assert stack.get(SECTION + "?as_of=2024-01-01").cache == "HIT"
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


@pytest.mark.stack(workers=1, state_seconds=600)
def test_a_refresh_stores_the_new_page_while_the_app_process_still_answers_the_old_one(stack, settings):
    """The app's one worker answers its copy in the content state it read less than
    APP_CACHE_STATE_SECONDS ago (here ten minutes, bilateral/caching/state_memory.py), so after a
    publication by another process an ordinary request still gets the previous page; the refresh gets
    the new one, because nginx tells the app it is a refresh (X-Bilateral-Refreshing), which no
    client can say for itself."""
    settings.WAGTAILFRONTENDCACHE = {}  # this test refreshes and purges by hand
    warm(stack, SECTION)

    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()
    assert stack.request("PURGE", SECTION).status == 200
    page_files.remove([SECTION])  # as the workers do beside each purge (bilateral/caching/page_files.py)
    forged = stack.get(SECTION, X_Bilateral_Refreshing="1")
    assert forged.cache == "MISS" and forged.headers["X-App-Cache"] == "hit"
    assert NEW_TITLE not in forged.text, "within its window the app process answers the copy it has"

    refreshed = stack.get(SECTION, **{REFRESH_HEADER.replace("-", "_"): REFRESH_SECRET})
    assert refreshed.status == 200 and refreshed.cache == "MISS"
    assert NEW_TITLE in refreshed.text
    stored = stack.get(SECTION)
    assert stored.cache == "HIT" and NEW_TITLE in stored.text
    assert nginx_problems(stack) == []
