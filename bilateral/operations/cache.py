"""The shared Redis cache, degraded rather than failing when Redis is away.

Pages, the API and search only use the cache to go faster, so a Redis outage must cost speed, not
answers: reads miss, writes are dropped, and Redis is tried again on the next call (redis-py
reconnects by itself). What needs the cache to be right uses its own strict alias instead (the
captcha's replay store, see subscriptions/forms.py) or decides explicitly (rate limits).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# One warning per process per interval: a page makes several cache calls, an outage lasts minutes.
WARNING_INTERVAL_SECONDS = 60


class CacheUnavailable(ValueError):
    """incr() on an unreachable cache. A ValueError, as Django raises for a missing key, so callers
    that only know the cache API treat it as a miss; callers that care can catch it by name."""


class DegradingRedisCache(RedisCache):
    _last_warning = float("-inf")

    def _degraded(self, operation, error, result):
        now = time.monotonic()
        if now - DegradingRedisCache._last_warning >= WARNING_INTERVAL_SECONDS:
            DegradingRedisCache._last_warning = now
            logger.warning("Redis cache unavailable (%s: %s); serving without it", operation, error)
        return result

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            return self._degraded("get", error, default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            return self._degraded("get_many", error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            return self._degraded("has_key", error, False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            return self._degraded("add", error, False)  # nothing was stored

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            self._degraded("set", error, None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            return self._degraded("set_many", error, list(data))  # the keys that were not stored

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            return self._degraded("touch", error, False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            return self._degraded("delete", error, False)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            self._degraded("delete_many", error, None)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            self._degraded("incr", error, None)
            raise CacheUnavailable(str(error)) from error

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            return self._degraded("clear", error, False)
