"""Redis going away: pages, API, search and the subscription form are still served (the cache
degrades to misses); a captcha answer is refused with "try again later" because it cannot be
recorded as used; when Redis returns, the cache and the captcha's replay protection work again.

The Redis is a private redis-server started for this test, killed with SIGKILL mid-test."""

import logging

import pytest
from django.core.cache import cache, caches
from django.utils import translation
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from bilateral.operations.cache import OncePerInterval
from bilateral.operations.cache import logger as cache_logger

from bilateral.settings.base import cache_settings
from bilateral.subscriptions import ratelimit
from bilateral.subscriptions.forms import CAPTCHA_MESSAGES
from bilateral.subscriptions.models import Subscriber
from tests.subscriptions.helpers import CAPTCHA_URL, SUBSCRIBE_URL, error_summary, form_data, solve, text

READER_PAGES = [
    "/",
    "/salys/",
    "/salys/baltarusija/",
    "/salys/baltarusija/politinis-bendradarbiavimas/",
    "/salys/baltarusija/politinis-bendradarbiavimas/istorija/",
    "/en/",
    "/api/countries",
    "/api/pages",
    "/paieska/?q=sienos",
    "/atnaujinimai.atom",
    SUBSCRIBE_URL,
    "/prenumerata/captcha/",
]


@pytest.fixture
def redis_cache(settings, redis_server):
    """The caches as production builds them from REDIS_URL, on our private Redis."""
    settings.CACHES = cache_settings(redis_server.url)
    yield redis_server
    settings.CACHES = cache_settings(redis_server.url)  # closes the clients before the server is killed


def captcha(client):
    """A fresh answer to a challenge from our endpoint, as the widget makes it."""
    response = client.get(CAPTCHA_URL)
    assert response.status_code == 200
    return solve(response.json())


def unavailable_message():
    with translation.override("lt"):
        return str(CAPTCHA_MESSAGES["unavailable"])


def test_the_settings_degrade_the_shared_cache_but_not_the_captcha_store(redis_cache):
    assert all(type(caches[alias]) is RedisCache for alias in ("default", "captcha"))  # django-redis
    assert caches["default"]._ignore_exceptions
    assert not caches["captcha"]._ignore_exceptions  # strict: an error must reach the form


def test_the_shared_cache_logs_an_outage_once_a_minute_not_every_call(redis_cache, caplog):
    redis_cache.kill()
    cache_filter = next(found for found in cache_logger.filters if isinstance(found, OncePerInterval))
    cache_filter.last_passed = float("-inf")  # as if the last record were more than a minute ago
    with caplog.at_level(logging.ERROR, logger=cache_logger.name):
        for number in range(5):
            assert cache.get(f"probe-{number}") is None
            cache.set(f"probe-{number}", number)
    ignored = [record for record in caplog.records if record.name == cache_logger.name]
    assert len(ignored) == 1
    assert isinstance(ignored[0].exc_info[1], ConnectionInterrupted)  # with its traceback
    assert "Connection refused" in str(ignored[0].exc_info[1])
    with pytest.raises(RedisError):  # the strict store still raises
        caches["captcha"].add("probe", 1)


@pytest.mark.django_db
def test_with_redis_down_the_site_is_served_and_the_captcha_asks_to_come_back(client, seeded, redis_cache, smtp_server):
    cache.set("probe", "up")
    assert cache.get("probe") == "up"
    answer_before_outage = captcha(client)

    redis_cache.kill()
    assert cache.get("probe") is None  # a miss, not an exception
    cache.set("probe", "down")  # dropped, not an exception
    assert cache.get_or_set("other", 1) == 1
    for path in READER_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path

    refused = client.post(SUBSCRIBE_URL, form_data(seeded, client, captcha=answer_before_outage))
    assert refused.status_code == 400
    assert unavailable_message() in text(refused)
    assert error_summary(refused) == [unavailable_message()]
    assert not Subscriber.objects.exists() and not smtp_server.messages
    bad_input = client.post(SUBSCRIBE_URL, form_data(seeded, client, email="ne adresas", captcha=captcha(client)))
    assert bad_input.status_code == 400
    # Rate limits fail open (ratelimit.py says why): no "too many" for readers while Redis is away.
    assert all(ratelimit.allow("email", "skaitytojas@example.lt") for _ in range(10))

    redis_cache.start()  # the same port: the clients reconnect by themselves
    cache.set("probe", "back")
    assert cache.get("probe") == "back"
    accepted = client.post(SUBSCRIBE_URL, form_data(seeded, client, captcha=answer_before_outage))
    assert accepted.status_code == 302
    assert Subscriber.objects.filter(email="skaitytojas@example.lt").exists()
    assert len(smtp_server.to("skaitytojas@example.lt")) == 1
    replayed = client.post(SUBSCRIBE_URL, form_data(seeded, client, captcha=answer_before_outage))
    assert replayed.status_code == 400  # replay protection is back
    with translation.override("lt"):
        assert error_summary(replayed) == [str(CAPTCHA_MESSAGES["replayed"])]


@pytest.mark.django_db
def test_rate_limits_count_again_once_redis_is_back(redis_cache):
    redis_cache.kill()
    assert ratelimit.allow("email", "kartojasi@example.lt")
    redis_cache.start()
    limit, _window = ratelimit.limits()["email"]
    answers = [ratelimit.allow("email", "kartojasi@example.lt") for _ in range(limit + 1)]
    assert answers == [True] * limit + [False]
