#!/usr/bin/env python
"""Render benchmark against stock Wagtail (not a test): the seed page's full uncached render (our
chrome, navigation, stamp, pictures, form and all) against a plain Wagtail page holding the same
visible text (bench/stockpage: a StreamField of rich-text blocks, a template with the title and
`{% include_block page.body %}`), both through the same settings and middleware in one process
(bilateral.settings.bench_stock: production settings, rendered pages and fact blocks in a dummy cache).

The two are rendered in turns, one request at a time (seed, stock, seed, stock…), --renders
requests each per round, --rounds times; each round's ratio is seed p50 / stock p50, and the result
is the median of the rounds' ratios. (Before 2026-12-04 each round rendered one page --renders times,
then the other: a burst of the shared machine's noise fell on one side only.) Target: ≤ 1.0×,
and the seed page's queries ≤ 6.

In the same rounds, the seed page without its pictures (key figures, timeline, border map,
demarcation bars: FACT_PICTURES=False, a switch only the benchmark flips, in this process): what the
pictures add to the render, seed p50 / seed-without-pictures p50, target ≤ 1.10×.

    .venv/bin/python bench/stock.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench

With --profile, no timing: the seed page's --renders renders (after the warm-up) run under
pyinstrument, and its call tree is printed (where the uncached render spends its time).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, PYTHON, SEED_PAGE, database_url, production_environment, result  # noqa: E402

STOCK_SLUG = "stock-wagtail-bench"
TEXT_TAGS = ["h1", "h2", "h3", "h4", "p", "li", "th", "td", "dt", "dd", "caption", "figcaption", "summary"]
HEADINGS = {"h2", "h3", "h4"}
TARGET_RATIO = 1.0
TARGET_QUERIES = 6
TARGET_PICTURES_RATIO = 1.10


def prepare(url):
    environment = production_environment(url, DJANGO_SETTINGS_MODULE="bilateral.settings.bench_stock",
                                          BENCH_NO_CACHE="1", ALLOWED_HOSTS="testserver,127.0.0.1",
                                          LOG_LEVEL="WARNING", GUNICORN_ACCESS_LOG="0")
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"], ["createcachetable"],
                    ["load_seed"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=BASE_DIR, env=environment, check=True,
                       stdout=subprocess.DEVNULL)
    os.environ.update(environment)
    import django

    django.setup()


def visible_text_blocks(html):
    """The text of the page's <main>, as rich-text blocks: a new block at each heading."""
    from bs4 import BeautifulSoup

    main = BeautifulSoup(html, "html.parser").find("main")
    blocks, current = [], []
    for element in main.find_all(TEXT_TAGS):
        if element.find(TEXT_TAGS) is not None or element.name == "h1":
            continue  # its text is in the inner elements (the title is the page's own)
        text = element.get_text(" ", strip=True)
        if not text:
            continue
        if element.name in HEADINGS and current:
            blocks.append("".join(current))
            current = []
        tag = "h2" if element.name in HEADINGS else "p"
        current.append(f"<{tag}>{escape(text)}</{tag}>")
    if current:
        blocks.append("".join(current))
    return blocks


def stock_page(seed, blocks):
    from wagtail.models import Page

    from bench.stockpage.models import StockPage

    home = Page.objects.get(pk=seed.get_parent().get_parent().get_parent().pk)
    page = StockPage.objects.child_of(home).filter(slug=STOCK_SLUG).first()
    if page is None:
        page = home.add_child(instance=StockPage(title=seed.title, slug=STOCK_SLUG, locale=seed.locale))
    page.title = seed.title
    page.body = [("text", block) for block in blocks]
    page.save_revision().publish()
    return page.get_url()


def timed_renders(client, path, count, pictures=True):
    from django.test import override_settings

    times = []
    for _ in range(count):
        with override_settings(FACT_PICTURES=pictures):
            times.append(timed_render(client, path))
    return statistics.median(times) * 1000


def interleaved_renders(client, kinds, count):
    """p50 (ms) of each (path, pictures) in `kinds`, rendered in turns one request at a time, `count`
    each: a burst of the shared machine's noise then falls on every kind alike. The order turns each
    time, so that no kind always follows the same one."""
    from django.test import override_settings

    times = [[] for _ in kinds]
    for turn in range(count):
        for index in [(turn + offset) % len(kinds) for offset in range(len(kinds))]:
            path, pictures = kinds[index]
            with override_settings(FACT_PICTURES=pictures):
                times[index].append(timed_render(client, path))
    return [statistics.median(kind_times) * 1000 for kind_times in times]


