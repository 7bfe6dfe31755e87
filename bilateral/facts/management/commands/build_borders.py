"""Extract the home country's borders from the npm package world-atlas into a small data file."""

from django.core.management.base import BaseCommand, CommandError

from bilateral.facts.pictures.geometry import ATLAS, DATA_FILE, write_borders


class Command(BaseCommand):
    help = "Build the border data the maps draw (run after npm ci; the Makefile does)."

    def add_arguments(self, parser):
        parser.add_argument("--atlas", default=str(ATLAS))
        parser.add_argument("--output", default=str(DATA_FILE))

    def handle(self, *args, atlas, output, **options):
        try:
            data = write_borders(output, atlas)
        except FileNotFoundError:
            raise CommandError(f"{atlas} is missing: run npm ci first.") from None
        self.stdout.write(f"{output}: borders with {', '.join(sorted(data['borders']))}")
