#!/usr/bin/env python
"""gunicorn benchmark (not a test), production settings and deploy/gunicorn.conf.py, no proxy:

1. the seed page with a warm app cache (response cache) against a minimal Django view returning the
   same bytes (bench/urls.py, only in bilateral.settings.bench_production), both with wrk on loopback
   in the same run against the same gunicorn (10 s, 2 threads, 32 connections), in turns, --rounds
   times; the ratio is the median of the rounds' ratios. Target ≥ 0.8×. Workers are never replaced
   during the run (GUNICORN_MAX_REQUESTS=0).
   And against that view in a Django with no middleware at all (BENCH_BARE=1: the issue 14 peer, the
   headline ratio since then), a second gunicorn with the same settings and configuration, running
   beside the first and measured in the same rounds (bare view, minimal view, page).
2. the uncached render: one gunicorn worker whose rendered pages and fact blocks go to a dummy cache
   (BENCH_NO_CACHE=1: no response cache, no block cache, while Wagtail's own lookups, the sites'
   root paths, stay in the shared cache as in production), sequential requests; target p50 ≤ 25 ms.
   Also the database queries of one such render (counted in a separate process, same settings).
   "Uncached" is read strictly: no response cache AND a cold fact-block cache, since a page whose
   revision was just published has no rendered blocks yet. For reference: the same with the shared
   cache a dummy one too (BENCH_NO_CACHE=all), and the render with the block cache warm but no
   response cache (a query parameter the response cache does not know bypasses it), measured on
   the first gunicorn, with the shared cache.

    .venv/bin/python bench/gunicorn.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench
"""

import argparse
import http.client
import statistics
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


def start_gunicorn(url, workers=None, no_cache="0", bare=False, collect=True):
    port = free_port()
    overrides = {"APP_PORT": str(port), "DJANGO_SETTINGS_MODULE": "bilateral.settings.bench_production",
                 "BENCH_BYTES_FILE": str(BYTES_FILE), "LOG_LEVEL": "WARNING", "BENCH_NO_CACHE": no_cache,
                 "BENCH_BARE": "1" if bare else "0", "GUNICORN_MAX_REQUESTS": "0"}
    if workers:
        overrides["GUNICORN_WORKERS"] = str(workers)
    environment = production_environment(url, **overrides)
    if collect:  # once per run is enough; a second one beside a running gunicorn would rewrite its files
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=environment,
                       check=True)
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
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
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


def uncached_renders(url, mode, count):
    """Sequential renders on one worker with BENCH_NO_CACHE=`mode` (see the docstring)."""
    process, port = start_gunicorn(url, workers=1, no_cache=mode)
    try:
        sequential(port, SEED_PAGE, 5)  # warm-up: imports, templates, connections
        return sequential(port, SEED_PAGE, count)
    finally:
        stop(process)


def render_query_count(url, mode):
    environment = production_environment(url, DJANGO_SETTINGS_MODULE="bilateral.settings.bench_production",
                                         BENCH_BYTES_FILE=str(BYTES_FILE), LOG_LEVEL="WARNING", BENCH_NO_CACHE=mode)
    output = subprocess.run([PYTHON, __file__, "--count-queries"], cwd=BASE_DIR, env=environment, check=True,
                            capture_output=True, text=True).stdout
    return int(output.split()[-1])


VIEW, PAGE, BARE = "minimal view", "seed page, warm app cache", "bare minimal view"