def timed_render(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200 and response.get("X-App-Cache") != "hit", (path, response.status_code)
    return elapsed


def queries_of(client, path, pictures=True):
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(FACT_PICTURES=pictures), CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def profile_renders(client, path, count):
    """The call tree of `count` renders of the page (pyinstrument), printed; nothing is timed."""
    from pyinstrument import Profiler

    timed_renders(client, path, 5)  # warm-up, as in the timed rounds
    profiler = Profiler(interval=0.0005)
    profiler.start()
    timed_renders(client, path, count)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print where the seed page's renders spend their time")
    args = parser.parse_args()
    prepare(database_url(args.database_url))
    from django.test import Client

    if args.profile:
        profile_renders(Client(), SEED_PAGE, args.renders)
        return

    from bilateral.pages.models import SectionPage

    client = Client()
    seed = SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt")
    seed_html = client.get(SEED_PAGE).content.decode()
    blocks = visible_text_blocks(seed_html)
    stock_path = stock_page(seed, blocks)
    stock_html = client.get(stock_path).content.decode()
    print(f"seed page {SEED_PAGE}: {len(seed_html):,} bytes; stock Wagtail page {stock_path}: {len(blocks)} rich-text "
          f"blocks, {len(stock_html):,} bytes", flush=True)
    for path in (SEED_PAGE, stock_path):
        timed_renders(client, path, 5)  # warm-up: templates compiled, connections open
    seed_queries, stock_queries = queries_of(client, SEED_PAGE), queries_of(client, stock_path)
    timed_renders(client, SEED_PAGE, 5, pictures=False)
    plain_queries = queries_of(client, SEED_PAGE, pictures=False)
    ratios, picture_ratios, seed_p50s, stock_p50s, plain_p50s = [], [], [], [], []
    for number in range(1, args.rounds + 1):
        seed_p50, plain_p50, stock_p50 = interleaved_renders(
            client, [(SEED_PAGE, True), (SEED_PAGE, False), (stock_path, True)], args.renders)
        ratios.append(seed_p50 / stock_p50)
        picture_ratios.append(seed_p50 / plain_p50)
        seed_p50s.append(seed_p50)
        stock_p50s.append(stock_p50)
        plain_p50s.append(plain_p50)
        print(f"round {number}: seed p50 {seed_p50:.1f} ms, without pictures {plain_p50:.1f} ms, stock p50 "
              f"{stock_p50:.1f} ms: seed / stock {seed_p50 / stock_p50:.2f}×, with / without pictures "
              f"{seed_p50 / plain_p50:.2f}×", flush=True)
    ratio = statistics.median(ratios)
    picture_ratio = statistics.median(picture_ratios)
    print(f"the pictures' share of the uncached render, seed / seed without pictures: {picture_ratio:.2f}× (median "
          f"of {len(picture_ratios)} rounds; rounds {min(picture_ratios):.2f}–{max(picture_ratios):.2f}×; target ≤ "
          f"{TARGET_PICTURES_RATIO:.2f}×); queries without pictures {plain_queries}", flush=True)
    print(f"uncached render, seed / stock Wagtail: {ratio:.2f}× (median of {len(ratios)} rounds, each {args.renders} "
          f"renders of each; rounds {min(ratios):.2f}–{max(ratios):.2f}×; target ≤ {TARGET_RATIO}×); queries: seed "
          f"{seed_queries}, stock {stock_queries} (target seed ≤ {TARGET_QUERIES})", flush=True)
    result(ratio=round(ratio, 3), round_ratios=[round(r, 3) for r in ratios], seed_p50_ms=round(statistics.median(seed_p50s), 1),
           stock_p50_ms=round(statistics.median(stock_p50s), 1), seed_queries=seed_queries, stock_queries=stock_queries,
           blocks=len(blocks), passed=ratio <= TARGET_RATIO and seed_queries <= TARGET_QUERIES,
           pictures_ratio=round(picture_ratio, 3), pictures_round_ratios=[round(r, 3) for r in picture_ratios],
           without_pictures_p50_ms=round(statistics.median(plain_p50s), 1), without_pictures_queries=plain_queries,
           pictures_passed=picture_ratio <= TARGET_PICTURES_RATIO)


if __name__ == "__main__":
    main()
