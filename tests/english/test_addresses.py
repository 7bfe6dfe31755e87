"""English addresses in English words (Django's translated URL patterns), the Lithuanian ones unchanged,
and the English pages' former Lithuanian-word addresses moved permanently."""

import pytest
from django.urls import reverse
from django.utils import translation

from bilateral.pages.models import SectionPage

from .helpers import EN_SECTION, LT_SECTION, soup_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, name, address",
    [
        ("lt", "site_search:search", "/paieska/"),
        ("en", "site_search:search", "/en/search/"),
        ("lt", "subscriptions:subscribe", "/prenumerata/"),
        ("en", "subscriptions:subscribe", "/en/subscribe/"),
    ],
)
def test_each_language_names_its_addresses_in_its_words(language, name, address):
    with translation.override(language):
        assert reverse(name) == address


@pytest.mark.parametrize("path", ["/paieska/?q=sienos", "/en/search/?q=border", "/prenumerata/", "/en/subscribe/"])
def test_the_addresses_answer(client, seeded, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "old, new",
    [
        ("/en/paieska/", "/en/search/"),
        ("/en/paieska/?q=buoy&p=2", "/en/search/?q=buoy&p=2"),
        ("/en/prenumerata/", "/en/subscribe/"),
        ("/en/prenumerata/atsisakyti/abc-123/", "/en/subscribe/atsisakyti/abc-123/"),
        (EN_SECTION + "istorija/", EN_SECTION + "history/"),
        (EN_SECTION + "istorija/palyginti/?a=1&b=2", EN_SECTION + "history/compare/?a=1&b=2"),
    ],
)
def test_former_english_addresses_move_permanently(client, seeded, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_a_post_to_a_former_address_is_sent_on_as_a_post(client, seeded):
    """A one-click unsubscribe from an email sent before the move: 308 keeps the method."""
    response = client.post("/en/prenumerata/atsisakyti/abc-123/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 308
    assert response["Location"] == "/en/subscribe/atsisakyti/abc-123/"


@pytest.mark.parametrize("path", ["/search/", "/subscribe/", LT_SECTION + "history/"])
def test_the_english_words_are_not_lithuanian_addresses(client, seeded, path):
    assert client.get(path).status_code == 404


def test_the_history_is_at_the_pages_own_words(client, seeded):
    assert client.get(LT_SECTION + "istorija/").status_code == 200
    assert client.get(EN_SECTION + "history/").status_code == 200
    english_link = soup_of(client, EN_SECTION).select_one(".history-link a")["href"]
    lithuanian_link = soup_of(client, LT_SECTION).select_one(".history-link a")["href"]
    assert (english_link, lithuanian_link) == (EN_SECTION + "history/", LT_SECTION + "istorija/")


def test_the_english_pages_link_the_english_addresses(client, seeded):
    soup = soup_of(client, EN_SECTION)
    hrefs = {element.get("href") or element.get("action") for element in soup.select("a[href], form[action]")}
    assert "/en/search/" in hrefs
    assert not any(href and ("/en/paieska/" in href or "/en/prenumerata/" in href or "/istorija/" in href)
                   for href in hrefs)


def test_the_purged_addresses_are_the_pages_own(seeded):
    english = SectionPage.objects.get(locale__language_code="en")
    assert english.get_cached_paths() == ["/", "history/", "history/compare/", "atnaujinimai.atom"]
    assert seeded.get_cached_paths() == ["/", "istorija/", "istorija/palyginti/", "atnaujinimai.atom"]


def test_a_former_address_with_percent_signs_in_it_moves_too(client, seeded):
    # The rest of the path is quoted again ("<" → "%3C"): it must not be read as a format string.
    response = client.get("/en/prenumerata/tvarkyti/<b>x</b>/")
    assert response.status_code == 301
    assert response["Location"] == "/en/subscribe/tvarkyti/%3Cb%3Ex%3C/b%3E/"


def test_a_lithuanian_address_that_is_not_there_is_not_found_rather_than_moved(client, seeded):
    assert client.get("/prenumerata/tvarkyti/<script>x</script>/").status_code == 404
    assert client.get("/paieska/nera/").status_code == 404
