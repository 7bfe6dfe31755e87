"""Render every section page's body to text and store it with its folded copy (SectionPage.search_body,
search_folded), for pages saved before the fields existed or after a change the text depends on (a
country's names)."""

from django.core.management.base import BaseCommand

from bilateral.pages.models import SectionPage
from bilateral.search.signals import store_search_fields

BATCH = 200


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        pages = SectionPage.objects.order_by("pk")
        batch, stored = [], 0
        for page in pages.iterator(chunk_size=BATCH):
            store_search_fields(page)
            batch.append(page)
            if len(batch) == BATCH:
                stored += self.store(batch)
                batch = []
        stored += self.store(batch)
        self.stdout.write(f"Stored the text of {stored} section pages.")

    def store(self, batch):
        SectionPage.objects.bulk_update(batch, ["search_body", "search_folded"])
        return len(batch)
