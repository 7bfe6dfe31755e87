"""/sitemap.xml (every live page, its last change, its language versions) and /robots.txt."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from bilateral.pages.models import CountryPage, SectionPage

from .helpers import COUNTRY_URL, SECTION_URL, publish

SITE = "https://bilateral.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # raises if it is not well-formed XML
    assert root.tag == "{%s}urlset" % NS["s"]
    entries = {}
    for url in root.findall("s:url", NS):
        lastmod = url.find("s:lastmod", NS)
        entries[url.find("s:loc", NS).text] = {
            "lastmod": datetime.fromisoformat(lastmod.text) if lastmod is not None else None,
            "alternates": [(link.get("hreflang"), link.get("href")) for link in url.findall("xhtml:link", NS)],
        }
    return entries


@pytest.mark.django_db
def test_sitemap_lists_every_page_in_both_languages_with_lastmod(client, seeded, site_url):
    entries = sitemap(client)
    for path in ("/", "/salys/", COUNTRY_URL, SECTION_URL, "/en/", "/en/countries/belarus/political-cooperation/"):
        assert SITE + path in entries
    assert all(entry["lastmod"] is not None for entry in entries.values())
    country = CountryPage.objects.get(slug="baltarusija")
    assert entries[SITE + COUNTRY_URL]["lastmod"] == country.last_published_at


@pytest.mark.django_db
def test_section_lastmod_is_its_last_major_change(client, seeded, site_url):
    assert sitemap(client)[SITE + SECTION_URL]["lastmod"] == seeded.last_major_change_at
    # Written in Vilnius time, as the stamp shows it.
    assert "<lastmod>2020-03-30T14:11:00+03:00</lastmod>" in client.get("/sitemap.xml").content.decode()
    publish(seeded, "minor", marks_declared_total=1951)
    assert sitemap(client)[SITE + SECTION_URL]["lastmod"] == seeded.last_major_change_at
    publish(seeded, "major", "Nauji duomenys", marks_declared_total=1952)
    page = SectionPage.objects.get(pk=seeded.pk)
    assert sitemap(client)[SITE + SECTION_URL]["lastmod"] == page.last_major_change_at > seeded.last_major_change_at


@pytest.mark.django_db
def test_translated_pages_carry_hreflang_alternates(client, seeded, site_url):
    english = SITE + "/en/countries/belarus/political-cooperation/"
    polish = SITE + "/pl/panstwa/bialorus/wspolpraca-polityczna/"
    expected = [("lt", SITE + SECTION_URL), ("en", english), ("pl", polish), ("x-default", SITE + SECTION_URL)]
    entries = sitemap(client)
    assert entries[SITE + SECTION_URL]["alternates"] == expected
    assert entries[english]["alternates"] == expected
    assert entries[polish]["alternates"] == expected


@pytest.mark.django_db
def test_untranslated_and_unpublished_pages(client, seeded, site_url):
    country = CountryPage.objects.get(slug="baltarusija")
    page = country.add_child(instance=SectionPage(title="Ekonomika", slug="ekonomika", body=[]))
    page.save_revision().publish()
    for translation in page.get_translations():  # kept in Lithuanian only: its translations deleted
        translation.delete()
    entries = sitemap(client)
    assert entries[SITE + COUNTRY_URL + "ekonomika/"]["alternates"] == []
    page.unpublish()
    assert SITE + COUNTRY_URL + "ekonomika/" not in sitemap(client)


@pytest.mark.django_db
def test_robots_txt(client, site_url):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {SITE}/sitemap.xml",
    ]
