"""The seed as the `seeded` fixture writes it back: the rows load_seed wrote, every value unchanged."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from bilateral.pages.models import SectionPage

from .seed_snapshot import cache_tables


def test_the_restored_seed_reads_back_as_captured(seeded, seed_snapshot):
    assert seed_snapshot.tables, "load_seed changed no table"
    assert seed_snapshot.matches_database()


def test_the_snapshot_holds_the_seed_pages(seed_snapshot):
    assert {"wagtailcore_page", "wagtailcore_revision", "facts_country"} <= set(seed_snapshot.tables)


def test_a_test_that_adds_to_the_seed_tables_first_gets_load_seed(belarus, seeded, seed_snapshot):
    # belarus added a country before the seed: the snapshot no longer fits, load_seed builds on the row.
    assert not seed_snapshot.fits()
    assert seeded.get_parent().specific.country == belarus


def test_rows_added_after_the_seed_get_new_ids(seeded):
    copy = seeded.copy(to=seeded.get_parent(), update_attrs={"slug": "kopija", "title": "Kopija"})
    assert copy.pk not in SectionPage.objects.exclude(pk=copy.pk).values_list("pk", flat=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_row_left_in_the_database_cache_does_not_unfit_the_snapshot(seed_snapshot):
    # A transactional test's flush leaves the cache's table alone; the live server's tests wrote there
    # and then each ran load_seed again instead of the snapshot.
    cache_table = next(iter(cache_tables()))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(cache_table)} (cache_key, value, expires) VALUES (%s, %s, %s)",
            ["left-by-an-earlier-test", "", timezone.now() + datetime.timedelta(hours=1)],
        )
    assert seed_snapshot.fits()
