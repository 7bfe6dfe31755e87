#!/usr/bin/env python
"""gunicorn benchmark (not a test), production settings and deploy/gunicorn.conf.py, no proxy:

1. the seed page with a warm app cache (response cache) against a minimal Django view returning the
   same bytes (bench/urls.py, only in bilateral.settings.bench_production), both with wrk on loopback
   in the same run against the same gunicorn (10 s, 2 threads, 32 connections). Target ≥ 0.8×.
   For reference also against that view in a Django with no middleware at all (BENCH_BARE=1).
2. the uncached render: one gunicorn worker with the shared cache replaced by a dummy one
   (BENCH_NO_CACHE=1: no response cache, no block cache), sequential requests; target p50 ≤ 25 ms.
   Also the database queries of one such render (counted in a separate process, same settings).
   "Uncached" is read strictly: no response cache AND a cold fact-block cache, since a page whose
   revision was just published has no rendered blocks yet. For reference, the render with the
   block cache warm but no response cache (a query parameter the response cache does not know
   bypasses it) is measured on the first gunicorn, with the shared cache.

    .venv/bin/python bench/gunicorn.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench
"""

import argparse
import http.client
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    BASE_DIR, BENCH_VAR_DIR, PYTHON, SEED_PAGE, database_url, fetch, free_port, percentile,
    production_environment, result, wait_for_port, wrk,
)

TARGET_RATIO, TARGET_P50_MS = 0.8, 25
BYTES_FILE = BENCH_VAR_DIR / "seed-page.html"


def start_gunicorn(url, workers=None, no_cache=False, bare=False):
    port = free_port()
    overrides = {"APP_PORT": str(port), "DJANGO_SETTINGS_MODULE": "bilateral.settings.bench_production",
                 "BENCH_BYTES_FILE": str(BYTES_FILE), "LOG_LEVEL": "WARNING", "BENCH_NO_CACHE": "1" if no_cache else "0",
                 "BENCH_BARE": "1" if bare else "0"}
    if workers:
        overrides["GUNICORN_WORKERS"] = str(workers)
    environment = production_environment(url, **overrides)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=environment, check=True)
    process = subprocess.Popen([PYTHON, "-m", "gunicorn", "-c", str(BASE_DIR / "deploy" / "gunicorn.conf.py")],
                               cwd=BASE_DIR, env=environment)
    wait_for_port(port, [("gunicorn", process)])
    return process, port


def stop(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def sequential(port, path, count):
    """Milliseconds per request, one after another over one keep-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings, caches = [], set()
    for _ in range(count):
        began = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - began) * 1000)
        caches.add(response.getheader("X-App-Cache"))
        assert response.status == 200, response.status
    connection.close()
    return timings, caches


def count_render_queries():
    """In this process (started by render_query_count): the queries of one uncached render of the
    seed page through the whole middleware stack, after a warm-up render."""
    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(SEED_PAGE).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEED_PAGE)
    assert response.status_code == 200, response.status_code
    print(len(queries))


def render_query_count(url):
    environment = production_environment(url, DJANGO_SETTINGS_MODULE="bilateral.settings.bench_production",
                                         BENCH_BYTES_FILE=str(BYTES_FILE), LOG_LEVEL="WARNING", BENCH_NO_CACHE="1")
    output = subprocess.run([PYTHON, __file__, "--count-queries"], cwd=BASE_DIR, env=environment, check=True,
                            capture_output=True, text=True).stdout
    return int(output.split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--count-queries", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--renders", type=int, default=200, help="sequential uncached requests")
    args = parser.parse_args()
    if args.count_queries:
        return count_render_queries()
    url = database_url(args.database_url)
    BENCH_VAR_DIR.mkdir(parents=True, exist_ok=True)

    process, port = start_gunicorn(url)
    try:
        page_url = f"http://127.0.0.1:{port}{SEED_PAGE}"
        for _ in range(3):
            status, headers, body = fetch(page_url)
        BYTES_FILE.write_bytes(body)
        view_url = f"http://127.0.0.1:{port}/__bench__/same-bytes/"
        _status, _headers, view_body = fetch(view_url)
        assert view_body == body, "the minimal view must answer with exactly the page's bytes"
        print(f"gunicorn: {page_url} → {status}, X-App-Cache {headers.get('X-App-Cache')}, {len(body):,} bytes")
        runs = {}
        for name, target in (("minimal view", view_url), ("seed page, warm app cache", page_url)):
            wrk(target, seconds=2, connections=args.connections)
            runs[name] = wrk(target, seconds=args.seconds, connections=args.connections)
            print(f"{name}: {runs[name]['rps']:,.0f} req/s, p50 {runs[name]['latency'].get('50')}, "
                  f"non-2xx {runs[name]['non_2xx']} — {runs[name]['command']}")
            time.sleep(1)
        # The block cache warm, the response cache bypassed (see the docstring).
        bypass = SEED_PAGE + "?bench-render=1"
        sequential(port, bypass, 20)
        warm_blocks, warm_caches = sequential(port, bypass, args.renders)
    finally:
        stop(process)
    warm_blocks_p50 = percentile(warm_blocks, 0.5)
    print(f"render with a warm block cache, no response cache (X-App-Cache {sorted(map(str, warm_caches))}): "
          f"{len(warm_blocks)} sequential requests, p50 {warm_blocks_p50:.1f} ms, "
          f"p95 {percentile(warm_blocks, 0.95):.1f} ms (for reference)")
    ratio = runs["seed page, warm app cache"]["rps"] / runs["minimal view"]["rps"]
    print(f"cached page / minimal view: {ratio:.2f}× (target ≥ {TARGET_RATIO}×)")

    # For reference: the same view in a Django without any middleware (not the project's settings).
    process, port = start_gunicorn(url, bare=True)
    try:
        bare_url = f"http://127.0.0.1:{port}/__bench__/same-bytes/"
        wrk(bare_url, seconds=2, connections=args.connections)
        bare = wrk(bare_url, seconds=args.seconds, connections=args.connections)
    finally:
        stop(process)
    bare_ratio = runs["seed page, warm app cache"]["rps"] / bare["rps"]
    print(f"for reference, the minimal view with no middleware at all: {bare['rps']:,.0f} req/s; "
          f"cached page / that: {bare_ratio:.2f}×")

    process, port = start_gunicorn(url, workers=1, no_cache=True)
    try:
        sequential(port, SEED_PAGE, 5)  # warm-up: imports, templates, connections
        timings, caches = sequential(port, SEED_PAGE, args.renders)
    finally:
        stop(process)
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    queries = render_query_count(url)
    print(f"uncached render of the seed page (1 worker, dummy cache, X-App-Cache {sorted(map(str, caches))}): "
          f"{len(timings)} sequential requests, p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p50 ≤ {TARGET_P50_MS} ms); "
          f"{queries} database queries per render")
    result(bytes=len(body), page_rps=runs["seed page, warm app cache"]["rps"], view_rps=runs["minimal view"]["rps"],
           ratio=round(ratio, 3), target_ratio=TARGET_RATIO, bare_view_rps=bare["rps"], bare_ratio=round(bare_ratio, 3), command=runs["minimal view"]["command"],
           uncached_p50_ms=round(p50, 1), uncached_p95_ms=round(p95, 1), target_p50_ms=TARGET_P50_MS,
           uncached_queries=queries, warm_blocks_p50_ms=round(warm_blocks_p50, 1),
           ratio_passed=ratio >= TARGET_RATIO, render_passed=p50 <= TARGET_P50_MS,
           passed=ratio >= TARGET_RATIO and p50 <= TARGET_P50_MS)


if __name__ == "__main__":
    main()
