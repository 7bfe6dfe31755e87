"""The language of a response comes from its address only: Lithuanian at /, English under /en/, the
API's ?language=. So browsers' Accept-Language changes nothing and public answers do not vary by it."""

import re

import pytest
from django.core.cache import cache

from .helpers import COUNTRY, EN_SECTION, HOME, SECTION

ACCEPT_LANGUAGES = ["", "en", "en-GB,en;q=0.9", "lt", "de,en;q=0.5"]


def vary_of(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("path, language", [(SECTION, "lt"), (HOME, "lt"), (COUNTRY, "lt"), (EN_SECTION, "en"), ("/en/", "en")])
def test_accept_language_changes_nothing(client, seeded, path, language):
    bodies = set()
    for accept in ACCEPT_LANGUAGES:
        cache.clear()  # each one rendered, not served from the response cache
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept)
        assert response.status_code == 200
        assert response["X-App-Cache"] == "miss"
        assert response["Content-Language"] == language
        assert html_lang(response) == language
        bodies.add(response.content)
    assert len(bodies) == 1


def test_english_pages_are_english(client, seeded):
    response = client.get(EN_SECTION, HTTP_ACCEPT_LANGUAGE="lt")
    assert response["Content-Language"] == "en"
    assert '<h1 class="govuk-heading-xl">Political cooperation</h1>' in response.content.decode()


@pytest.mark.parametrize("path", [SECTION, EN_SECTION, HOME, "/atnaujinimai.atom", "/en/atnaujinimai.atom", "/sitemap.xml"])
def test_public_answers_do_not_vary_by_accept_language_or_cookie(client, seeded, path):
    for _ in range(2):  # rendered, then from the cache
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert not vary_of(response) & {"accept-language", "cookie"}, response.get("Vary")
        assert response["Content-Language"] in ("lt", "en")


def test_feeds_say_their_language(client, seeded):
    assert client.get("/atnaujinimai.atom", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "lt"
    assert client.get("/en/atnaujinimai.atom")["Content-Language"] == "en"


@pytest.mark.parametrize("query, language", [("", "lt"), ("?language=lt", "lt"), ("?language=en", "en")])
def test_the_api_says_the_language_it_answers_in(client, seeded, query, language):
    response = client.get("/api/countries" + query, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert "accept-language" not in vary_of(response)


def test_a_bad_api_language_is_a_400_in_the_default_language(client, seeded):
    response = client.get("/api/countries?language=xx")
    assert response.status_code in (400, 422)
    assert response["Content-Language"] == "lt"
