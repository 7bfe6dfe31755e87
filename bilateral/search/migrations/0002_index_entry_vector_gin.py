"""On PostgreSQL: a GIN index on the very expression Wagtail's database backend matches,
`title || body` of its index entries. Wagtail indexes the two vectors separately, so a search
(which matches their concatenation) could use neither and read every entry. Nothing happens on
other databases."""

from django.db import migrations

INDEX = "site_search_indexentry_title_body_gin"
CREATE = f'CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin (("title" || "body"))'
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        # The planner's estimate of how many entries match comes from the expression's statistics.
        schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_lt_unaccent"), ("wagtailsearch", "0010_add_text_fields")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
