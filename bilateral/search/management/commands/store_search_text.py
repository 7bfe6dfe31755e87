"""Render every section page's body to text and store it (SectionPage.search_body), for pages saved
before the field existed or after a change the text depends on (a country's names)."""

from django.core.management.base import BaseCommand

from bilateral.pages.models import SectionPage
from bilateral.search.text import render_body_text

BATCH = 200


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        pages = SectionPage.objects.order_by("pk")
        batch, stored = [], 0
        for page in pages.iterator(chunk_size=BATCH):
            page.search_body = render_body_text(page)
            batch.append(page)
            if len(batch) == BATCH:
                stored += self.store(batch)
                batch = []
        stored += self.store(batch)
        self.stdout.write(f"Stored the text of {stored} section pages.")

    def store(self, batch):
        SectionPage.objects.bulk_update(batch, ["search_body"])
        return len(batch)
