"""The seed as the `seeded` fixture writes it back: the rows load_seed wrote, every value unchanged."""

from bilateral.pages.models import SectionPage


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
