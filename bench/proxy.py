#!/usr/bin/env python
"""Proxy benchmark (not a test): the cached seed page through the production stack (`deploy/prod.py`:
nginx's cache in front of gunicorn) against nginx serving the same bytes as a static file
(deploy/nginx/static-bench.conf), both measured with wrk on loopback in the same run (5 s, 2 threads,
32 connections, the same request headers). Target: proxy ≥ 0.95 × nginx.

The static file is served twice: as the config serves any static file (its body, nginx's own few
headers: "body only", the peer until 2026-12-04), and with the response headers the cached page
carries (its Content-Security-Policy, Cache-Control, X-Frame-Options …, added by `add_header`: "the
same response", the page's whole bytes as a static server would have to send them). Both ratios are
printed; the target is judged on the same response. A third way is printed beside them: the page's
file at the page's own address (/salys/…/politinis-bendradarbiavimas/), as nginx serves a static site
(`root` and its default `index index.html`), with the page's headers: "the same request", which costs
nginx a look-up of the directory's index file that a file at a short address of its own does not.

Both servers run in sessions of their own at the same priority (bilateral/operations/processes.py:
set_session_priority); until 2026-12-05 the static one shared the benchmark's session with wrk, where
the kernel weighed it against wrk by its nice value, and the proxy, in its own session, got an equal
share with wrk's session whatever its nice value: 0.86× in every round (bench/RESULTS.md).

The machine is small and shared (wrk, both servers and other work on the same cores), so one measurement
of each says little: the two are measured in turns, back to back, --rounds times, and the ratio is the
median of the rounds' ratios (each round's pair ran under the same conditions). The static server
runs on the CPUs the stack gives nginx (deploy/prod.py: PROXY_CPUS), with as many workers.

    .venv/bin/python bench/proxy.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    BASE_DIR, BENCH_VAR_DIR, SEED_PAGE, Stack, database_url, deploy_module, empty_proxy, fetch, free_port, result,
    set_session_priority, wait_for_port, wrk,
)

TARGET = 0.95


# What nginx writes itself for a static file, or what only tells the cache's state: not copied.
OWN_HEADERS = {"server", "date", "content-type", "content-length", "connection", "keep-alive", "etag",
               "last-modified", "accept-ranges", "transfer-encoding", "x-cache", "x-request-id", "age"}
SAME_RESPONSE = "/page/bench-seed-page.html"
SITE_DIR = "site"  # beside the static directory: the static site's root


def page_headers_lines(page_headers):
    return ["            add_header %s '%s';" % (name, value.replace("'", "\\'"))
            for name, value in page_headers.items() if name.lower() not in OWN_HEADERS]


def same_response_location(page_headers):
    """A location serving the page's file with the cached page's own headers."""
    lines = ["        location = %s {" % SAME_RESPONSE, "            alias ../static/bench-seed-page.html;",
             "            default_type text/html;", "            charset utf-8;"]
    return "\n".join([*lines, *page_headers_lines(page_headers), "        }", ""])


def static_site_location(page_headers):
    """Every other address from the static site's directory, as nginx serves any static site: an
    address ending in / is its directory's index.html; with the page's headers."""
    lines = ["        location / {", f"            root ../{SITE_DIR};", "            default_type text/html;",
             "            charset utf-8;"]
    return "\n".join([*lines, *page_headers_lines(page_headers), "        }", ""])


def start_nginx(page_bytes, proxy_priority, page_headers, cpus=None):
    """nginx with the project's static-bench config on a free port, the page as a static file: its URL
    as any static file, and its URL with the page's headers. On the proxy's CPUs, with as many workers
    (deploy/prod.py: PROXY_CPUS)."""
    prefix = BENCH_VAR_DIR / "nginx"
    static = prefix.parent / "static"  # the config serves <prefix>/../static/ under /static/
    prefix.mkdir(parents=True, exist_ok=True)
    static.mkdir(parents=True, exist_ok=True)
    (static / "bench-seed-page.html").write_bytes(page_bytes)
    site = prefix.parent / SITE_DIR
    shutil.rmtree(site, ignore_errors=True)
    (site / SEED_PAGE.strip("/")).mkdir(parents=True)
    (site / SEED_PAGE.strip("/") / "index.html").write_bytes(page_bytes)
    port = free_port()
    config = (BASE_DIR / "deploy" / "nginx" / "static-bench.conf").read_text()
    config = re.sub(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{port};", config)
    # The same CPU priority as the proxy's workers (deploy/prod.py, PROXY_PRIORITY): only the caching differs.
    workers = len(cpus) if cpus else "auto"
    config = config.replace("worker_processes auto;", f"worker_processes {workers};\nworker_priority {proxy_priority};", 1)
    config = config.replace("        location /static/ {", same_response_location(page_headers)
                            + static_site_location(page_headers) + "        location /static/ {", 1)
    (prefix / "nginx.conf").write_text(config)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    # In a session of its own at the proxy's priority, as deploy/prod.py starts the proxy's nginx.
    process = subprocess.Popen([nginx, "-c", str(prefix / "nginx.conf"), "-p", f"{prefix}/"], cwd=prefix,
                               start_new_session=True,
                               preexec_fn=None if cpus is None else (lambda: os.sched_setaffinity(0, cpus)))
    set_session_priority(process.pid, proxy_priority)
    wait_for_port(port, [("nginx", process)])
    base = f"http://127.0.0.1:{port}"
    return process, f"{base}/static/bench-seed-page.html", f"{base}{SAME_RESPONSE}", f"{base}{SEED_PAGE}"


def workers_priority(stack):
    """The nice value the stack's nginx workers run at (deploy/prod.py: proxy_priority)."""
    return deploy_module().proxy_priority(stack.environment)


