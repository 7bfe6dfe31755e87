"""The addresses the caching proxy holds, by scope (scopes.py), recorded as they leave the app.

nginx keys its cache by the address as the reader sent it ($request_uri). When a response the proxy
may keep leaves the app, its address is added to its scope's sorted set in the shared Redis
(`bilateral:proxy-index:<scope>`, scored by time): a publication then purges exactly the addresses
of the scopes it changed (cache_purge.py), every `?as_of=`, language and feed variant included,
without the proxy ever listing or walking its cache.

Bounded: each scope keeps its newest INDEX_MAX_PER_SCOPE addresses (older ones are dropped from the
index, and leave the proxy with their lifetime, a day at most) and expires INDEX_TIMEOUT after its
last write (longer than the proxy keeps anything). The set of scopes is itself one sorted set.
A purged address leaves the index (forget_purged): the proxy no longer holds it, and the next
publication need not purge it again; it is recorded anew when a reader's request brings it back.
Each process remembers what it recorded for APP_CACHE_STATE_SECONDS (record_again_after), so a warm
page costs no write; the purges wait that long after reading the index, so an address fetched again
after its purge is always recorded again. Without Redis (REDIS_URL unset) or while it is down nothing is recorded and a publication
purges the canonical addresses only (logged once a minute).
"""

import logging
import time

from django.conf import settings
from django.utils.cache import cc_delim_re

from .scopes import scope_of
from .state_memory import window

logger = logging.getLogger(__name__)

KEY_PREFIX = "bilateral:proxy-index:"
SCOPES_KEY = "bilateral:proxy-index-scopes"
INDEX_TIMEOUT = 60 * 60 * 24 * 2
MEMORY_LIMIT = 50_000
# The proxy keeps these statuses (deploy/nginx/proxy.conf: proxy_cache_valid).
KEPT_STATUSES = {200, 301, 302, 404, 410}
NEVER_KEPT = ("private", "no-store", "no-cache")

_recorded = {}
_last_error = [0.0]

# Removes each address (ARGV[2…]) from the scope's index if its score, the time it was last recorded,
# is not after ARGV[1]: one recorded again since (fetched again after its purge) stays.
FORGET_SCRIPT = """
local limit = tonumber(ARGV[1])
local removed = 0
for index = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[index])
  if score and tonumber(score) <= limit then
    removed = removed + redis.call('ZREM', KEYS[1], ARGV[index])
  end
end
return removed
"""
FORGET_BATCH = 1000


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


def record_again_after():
    """Seconds a process trusts its memory of what it recorded: the state memory's window (1 s in
    production, 0 in tests), which the purges wait out after reading the index (cache_purge.py)."""
    return window()


def recorded_lately(address, now):
    return now - _recorded.get(address, 0) < record_again_after()


def record(request, address, now):
    """The address the proxy may keep, in its scope's index (the caller checked recorded_lately)."""
    client = redis_client()
    if client is None:  # no index to write: nothing to do again for a while either
        remember_recorded(address, now)
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
    remember_recorded(address, now)


def remember_recorded(address, now):
    if len(_recorded) >= MEMORY_LIMIT:
        _recorded.clear()
    _recorded[address] = now


def forget_recorded():
    """Tests: what this process recorded is written again."""
    _recorded.clear()


def addresses_by_scope(scopes):
    """{scope: its recorded addresses} for these scopes, or None when the index cannot be read."""
    client = redis_client()
    if client is None:
        return None
    scopes = list(scopes)
    try:
        pipe = client.pipeline(transaction=False)
        for scope in scopes:
            pipe.zrange(KEY_PREFIX + scope, 0, -1)
        found = pipe.execute()
    except Exception as error:
        log_unavailable(error)
        return None
    return {scope: {as_text(member) for member in members} for scope, members in zip(scopes, found)}


def addresses_in(scopes):
    """The recorded addresses of these scopes, or None when the index cannot be read."""
    by_scope = addresses_by_scope(scopes)
    if by_scope is None:
        return None
    return set().union(*by_scope.values())


def forget_purged(by_scope, purged, read_at):
    """The purged addresses of by_scope (as addresses_by_scope read it, at `read_at`, time.time())
    leave the index, unless recorded again since. Returns how many left; None if Redis failed."""
    client = redis_client()
    if client is None:
        return None
    removed = 0
    try:
        forget = client.register_script(FORGET_SCRIPT)
        for scope, addresses in by_scope.items():
            gone = sorted(addresses & purged)
            for start in range(0, len(gone), FORGET_BATCH):
                removed += forget(keys=[KEY_PREFIX + scope], args=[repr(read_at), *gone[start:start + FORGET_BATCH]])
    except Exception as error:  # they stay recorded: the next publication purges them once more
        log_unavailable(error)
        return None
    return removed


def as_text(member):
    return member.decode() if isinstance(member, bytes) else member


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
    return {as_text(member) for member in members}


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
