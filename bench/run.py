#!/usr/bin/env python
"""`make bench`: recreate the scratch database, fill it with generate_demo, run every benchmark and
write bench/RESULTS.md (machine, date, command, each measurement beside its target, PASS/FAIL).

    .venv/bin/python bench/run.py [--pages 2000] [--subscribers 100000] [--only search,captcha]

The scratch database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bilateral_bench)
is DROPPED and created again; the replay store and caches use Redis database 15 (REDIS_URL to change).
"""

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, PYTHON, database_url  # noqa: E402

BENCHMARKS = ["proxy", "proxy-split", "gunicorn", "stock", "purge", "purge-split", "fanout", "search", "captcha"]
# The same benchmark in another configuration: the stack with nginx on CPUs of its own (deploy/prod.py:
# PROXY_CPUS=split), which `make prod` chooses by itself from four CPUs (docs/adr/0034).
VARIANTS = {"proxy-split": ("proxy", ["--proxy-cpus", "split"]), "purge-split": ("purge", ["--proxy-cpus", "split"])}
RESULTS = BASE_DIR / "bench" / "RESULTS.md"
SAVED = BASE_DIR / "var" / "bench" / "results.json"  # the last run's numbers, for partial re-runs (--only)


def recreate_database(url):
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    with psycopg.connect(host=parts.hostname or "127.0.0.1", port=parts.port or 5432, dbname="postgres",
                         user=unquote(parts.username or "postgres"), password=unquote(parts.password or "") or None,
                         autocommit=True) as connection:
        connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def environment(url):
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bilateral.settings.bench",
            "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15", "PYTHONUNBUFFERED": "1"}


def manage(url, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=BASE_DIR, env=environment(url), check=True)


def prepare(url, pages, subscribers):
    print(f"== scratch database {urlsplit(url).path.lstrip('/')}: recreated, migrated, demo data", flush=True)
    recreate_database(url)
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "createcachetable")
    manage(url, "load_seed")
    started = time.perf_counter()
    manage(url, "generate_demo", "--pages", str(pages), "--subscribers", str(subscribers))
    analyze(url)
    return time.perf_counter() - started


