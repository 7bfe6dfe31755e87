"""Fixed-window counters in the shared cache: every process sees the same counts."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from bilateral.http import client_ip

# (limit, window in seconds); override with SUBSCRIPTIONS_RATE_LIMITS in settings.
# "challenge": captcha challenges fetched by one client (each costs us a PBKDF2 derivation).
DEFAULT_LIMITS = {"email": (3, 24 * 3600), "address": (10, 3600), "challenge": (30, 60)}


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
    if count is None:
        # Redis is away (the degrading cache answers None, operations/cache.py): fail open, counting
        # is impossible. A subscription still cannot get through unchecked: its captcha answer must
        # be recorded in the same Redis and is refused while it is down (forms.ReplayCheckedAltchaField),
        # so no confirmation email can be sent in bulk. Failing closed would tell every genuine reader
        # "too many requests", which is untrue.
        return True
    return count <= limit


def allow_client(kind, request):
    """Count one use by the request's client: its address as our trusted proxies report it."""
    return allow(kind, client_ip(request) or "-")

