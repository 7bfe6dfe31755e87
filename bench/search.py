#!/usr/bin/env python
"""Search benchmark (not a test): 1,000 queries of varied Lithuanian words, names and figures through
the function the /paieska/ view uses (bilateral/search: parse the query, search the live pages of the
language, count them and read the first page of results), on the scratch PostgreSQL database filled
by `manage.py generate_demo --pages 2000`. Prints p50/p95/max (target p95 ≤ 50 ms); then, for the
first 200 queries, the same with the snippets the view cuts from each result's text; then what a
reader gets: the /paieska/?q=… page itself (Django's test client, so the whole middleware stack, the
view and its template, without HTTP), for every query (target p95 ≤ 50 ms too).

    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import database_url, percentile, result, setup_django  # noqa: E402

TARGET_P95_MS = 50

# Words readers would type: names and places the demo pages carry (with and without diacritics,
# other case endings), topics, and words that are on no page.
SINGLE = [
    "Kazlauskas", "Jankauskui", "petrauskas", "Stankevičius", "zukauskas", "Butkaus", "Urbonas", "Navickas",
    "Žemaitis", "Daukantas", "Valančius", "Gilutės", "GILUTES", "Platelių", "Drūkšių", "Dusios", "Sartų",
    "Nemunas", "Ežerų kraštas", "Šešupė", "Estija", "Suomijos", "Vokietijoje", "Prancūzija", "Ukrainos",
    "Kanada", "Japonijos", "energetikos", "kibernetinio saugumo", "kultūros paveldo", "turizmo", "sporto",
    "migracijos", "jaunimo", "seminarai", "vizitai", "konsultacijos", "ambasadorius", "atašė", "sutartys",
    "demarkavimo", "sienos ženklai", "plūdurai", "kelių punktai", "geležinkelio", "tarptautiniai",
    "savivaldybių", "apskritis", "investicijų", "inovacijos", "aplinkosauga", "Anna Lindqvist", "Jan Novák",
    "Olena Kovalenko", "Li Wei", "diplomatiniai santykiai", "de jure", "nepriklausomybę", "Baltarusija",
    "mokslininkams", "žurnalistams", "pasieniečiams", "2004", "1992", "678,819", "vandenynas", "kosmonautika",
]


def queries(count, seed=2026):
    """`count` queries: single words and names, pairs and triples of them, some with figures."""
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        shape = rng.random()
        if shape < 0.5:
            made.append(rng.choice(SINGLE))
        elif shape < 0.85:
            made.append(" ".join(rng.sample(SINGLE, 2)))
        else:
            made.append(" ".join(rng.sample(SINGLE, 3)))
    return made


def one_search(text, snippets=False):
    """What the view does for a query, without HTTP and templates: parse it, run the site search
    function (search_pages) for the count and page 1's pages; with `snippets`, also each result's
    highlighted title and snippet, cut from the page's rendered text."""
    from django.core.paginator import Paginator

    from bilateral.search.query import parse
    from bilateral.search.views import PER_PAGE, result, search_pages

    query = parse(text)
    paginator = Paginator(search_pages(query.terms), PER_PAGE)
    page = list(paginator.get_page(1))
    if snippets:
        page = [result(found, query.terms) for found in page]
    return paginator.count, page


def timed_view(texts):
    """The /paieska/?q=… page, as an anonymous reader gets it (search answers are never cached)."""
    from django.test import Client

    client = Client()
    timings = []
    for text in texts:
        started = time.perf_counter()
        response = client.get("/paieska/", {"q": text})
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"/paieska/?q={text} answered {response.status_code}.")
    return timings


def timed(texts, snippets):
    timings, hits, empty = [], 0, 0
    for text in texts:
        started = time.perf_counter()
        count, _results = one_search(text, snippets)
        timings.append((time.perf_counter() - started) * 1000)
        hits += count
        empty += count == 0
    return timings, hits, empty


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--snippet-queries", type=int, default=200, help="of those, how many also make snippets")
    parser.add_argument("--view-queries", type=int, default=1000, help="of those, how many go through the view")
    args = parser.parse_args()
    setup_django(database_url(args.database_url))
    from django.db import connection
    from django.utils import translation

    from bilateral.demo.pages import demo_sections

    pages = demo_sections().live().count()
    if connection.vendor != "postgresql" or pages == 0:
        raise SystemExit("Needs the PostgreSQL scratch database with generate_demo's pages.")
    translation.activate("lt")
    texts = queries(args.queries)
    for text in texts[:20]:  # warm-up: connections, compiled regexes, the stemmer's dictionary
        one_search(text)
    timings, hits, empty = timed(texts, snippets=False)
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    print(f"search: {len(texts):,} queries over {pages:,} demo pages (PostgreSQL, lt_unaccent), search_pages: "
          f"count and page 1: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(timings):.1f} ms; "
          f"{hits / len(texts):,.0f} results a query on average, {empty} queries found nothing "
          f"(target p95 ≤ {TARGET_P95_MS} ms)")
    with_snippets, _hits, _empty = timed(texts[: args.snippet_queries], snippets=True)
    s50, s95 = percentile(with_snippets, 0.5), percentile(with_snippets, 0.95)
    print(f"the same plus the snippets of page 1 (as the view shows them), first {len(with_snippets)} queries: "
          f"p50 {s50:.1f} ms, p95 {s95:.1f} ms, max {max(with_snippets):.1f} ms")
    view = timed_view(texts[: args.view_queries])
    v50, v95 = percentile(view, 0.5), percentile(view, 0.95)
    print(f"the /paieska/?q=… page (test client: middleware, view, template), first {len(view)} queries: "
          f"p50 {v50:.1f} ms, p95 {v95:.1f} ms, max {max(view):.1f} ms (target p95 ≤ {TARGET_P95_MS} ms)")
    result(queries=len(texts), pages=pages, p50_ms=round(p50, 1), p95_ms=round(p95, 1), max_ms=round(max(timings), 1),
           mean_results=round(hits / len(texts), 1), empty=empty, target_p95_ms=TARGET_P95_MS,
           snippet_queries=len(with_snippets), snippets_p50_ms=round(s50, 1), snippets_p95_ms=round(s95, 1),
           view_queries=len(view), view_p50_ms=round(v50, 1), view_p95_ms=round(v95, 1), view_max_ms=round(max(view), 1),
           passed=p95 <= TARGET_P95_MS and v95 <= TARGET_P95_MS)


if __name__ == "__main__":
    main()
