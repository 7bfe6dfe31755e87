"""Every public page's head: canonical address, feeds, hreflang alternates and Open Graph."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from bilateral.pages.models import CountryPage, SectionPage

from .helpers import COUNTRY_URL, HISTORY_URL, SECTION_URL

SITE = "https://bilateral.example"
SECTION_EN = "/en/countries/belarus/political-cooperation/"
SECTION_PL = "/pl/panstwa/bialorus/wspolpraca-polityczna/"


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def feeds(head):
    return [
        (link["title"], link["href"])
        for link in head.find_all("link", rel="alternate", type="application/atom+xml")
    ]


def hreflangs(head):
    return [(link["hreflang"], link["href"]) for link in head.find_all("link", hreflang=True)]


def og(head, name):
    return [meta["content"] for meta in head.find_all("meta", property=f"og:{name}")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", [("Atnaujinimai: visos šalys", "/atnaujinimai.atom")]),
        (
            COUNTRY_URL,
            [
                ("Atnaujinimai: Baltarusija", COUNTRY_URL + "atnaujinimai.atom"),
                ("Atnaujinimai: visos šalys", "/atnaujinimai.atom"),
            ],
        ),
        (
            SECTION_URL,
            [
                ("Atnaujinimai: Baltarusija, Politinis bendradarbiavimas", SECTION_URL + "atnaujinimai.atom"),
                ("Atnaujinimai: Baltarusija", COUNTRY_URL + "atnaujinimai.atom"),
                ("Atnaujinimai: visos šalys", "/atnaujinimai.atom"),
            ],
        ),
    ],
)
def test_pages_link_their_feeds_and_the_feeds_are_valid(client, seeded, site_url, url, expected):
    links = feeds(head_of(client, url))
    assert links == [(title, SITE + path) for title, path in expected]
    for _title, href in links:
        response = client.get(href.removeprefix(SITE))
        assert response.status_code == 200
        assert feedparser.parse(response.content).bozo == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, title, og_type",
    [
        ("/", "Dvišaliai santykiai", "website"),
        ("/salys/", "Šalys partnerės", "website"),
        (COUNTRY_URL, "Baltarusija", "website"),
        (SECTION_URL, "Politinis bendradarbiavimas", "article"),
        (HISTORY_URL, "Atnaujinimų istorija: Politinis bendradarbiavimas", "website"),
    ],
)
def test_canonical_and_open_graph(client, seeded, site_url, url, title, og_type):
    head = head_of(client, url)
    canonical = head.find_all("link", rel="canonical")
    assert [link["href"] for link in canonical] == [SITE + url]
    assert og(head, "url") == [SITE + url]
    assert og(head, "title") == [title]
    assert og(head, "type") == [og_type]
    assert og(head, "locale") == ["lt_LT"]
    assert og(head, "site_name") == ["Dvišaliai santykiai"]


@pytest.mark.django_db
def test_og_description_comes_from_the_search_description(client, seeded, site_url):
    assert og(head_of(client, SECTION_URL), "description") == []
    # Published as editors do: a bare UPDATE would not reach the app's cached copy of the page.
    seeded.search_description = "Lietuvos ir Baltarusijos santykiai."
    seeded.save_revision().publish()
    assert og(head_of(client, SECTION_URL), "description") == ["Lietuvos ir Baltarusijos santykiai."]


@pytest.mark.django_db
def test_the_canonical_address_drops_the_query(client, seeded, site_url):
    head = head_of(client, SECTION_URL + "?utm_source=x")
    assert head.find("link", rel="canonical")["href"] == SITE + SECTION_URL


@pytest.mark.django_db
def test_translated_page_has_hreflang_alternates_both_ways(client, seeded, site_url):
    expected = [
        ("lt", SITE + SECTION_URL),
        ("en", SITE + SECTION_EN),
        ("pl", SITE + SECTION_PL),
        ("x-default", SITE + SECTION_URL),
    ]
    assert hreflangs(head_of(client, SECTION_URL)) == expected
    assert hreflangs(head_of(client, SECTION_PL)) == expected
    english = head_of(client, SECTION_EN)
    assert hreflangs(english) == expected
    assert og(english, "locale") == ["en_GB"] and og(english, "locale:alternate") == ["lt_LT", "pl_PL"]
    assert english.find("link", rel="canonical")["href"] == SITE + SECTION_EN
    english_feeds = feeds(english)
    assert [href for _title, href in english_feeds] == [
        SITE + SECTION_EN + "atnaujinimai.atom",
        SITE + "/en/countries/belarus/atnaujinimai.atom",
        SITE + "/en/atnaujinimai.atom",
    ]
    for _title, href in english_feeds:
        feed = feedparser.parse(client.get(href.removeprefix(SITE)).content)
        assert feed.bozo == 0 and feed.feed.language == "en"


@pytest.mark.django_db
def test_untranslated_page_has_only_lithuanian_and_x_default(client, seeded, site_url):
    country_page = CountryPage.objects.get(slug="baltarusija")
    page = country_page.add_child(
        instance=SectionPage(title="Ekonominis bendradarbiavimas", slug="ekonominis-bendradarbiavimas", body=[])
    )
    page.save_revision().publish()
    for translation in page.get_translations():  # kept in Lithuanian only: its translations deleted
        translation.delete()
    url = COUNTRY_URL + "ekonominis-bendradarbiavimas/"
    head = head_of(client, url)
    assert hreflangs(head) == [("lt", SITE + url), ("x-default", SITE + url)]
    assert og(head, "locale:alternate") == []


@pytest.mark.django_db
def test_history_pages_link_the_language_versions_of_the_history(client, seeded, site_url):
    assert hreflangs(head_of(client, HISTORY_URL))[:2] == [
        ("lt", SITE + HISTORY_URL),
        ("en", SITE + SECTION_EN + "istorija/"),
    ]


@pytest.mark.django_db
def test_comparisons_are_kept_out_of_search_indexes(client, seeded):
    response = client.get(HISTORY_URL + "palyginti/")
    head = BeautifulSoup(response.content, "html.parser").head
    assert head.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
