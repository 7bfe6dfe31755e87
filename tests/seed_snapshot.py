"""The seed content captured once per test process and written back into the test database per test.

load_seed builds pages through Wagtail (revisions, publishing, search index, outbox): seconds per call,
and many tests start from it. So each pytest process (each xdist worker has its own test database) runs
it once, inside a transaction it then rolls back, and keeps the rows of every table the seed changed.
A test that asks for the seed gets those tables' rows back in one INSERT per table: the same rows, ids
and all, that load_seed wrote, without running it again. Tests of load_seed itself still call it.

The rows are read as the database stores them, so that writing them back changes no value: SQLite's
columns through unary plus (no declared type, so no converter runs), PostgreSQL's as JSON text that
json_populate_recordset turns back into the table's types. SQLite's full-text tables (the search index)
are written through the virtual table, rowids and all, which rebuilds the tables FTS5 keeps behind it.
"""

from django.db import connection, transaction


FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


def virtual_tables(cursor):
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    return {name for (name,) in cursor.fetchall()}


def cache_tables():
    """The database cache's tables: not content, and Django's flush leaves them alone, so a row cached by
    an earlier transactional test must not make the seed look changed."""
    from django.conf import settings

    return {
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    }


def table_names():
    """Every table, less those SQLite's full-text tables keep for themselves and the cache's."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        shadows = {virtual + suffix for virtual in virtual_tables(cursor) for suffix in FTS5_SHADOW_SUFFIXES}
    return sorted(set(names) - shadows - cache_tables())


def column_names(cursor, table):
    columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
    # A virtual table's rowid is not among its columns; the search index's rows are found by it.
    return ["rowid", *columns] if table in virtual_tables(cursor) else columns


def read_table(cursor, table):
    """The table's rows in a form write_table puts back unchanged; comparable between two reads."""
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        cursor.execute(f"SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text FROM {name} AS t")
        return cursor.fetchone()[0]
    columns = column_names(cursor, table)
    selected = ", ".join(f"+{connection.ops.quote_name(column)}" for column in columns)
    cursor.execute(f"SELECT {selected} FROM {name}")
    return columns, sorted(cursor.fetchall(), key=repr)


def write_table(cursor, table, contents):
    name = connection.ops.quote_name(table)
    cursor.execute(f"DELETE FROM {name}")
    if connection.vendor == "postgresql":
        cursor.execute(f"INSERT INTO {name} SELECT * FROM json_populate_recordset(NULL::{name}, %s::json)", [contents])
        return
    columns, rows = contents
    if rows:
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {name} ({quoted}) VALUES ({placeholders})", rows)


def advance_sequences(cursor, tables):
    """PostgreSQL: ids given explicitly do not move the tables' sequences; the next row must not collide."""
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT follows the largest id written
    for sequence in connection.introspection.sequence_list():
        if sequence["table"] in tables:
            table = connection.ops.quote_name(sequence["table"])
            column = connection.ops.quote_name(sequence["column"])
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max({column}), 1), max({column}) IS NOT NULL) "
                f"FROM {table}",
                [sequence["table"], sequence["column"]],
            )


def read_database(tables):
    with connection.cursor() as cursor:
        return {table: read_table(cursor, table) for table in tables}


def row_counts(tables):
    if not tables:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(f"SELECT %s, count(*) FROM {connection.ops.quote_name(table)}" for table in tables),
            list(tables),
        )
        return dict(cursor.fetchall())


class SeedSnapshot:
    """The tables load_seed changes, as load_seed leaves them, and their row counts before it ran."""

    def __init__(self, tables, counts_before):
        self.tables = tables
        self.counts_before = counts_before

    @classmethod
    def capture(cls, load):
        names = table_names()
        with transaction.atomic():
            before = read_database(names)
            load()
            after = read_database(names)
            transaction.set_rollback(True)
        changed = {table: contents for table, contents in after.items() if contents != before[table]}
        return cls(changed, row_counts(changed))

    def fits(self):
        """Whether the database is as migrations leave it in the seed's tables: no fixture of the test has
        added rows there (load_seed then has to run, to build on them as it would in `make run`)."""
        return row_counts(self.tables) == self.counts_before

    def restore(self):
        with transaction.atomic(), connection.cursor() as cursor:
            for table, contents in self.tables.items():
                write_table(cursor, table, contents)
            advance_sequences(cursor, self.tables)

    def matches_database(self):
        return read_database(self.tables) == self.tables
