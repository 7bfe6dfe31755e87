from django.core.management.base import BaseCommand

from bilateral.pages.seed import load_seed


class Command(BaseCommand):
    help = "Create the page tree and the seed pages from data/seed/ (idempotent: existing pages are kept)."

    def handle(self, *args, **options):
        changes = []
        load_seed(report=changes.append)
        for change in changes:
            self.stdout.write(change)
        self.stdout.write(self.style.SUCCESS(f"Seed loaded: {len(changes)} change(s)."))
