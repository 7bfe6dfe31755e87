"""Fixtures of the app-level caching tests: a clean shared cache for each test.

With REDIS_URL set the default cache is Redis (run these tests with a database number of their own,
e.g. redis://127.0.0.1:6379/5); otherwise it is the database cache of the test database."""

import pytest
from django.core.cache import cache
from django.test import Client

from bilateral.caching import proxy_index
from bilateral.caching.response_cache import local_copies
from bilateral.caching.state_memory import state_memory
from bilateral.settings.base import cache_settings
from tests.faults.processes import PrivateRedis

from .helpers import WINDOW


@pytest.fixture(autouse=True)
def clean_cache(db):
    cache.clear()
    local_copies.clear()
    yield
    cache.clear()
    local_copies.clear()


@pytest.fixture
def editor_client(django_user_model, seeded):
    """A client signed in as a superuser, beside the anonymous `client` of the same test."""
    user = django_user_model.objects.create_superuser("editor-in-chief", "boss@example.com", "pw")
    editor = Client()
    editor.force_login(user)
    return editor


class Clock:
    """The state memory's clock, moved by hand: what is tested is the window, not how fast a test runs."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(settings, monkeypatch):
    """APP_CACHE_STATE_SECONDS = WINDOW, on a clock of the test's own."""
    settings.APP_CACHE_STATE_SECONDS = WINDOW
    clock = Clock()
    monkeypatch.setattr(state_memory, "clock", clock)
    state_memory.forget()
    yield clock
    state_memory.forget()


@pytest.fixture
def redis(settings):
    """A private Redis as the shared cache, so that the proxy's address index is written."""
    server = PrivateRedis().start()
    settings.CACHES = cache_settings(server.url)
    proxy_index.forget_recorded()
    try:
        yield server
    finally:
        proxy_index.forget_recorded()
        settings.CACHES = cache_settings(server.url)  # closes the clients before the server goes
        server.kill()
