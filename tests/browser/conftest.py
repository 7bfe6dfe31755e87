"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser is launched for the whole session; every test gets a fresh context and page.
The seed content is loaded into the live server's (transactional) database per test.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread, which trips Django's
# "you cannot call this from an async context" check on every ORM call.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
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
    """
    return live_server.url


@pytest.fixture
def axe_js():
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run `npm ci` (make test-deps)"
    return AXE_JS
