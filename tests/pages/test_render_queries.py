"""What one uncached render of a section page asks the database (no response cache, no block cache),
and the page's language versions it reads once for the head and the header's language switch."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"
EN_SECTION_URL = "/en/countries/belarus/political-cooperation/"
PL_SECTION_URL = "/pl/panstwa/bialorus/wspolpraca-polityczna/"
# Without a shared cache nothing is kept in the process (bilateral/process_copies.py): the site (and
# Wagtail's site root paths: two), the section page by its address (pages/routing.py), its ancestors
# with their restrictions, its country page, the sections and the language versions (one query), the
# countries (twice: the page's country, the euroregions' members), and the footer's general pages.
UNCACHED_RENDER_QUERIES = 8
# With the shared cache (the rendered pages and fact blocks not kept, as in bench/stock.py): the
# version of the process copies (a query where the shared cache is the database's, as in these tests;
# a Redis read with REDIS_URL), the section page by its address and its surroundings. Was 5 (the site,
# the country page, the section page, the surroundings, the euroregions' countries): the site and the
# countries are kept in the process, and the country page comes with the surroundings.
SHARED_CACHE_RENDER_QUERIES = 3
# In English the home page in that language is fetched first (one query, with its locale). Which
# free-text values are translated yet was stored with the translation's publication
# (pages/translations.py, store_text_origins): no query (it was three, from wagtail-localize's source,
# segments and translations, on every render).
EN_UNCACHED_RENDER_QUERIES = 9

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_shared_cache(settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.mark.parametrize("url, queries", [(SECTION_URL, UNCACHED_RENDER_QUERIES),
                                          (EN_SECTION_URL, EN_UNCACHED_RENDER_QUERIES)])
def test_an_uncached_section_page_render_stays_within_its_queries(client, seeded, no_shared_cache,
                                                                    django_assert_max_num_queries, url, queries):
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200 and response.get("X-App-Cache") != "hit"


def test_with_the_shared_cache_a_section_page_render_asks_the_database_three_times(client, seeded, settings,
                                                                                   django_assert_max_num_queries):
    settings.CACHES = {**settings.CACHES, "rendered": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RENDERED_PAGES_CACHE = "rendered"
    assert client.get(SECTION_URL).status_code == 200
    with django_assert_max_num_queries(SHARED_CACHE_RENDER_QUERIES):
        response = client.get(SECTION_URL)
    assert response.status_code == 200 and response.get("X-App-Cache") != "hit"


def head_and_switch(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}
    switch = {link["hreflang"]: link["href"] for link in soup.select(".language-switch a")}
    return alternates, switch


def test_the_head_and_the_language_switch_name_the_english_version(client, seeded):
    alternates, switch = head_and_switch(client, SECTION_URL)
    assert alternates["en"].endswith(EN_SECTION_URL)
    assert switch == {"en": EN_SECTION_URL, "pl": PL_SECTION_URL}


def test_a_private_english_version_is_left_out_of_the_head_but_still_switched_to(client, seeded):
    english = seeded.get_translations().get(locale__language_code="en")
    PageViewRestriction.objects.create(page=english.get_parent(), restriction_type=PageViewRestriction.PASSWORD,
                                       password="x")
    alternates, switch = head_and_switch(client, SECTION_URL)
    assert "en" not in alternates
    assert switch == {"en": EN_SECTION_URL, "pl": PL_SECTION_URL}


def test_a_restriction_above_the_page_still_guards_it(client, seeded):
    PageViewRestriction.objects.create(page=seeded.get_parent(), restriction_type=PageViewRestriction.PASSWORD,
                                       password="x")
    response = client.get(SECTION_URL)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert '<h1 class="govuk-heading-xl">Politinis bendradarbiavimas</h1>' not in response.content.decode()


@pytest.mark.parametrize(
    "url, status",
    [
        ("/salys/baltarusija/", 200),
        (SECTION_URL, 200),
        (SECTION_URL + "istorija/", 200),
        ("/salys/baltarusija/no-such-section/", 404),
        ("/salys/no-such-country/politinis-bendradarbiavimas/", 404),
        ("/no-such-list/baltarusija/politinis-bendradarbiavimas/", 404),
        (EN_SECTION_URL, 200),
    ],
)
def test_routing_finds_country_pages_by_address(client, seeded, url, status):
    """The home page finds a country page in one step (HomePage.route); what it does not find is
    still a 404."""
    assert client.get(url).status_code == status
