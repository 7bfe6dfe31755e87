"""Page addresses with the language prefix reversed once per process (bilateral/url_prefixes.py) are
Wagtail's own addresses, for every page of the seed, in every language a request can be in."""

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from bilateral.pages.addresses import page_path, page_url, url_parts
from bilateral.url_prefixes import page_address, reverse_once, subpage_address


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["lt", "en", "pl"])
def test_every_seed_page_has_wagtails_address(seeded, active):
    request = RequestFactory().get("/")
    pages = list(Page.objects.filter(depth__gt=1))
    assert len(pages) > 20
    with translation.override(active):
        for page in pages:
            assert url_parts(page, request) == page.get_url_parts(request), page.url_path
            assert page_url(page, request) == page.get_url(request), page.url_path
            assert page_url(page.specific, request) == page.specific.get_url(request), page.url_path


@pytest.mark.django_db
def test_an_english_page_is_under_en(seeded):
    english = Page.objects.get(url_path__endswith="/political-cooperation/")
    assert page_path(english).startswith("/en/countries/")


@pytest.mark.django_db
def test_a_word_reverse_would_encode_is_left_to_reverse(seeded):
    with translation.override("lt"):
        assert page_address("lt", "łotwa/") is None
        assert page_address("lt", "a b/") is None
    with translation.override("en"):
        assert page_address("en", "latvia/") == reverse("wagtail_serve", args=("latvia/",)) == "/en/latvia/"
    page = Page.objects.get(url_path__endswith="/baltarusija/")
    page.url_path = page.url_path.replace("baltarusija", "baltarusija-ł")
    with translation.override("lt"):
        assert url_parts(page) == page.get_url_parts()
        assert "%C5%82" in page_path(page)


def test_reverse_once_answers_as_reverse_in_each_language():
    for language in ("lt", "en", "pl"):
        with translation.override(language):
            assert reverse_once("site_search:search") == reverse("site_search:search")
            assert reverse_once("api:facts") == reverse("api:facts")
    with translation.override("en"):
        assert reverse_once("site_search:search") == "/en/search/"


def test_another_url_configuration_is_reversed_afresh():
    assert reverse_once("api:facts") == "/api/facts"
    with override_settings(ROOT_URLCONF="tests.pages.other_urls"):
        assert reverse_once("api:facts") == "/other/facts/"
    assert reverse_once("api:facts") == "/api/facts"


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["lt", "en", "pl"])
def test_a_subpage_address_is_wagtails(seeded, active):
    with translation.override(active):
        assert subpage_address(seeded, "history") == seeded.reverse_subpage("history")
        assert subpage_address(seeded, "history") == seeded.reverse_subpage("history")
