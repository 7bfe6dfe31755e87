"""Unsubscribes that arrive while the database is down: kept in a durable journal, applied once it is back.

Mail providers do not retry a one-click unsubscribe (RFC 8058), so an answer "try again later" loses
it. Instead the request is written to the shared Redis (a list, when REDIS_URL is set and Redis
answers) or, failing that, to a spool directory on the local disk (one file per request, written
atomically and fsync'ed), and the reader is told it will take effect shortly.

`drain()` applies what the journal holds (the scheduler calls it every minute, `manage.py
drain_unsubscribes` on demand). An entry is removed only after its change committed; a drain that
dies in between leaves the entry, and the next drain applies it again, which is harmless: applying
an entry removes only subscriptions the reader had asked for before the unsubscribe, so a reader who
subscribed again since is not unsubscribed twice. The token is checked when the request comes in (its
signature needs no database) and fully, as the view does, when the entry is applied.
"""

import json
import logging
import os
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import redis
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Subscriber
from .tokens import MANAGE, UNSUBSCRIBE, ExpiredToken, InvalidToken, read_token

logger = logging.getLogger(__name__)

APPLIED, GONE, REJECTED = "applied", "gone", "rejected"
# The links whose use is journaled: the one-click unsubscribe and the manage page.
PURPOSES = (UNSUBSCRIBE, MANAGE)
# A spool file being written by a process that died before renaming it: the request was never
# answered 202, so nobody is owed it; swept after this long.
STALE_PARTIAL_SECONDS = 3600


@dataclass(frozen=True)
class Entry:
    """One accepted unsubscribe: which link (purpose and token) and when it was asked for."""

    id: str
    purpose: str
    token: str
    at: str

    @classmethod
    def new(cls, purpose, token):
        return cls(id=uuid.uuid4().hex, purpose=purpose, token=token, at=timezone.now().isoformat())

    def dumps(self):
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def loads(cls, text):
        """The entry, or None for text that is not one (nothing we wrote looks like that)."""
        try:
            data = json.loads(text)
            entry = cls(**{field: str(data[field]) for field in ("id", "purpose", "token", "at")})
            entry.requested_at()
        except (ValueError, TypeError, KeyError):
            return None
        return entry

    def requested_at(self):
        return datetime.fromisoformat(self.at)


class RedisJournal:
    """A Redis list, oldest first; an entry is its JSON text, unique by its id."""

    name = "redis"

    def __init__(self, url, key):
        self.url, self.key = url, key

    def client(self):
        # Short timeouts: a Redis that does not answer must not hold up the reader's answer.
        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=1)

    def append(self, entry):
        with self.client() as client:
            client.rpush(self.key, entry.dumps())

    def pending(self, limit):
        with self.client() as client:
            return [(raw, Entry.loads(raw)) for raw in client.lrange(self.key, 0, limit - 1)]

    def remove(self, raw):
        with self.client() as client:
            client.lrem(self.key, 1, raw)

    def __len__(self):
        with self.client() as client:
            return client.llen(self.key)


class SpoolJournal:
    """A directory with one file per entry, named by time so that a listing is oldest first."""

    name = "spool"

    def __init__(self, directory):
        self.directory = Path(directory)

    def append(self, entry):
        """Written under a hidden name, fsync'ed, then renamed: a file with an entry's name is whole."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = self.directory / f".{entry.id}.partial"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, entry.dumps().encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.rename(partial, self.directory / f"{time.time_ns():020d}-{entry.id}.json")
        self.sync_directory()

    def sync_directory(self):
        """The rename (or unlink) itself survives a power cut only once the directory is synced."""
        descriptor = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def files(self):
        return sorted(self.directory.glob("*.json")) if self.directory.is_dir() else []

    def pending(self, limit):
        entries = []
        for path in self.files()[:limit]:
            try:
                entries.append((path, Entry.loads(path.read_text())))
            except FileNotFoundError:  # another drain removed it meanwhile
                continue
        self.sweep_partials()
        return entries

    def remove(self, path):
        path.unlink(missing_ok=True)
        self.sync_directory()

    def sweep_partials(self):
        cutoff = time.time() - STALE_PARTIAL_SECONDS
        for partial in self.directory.glob(".*.partial"):
            try:
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
            except FileNotFoundError:
                continue

    def __len__(self):
        return len(self.files())


def redis_journal():
    """The Redis journal when REDIS_URL is set, else None."""
    if not settings.REDIS_URL:
        return None
    return RedisJournal(settings.REDIS_URL, settings.SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY)


def spool_journal():
    return SpoolJournal(settings.SUBSCRIPTIONS_UNSUBSCRIBE_SPOOL_DIR)


def journals():
    """Every journal a drain empties: Redis (when configured) and this machine's spool."""
    return [journal for journal in (redis_journal(), spool_journal()) if journal is not None]


