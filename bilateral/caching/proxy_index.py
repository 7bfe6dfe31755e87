"""The addresses the caching proxy holds, by scope (scopes.py), recorded as they leave the app.

nginx keys its cache by the address as the reader sent it ($request_uri). When a response the proxy
may keep leaves the app, its address is added to its scope's sorted set in the shared Redis
(`bilateral:proxy-index:<scope>`, scored by time): a publication then purges exactly the addresses
of the scopes it changed (cache_purge.py), every `?as_of=`, language and feed variant included,
without the proxy ever listing or walking its cache.

Bounded: each scope keeps its newest INDEX_MAX_PER_SCOPE addresses (older ones are dropped from the
index, and leave the proxy with their lifetime, a day at most) and expires INDEX_TIMEOUT after its
last write (longer than the proxy keeps anything). The set of scopes is itself one sorted set.
Each process remembers what it recorded in the last RECORD_AGAIN_AFTER seconds, so a warm page costs
no write. Without Redis (REDIS_URL unset) or while it is down nothing is recorded and a publication
purges the canonical addresses only (logged once a minute).
"""

import logging
import time

from django.conf import settings
from django.utils.cache import cc_delim_re

from .scopes import scope_of

logger = logging.getLogger(__name__)

KEY_PREFIX = "bilateral:proxy-index:"
SCOPES_KEY = "bilateral:proxy-index-scopes"
INDEX_TIMEOUT = 60 * 60 * 24 * 2
RECORD_AGAIN_AFTER = 600
MEMORY_LIMIT = 50_000
# The proxy keeps these statuses (deploy/nginx/proxy.conf: proxy_cache_valid).
KEPT_STATUSES = {200, 301, 302, 404, 410}
NEVER_KEPT = ("private", "no-store", "no-cache")

_recorded = {}
_last_error = [0.0]


def max_per_scope():
    return getattr(settings, "PROXY_INDEX_MAX_PER_SCOPE", 100_000)


def redis_client():
    """The raw client of the shared cache when it is django-redis, else None."""
    if "django_redis" not in settings.CACHES.get("default", {}).get("BACKEND", ""):
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def log_unavailable(error):
    now = time.monotonic()
    if now - _last_error[0] > 60:
        _last_error[0] = now
        logger.error("The proxy's address index is unavailable: %s", error)


def kept_by_proxy(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code not in KEPT_STATUSES:
        return False
    if response.cookies or getattr(response, "streaming", False):
        return False
    directives = {part.strip().split("=")[0].lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & set(NEVER_KEPT)


def address_as_sent(request):
    """The proxy's key: the address as the reader sent it (gunicorn's RAW_URI), else Django's."""
    return request.META.get("RAW_URI") or request.get_full_path()


def recorded_lately(address, now):
    return now - _recorded.get(address, 0) < RECORD_AGAIN_AFTER


def record(request, address, now):
    """The address the proxy may keep, in its scope's index (the caller checked recorded_lately)."""
    client = redis_client()
    if client is None:
        return
    scope = scope_of(request.path_info)
    key = KEY_PREFIX + scope
    try:
        pipe = client.pipeline(transaction=False)
        pipe.zadd(key, {address: now})
        pipe.zremrangebyrank(key, 0, -max_per_scope() - 1)
        pipe.expire(key, INDEX_TIMEOUT)
        pipe.zadd(SCOPES_KEY, {scope: now})
        pipe.expire(SCOPES_KEY, INDEX_TIMEOUT)
        pipe.execute()
    except Exception as error:  # redis.RedisError, OSError: pages are served all the same
        log_unavailable(error)
        return
    if len(_recorded) >= MEMORY_LIMIT:
        _recorded.clear()
    _recorded[address] = now


def forget_recorded():
    """Tests: what this process recorded is written again."""
    _recorded.clear()


def addresses_in(scopes):
    """The recorded addresses of these scopes, or None when the index cannot be read."""
    client = redis_client()
    if client is None:
        return None
    try:
        pipe = client.pipeline(transaction=False)
        for scope in scopes:
            pipe.zrange(KEY_PREFIX + scope, 0, -1)
        found = pipe.execute()
    except Exception as error:
        log_unavailable(error)
        return None
    return {member.decode() if isinstance(member, bytes) else member for members in found for member in members}


def all_scopes():
    """Every scope with recorded addresses (a change that shows on every page), or None."""
    client = redis_client()
    if client is None:
        return None
    try:
        members = client.zrange(SCOPES_KEY, 0, -1)
    except Exception as error:
        log_unavailable(error)
        return None
    return {member.decode() if isinstance(member, bytes) else member for member in members}


class ProxyIndexMiddleware:
    """Outermost of the caching middleware: sees every response the proxy may keep, including those
    the app's own cache answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        address, now = address_as_sent(request), time.time()
        # Recorded lately (a warm page): nothing to read in the response either.
        if not recorded_lately(address, now) and kept_by_proxy(request, response):
            record(request, address, now)
        return response
