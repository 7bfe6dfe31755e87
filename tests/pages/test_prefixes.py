"""bilateral/pages/prefixes.py: the pages under an address, asked as a range of addresses that an
index answers even in a prepared statement's generic plan (PostgreSQL plans one for any value)."""

import pytest
from django.db import connection
from wagtail.models import Page

from bilateral.pages import query_memo
from bilateral.pages.models import SectionPage
from bilateral.pages.prefixes import prefix_end, url_path_starting_with

pytestmark = pytest.mark.django_db


def test_the_range_holds_every_address_that_starts_with_the_prefix_and_no_other(seeded):
    assert prefix_end("/home/salys/baltarusija/") == "/home/salys/baltarusija0"
    addresses = list(Page.objects.values_list("url_path", flat=True))
    for prefix in addresses:
        found = Page.objects.filter(url_path_starting_with(prefix, prefix_end(prefix)))
        assert sorted(found.values_list("url_path", flat=True)) == sorted(
            address for address in addresses if address.startswith(prefix)), prefix
    # Letters beyond ASCII compare as the addresses' bytes do.
    assert "/home/salys/ūkis/".startswith("/home/salys/") and "/home/salys/ūkis/" < prefix_end("/home/salys/")


def routing_statement(seeded, monkeypatch):
    """The routing query as the app runs it (query_memo's SQL and parameters), for the seed page."""
    run = query_memo.Prepared.run
    statements = []

    def recording_run(self, connection_, values):
        statements.append((self.sql, self.parameters(connection_, values)))
        return run(self, connection_, values)

    monkeypatch.setattr(query_memo.Prepared, "run", recording_run)
    home = seeded.get_parent().get_parent().get_parent()
    slugs = seeded.url_path[len(home.url_path):].strip("/").split("/")
    SectionPage.at_address(home, slugs, "lt")
    assert statements, "the routing query goes through its memo"
    return statements[-1]


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
    sql, _parameters = routing_statement(seeded, monkeypatch)
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