def check_token(purpose, token):
    """Raises InvalidToken for a link we did not sign, so a forged one is never journaled.

    Only the signature is checked: it needs no database. Whether the subscriber still exists and
    the link is still theirs is checked when the entry is applied."""
    read_token(purpose, token)


def record(purpose, token):
    """Journal an unsubscribe whose token is genuine; returns the journal's name ("redis" or "spool").

    Raises InvalidToken for a forged link, and OSError when neither Redis nor the disk took it."""
    check_token(purpose, token)
    entry = Entry.new(purpose, token)
    journal = redis_journal()
    if journal is not None:
        try:
            journal.append(entry)
            return journal.name
        except redis.RedisError:
            logger.warning("Redis did not take an unsubscribe; writing it to the spool directory", exc_info=True)
    journal = spool_journal()
    journal.append(entry)
    return journal.name


def subscriber_named_by(entry):
    """The subscriber the entry's link names (None when gone); raises InvalidToken, as the view does."""
    from .views import subscriber_from  # the views import this module's hooks

    try:
        return subscriber_from(entry.purpose, entry.token)
    except ExpiredToken:
        # The link was checked when the reader used it; an outage longer than its remaining life
        # must not drop the unsubscribe: its age counts up to the moment of the request.
        waited = (timezone.now() - entry.requested_at()).total_seconds()
        key = read_token(entry.purpose, entry.token, grace=waited).get("k")
        return Subscriber.objects.filter(link_key=key).first() if key else None


def apply(entry):
    """Unsubscribe the entry's subscriber from what they had asked for until the moment of the request.

    What they asked for or confirmed after it (a new subscription once the site was back) stays:
    that keeps a second application of the same entry harmless."""
    if entry is None or entry.purpose not in PURPOSES:
        return REJECTED
    try:
        subscriber = subscriber_named_by(entry)
    except InvalidToken:
        logger.warning("Journal entry %s has a link we did not sign; dropped", entry.id)
        return REJECTED
    if subscriber is None:
        return GONE
    at = entry.requested_at()
    asked_after = Q(created_at__gt=at) | Q(requested_at__gt=at) | Q(confirmed_at__gt=at)
    with transaction.atomic():
        # The row lock orders this against anything else changing the reader's subscriptions (an erasure).
        locked = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
        if locked is None:
            return GONE
        locked.subscriptions.exclude(asked_after).delete()
    return APPLIED


def drain(limit=1000):
    """Apply and remove what every journal holds; returns a Counter of outcomes.

    A database error propagates (the entry stays for the next drain); a Redis that is down is
    skipped, so the spool is still drained."""
    outcomes = Counter()
    for journal in journals():
        try:
            pending = journal.pending(limit)
        except redis.RedisError:
            logger.warning("Redis unavailable; its unsubscribe journal waits for the next drain", exc_info=True)
            continue
        for reference, entry in pending:
            outcome = apply(entry)
            try:
                journal.remove(reference)
            except redis.RedisError:
                logger.warning("Applied entry could not be removed from Redis; it will be applied again harmlessly")
            outcomes[outcome] += 1
    if outcomes:
        logger.info("Unsubscribe journal drained: %s", dict(outcomes))
    return outcomes
