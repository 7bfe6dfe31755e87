#!/usr/bin/env python
"""Benchmark of the subscriptions pipeline (not a test): one major change of the demo target page,
fanned out to every demo subscriber, delivered by W `deliver_outbox` processes into an aiosmtpd sink,
against a plain smtplib loop that builds and sends as many messages to the same sink over one
connection.

    .venv/bin/python manage.py generate_demo --pages 2000 --subscribers 100000   # on the scratch DB
    .venv/bin/python bench/fanout.py --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench

The scratch database must hold generate_demo's data; this benchmark deletes its outbox rows first.
It prints the fan-out's time, queries and peak Python memory, the delivery rate, each worker's
resident memory when the first 10% had been delivered and at its peak (flat = no growth with N),
and the ratio outbox rate / plain smtplib rate (target ≥ 0.5).
"""

import argparse
import os
import smtplib
import subprocess
import sys
import time
import tracemalloc
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, SinkProcess, database_url, result, rss_mb, setup_django  # noqa: E402

TARGET = 0.5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="the scratch database filled by generate_demo (default bilateral_bench)")
    parser.add_argument("--workers", type=int, default=2, help="deliver_outbox processes (default 2)")
    parser.add_argument("--batch", type=int, default=500, help="deliver_outbox --batch (default 500)")
    parser.add_argument("--fanout-batch", type=int, default=5000)
    parser.add_argument("--limit", type=int, default=0, help="deliver to the first N subscribers only (quick runs)")
    return parser.parse_args()


def publish_change():
    """A major change of the page every demo reader follows (tasks are not run: bench settings)."""
    from bilateral.demo.pages import target_page
    from bilateral.pages.models import MajorChange

    page = target_page()
    if page is None:
        raise SystemExit("No demo data: run `manage.py generate_demo --pages 2000 --subscribers 100000` first.")
    page.change_kind, page.change_note = "major", f"Lyginamasis bandymas {time.strftime('%Y-%m-%d %H:%M:%S')}"
    revision = page.save_revision()
    revision.publish()
    return MajorChange.objects.get(revision=revision)


def clear_outbox():
    from bilateral.subscriptions.outbox_models import OutboxMessage

    OutboxMessage.objects.all().delete()


def measure_fan_out(change, batch_size):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bilateral.subscriptions.fanout import fan_out_change

    tracemalloc.start()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        reached = fan_out_change(change.pk, batch_size=batch_size)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return reached, elapsed, len(queries.captured_queries), peak


def keep_only_first(limit, change):
    """Quick runs: only the first `limit` rows stay pending."""
    from bilateral.subscriptions.outbox_models import OutboxMessage

    rows = OutboxMessage.objects.filter(change=change).order_by("pk")
    last = rows.values_list("pk", flat=True)[limit - 1 : limit].first()
    if last is not None:
        rows.filter(pk__gt=last).delete()
    return rows.count()


def run_workers(url, sink, workers, batch, total):
    """W deliver_outbox processes until the outbox is empty; samples each one's resident memory."""
    env = {**os.environ, "DATABASE_URL": url, "EMAIL_URL": sink.url, "DJANGO_SETTINGS_MODULE": "bilateral.settings.bench"}
    command = [sys.executable, "manage.py", "deliver_outbox", "-v0", "--drain", "--idle", "0.2", "--batch", str(batch)]
    sink.reset()
    started = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=BASE_DIR, env=env) for _ in range(workers)]
    peak = {process.pid: 0.0 for process in processes}
    at_tenth = {}
    while any(process.poll() is None for process in processes):
        for process in processes:
            rss = rss_mb(process.pid) if process.poll() is None else None
            if rss:
                peak[process.pid] = max(peak[process.pid], rss)
        if not at_tenth and sink.count.value >= total / 10:
            at_tenth = dict(peak)
        time.sleep(0.1)
    wall = time.perf_counter() - started
    codes = [process.returncode for process in processes]
    steady = (sink.last.value - sink.first.value) or wall
    return wall, steady, codes, at_tenth, peak


def sample_parts(change):
    """One of our alerts, rendered as the workers render it, for the baseline to build messages from."""
    from bilateral.subscriptions.emails import Renderer
    from bilateral.subscriptions.outbox_models import OutboxMessage

    row = OutboxMessage.objects.filter(change=change).select_related("subscriber", "change").first()
    message = Renderer().message(row)
    return message.subject, message.body, message.alternatives[0][0], message.from_email


def plain_smtplib_loop(sink, count, parts):
    """Build each message with the standard library (headers, text and HTML parts) and send it."""
    subject, text, html, sender = parts
    sink.reset()
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", sink.port) as smtp:
        for index in range(count):
            message = EmailMessage()
            message["Subject"], message["From"] = subject, sender
            message["To"] = f"skaitytojas{index:07d}@demo.example.com"
            message["Date"], message["Message-ID"] = formatdate(localtime=True), make_msgid(domain="localhost")
            message.set_content(text)
            message.add_alternative(html, subtype="html")
            smtp.send_message(message)
    return time.perf_counter() - started


def main():
    args = parse_args()
    url = database_url(args.database_url)
    sink = SinkProcess()
    try:
        setup_django(url, EMAIL_URL=sink.url)
        clear_outbox()
        change = publish_change()
        reached, elapsed, queries, peak = measure_fan_out(change, args.fanout_batch)
        print(f"fan-out: {reached:,} rows in {elapsed:.2f} s ({reached / elapsed:,.0f} rows/s), {queries} queries, "
              f"peak Python memory {peak / 1e6:.1f} MB")
        total = keep_only_first(args.limit, change) if args.limit else reached
        parts = sample_parts(change)

        from django.db import connections

        connections.close_all()
        wall, steady, codes, at_tenth, peak_rss = run_workers(url, sink, args.workers, args.batch, total)
        delivered = sink.count.value
        rate = delivered / wall
        print(f"outbox delivery: {delivered:,} of {total:,} emails by {args.workers} deliver_outbox processes "
              f"(--batch {args.batch}) in {wall:.1f} s = {rate:,.0f}/s (exit codes {codes}; start-up included; "
              f"first to last message {delivered / steady:,.0f}/s)")
        tenth = [round(value, 1) for value in at_tenth.values()]
        peaks = [round(value, 1) for value in peak_rss.values()]
        print(f"worker resident memory (MB): at {total // 10:,} sent {tenth}, peak over all {total:,} {peaks}")

        baseline = plain_smtplib_loop(sink, total, parts)
        base_rate = total / baseline
        print(f"plain smtplib loop: {sink.count.value:,} messages built and sent over one connection in "
              f"{baseline:.1f} s = {base_rate:,.0f}/s")
        ratio = rate / base_rate
        print(f"outbox / plain smtplib: {ratio:.2f}× (target ≥ {TARGET}×)")
        result(
            subscribers=reached, delivered=delivered, workers=args.workers, batch=args.batch,
            fanout_seconds=round(elapsed, 2), fanout_queries=queries, fanout_peak_python_mb=round(peak / 1e6, 1),
            outbox_rate=round(rate, 1), plain_rate=round(base_rate, 1), ratio=round(ratio, 3), target=TARGET,
            worker_rss_mb_at_tenth=tenth, worker_rss_mb_peak=peaks, exit_codes=codes,
            passed=ratio >= TARGET and delivered == total and codes == [0] * args.workers,
        )
    finally:
        sink.stop()


if __name__ == "__main__":
    main()
