"""Fixed-window counters in the shared cache: every process sees the same counts."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

# (limit, window in seconds); override with SUBSCRIPTIONS_RATE_LIMITS in settings.
DEFAULT_LIMITS = {"email": (3, 24 * 3600), "address": (10, 3600)}


def limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "SUBSCRIPTIONS_RATE_LIMITS", {})}


def _key(kind, value, window):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"subscriptions:rate:{kind}:{digest}:{int(time.time()) // window}"


def allow(kind, value):
    """Count one use of `value` (an email or a client address); False once over the limit."""
    limit, window = limits()[kind]
    key = _key(kind, value, window)
    # add() creates the counter only if absent; incr() then counts (atomically on Redis).
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit
