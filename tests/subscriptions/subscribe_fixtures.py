"""Fixtures for the subscribe tests (imported by each test_subscribe* module, so the delivery tests
in this folder are not affected): a clean shared cache, https links, the SMTP server."""

import pytest
from django.core.cache import cache

SITE_URL = "https://bilateral.example"


@pytest.fixture(autouse=True)
def clean_cache(db):
    """Rate-limit counters and spent captchas live in the shared cache (Redis outlives a test)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(settings):
    """Links in emails are absolute and https, as in production."""
    settings.SITE_URL = SITE_URL
    return SITE_URL


@pytest.fixture
def mailbox(smtp_server, site):
    return smtp_server
