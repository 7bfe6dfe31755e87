#!/usr/bin/env python
"""Purge benchmark (not a test): a publication with many addresses cached in the proxy.

The production stack (`deploy/prod.py`: nginx, gunicorn, task workers, Redis) on the scratch database.
First --addresses distinct addresses are fetched through the proxy, so that it holds them and the app
records them (bilateral/caching/proxy_index.py): most outside any scope a publication of the seed
page changes (`/robots.txt?n=…`), a share (--in-scope-share) in one it does (`/api/countries?n=…`, the
API is purged on every publication). With --fetch N only the first N are fetched (a render each, too
slow for 100,000 on a small machine) and the others written into the address index directly, as the
app would record them. A publication takes the addresses it purged out of the index (the proxy no
longer holds them); before each publication they are recorded again (bring_back_in_scope), as if
readers had fetched them all since, so that every publication purges every in-scope address. Then:

- publication until served: the seed page is published --publications times (a new title each
  time); from the commit, the proxy is asked for the seed page and its country page every 20 ms
  until both show the new title. Reported: p50 and p95 of that time, and how many of those answers
  were not proxy hits (a reader who waited for a render). Target: p95 ≤ 2 s, 0 misses.
- cached hits during the purges: wrk on a cached address the publications do not touch, for
  --seconds before and --seconds while publications follow each other; p99 during / p99 before,
  target ≤ 2×, in alternated rounds (median of the rounds' ratios).
- the machine's own floor, in the same rounds: the same wrk while one process does nothing but spin
  at Linux's lowest CPU priority (SCHED_IDLE: the kernel runs it only when no other process wants a
  core, so on a machine of its own it could not delay nginx), on the app's CPUs. p99 then / p99
  before is what any work there, however low its priority, does to the hits' p99; publications
  cannot do better than that.

The stack splits the CPUs as `make prod` does (deploy/prod.py: PROXY_CPUS, by default nginx on CPUs
of its own, the app on the others; --proxy-cpus shared runs every process on every CPU, as before
2026-12-05). The publications (this process's publishing thread, an editor's request in a gunicorn
worker) and the spinner run on the app's CPUs; wrk, which stands in for readers on other machines,
on nginx's, where it takes CPU from nginx rather than wait behind the app's work.

    .venv/bin/python bench/purge.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench \\
        [--addresses 100000] [--publications 20] [--proxy-cpus auto|shared|LIST]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    BENCH_VAR_DIR, SEED_PAGE, Stack, database_url, empty_proxy, own_session_priority, percentile, result, wrk,
)

COUNTRY_PAGE = "/salys/baltarusija/"
UNTOUCHED = "/robots.txt"
TARGET_SECONDS = 2.0
TARGET_P99_RATIO = 2.0


def address_number(number, in_scope_share):
    in_scope_every = max(1, round(1 / in_scope_share)) if in_scope_share > 0 else 0
    if in_scope_every and number % in_scope_every == 0:
        return f"/api/countries?n={number}"
    return f"/robots.txt?n={number}"


def record_directly(first, count, in_scope_share):
    """Addresses `first`…`count - 1` written into the proxy's address index as the app records them
    (bilateral/caching/proxy_index.py), without being fetched: a publication purges them all the
    same (a PURGE of an address the proxy does not hold answers 404)."""
    record_addresses([address_number(number, in_scope_share) for number in range(first, count)])


def record_addresses(addresses):
    from collections import defaultdict

    from bilateral.caching import proxy_index
    from bilateral.caching.scopes import scope_of

    client = proxy_index.redis_client()
    now = time.time()
    by_scope = defaultdict(dict)
    for address in addresses:
        by_scope[scope_of(address.split("?", 1)[0])][address] = now
    pipe = client.pipeline(transaction=False)
    for scope, members in by_scope.items():
        items = list(members.items())
        for start in range(0, len(items), 5000):
            pipe.zadd(proxy_index.KEY_PREFIX + scope, dict(items[start:start + 5000]))
        pipe.expire(proxy_index.KEY_PREFIX + scope, proxy_index.INDEX_TIMEOUT)
        pipe.zadd(proxy_index.SCOPES_KEY, {scope: now})
    pipe.execute()


def bring_back_in_scope(count, in_scope_share):
    """Before each publication: the in-scope addresses recorded again, as if readers had fetched them
    all since the last publication (which purged them and took them out of the index): so every
    publication purges all of them, the most a publication of this page can have to purge."""
    in_scope_every = max(1, round(1 / in_scope_share)) if in_scope_share > 0 else 0
    if in_scope_every:
        record_addresses([address_number(number, in_scope_share) for number in range(0, count, in_scope_every)])


def fill(port, count, in_scope_share, threads=8):
    """`count` distinct addresses fetched through the proxy (each a miss that the proxy then keeps)."""
    errors = []

    def work(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for number in range(offset, count, threads):
            address = address_number(number, in_scope_share)
            try:
                connection.request("GET", address)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append((address, response.status))
            except (OSError, http.client.HTTPException) as error:
                errors.append((address, str(error)))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=work, args=(offset,)) for offset in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started, errors


def get(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.headers.get("X-Cache"), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def setup_django(environment):
    os.environ.update(environment)
    import django

    django.setup()


def publish(title):
    from bilateral.pages.models import SectionPage

    page = SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt")
    page.title = title
    page.change_kind = "minor"
    page.save_revision().publish()


def publication_until_served(port, number, bring_back):
    title = f"Politinis bendradarbiavimas {number}"
    bring_back()
    publish(title)
    started = time.perf_counter()
    answers = []
    while time.perf_counter() - started < 60:
        seen = {path: get(port, path) for path in (SEED_PAGE, COUNTRY_PAGE)}
        answers.extend(cache for cache, _text in seen.values())
        if all(title in text for _cache, text in seen.values()):
            return time.perf_counter() - started, sum(cache != "HIT" for cache in answers), len(answers)
        time.sleep(0.02)
    return float("inf"), sum(cache != "HIT" for cache in answers), len(answers)


def latency_ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    return float(text)


def readers_priority():
    """wrk stands in for readers on other machines, whose waiting does not depend on this machine's
    CPU: it runs at the CPU priority of nginx's workers (deploy/prod.py, PROXY_PRIORITY), so that what
    is measured is how long the proxy keeps a reader waiting, not how long the load generator itself
    waits for a core behind the app's work. BENCH_READERS_PRIORITY overrides it (e.g. 0)."""
    wanted = os.environ.get("BENCH_READERS_PRIORITY", os.environ.get("PROXY_PRIORITY", "-10"))
    return int(wanted) if os.geteuid() == 0 or int(wanted) >= 0 else None


