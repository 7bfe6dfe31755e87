"""SectionPage.search_folded: the title and the stored body text folded (case and diacritics
removed), written by the search app when the page is saved, so that pages need not import search.
The search app's migration 0004 fills it for pages that already have their text."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_sectionpage_search_body")]
    operations = [
        migrations.AddField(
            model_name="sectionpage",
            name="search_folded",
            field=models.TextField(blank=True, editable=False, null=True),
        ),
    ]
