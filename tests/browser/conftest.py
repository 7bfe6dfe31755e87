"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser is launched for the whole session; every test gets a fresh context and page.
The seed content is loaded into the live server's (transactional) database per test.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread, which trips Django's
# "you cannot call this from an async context" check on every ORM call.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

BASE_DIR = Path(__file__).resolve().parents[2]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000

# The seed's page tree.
HOME_PATH = "/"
COUNTRY_INDEX_PATH = "/salys/"
COUNTRY_PATH = "/salys/baltarusija/"
SECTION_PATH = "/salys/baltarusija/politinis-bendradarbiavimas/"


@pytest.fixture(scope="session")
def browser(django_db_setup, live_server):
    """One Chromium for the session.

    Playwright's sync API keeps an asyncio event loop running in this thread, and from then on
    Django (asgiref's thread-critical Local) looks connections up in a different storage: the
    test code would get new connection objects, not the ones that set up the test database
    (which carry the serialized contents that serialized rollback restores) and that the live
    server shares for in-memory SQLite. So the test database and the live server are set up
    first, and the same connection objects are put back once Playwright runs.

    The browser is closed before the live server stops, so that no kept-alive connection
    outlives the server's database sharing.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    before = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in before.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site_url(transactional_db, django_db_serialized_rollback, live_server, seeded):
    """The live server's base URL, with the seed content in its database.

    The live server needs a transactional database, which is flushed after each test; that
    would also remove the rows the migrations create (Wagtail's root page and default site),
    which the seed builds on, so the flush is undone by a serialized rollback.

    The flush leaves the cache table alone, so the shared cache (rate-limit counters, spent captchas,
    stored responses of earlier tests) is emptied here: each test starts as a new reader would.
    """
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    return live_server.url


@pytest.fixture
def admin_page(site_url, page, settings):
    """The browser page, opened after the live server's data; leaves the editor before the data goes.

    The editor's background requests (autosave, editing-session pings) are turned off: they would
    race the explicit saves this test makes, and on SQLite's in-memory test database the live
    server's threads share one connection, which concurrent requests corrupt.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    yield page
    # Leaving the editor sends a last request (the editing session's release): wait for it here,
    # not while the database is being flushed.
    page.goto(site_url + HOME_PATH, wait_until="networkidle")


@pytest.fixture
def axe_js():
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run `npm ci` (make test-deps)"
    return AXE_JS


def inject_axe(page, axe_js):
    """Load axe-core into the page. Not with page.add_script_tag: that inserts an inline <script>,
    which the portal's Content-Security-Policy (no 'unsafe-inline') rightly refuses. Evaluating
    through the DevTools protocol is not a page script, so the page's CSP stays in force."""
    page.evaluate(axe_js.read_text(encoding="utf-8") + "\n;undefined")
