"""What the delivery tests share: readers in bulk, a real publish, an SMTP server that can refuse a
recipient, hold sessions or kill a worker, and worker processes on the test database."""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from bilateral.subscriptions.models import COUNTRY, IMMEDIATE, PAGE, SITE, Subscriber, Subscription
from tests.smtp import Collector, SmtpServer

BASE_DIR = Path(__file__).resolve().parents[2]


class ControlledCollector(Collector):
    """Accepts like the shared collector, but can refuse chosen recipients (550), hold each session's
    first MAIL until `gate` sessions wait together, and SIGKILL a worker at its n-th MAIL or DATA."""

    def __init__(self):
        super().__init__()
        self.refused = set()
        self.refusals = []
        self.gate = 0
        self.waiting = set()
        self.opened_together = False
        self.mails = 0
        self.kill_pid = None
        self.kill_at_mail = None
        self.kill_after_data = None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.lock:
            self.mails += 1
            number = self.mails
        if self.kill_pid and number == self.kill_at_mail:
            # The worker is waiting for our answer to MAIL: the previous message was accepted and marked.
            os.kill(self.kill_pid, signal.SIGKILL)
            self.kill_pid = None
            return "421 4.3.0 Going away"
        await self.hold(session)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def hold(self, session):
        if not self.gate or self.opened_together:
            return
        self.waiting.add(id(session))
        deadline = time.monotonic() + 60
        while not self.opened_together and time.monotonic() < deadline:
            if len(self.waiting) >= self.gate:
                self.opened_together = True
            await asyncio.sleep(0.01)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            with self.lock:
                self.refusals.append(address)
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        with self.lock:
            kept = len(self.messages)
        if self.kill_pid and kept == self.kill_after_data:
            # Kept, but the worker dies before it hears 250: the at-least-once window, forced open.
            os.kill(self.kill_pid, signal.SIGKILL)
            self.kill_pid = None
        return answer


@pytest.fixture
def smtp(settings):
    """A real loopback SMTP server with a ControlledCollector; Django's email goes to it."""
    server = SmtpServer()
    server.collector = ControlledCollector()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


def recipients(server):
    return sorted(address for entry in server.messages for address in entry["to"])


def message_ids(server):
    return [entry["message"]["Message-ID"] for entry in server.messages]


def readers(count, *, scope=SITE, frequency=IMMEDIATE, page=None, country_page=None, prefix="reader",
            confirmed=True, language="lt"):
    """`count` subscribers, each with one subscription, written in bulk."""
    now = timezone.now() if confirmed else None
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(email=f"{prefix}{index}@example.com", confirmed_at=now, language=language) for index in range(count)],
        batch_size=1000,
    )
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=subscriber,
                scope=scope,
                page=page if scope == PAGE else None,
                country_page=country_page if scope == COUNTRY else None,
                frequency=frequency,
                confirmed_at=now,
            )
            for subscriber in subscribers
        ],
        batch_size=1000,
    )
    return subscribers


def follow(subscriber, scope, frequency=IMMEDIATE, page=None, country_page=None, confirmed=True):
    return Subscription.objects.create(
        subscriber=subscriber,
        scope=scope,
        page=page if scope == PAGE else None,
        country_page=country_page if scope == COUNTRY else None,
        frequency=frequency,
        confirmed_at=timezone.now() if confirmed else None,
    )


def publish_major(page, note, **fields):
    """Publish through the real path: a major change with its note, as the editor does."""
    from bilateral.pages.models import SectionPage

    page = SectionPage.objects.get(pk=page.pk)
    page.change_kind = "major"
    page.change_note = note
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return revision


class WorkerDatabase:
    """The test database as worker processes see it. PostgreSQL: the test database itself (the test is
    transactional, so its rows are committed). SQLite: the test database lives in memory, so it is
    copied to a file for the workers (push) and copied back for the assertions (pull)."""

    def __init__(self, tmp_path):
        # The cache table outlives each test's flush: counters, spent captchas and stored pages of
        # earlier tests must not reach the processes of this one.
        for alias in caches:
            caches[alias].clear()
        connection.ensure_connection()
        self.vendor = connection.vendor
        settings = connection.settings_dict
        if self.vendor == "postgresql":
            credentials = quote(settings["USER"] or "")
            if settings["PASSWORD"]:
                credentials += ":" + quote(settings["PASSWORD"])
            host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
            self.url = f"postgres://{credentials}@{host}/{settings['NAME']}"
        else:
            self.path = tmp_path / "workers.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def push(self):
        if self.vendor == "sqlite":
            self.path.unlink(missing_ok=True)
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def pull(self):
        if self.vendor == "sqlite":
            source = sqlite3.connect(self.path)
            source.backup(connection.connection)
            source.close()


def start_worker(database, server, *arguments):
    """`manage.py deliver_outbox …` as its own OS process, on the test database and the test SMTP server."""
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_SETTINGS_MODULE": "bilateral.settings.test",
        "EMAIL_URL": server.url,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "deliver_outbox", "-v0", *arguments],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process, timeout=180):
    """Wait for a worker; returns (returncode, stderr)."""
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as timeout_expired:
        process.kill()
        _out, err = process.communicate()
        raise AssertionError(f"worker did not finish in {timeout} s: {err}") from timeout_expired
    return process.returncode, err


def wait_until(condition, timeout=60):
    """Poll until condition() is true (a deadline for a stuck test, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.05)

