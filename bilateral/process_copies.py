"""Rows that every page render reads and that rarely change (the sites and their root pages, the
countries, the footer's links), kept in each process's memory while one version in the shared cache
stays the same: a render then reads that short version instead of asking the database for them.

Multi-process safety: whatever changes such rows (a Site, Locale, Country, site root page, general
page, page move; each app connects its own signals to `changed`) writes a new version into the
shared cache, now and again when the transaction commits (as the content generation does), so every
other process drops its copies at its next request. A process reads the version once per request
(request_started forgets it) and before it loads any rows, so a copy is never labelled with a
version newer than the rows it holds; rows loaded between the two writes (the old ones, before the
commit) are dropped at the second. A write that sends no signal (QuerySet.update(), raw SQL) is not
seen until the next version, as with the content generation. When the shared cache cannot be reached
(no version), nothing is kept: every read goes to the database, as it did without copies.

A version read less than APP_CACHE_STATE_SECONDS ago (1 s in production, 0 in the tests) is used
without asking the shared cache again, as the pages' content state is (caching/state_memory.py):
another process's change then shows here within that window, which the proxy's purges wait out. A
refresh through the proxy (X-Bilateral-Refreshing: 1, set by nginx only with the refresh secret)
always reads it afresh, since its answer replaces the proxy's copy.
"""

import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

KEY = "bilateral:process-copies"
TIMEOUT = 60 * 60 * 24 * 365  # kept far longer than any process; if lost, a new version starts
UNREAD = object()


class Copies:
    """The copies of one version; replaced whole when the version changes."""

    def __init__(self, version):
        self.version = version
        self.values = {}


_copies = Copies(None)
_request = threading.local()  # the version this thread's request read (UNREAD: not yet)
_recent = [None, 0.0]  # the version last read in this process, and until when (time.monotonic()) to trust it
REFRESHING_HEADER = "HTTP_X_BILATERAL_REFRESHING"


def new_version():
    return uuid.uuid4().hex


def read_version():
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, new_version(), TIMEOUT)
        version = cache.get(KEY)
    return version


def current_version():
    """The shared version: in a request read once (the request's rows come from one state), and not
    again within the window (see the module's docstring); outside one (commands, tasks, tests without
    a client) read each time."""
    if not getattr(_request, "active", False):
        return read_version()
    if _request.version is UNREAD:
        _request.version = recent_version() if not _request.refreshing else None
        if _request.version is None:
            _request.version = read_version_now()
    return _request.version


def recent_version():
    version, until = _recent
    return version if time.monotonic() < until else None


def read_version_now():
    window = getattr(settings, "APP_CACHE_STATE_SECONDS", 0)
    read_at = time.monotonic()
    version = read_version()
    _recent[:] = [version, read_at + window] if version is not None and window > 0 else [None, 0.0]
    return version


def process_copy(name, load):
    """load()'s answer, loaded once per version in this process (a shared object: read it, never
    change it); load() itself when there is no version."""
    global _copies
    version = current_version()
    if version is None:
        return load()
    copies = _copies
    if copies.version != version:
        copies = _copies = Copies(version)
    try:
        return copies.values[name]
    except KeyError:
        value = copies.values[name] = load()
        return value


def set_new_version():
    cache.set(KEY, new_version(), TIMEOUT)
    forget()


def changed(sender=None, **kwargs):
    """A signal receiver: the copied rows may have changed. A new version now and on commit."""
    set_new_version()
    transaction.on_commit(set_new_version)


def forget():
    """This process's copies and its request's version (tests; a change made by this process)."""
    global _copies
    _copies = Copies(None)
    _recent[:] = [None, 0.0]
    if getattr(_request, "active", False):
        _request.version = UNREAD


def request_began(environ=None, **kwargs):
    _request.active = True
    _request.version = UNREAD
    _request.refreshing = (environ or {}).get(REFRESHING_HEADER) == "1"


def request_ended(**kwargs):
    _request.active = False
    _request.version = UNREAD


def connect():
    request_started.connect(request_began, dispatch_uid="process_copies.started")
    request_finished.connect(request_ended, dispatch_uid="process_copies.finished")