def measure_round(number, view_url, page_url, args, bare_url):
    """The bare view, the minimal view, then the page, back to back with the same wrk settings: the
    host's speed changes from minute to minute, so each ratio compares neighbouring runs."""
    runs = {}
    for name, target in ((BARE, bare_url), (VIEW, view_url), (PAGE, page_url)):
        runs[name] = wrk(target, seconds=args.seconds, connections=args.connections)
        print(f"round {number} {name}: {runs[name]['rps']:,.0f} req/s, p50 {runs[name]['latency'].get('50')}, "
              f"non-2xx {runs[name]['non_2xx']} — {runs[name]['command']}", flush=True)
        time.sleep(1)
    print(f"round {number}: cached page / bare view {runs[PAGE]['rps'] / runs[BARE]['rps']:.2f}×, / minimal view "
          f"{runs[PAGE]['rps'] / runs[VIEW]['rps']:.2f}×", flush=True)
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--count-queries", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--renders", type=int, default=200, help="sequential uncached requests")
    parser.add_argument("--rounds", type=int, default=3, help="minimal view / page alternations (default 3)")
    parser.add_argument("--skip-uncached", action="store_true",
                        help="only part 1 (the warm hit against the bare and minimal views)")
    args = parser.parse_args()
    if args.count_queries:
        return count_render_queries()
    url = database_url(args.database_url)
    BENCH_VAR_DIR.mkdir(parents=True, exist_ok=True)

    process, port = start_gunicorn(url)
    bare_process, bare_port = start_gunicorn(url, bare=True, collect=False)
    try:
        page_url = f"http://127.0.0.1:{port}{SEED_PAGE}"
        for _ in range(3):  # the first renders wait for the workers' start on a busy machine
            status, headers, body = fetch(page_url, timeout=300)
        BYTES_FILE.write_bytes(body)
        view_url = f"http://127.0.0.1:{port}/__bench__/same-bytes/"
        _status, _headers, view_body = fetch(view_url)
        assert view_body == body, "the minimal view must answer with exactly the page's bytes"
        bare_url = f"http://127.0.0.1:{bare_port}/__bench__/same-bytes/"
        print(f"gunicorn: {page_url} → {status}, X-App-Cache {headers.get('X-App-Cache')}, {len(body):,} bytes")
        for target in (bare_url, view_url, page_url):
            wrk(target, seconds=2, connections=args.connections)  # warm-up
        rounds = [measure_round(number, view_url, page_url, args, bare_url) for number in range(1, args.rounds + 1)]
        # The block cache warm, the response cache bypassed (see the docstring).
        bypass = SEED_PAGE + "?bench-render=1"
        sequential(port, bypass, 20)
        warm_blocks, warm_caches = sequential(port, bypass, args.renders)
    finally:
        stop(process)
        stop(bare_process)
    warm_blocks_p50 = percentile(warm_blocks, 0.5)
    print(f"render with a warm block cache, no response cache (X-App-Cache {sorted(map(str, warm_caches))}): "
          f"{len(warm_blocks)} sequential requests, p50 {warm_blocks_p50:.1f} ms, "
          f"p95 {percentile(warm_blocks, 0.95):.1f} ms (for reference)")
    ratio = statistics.median(round_[PAGE]["rps"] / round_[BARE]["rps"] for round_ in rounds)
    view_ratio = statistics.median(round_[PAGE]["rps"] / round_[VIEW]["rps"] for round_ in rounds)
    runs = {name: {"rps": statistics.median(round_[name]["rps"] for round_ in rounds),
                   "command": rounds[0][name]["command"]} for name in (VIEW, PAGE, BARE)}
    bare = runs[BARE]
    round_ratios = ", ".join(f"{round_[PAGE]['rps'] / round_[BARE]['rps']:.2f}" for round_ in rounds)
    print(f"cached page / bare minimal view (no middleware): {ratio:.2f}× (median of {len(rounds)} rounds' ratios; "
          f"target ≥ {TARGET_RATIO}×); rounds {round_ratios}")
    print(f"for reference, cached page / minimal view with the project's middleware (the headline before issue 14): "
          f"{view_ratio:.2f}×")
    bare_ratio = ratio
    if args.skip_uncached:
        return result(bytes=len(body), page_rps=runs[PAGE]["rps"], view_rps=runs[VIEW]["rps"], ratio=round(ratio, 3),
                      target_ratio=TARGET_RATIO, bare_view_rps=bare["rps"], bare_ratio=round(bare_ratio, 3),
                      view_ratio=round(view_ratio, 3), command=runs[VIEW]["command"], ratio_passed=ratio >= TARGET_RATIO)

    renders = {mode: uncached_renders(url, mode, args.renders) for mode in ("1", "all")}
    timings, caches = renders["1"]
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    all_off_p50 = percentile(renders["all"][0], 0.5)
    queries, all_off_queries = render_query_count(url, "1"), render_query_count(url, "all")
    print(f"uncached render of the seed page (1 worker, rendered pages and blocks in a dummy cache, X-App-Cache "
          f"{sorted(map(str, caches))}): {len(timings)} sequential requests, p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(target p50 ≤ {TARGET_P50_MS} ms); {queries} database queries per render")
    print(f"for reference, with the shared cache a dummy one too (Wagtail's site root paths looked up every time): "
          f"p50 {all_off_p50:.1f} ms, {all_off_queries} queries per render")
    result(bytes=len(body), page_rps=runs["seed page, warm app cache"]["rps"], view_rps=runs["minimal view"]["rps"],
           ratio=round(ratio, 3), target_ratio=TARGET_RATIO, bare_view_rps=bare["rps"], bare_ratio=round(bare_ratio, 3),
           view_ratio=round(view_ratio, 3),
           command=runs["minimal view"]["command"],
           uncached_p50_ms=round(p50, 1), uncached_p95_ms=round(p95, 1), target_p50_ms=TARGET_P50_MS,
           uncached_queries=queries, warm_blocks_p50_ms=round(warm_blocks_p50, 1),
           all_caches_off_p50_ms=round(all_off_p50, 1), all_caches_off_queries=all_off_queries,
           ratio_passed=ratio >= TARGET_RATIO, render_passed=p50 <= TARGET_P50_MS,
           passed=ratio >= TARGET_RATIO and p50 <= TARGET_P50_MS)


if __name__ == "__main__":
    main()
