"""The shared Redis cache degrades rather than fails when Redis is away (django-redis with
IGNORE_EXCEPTIONS, settings/base.py cache_settings): pages, the API and search use it only to go
faster, so an outage costs speed, not answers. Reads miss, writes are dropped, incr() gives None, and
redis-py reconnects by itself. What needs the cache to be right uses the strict "captcha" alias (the
captcha's replay store, subscriptions/forms.py) or decides explicitly (rate limits).

django-redis logs each error it ignores, with its traceback, to this module's logger; a page makes
several cache calls and an outage lasts minutes, so only one record a minute per process gets through.
"""

import logging
import time

logger = logging.getLogger(__name__)

WARNING_INTERVAL_SECONDS = 60


class OncePerInterval(logging.Filter):
    """Lets one record through per interval and drops the rest until the interval has passed."""

    def __init__(self, seconds):
        super().__init__()
        self.seconds = seconds
        self.last_passed = float("-inf")

    def filter(self, record):
        now = time.monotonic()
        if now - self.last_passed < self.seconds:
            return False
        self.last_passed = now
        return True


def limit_ignored_error_logging():
    """Called once by the operations app when Django starts (apps.py)."""
    if not any(isinstance(existing, OncePerInterval) for existing in logger.filters):
        logger.addFilter(OncePerInterval(WARNING_INTERVAL_SECONDS))
