"""manage.py import_page FILE --country CODE [--language lt] [--title …]: an existing page as a draft."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from bilateral.imports.importing import import_page
from bilateral.imports.reading import MAX_BYTES, ImportRefused, refuse_size
from bilateral.imports.report import report_lines


class Command(BaseCommand):
    help = (
        "Import an existing page (plain text or HTML, UTF-8, at most %d MB) into fact blocks: a draft "
        "section page under the country's page, and a report of what each sentence became."
    ) % (MAX_BYTES // (1024 * 1024))

    def add_arguments(self, parser):
        parser.add_argument("file", help="the page: a .txt or .html file")
        parser.add_argument("--country", required=True, help="the partner country's ISO code, e.g. BY")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="the page's language (lt)")
        parser.add_argument("--title", default="", help="the section's title (else the page's first line)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        with translation.override(options["language"]):
            if not path.is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": path})
            try:
                refuse_size(path.stat().st_size)  # before reading it whole
                result = import_page(
                    path.read_bytes(),
                    options["country"],
                    language=options["language"],
                    title=options["title"],
                    filename=path.name,
                )
            except ImportRefused as error:
                raise CommandError(str(error)) from None
            for line in report_lines(result):
                self.stdout.write(line)
