from django.core.management.base import BaseCommand
from django.db import transaction

from bilateral.pages.translations import adopt_copy, copies_to_adopt


class Command(BaseCommand):
    help = (
        "Make the pages copied into other languages before translations were kept in step translations "
        "of their Lithuanian pages (their own texts kept as translations); idempotent. docs/adr/0015."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        pairs = copies_to_adopt()
        for source, copy in pairs:
            kept = adopt_copy(source, copy)
            self.stdout.write(f"{copy.url_path} ({copy.locale.language_code}): {kept} text(s) kept as translations")
        self.stdout.write(self.style.SUCCESS(f"{len(pairs)} page(s) made translations."))