def hits(port, seconds, stack):
    """wrk on the untouched cached address, as the readers' stand-in (see the docstring)."""
    return wrk(f"http://127.0.0.1:{port}{UNTOUCHED}", seconds=seconds, connections=16, priority=readers_priority(),
               cpus=stack.proxy_cpus)


def hits_during_publications(port, seconds, first_number, bring_back, stack):
    """wrk on an untouched cached address while publications follow each other."""
    stop = threading.Event()
    numbers = []

    def publish_loop():
        # An editor's publication runs in a gunicorn worker, below the proxy's CPU priority (deploy/prod.py,
        # APP_NICENESS); this thread stands in for it, so it runs at the same priority (Linux: per thread).
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), int(os.environ.get("APP_NICENESS", "5")))
        number = first_number
        while not stop.is_set():
            publication_until_served(port, number, bring_back)
            numbers.append(number)
            number += 1

    publisher = threading.Thread(target=publish_loop)
    publisher.start()
    try:
        run = hits(port, seconds, stack)
    finally:
        stop.set()
        publisher.join()
    return run, len(numbers)


IDLE_SPINNER = [sys.executable, "-c", "import os; os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))\n"
                "while True: pass"]


def hits_beside_idle_spinner(port, seconds, stack):
    """wrk on the untouched cached address while one SCHED_IDLE process spins on the app's CPUs (see
    the docstring)."""
    spinner = subprocess.Popen(IDLE_SPINNER)  # on this process's CPUs, the app's
    try:
        time.sleep(0.2)
        return hits(port, seconds, stack)
    finally:
        spinner.kill()
        spinner.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--addresses", type=int, default=100_000, help="cached addresses to generate (100,000)")
    parser.add_argument("--in-scope-share", type=float, default=0.05)
    parser.add_argument("--fetch", type=int, default=10_000, help="of the addresses, how many are fetched through the "
                        "proxy (10,000); the others are written into the app's address index directly (record_directly)")
    parser.add_argument("--publications", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--proxy-cpus", default="auto", help="the stack's PROXY_CPUS (deploy/prod.py; default auto)")
    args = parser.parse_args()
    url = database_url(args.database_url)
    BENCH_VAR_DIR.mkdir(parents=True, exist_ok=True)
    empty_proxy()
    stack = Stack(url, task_workers=2, PROXY_CPUS=args.proxy_cpus)
    print(f"CPUs: nginx {stack.proxy_cpus or 'all'}, the app {stack.app_cpus or 'all'} (PROXY_CPUS={args.proxy_cpus})",
          flush=True)
    if stack.app_cpus is not None:
        # The publications and the spinner are the app's work (its threads and children inherit this).
        os.sched_setaffinity(0, stack.app_cpus)
    try:
        # …and weigh against nginx (and wrk, the readers) as the app's processes do (deploy/prod.py).
        with own_session_priority(int(stack.environment.get("APP_NICENESS", "5"))):
            measure(stack, args, url)
    finally:
        stack.stop()


def measure(stack, args, url):
    """The publications and the hits' rounds on the running stack (see the docstring); prints RESULT."""
    port = stack.proxy_port
    setup_django({**stack.environment, "DATABASE_URL": url})
    for path in (SEED_PAGE, COUNTRY_PAGE, UNTOUCHED, SEED_PAGE, COUNTRY_PAGE, UNTOUCHED):
        get(port, path, timeout=300)  # the first renders wait for the workers' start on a busy machine
    time.sleep(5)  # the purge tasks the start-up's load_seed queued are done
    fetched = min(args.addresses, args.fetch)
    fill_seconds, errors = fill(port, fetched, args.in_scope_share)
    print(f"filled: {fetched:,} addresses through the proxy in {fill_seconds:.1f} s "
          f"({fetched / fill_seconds:,.0f}/s), {len(errors)} errors {errors[:3]}", flush=True)
    if fetched < args.addresses:
        record_directly(fetched, args.addresses, args.in_scope_share)
        print(f"recorded directly in the address index (not fetched): {args.addresses - fetched:,} more",
              flush=True)
    from bilateral.caching import proxy_index

    recorded = len(proxy_index.addresses_in(["/robots.txt/", "/api/"]) or ())
    print(f"recorded in the index: {recorded:,}", flush=True)
    cache_files = sum(len(files) for _root, _dirs, files in os.walk(BENCH_VAR_DIR / "nginx" / "cache"))
    print(f"files in the proxy's cache: {cache_files:,}", flush=True)

    def bring_back():
        bring_back_in_scope(args.addresses, args.in_scope_share)

    times, misses, answers = [], 0, 0
    for number in range(1, args.publications + 1):
        seconds, missed, asked = publication_until_served(port, number, bring_back)
        times.append(seconds)
        misses += missed
        answers += asked
        print(f"publication {number}: served after {seconds * 1000:,.0f} ms, {missed} of {asked} answers not hits",
              flush=True)
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    print(f"publication until served: p50 {p50 * 1000:,.0f} ms, p95 {p95 * 1000:,.0f} ms over {len(times)} "
          f"(target p95 ≤ {TARGET_SECONDS:.0f} s); reader-visible misses of the seed and country pages: "
          f"{misses} of {answers} answers", flush=True)

    ratios, floor_ratios, rounds = [], [], []
    number = 1000
    for round_number in range(1, args.rounds + 1):
        quiet = hits(port, args.seconds, stack)
        busy, published = hits_during_publications(port, args.seconds, number, bring_back, stack)
        number += published + 1
        floor = hits_beside_idle_spinner(port, args.seconds, stack)
        before, during = latency_ms(quiet["latency"]["99"]), latency_ms(busy["latency"]["99"])
        beside_spinner = latency_ms(floor["latency"]["99"])
        ratios.append(during / before)
        floor_ratios.append(beside_spinner / before)
        rounds.append({"before_p99_ms": before, "during_p99_ms": during, "before_rps": quiet["rps"],
                       "during_rps": busy["rps"], "publications": published,
                       "beside_idle_spinner_p99_ms": beside_spinner, "beside_idle_spinner_rps": floor["rps"]})
        print(f"round {round_number}: hits p99 before {before:.2f} ms ({quiet['rps']:,.0f} req/s), during "
              f"{published} publications {during:.2f} ms ({busy['rps']:,.0f} req/s): {during / before:.2f}×; "
              f"beside one SCHED_IDLE spinner {beside_spinner:.2f} ms ({floor['rps']:,.0f} req/s): "
              f"{beside_spinner / before:.2f}×", flush=True)
    ratio, floor_ratio = statistics.median(ratios), statistics.median(floor_ratios)
    print(f"cached hits' p99 during / before: {ratio:.2f}× (median of {len(ratios)} rounds; target ≤ "
          f"{TARGET_P99_RATIO:.0f}×); command: {rounds and quiet['command']}", flush=True)
    print(f"the machine's floor, p99 beside one SCHED_IDLE spinner / before: {floor_ratio:.2f}× (median of "
          f"{len(floor_ratios)} rounds): what any other work on these cores does to the hits' p99", flush=True)
    result(addresses=args.addresses, fetched=fetched, recorded=recorded, cache_files=cache_files, fill_seconds=round(fill_seconds, 1),
           publications=len(times), p50_ms=round(p50 * 1000), p95_ms=round(p95 * 1000), misses=misses,
           answers=answers, p99_ratio=round(ratio, 2), idle_spinner_p99_ratio=round(floor_ratio, 2), rounds=rounds,
           proxy_cpus=stack.proxy_cpus, app_cpus=stack.app_cpus,
           passed=p95 <= TARGET_SECONDS and misses == 0 and ratio <= TARGET_P99_RATIO)


if __name__ == "__main__":
    main()
