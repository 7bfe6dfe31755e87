"""Demo data for load tests and benchmarks: `manage.py generate_demo --pages 2000 --subscribers 100000`."""

import argparse
import logging
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from bilateral.demo.pages import delete_demo_pages, demo_sections, generate_pages, target_page
from bilateral.demo.subscribers import delete_demo_subscribers, demo_subscribers, generate_subscribers

MAX_PAGES = 100_000
MAX_SUBSCRIBERS = 10_000_000


def count_argument(name, maximum):
    def parse(text):
        try:
            value = int(text)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"must be a whole number, not “{text}”.") from None
        if not 0 <= value <= maximum:
            raise argparse.ArgumentTypeError(f"must be between 0 and {maximum:,}, not {value:,}.")
        return value

    return parse


class Command(BaseCommand):
    help = (
        "Generate demo content: partner countries with N published section pages of varied facts, and M "
        "confirmed subscribers who all follow one of those pages. Idempotent (adds what is missing); "
        "--reset removes the demo data first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=count_argument("pages", MAX_PAGES), default=2000,
                            help="section pages (default 2000; 50 per country)")
        parser.add_argument("--subscribers", type=count_argument("subscribers", MAX_SUBSCRIBERS), default=100_000,
                            help="confirmed subscribers (default 100000)")
        parser.add_argument("--reset", action="store_true", help="delete the demo pages and subscribers first")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (the same seed makes the same data)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, pages, subscribers, reset, seed, no_progress, **options):
        self.verbosity = options["verbosity"]
        # Wagtail logs every page it creates and publishes: thousands of lines under the progress bar.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        if subscribers and not pages and not demo_sections().exists():
            raise CommandError("Subscribers need a demo page to follow: use --pages 1 or more.")
        started = time.perf_counter()
        if reset:
            self.say(f"Removed {delete_demo_subscribers():,} demo subscribers and {delete_demo_pages():,} demo pages.")
        with self.bar(pages, "pages", no_progress) as bar:
            result = generate_pages(pages, bar.update, seed=seed)
        self.say(f"Pages: {result.pages_created:,} created, {result.pages_total:,} demo section pages "
                 f"in {result.countries} countries.")
        if subscribers:
            target = target_page()
            others = list(demo_sections().values_list("pk", flat=True)[:500])
            with self.bar(subscribers, "subscribers", no_progress) as bar:
                created = generate_subscribers(subscribers, target, others, bar.update, seed=seed)
            self.say(f"Subscribers: {created:,} created, {demo_subscribers().count():,} in all; every one follows "
                     f"“{target.title}” ({target.url_path}, page id {target.pk}).")
        self.say(f"Done in {time.perf_counter() - started:.1f} s.")

    def bar(self, total, unit, hidden):
        return tqdm(total=total, unit=f" {unit}", desc=unit.capitalize(), file=sys.stderr,
                    disable=hidden or self.verbosity == 0, dynamic_ncols=True)

    def say(self, text):
        if self.verbosity:
            self.stdout.write(text)
