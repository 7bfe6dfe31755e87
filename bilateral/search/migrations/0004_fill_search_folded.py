"""The folded copy of each section page's title and stored text (SectionPage.search_folded), which the
page model read from bilateral.search.folding before search came to feed it when a page is saved.
Pages without stored text get both at their next save or with `manage.py store_search_text`."""

from django.db import migrations

from bilateral.search.folding import folded_words

BATCH = 500


def fill_folded(apps, schema_editor):
    SectionPage = apps.get_model("pages", "SectionPage")
    pages = SectionPage.objects.exclude(search_body=None).only("pk", "title", "search_body").order_by("pk")
    batch = []
    for page in pages.iterator(chunk_size=BATCH):
        page.search_folded = folded_words(f"{page.title} {page.search_body}")
        batch.append(page)
        if len(batch) == BATCH:
            SectionPage.objects.bulk_update(batch, ["search_folded"])
            batch = []
    SectionPage.objects.bulk_update(batch, ["search_folded"])


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_index_entry_vector_gin_fastupdate_off"), ("pages", "0007_sectionpage_search_folded")]
    operations = [migrations.RunPython(fill_folded, migrations.RunPython.noop)]
