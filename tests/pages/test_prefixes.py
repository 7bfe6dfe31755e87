"""bilateral/pages/prefixes.py: the pages under an address, asked as a range of addresses that an
index answers even in a prepared statement's generic plan (PostgreSQL plans one for any value)."""

import pytest
from django.db import connection
from wagtail.models import Page

from bilateral.pages import query_memo
from bilateral.pages.models import SectionPage
from bilateral.pages.prefixes import prefix_end, starting_with

pytestmark = pytest.mark.django_db


def test_the_range_holds_every_address_that_starts_with_the_prefix_and_no_other(seeded):
    assert prefix_end("/home/salys/baltarusija/") == "/home/salys/baltarusija0"
    for field in ("url_path", "path"):
        values = list(Page.objects.values_list(field, flat=True))
        for prefix in values:
            found = Page.objects.filter(starting_with(field, prefix, prefix_end(prefix)))
            assert sorted(found.values_list(field, flat=True)) == sorted(
                value for value in values if value.startswith(prefix)), (field, prefix)
    # Letters beyond ASCII compare as the addresses' bytes do.
    assert "/home/salys/ūkis/".startswith("/home/salys/") and "/home/salys/ūkis/" < prefix_end("/home/salys/")


def statement_of(monkeypatch, ask):
    """The SQL of the query `ask()` runs through query_memo, as the app runs it."""
    run = query_memo.Prepared.run
    statements = []

    def recording_run(self, connection_, values):
        statements.append(self.sql)
        return run(self, connection_, values)

    monkeypatch.setattr(query_memo.Prepared, "run", recording_run)
    ask()
    assert statements, "the query goes through its memo"
    return statements[-1]


def routing_statement(seeded, monkeypatch):
    """The routing query for the seed page (SectionPage.at_address)."""
    home = seeded.get_parent().get_parent().get_parent()
    slugs = seeded.url_path[len(home.url_path):].strip("/").split("/")
    return statement_of(monkeypatch, lambda: SectionPage.at_address(home, slugs, "lt"))


def lineage_statement(seeded, monkeypatch):
    """The lineage query of a section page found otherwise (SectionPage.lineage_rows)."""
    page = SectionPage.objects.get(pk=seeded.pk)
    return statement_of(monkeypatch, lambda: page.lineage_rows)


def generic_plan(condition, values):
    """PostgreSQL's plan for the pages that meet `condition` (SQL with $1, $2 …), prepared and planned
    for any values, as psycopg's prepared statements come to be, with no whole-table read allowed
    that an index could spare (enable_seqscan off)."""
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off")
        try:
            cursor.execute("PREPARE pages_under AS SELECT id FROM wagtailcore_page WHERE " + condition)
            arguments = ", ".join(connection.ops.compose_sql("%s", [value]) for value in values)
            cursor.execute(f"EXPLAIN EXECUTE pages_under({arguments})")
            return "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("DEALLOCATE pages_under; RESET plan_cache_mode; RESET enable_seqscan")


def test_the_routing_query_finds_the_siblings_by_a_range_of_addresses(seeded, monkeypatch):
    sql = routing_statement(seeded, monkeypatch)
    assert "LIKE" not in sql
    if connection.vendor == "postgresql":
        assert '"url_path" ~>=~ %s' in sql and '"url_path" ~<~ %s' in sql
        # …which the addresses' index answers whatever the values; a LIKE with its pattern a value
        # (what the query asked before) it cannot.
        prefix = "/home/salys/baltarusija/"
        ranged = generic_plan("url_path ~>=~ $1 AND url_path ~<~ $2", [prefix, prefix_end(prefix)])
        assert "Index Cond: ((url_path ~>=~ $1) AND (url_path ~<~ $2))" in ranged, ranged
        liked = generic_plan("url_path LIKE $1", [prefix + "%"])
        assert "Index Cond" not in liked and "Seq Scan on wagtailcore_page" in liked, liked
    else:
        assert '"url_path" >= %s' in sql and '"url_path" < %s' in sql


def test_the_lineage_query_finds_the_siblings_by_a_range_of_paths(seeded, monkeypatch):
    sql = lineage_statement(seeded, monkeypatch)
    assert "LIKE" not in sql
    if connection.vendor == "postgresql":
        assert '"path" ~>=~ %s' in sql and '"path" ~<~ %s' in sql
        parent = seeded.path[: -seeded.steplen]
        ranged = generic_plan("path ~>=~ $1 AND path ~<~ $2", [parent, prefix_end(parent)])
        assert "Index Cond: (((path)::text ~>=~ $1) AND ((path)::text ~<~ $2))" in ranged, ranged
    else:
        assert '"path" >= %s' in sql and '"path" < %s' in sql
