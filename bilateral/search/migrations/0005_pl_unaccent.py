"""On PostgreSQL: a "pl_unaccent" text-search configuration for the Polish pages. PostgreSQL ships no
Polish stemmer, so it is 'simple' (lower case, no stemming) after unaccent: "bialorus" finds
"Białoruś". Nothing happens on other databases."""

from django.db import migrations

CONFIG = "pl_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0004_fill_search_folded")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
