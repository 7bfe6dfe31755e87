"""Atom feeds of major changes (section page, country, whole portal): valid, right entries, stable ids."""

from datetime import datetime

import feedparser
import pytest

from bilateral.pages.models import CountryPage, MajorChange, SectionPage

from .helpers import COUNTRY_URL, SECTION_URL, publish

SITE = "http://127.0.0.1:8000"
FEEDS = {
    "section": SECTION_URL + "atnaujinimai.atom",
    "country": COUNTRY_URL + "atnaujinimai.atom",
    "site": "/atnaujinimai.atom",
}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.fixture
def changes(seeded, settings):
    settings.SITE_URL = SITE
    publish(seeded, "major", "Patikslintas ženklų skaičius", marks_declared_total=1951)
    publish(seeded, "minor", "neskelbiama", marks_declared_total=1952)
    publish(seeded, "major", "Atnaujinti plūdurų duomenys", buoys_count=72)
    return list(MajorChange.objects.order_by("-published_at"))


@pytest.fixture
def second_section(seeded):
    """Another section of Belarus with a major change of its own."""
    country_page = CountryPage.objects.get(slug="baltarusija")
    page = country_page.add_child(
        instance=SectionPage(title="Ekonominis bendradarbiavimas", slug="ekonominis-bendradarbiavimas", body=[])
    )
    page.save_revision().publish()
    publish(page, "major", "Pirmieji ekonomikos duomenys")
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["section", "country", "site"])
def test_every_feed_is_valid_atom_with_the_major_changes_newest_first(client, changes, kind):
    feed = parse(client, FEEDS[kind])
    assert [entry.summary for entry in feed.entries] == ["Atnaujinti plūdurų duomenys", "Patikslintas ženklų skaičius"]
    for entry, change in zip(feed.entries, changes):
        assert entry.link == SITE + SECTION_URL
        assert entry.id == f"tag:127.0.0.1,2025:bilateral/major-change/{change.pk}"
        assert entry.published_parsed is not None and entry.updated_parsed is not None
        assert datetime.fromisoformat(entry.published) == change.published_at
        assert datetime.fromisoformat(entry.updated) == change.published_at
    title = feed.entries[0].title
    assert title == ("Politinis bendradarbiavimas" if kind == "section" else "Baltarusija: Politinis bendradarbiavimas")
    assert feed.feed.author == "Lietuvos Respublikos užsienio reikalų ministerija"
    assert any(link.rel == "self" and link.href == SITE + FEEDS[kind] for link in feed.feed.links)


@pytest.mark.django_db
def test_feed_titles_and_ids_are_stable(client, changes):
    section, country, site = (parse(client, FEEDS[kind]).feed for kind in ("section", "country", "site"))
    assert section.title == "Atnaujinimai: Baltarusija, Politinis bendradarbiavimas"
    assert country.title == "Atnaujinimai: Baltarusija"
    assert site.title == "Atnaujinimai: visos šalys"
    page = SectionPage.objects.get(slug="politinis-bendradarbiavimas")
    assert section.id == f"tag:127.0.0.1,2025:bilateral/feed/section/{page.pk}"
    ids_before = [entry.id for entry in parse(client, FEEDS["section"]).entries]
    # Renaming the page changes neither the feed's id nor its entries' ids.
    page.title = "Politiniai santykiai"
    page.change_kind = "minor"
    page.save_revision().publish()
    renamed = parse(client, FEEDS["section"])
    assert renamed.feed.id == section.id and [entry.id for entry in renamed.entries] == ids_before


@pytest.mark.django_db
def test_section_feed_has_only_its_page_and_country_feed_all_its_sections(client, changes, second_section):
    assert [e.summary for e in parse(client, FEEDS["section"]).entries] == [
        "Atnaujinti plūdurų duomenys",
        "Patikslintas ženklų skaičius",
    ]
    other = parse(client, "/salys/baltarusija/ekonominis-bendradarbiavimas/atnaujinimai.atom")
    assert [e.summary for e in other.entries] == ["Pirmieji ekonomikos duomenys"]
    for kind in ("country", "site"):
        entries = parse(client, FEEDS[kind]).entries
        assert [e.summary for e in entries] == [
            "Pirmieji ekonomikos duomenys",
            "Atnaujinti plūdurų duomenys",
            "Patikslintas ženklų skaičius",
        ]
        assert entries[0].title == "Baltarusija: Ekonominis bendradarbiavimas"


@pytest.mark.django_db
def test_changes_of_an_unpublished_page_leave_the_feeds(client, changes, second_section):
    second_section.unpublish()
    assert client.get("/salys/baltarusija/ekonominis-bendradarbiavimas/atnaujinimai.atom").status_code == 404
    assert "Pirmieji ekonomikos duomenys" not in [e.summary for e in parse(client, FEEDS["site"]).entries]


@pytest.mark.django_db
def test_a_feed_without_changes_is_valid_and_empty(client, seeded):
    feed = parse(client, FEEDS["section"])
    assert feed.entries == []


@pytest.mark.django_db
def test_english_site_feed_is_valid(client, seeded):
    feed = parse(client, "/en/atnaujinimai.atom")
    assert feed.feed.title == "Updates: all countries"
    assert feed.feed.language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/salys/nera/atnaujinimai.atom",
        "/salys/atnaujinimai.atom",  # the country list has no feed of its own
        "/salys/baltarusija/politinis-bendradarbiavimas/istorija/atnaujinimai.atom",
        "/xx/atnaujinimai.atom",
    ],
)
def test_no_feed_where_there_is_no_page_with_one(client, seeded, url):
    assert client.get(url).status_code == 404
