"""On PostgreSQL: the `title || body` GIN index (0002) without GIN's "fast update". With it, new
entries wait in a pending list that every search reads through, entry by entry, until VACUUM or
autovacuum moves them into the index: after the 2,000 demo pages were indexed, with autovacuum off, a
search took ~20 ms in that list instead of well under one in the index. Pages are saved rarely and
searched often, so each entry now goes into the index when it is written. Whatever is pending is
moved in now. Nothing happens on other databases."""

from django.db import migrations

INDEX = "site_search_indexentry_title_body_gin"


def fast_update_off(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET (fastupdate = off)")
        schema_editor.execute(
            "SELECT gin_clean_pending_list(indexrelid) FROM pg_index WHERE indexrelid = to_regclass(%s)", [INDEX]
        )


def fast_update_on(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0002_index_entry_vector_gin")]
    operations = [migrations.RunPython(fast_update_off, fast_update_on, elidable=False)]
