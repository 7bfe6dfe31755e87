"""Calling Django's WSGI application itself in a test (as gunicorn does), not through the test client."""

from contextlib import contextmanager

from django.core import signals
from django.db import close_old_connections


@contextmanager
def connections_kept_open():
    """Requests answered inside the test's transaction. As Django's test client does, the connection
    is kept across requests: closing it at the end of a request (PostgreSQL, inside the test's atomic
    block) would lose the test's data."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)