def analyze(url):
    """What autovacuum would do in time for the freshly loaded data (it may be off on a benchmark
    server): planner statistics, without which the search plans for a handful of pages, and the GIN
    indexes' pending entries moved into the indexes."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def run_benchmark(name, url):
    """Run bench/<name>.py, echo its output, return (its printed lines, its RESULT dict or an error)."""
    print(f"== {name}", flush=True)
    script, arguments = VARIANTS.get(name, (name, []))
    command = [PYTHON, f"bench/{script}.py", "--database-url", url, *arguments]
    process = subprocess.Popen(command, cwd=BASE_DIR, env=environment(url), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines, numbers = [], None
    for line in process.stdout:
        print(line, end="", flush=True)
        if line.startswith("RESULT "):
            numbers = json.loads(line[len("RESULT "):])
        elif line.strip() and not line.startswith('{"level"'):  # the stack's JSON log lines stay on the console
            lines.append(line.rstrip())
    process.wait()
    if numbers is None:
        numbers = {"passed": False, "error": f"exit status {process.returncode}: " + (lines[-1] if lines else "")}
    return lines, numbers


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    system = release.get("PRETTY_NAME", "").strip('"') or platform.platform()
    return f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GiB RAM, {system}, Linux {platform.release()}"


def verdict(numbers, key="passed"):
    if "error" in numbers:
        return "NOT RUN"
    return "PASS" if numbers.get(key) else "FAIL"


def cpus(r):
    """Where the stack ran nginx and the app (deploy/prod.py: PROXY_CPUS)."""
    if not r.get("proxy_cpus"):
        return "every process on every CPU"
    return f"nginx on CPU {','.join(map(str, r['proxy_cpus']))}, the app on {','.join(map(str, r['app_cpus']))}"


def proxy_row(number, r):
    source = {"file": "its published file", "cache": "nginx's cache"}.get(r.get("answered_from"), "nginx's cache")
    return (f"{number}. proxy: cached seed page, answered from {source} ({cpus(r)})", f"{r['proxy_rps']:,.0f} req/s",
            f"nginx static file on the same CPUs, the same response (the page's headers too): "
            f"{r.get('same_response_rps', r['nginx_rps']):,.0f} req/s (rounds {min(r['round_ratios']):.2f}–"
            f"{max(r['round_ratios']):.2f}×); body only (nginx's own headers): "
            f"{r['nginx_rps']:,.0f} req/s, {r.get('body_only_ratio', r['ratio']):.2f}×"
            + (f"; the page's own address from nginx's static site (root + index.html): {r['same_request_rps']:,.0f} "
               f"req/s, {r['same_request_ratio']:.2f}×" if "same_request_ratio" in r else ""),
            f"{r['ratio']:.2f}×", "≥ 0.95×", verdict(r))


def purge_row(number, r):
    return (f"{number}. publication until served, {r['addresses']:,} recorded addresses "
            f"({r.get('fetched', r['addresses']):,} of them fetched through the proxy; {cpus(r)})", f"p95 {r['p95_ms']:,} ms",
            f"p50 {r['p50_ms']:,} ms over {r['publications']}; reader-visible misses {r['misses']} of "
            f"{r['answers']}; cached hits' p99 during / before purges {r['p99_ratio']:.2f}×"
            + (f" (beside one SCHED_IDLE spinner, the machine's floor: {r['idle_spinner_p99_ratio']:.2f}×)"
               if "idle_spinner_p99_ratio" in r else ""),
            f"p95 {r['p95_ms']:,} ms; {r['p99_ratio']:.2f}×", "p95 ≤ 2 s, 0 misses, ≤ 2×", verdict(r))


def rows(results):
    """(benchmark, measured, compared with, ratio or value, target, verdict) for the table."""
    table = []
    for name, number in (("proxy", "1"), ("proxy-split", "1′")):
        r = results.get(name)
        if r and "error" not in r:
            table.append(proxy_row(number, r))
    r = results.get("gunicorn")
    if r and "error" not in r:
        table.append(("2a. gunicorn: seed page, warm app cache", f"{r['page_rps']:,.0f} req/s",
                      f"bare minimal Django view (no middleware), same bytes, same gunicorn settings: "
                      f"{r['bare_view_rps']:,.0f} req/s (the minimal view with the project's middleware: "
                      f"{r['view_rps']:,.0f} req/s, ratio {r.get('view_ratio', 0):.2f}×)",
                      f"{r['ratio']:.2f}×", "≥ 0.8×", verdict(r, "ratio_passed")))
        table.append(("2b. gunicorn: uncached render (1 worker, sequential)", f"p50 {r['uncached_p50_ms']} ms",
                      f"p95 {r['uncached_p95_ms']} ms"
                      + (f"; {r['uncached_queries']} queries per render" if "uncached_queries" in r else "")
                      + (f"; with a warm block cache: p50 {r['warm_blocks_p50_ms']} ms" if "warm_blocks_p50_ms" in r else "")
                      + (f"; with Wagtail's site root paths not cached either: p50 {r['all_caches_off_p50_ms']} ms, "
                         f"{r['all_caches_off_queries']} queries" if "all_caches_off_p50_ms" in r else ""),
                      f"{r['uncached_p50_ms']} ms", "p50 ≤ 25 ms",
                      verdict(r, "render_passed")))
    r = results.get("stock")
    if r and "error" not in r:
        table.append(("2c. uncached render: seed page vs stock Wagtail page with the same text", f"p50 {r['seed_p50_ms']} ms",
                      f"stock Wagtail (StreamField of {r['blocks']} rich-text blocks, minimal template): p50 "
                      f"{r['stock_p50_ms']} ms; queries {r['seed_queries']} vs {r['stock_queries']}; rounds "
                      f"{min(r['round_ratios']):.2f}–{max(r['round_ratios']):.2f}×",
                      f"{r['ratio']:.2f}×", "≤ 1.0×, ≤ 6 queries", verdict(r)))
        if "pictures_ratio" in r:
            table.append(("2c′. uncached render: seed page with its pictures vs without (FACT_PICTURES, same rounds)",
                          f"p50 {r['seed_p50_ms']} ms", f"without pictures: p50 {r['without_pictures_p50_ms']} ms, "
                          f"{r['without_pictures_queries']} queries; rounds {min(r['pictures_round_ratios']):.2f}–"
                          f"{max(r['pictures_round_ratios']):.2f}×", f"{r['pictures_ratio']:.2f}×", "≤ 1.10×",
                          verdict(r, "pictures_passed")))
    for name, number in (("purge", "2d"), ("purge-split", "2d′")):
        r = results.get(name)
        if r and "error" not in r:
            table.append(purge_row(number, r))
    r = results.get("fanout")
    if r and "error" not in r:
        table.append((f"3. fan-out: one major change to {r['subscribers']:,} subscribers, {r['workers']} workers",
                      f"{r['outbox_rate']:,.0f} emails/s", f"plain smtplib loop: {r['plain_rate']:,.0f}/s",
                      f"{r['ratio']:.2f}×", "≥ 0.5×", verdict(r)))
    r = results.get("search")
    if r and "error" not in r:
        table.append((f"4. search: {r['queries']:,} queries over {r['pages']:,} pages (PostgreSQL)",
                      f"p95 {r['p95_ms']} ms", f"p50 {r['p50_ms']} ms, max {r['max_ms']} ms", f"{r['p95_ms']} ms",
                      "p95 ≤ 50 ms", "PASS" if r["p95_ms"] <= r["target_p95_ms"] else "FAIL"))
        if "view_p95_ms" in r:
            table.append((f"4b. search: the /paieska/?q=… page, {r['view_queries']:,} queries (what a reader gets)",
                          f"p95 {r['view_p95_ms']} ms", f"p50 {r['view_p50_ms']} ms, max {r['view_max_ms']} ms",
                          f"{r['view_p95_ms']} ms", "p95 ≤ 50 ms",
                          "PASS" if r["view_p95_ms"] <= r["target_p95_ms"] else "FAIL"))
    r = results.get("captcha")
    if r and "error" not in r:
        table.append(("5. captcha: verification; flood of forged and replayed answers",
                      f"{r['valid_first_use_us']:,} µs per valid solution",
                      f"verifier alone {r['verifier_alone_us']:,} µs", f"refused {r['refused']:,} of {r['flood']:,}",
                      "all refused", verdict(r)))
    for name, r in results.items():
        if "error" in r:
            table.append((name, "—", "—", "—", "—", f"NOT RUN ({r['error']})"))
    return table


def write_results(command, started, finished, generate_seconds, results, outputs, pages, subscribers):
    lines = [
        "# Benchmark results",
        "",
        f"- Machine: {machine()}",
        f"- Date: {started:%Y-%m-%d %H:%M} – {finished:%H:%M} UTC",
        f"- Command: `{command}`",
        f"- Data: `manage.py generate_demo --pages {pages} --subscribers {subscribers}` on a freshly created "
        f"PostgreSQL scratch database ({generate_seconds:.0f} s)",
        "- Noise: a small shared machine; other work (other test runs) may have been running at the same time, so "
        "absolute numbers vary from run to run. Each ratio compares two measurements taken one right after "
        "the other in the same run.",
        "",
        "| benchmark | measured | compared with | ratio / value | target | result |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows(results):
        lines.append("| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |")
    lines += ["", "## Details (each benchmark's own output)", ""]
    for name, output in outputs.items():
        lines += [f"### {name}", "", "```", *output, "```", ""]
    lines += ["Each benchmark can be run alone: `.venv/bin/python bench/<name>.py --help`.", ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--only", help=f"comma-separated, of {','.join(BENCHMARKS)}; the others keep their last results")
    parser.add_argument("--skip-generate", action="store_true", help="reuse the scratch database as it is")
    args = parser.parse_args()
    url = database_url()
    chosen = [name for name in BENCHMARKS if not args.only or name in args.only.split(",")]
    started = datetime.now(timezone.utc)
    generate_seconds = 0.0 if args.skip_generate else prepare(url, args.pages, args.subscribers)
    if args.skip_generate:
        analyze(url)
    results, outputs, saved_command = {}, {}, ""
    if args.only and SAVED.exists():  # a partial run keeps the other benchmarks' last results
        saved = json.loads(SAVED.read_text())
        results, outputs = saved["results"], saved["outputs"]
        generate_seconds = generate_seconds or saved.get("generate_seconds", 0.0)
        started = datetime.fromisoformat(saved.get("started", started.isoformat()))
        saved_command = saved.get("command", "").split("; then ")[0]
    for name in chosen:
        if name in ("proxy", "proxy-split", "gunicorn") and not (BASE_DIR / "deploy" / "prod.py").exists():
            results[name] = {"passed": False, "error": "deploy/prod.py is missing"}
            continue
        outputs[name], results[name] = run_benchmark(name, url)
    if args.only and SAVED.exists():  # a partial run that finished meanwhile: keep its numbers too
        latest = json.loads(SAVED.read_text())
        results = {**latest["results"], **{name: results[name] for name in chosen}}
        outputs = {**latest["outputs"], **{name: outputs[name] for name in chosen if name in outputs}}
    command = "make bench" if os.environ.get("MAKELEVEL") else shlex.join(["python", *sys.argv])
    if args.only and saved_command:
        command = f"{saved_command}; then {command}"
    SAVED.parent.mkdir(parents=True, exist_ok=True)
    SAVED.write_text(json.dumps({"results": results, "outputs": outputs, "generate_seconds": generate_seconds,
                                 "started": started.isoformat(), "command": command}))
    results = {name: results[name] for name in BENCHMARKS if name in results}
    outputs = {name: outputs[name] for name in BENCHMARKS if name in outputs}
    write_results(command, started, datetime.now(timezone.utc), generate_seconds, results, outputs,
                  args.pages, args.subscribers)
    print(f"== wrote {RESULTS.relative_to(BASE_DIR)}")
    for row in rows(results):
        print(f"{row[-1]:8} {row[0]}: {row[3]} (target {row[4]})")


if __name__ == "__main__":
    main()