def measure_round(number, targets, args):
    """nginx (body only), nginx (the same response) and the proxy, back to back, with the same wrk
    settings; the order turns each round."""
    runs = {}
    order = list(targets.items())
    order = order[number % len(order):] + order[:number % len(order)]
    for name, target in order:
        runs[name] = wrk(target, seconds=args.seconds, connections=args.connections)
        print(f"round {number} {name}: {runs[name]['rps']:,.0f} req/s, p50 {runs[name]['latency'].get('50')}, "
              f"p99 {runs[name]['latency'].get('99')}, non-2xx {runs[name]['non_2xx']} — {runs[name]['command']}",
              flush=True)
        time.sleep(1)
    print(f"round {number}: proxy / nginx (the same response) {runs['proxy']['rps'] / runs['same']['rps']:.2f}×, "
          f"(the same request) {runs['proxy']['rps'] / runs['site']['rps']:.2f}×, "
          f"(body only) {runs['proxy']['rps'] / runs['nginx']['rps']:.2f}×", flush=True)
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=9, help="nginx/proxy alternations (default 9)")
    parser.add_argument("--proxy-cpus", default="auto", help="the stack's PROXY_CPUS (deploy/prod.py; default auto)")
    args = parser.parse_args()
    url = database_url(args.database_url)
    if not (BASE_DIR / "deploy" / "prod.py").exists():
        raise SystemExit("deploy/prod.py (the production stack) is not there yet.")
    BENCH_VAR_DIR.mkdir(parents=True, exist_ok=True)
    empty_proxy()
    stack = Stack(url, PROXY_CPUS=args.proxy_cpus)
    print(f"CPUs: nginx {stack.proxy_cpus or 'all'}, the app {stack.app_cpus or 'all'} (PROXY_CPUS={args.proxy_cpus})",
          flush=True)
    nginx = None
    try:
        page_url = f"http://127.0.0.1:{stack.proxy_port}{SEED_PAGE}"
        for _ in range(3):  # the first fills the proxy (and the app cache), the next are hits
            status, headers, body = fetch(page_url)
        page_file = BENCH_VAR_DIR / "nginx" / "pages" / SEED_PAGE.strip("/") / "index.html"
        from_file = page_file.exists() and page_file.read_bytes() == body and "X-App-Cache" not in headers
        source = "the page's file (PAGE_FILES_DIR)" if from_file else "nginx's cache"
        print(f"proxy: {page_url} → {status}, X-Cache {headers.get('X-Cache')}, ETag {headers.get('ETag')}, "
              f"{len(body):,} bytes, answered from {source}")
        nginx, static_url, same_url, site_url = start_nginx(body, workers_priority(stack), headers, stack.proxy_cpus)
        _status, _headers, static_body = fetch(static_url)
        assert static_body == body, "nginx must serve exactly the proxy's bytes"
        _status, same_headers, same_body = fetch(same_url)
        assert same_body == body and same_headers.get("Content-Security-Policy") == headers.get(
            "Content-Security-Policy"), "the same response: the page's bytes and headers"
        _status, site_headers, site_body = fetch(site_url)
        assert site_body == body and site_headers.get("Content-Security-Policy") == headers.get(
            "Content-Security-Policy"), "the same request: the page's address, bytes and headers"
        targets = {"nginx": static_url, "same": same_url, "site": site_url, "proxy": page_url}
        for target in targets.values():
            wrk(target, seconds=2, connections=args.connections)  # warm-up
        rounds = [measure_round(number, targets, args) for number in range(1, args.rounds + 1)]
        ratio = statistics.median(round_["proxy"]["rps"] / round_["same"]["rps"] for round_ in rounds)
        same_request = statistics.median(round_["proxy"]["rps"] / round_["site"]["rps"] for round_ in rounds)
        body_only = statistics.median(round_["proxy"]["rps"] / round_["nginx"]["rps"] for round_ in rounds)
        rps = {name: statistics.median(round_[name]["rps"] for round_ in rounds) for name in targets}
        non_2xx = sum(round_[name]["non_2xx"] for round_ in rounds for name in targets)
        print(f"medians of {len(rounds)} rounds: nginx (body only) {rps['nginx']:,.0f} req/s, nginx (the same "
              f"response) {rps['same']:,.0f} req/s, nginx (the same request) {rps['site']:,.0f} req/s, proxy "
              f"{rps['proxy']:,.0f} req/s")
        print(f"proxy / nginx static file, the same response: {ratio:.2f}× (median of the rounds' ratios; target ≥ "
              f"{TARGET}×); the page's own address from nginx's static site, the same request: {same_request:.2f}×; "
              f"body only: {body_only:.2f}×")
        result(bytes=len(body), answered_from="file" if from_file else "cache", proxy_rps=rps["proxy"], nginx_rps=rps["nginx"], same_response_rps=rps["same"],
               same_request_rps=rps["site"], same_request_ratio=round(same_request, 3),
               ratio=round(ratio, 3), body_only_ratio=round(body_only, 3), target=TARGET, rounds=len(rounds),
               round_ratios=[round(r["proxy"]["rps"] / r["same"]["rps"], 3) for r in rounds],
               same_request_round_ratios=[round(r["proxy"]["rps"] / r["site"]["rps"], 3) for r in rounds],
               body_only_round_ratios=[round(r["proxy"]["rps"] / r["nginx"]["rps"], 3) for r in rounds],
               proxy_non_2xx=non_2xx, command=rounds[0]["proxy"]["command"],
               proxy_cpus=stack.proxy_cpus, app_cpus=stack.app_cpus,
               nginx_command=rounds[0]["nginx"]["command"], passed=ratio >= TARGET and non_2xx == 0)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(10)
        stack.stop()


if __name__ == "__main__":
    main()
