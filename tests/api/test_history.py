"""published_revision_on: which revision was live at the end of a day, Europe/Vilnius."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from bilateral.history.history import BadDay, parse_day, published_revision_on, updated_on

from .conftest import FIRST_PUBLISHED

UTC = datetime.timezone.utc


def shown_rail_count(revision):
    page = revision.as_object()
    block = next(child for child in page.body if child.block_type == "border_crossings")
    return block.value["points"][0]["count"]


@pytest.mark.parametrize("text", ["2019-01-01", "2020-02-29", "0001-01-01", "9999-12-31"])
def test_parse_day_takes_iso_days(text):
    assert parse_day(text) == datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    "text", ["", "20190101", "2019-W01-1", "2019-02-30", "2019-13-01", "2019-1-1", " 2019-01-01", "x", None]
)
def test_parse_day_refuses_anything_else(text):
    with pytest.raises(BadDay):
        parse_day(text)


@pytest.mark.django_db
def test_the_seed_is_live_since_its_first_publication(seeded):
    # load_seed published (and logged) the first revision just now; the page's history starts in 2014.
    first = PageLogEntry.objects.get(page_id=seeded.pk, action="wagtail.publish").revision
    assert published_revision_on(seeded, datetime.date(2014, 5, 9)) == first
    assert published_revision_on(seeded, datetime.date(2016, 1, 1)) == first
    assert published_revision_on(seeded, timezone.localdate()) == first


@pytest.mark.django_db
def test_nothing_before_the_first_publication(seeded):
    assert published_revision_on(seeded, datetime.date(2014, 5, 8)) is None
    assert published_revision_on(seeded, datetime.date(1, 1, 1)) is None


@pytest.mark.django_db
def test_the_revision_live_at_the_end_of_each_day(two_versions):
    entries = PageLogEntry.objects.filter(page_id=two_versions.pk, action="wagtail.publish").order_by("timestamp")
    old, new = (entry.revision for entry in entries)
    assert old != new
    assert shown_rail_count(published_revision_on(two_versions, datetime.date(2018, 12, 31))) == 2
    assert published_revision_on(two_versions, FIRST_PUBLISHED.date()) == old
    assert published_revision_on(two_versions, datetime.date(2020, 6, 1)) == old
    assert published_revision_on(two_versions, timezone.localdate()) == new
    assert shown_rail_count(new) == 3


@pytest.mark.django_db
def test_the_day_ends_in_vilnius_not_in_utc(two_versions):
    # 22:30 UTC on 1 June is 01:30 on 2 June in Vilnius: the change belongs to 2 June.
    entries = PageLogEntry.objects.filter(page_id=two_versions.pk, action="wagtail.publish")
    entry = entries.order_by("timestamp").last()
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=datetime.datetime(2020, 6, 1, 22, 30, tzinfo=UTC))
    assert published_revision_on(two_versions, datetime.date(2020, 6, 1)) != entry.revision
    assert published_revision_on(two_versions, datetime.date(2020, 6, 2)) == entry.revision


@pytest.mark.django_db
def test_an_unpublished_page_shows_nothing_that_day(two_versions):
    two_versions.unpublish()
    PageLogEntry.objects.filter(page_id=two_versions.pk, action="wagtail.unpublish").update(
        timestamp=datetime.datetime(2021, 3, 3, 12, tzinfo=UTC)
    )
    assert published_revision_on(two_versions, datetime.date(2021, 3, 3)) is None
    assert published_revision_on(two_versions, datetime.date(2021, 3, 2)) is not None


@pytest.mark.django_db
def test_the_stamp_as_it_stood(two_versions):
    assert updated_on(two_versions, datetime.date(2020, 6, 1)) is None
    assert updated_on(two_versions, timezone.localdate()) == two_versions.last_major_change_at


@pytest.mark.django_db
def test_the_seed_stamp_holds_from_its_own_date(seeded):
    assert updated_on(seeded, datetime.date(2020, 3, 29)) is None
    assert updated_on(seeded, datetime.date(2020, 3, 30)) == seeded.last_major_change_at
