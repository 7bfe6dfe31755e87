#!/usr/bin/env python
"""Benchmark of the subscriptions pipeline (not a test): fan-out of one change to N subscribers, then
delivery by W `deliver_outbox` processes into an aiosmtpd sink, against a plain smtplib loop that
sends the same number of pre-rendered messages over one connection.

    .venv/bin/python bench/fanout.py                          # 100,000 subscribers, fresh SQLite file
    .venv/bin/python bench/fanout.py --subscribers 20000 --workers 4 \\
        --database-url postgres://postgres@127.0.0.1:5432/bilateral_bench   # an EMPTY scratch database

It prints wall times, rates, the fan-out's queries and its peak Python memory (tracemalloc), which
should stay flat as N grows: subscribers are read in keyset batches, never all at once.
"""

import argparse
import os
import resource
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--batch", type=int, default=200, help="deliver_outbox --batch")
    parser.add_argument("--fanout-batch", type=int, default=1000)
    parser.add_argument("--database-url", help="an empty scratch database (default: a new SQLite file)")
    return parser.parse_args()


class Sink:
    """Counts what it accepts and throws it away (so the sink is not what we measure)."""

    def __init__(self):
        self.count = 0
        self.bytes = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            self.bytes += len(envelope.original_content or b"")
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_django(database_url, email_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["EMAIL_URL"] = email_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bilateral.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from bilateral.pages.seed import load_seed

    load_seed(report=lambda message: None)


def create_subscribers(count):
    from django.utils import timezone

    from bilateral.subscriptions.models import IMMEDIATE, SITE, Subscriber, Subscription

    now = timezone.now()
    for start in range(0, count, 5000):
        subscribers = Subscriber.objects.bulk_create(
            [Subscriber(email=f"bench{i}@example.com", confirmed_at=now) for i in range(start, min(count, start + 5000))]
        )
        Subscription.objects.bulk_create(
            [Subscription(subscriber=s, scope=SITE, frequency=IMMEDIATE, confirmed_at=now) for s in subscribers]
        )


def publish_change():
    from bilateral.pages.models import MajorChange, SectionPage

    page = SectionPage.objects.get(slug="politinis-bendradarbiavimas")
    page.change_kind, page.change_note = "major", "Lyginamasis bandymas"
    revision = page.save_revision()
    revision.publish()  # nobody follows yet: the real fan-out task finds no one
    return MajorChange.objects.get(revision=revision)


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


def run_workers(database_url, email_url, workers, batch):
    env = {**os.environ, "DATABASE_URL": database_url, "EMAIL_URL": email_url,
           "DJANGO_SETTINGS_MODULE": "bilateral.settings.test"}
    command = [sys.executable, "manage.py", "deliver_outbox", "-v0", "--drain", "--idle", "0.5", "--batch", str(batch)]
    started = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=BASE_DIR, env=env) for _ in range(workers)]
    codes = [process.wait() for process in processes]
    return time.perf_counter() - started, codes


def sample_message_bytes(change):
    """One of our alert emails, rendered as the workers render it, for the smtplib baseline."""
    from bilateral.subscriptions.emails import Renderer
    from bilateral.subscriptions.outbox_models import OutboxMessage

    row = OutboxMessage.objects.filter(change=change).select_related("subscriber", "change__page").first()
    return Renderer().message(row).message().as_bytes(linesep="\r\n")


def plain_smtplib_loop(port, count, payload):
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for index in range(count):
            smtp.sendmail("noreply@localhost", [f"bench{index}@example.com"], payload)
    return time.perf_counter() - started


def main():
    args = parse_args()
    from aiosmtpd.controller import Controller

    scratch = tempfile.mkdtemp(prefix="bilateral-bench-")
    database_url = args.database_url or f"sqlite:///{scratch}/bench.sqlite3"
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    email_url = f"smtp://127.0.0.1:{port}"
    try:
        setup_django(database_url, email_url)
        change = publish_change()
        started = time.perf_counter()
        create_subscribers(args.subscribers)
        print(f"subscribers created: {args.subscribers:,} in {time.perf_counter() - started:.1f} s")

        reached, elapsed, queries, peak = measure_fan_out(change, args.fanout_batch)
        print(f"fan-out: {reached:,} rows in {elapsed:.2f} s ({reached / elapsed:,.0f} rows/s), "
              f"{queries} queries, peak Python memory {peak / 1e6:.1f} MB, "
              f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        payload = sample_message_bytes(change)

        from django.db import connections

        connections.close_all()  # SQLite: let the workers have the file
        wall, codes = run_workers(database_url, email_url, args.workers, args.batch)
        delivered = sink.count
        print(f"outbox delivery: {delivered:,} emails by {args.workers} deliver_outbox processes in {wall:.1f} s "
              f"({delivered / wall:,.0f}/s, exit codes {codes}, process start-up included)")

        before = sink.count
        baseline = plain_smtplib_loop(port, args.subscribers, payload)
        print(f"plain smtplib loop: {sink.count - before:,} pre-rendered emails over one connection in "
              f"{baseline:.1f} s ({args.subscribers / baseline:,.0f}/s) — no rendering, no bookkeeping, no retries")
        print(f"outbox / plain time: {wall / baseline:.1f}×")
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
