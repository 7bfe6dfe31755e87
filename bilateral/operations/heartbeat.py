"""Heartbeats of the background processes, kept in the shared cache for /readyz to read.

The scheduler beats on every tick and queues a tiny task; the worker beats when it runs it. So the
worker's heartbeat says what matters: a queued task is picked up and run, not merely that a process
exists.
"""

import datetime

from django.core.cache import caches
from django.utils import timezone
from django_tasks import task

SCHEDULER, WORKER = "scheduler", "worker"
# Long after any threshold: a missing key then means "never beat", not "expired".
KEPT_SECONDS = 7 * 24 * 3600


def heartbeat_key(name):
    return f"bilateral:heartbeat:{name}"


def beat(name):
    caches["default"].set(heartbeat_key(name), timezone.now().timestamp(), KEPT_SECONDS)


def last_beat(name):
    stamp = caches["default"].get(heartbeat_key(name))
    return None if stamp is None else datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc)


@task()
def worker_heartbeat_task():
    beat(WORKER)


def scheduler_heartbeat():
    """Called on each scheduler tick."""
    beat(SCHEDULER)
    worker_heartbeat_task.enqueue()
