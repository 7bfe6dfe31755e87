"""List the fact warnings of every section page, published and draft: `manage.py check_facts`."""

import json

from django.core.management.base import BaseCommand, CommandError

from bilateral.facts.checks import check_body

PUBLISHED, DRAFT = "published", "draft"


def page_versions(page):
    """The versions of a page an editor can see: the live one, and the draft if it differs."""
    if page.live:
        yield PUBLISHED, page
    if page.has_unpublished_changes or not page.live:
        yield DRAFT, page.get_latest_revision_as_object()


def collect_warnings(pages, today=None):
    rows = []
    for page in pages:
        for state, version in page_versions(page):
            for warning in check_body(version.body, today=today):
                rows.append(
                    {
                        "page_id": page.pk,
                        "page_title": version.title,
                        "page_path": version.url_path,
                        "state": state,
                        **warning.to_dict(),
                    }
                )
    return rows


def text_line(row):
    return (
        "%(page_title)s (%(page_path)s) [%(state)s] block %(block_index)s “%(block_label)s”: "
        "%(rule)s: %(message)s [%(figures)s]" % row
    )


class Command(BaseCommand):
    help = (
        "Check the facts of every section page (the live version and any unpublished draft) and list "
        "the warnings. Nothing is changed. With --strict the command fails when there is a warning."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="Exit with status 1 when there is any warning."
        )
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="Output format (default: text)."
        )

    def handle(self, *args, strict=False, format="text", **options):
        from bilateral.pages.models import SectionPage

        pages = SectionPage.objects.order_by("path")
        rows = collect_warnings(pages)
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                self.stdout.write(text_line(row))
            summary = "%d warning(s) on %d section page(s)." % (len(rows), pages.count())
            self.stdout.write(self.style.WARNING(summary) if rows else self.style.SUCCESS(summary))
        if strict and rows:
            raise CommandError("%d fact warning(s)." % len(rows), returncode=1)
