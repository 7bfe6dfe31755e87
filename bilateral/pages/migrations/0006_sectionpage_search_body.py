"""SectionPage.search_body: the body rendered to plain text when the page is saved, for search and
its snippets. Existing pages get it at their next save, or all at once with
`manage.py store_search_text`; until then it is None and the text is rendered when needed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pages", "0005_optional_lists_start_empty")]
    operations = [
        migrations.AddField(
            model_name="sectionpage",
            name="search_body",
            field=models.TextField(blank=True, editable=False, null=True),
        ),
    ]
