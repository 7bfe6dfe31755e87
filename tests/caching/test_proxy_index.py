"""The proxy's address index (bilateral/caching/proxy_index.py) and the scopes (scopes.py), on a
private Redis: what is recorded, under which scope, how it is bounded, and that a Redis outage costs
the index, never the page."""

import time

import pytest
from django.core.cache import cache

from bilateral.caching import proxy_index
from bilateral.caching.scopes import scope_of
from bilateral.settings.base import cache_settings

from .helpers import COUNTRY, EN_SECTION, HOME, SECTION


@pytest.mark.parametrize(
    ("path", "scope"),
    [(SECTION, COUNTRY), (SECTION + "istorija/palyginti/", COUNTRY), (COUNTRY, COUNTRY), ("/salys/", "/salys/"),
     (HOME, "/"), ("/en/", "/en/"), (EN_SECTION, "/en/countries/belarus/"), ("/api/pages", "/api/"),
     ("/atnaujinimai.atom", "/atnaujinimai.atom/"), ("/paieska/", "/paieska/"), ("/en/paieska/", "/en/paieska/")],
)  # fmt: skip
def test_the_scope_of_an_address(path, scope):
    assert scope_of(path) == scope


def test_public_answers_are_recorded_by_scope_as_sent(client, seeded, redis):
    paths = [SECTION, SECTION + "?as_of=2024-01-01", SECTION + "?utm_source=x", COUNTRY, EN_SECTION, "/api/pages?language=en"]
    for path in paths:
        assert client.get(path).status_code == 200
    client.get("/prenumerata/")  # private: never recorded
    assert proxy_index.addresses_in([COUNTRY]) == {SECTION, SECTION + "?as_of=2024-01-01", SECTION + "?utm_source=x", COUNTRY}
    assert proxy_index.addresses_in(["/en/countries/belarus/"]) == {EN_SECTION}
    assert proxy_index.addresses_in(["/api/"]) == {"/api/pages?language=en"}
    assert proxy_index.addresses_in(["/prenumerata/"]) == set()
    assert {COUNTRY, "/api/", "/en/countries/belarus/"} <= proxy_index.all_scopes()


def test_each_scope_keeps_its_newest_addresses_only(client, seeded, redis, settings):
    settings.PROXY_INDEX_MAX_PER_SCOPE = 3
    for day in range(1, 6):
        client.get(f"{SECTION}?as_of=2024-01-0{day}")
    assert proxy_index.addresses_in([COUNTRY]) == {f"{SECTION}?as_of=2024-01-0{day}" for day in (3, 4, 5)}


def test_a_warm_address_is_not_written_again_at_every_request(client, seeded, redis, settings):
    settings.APP_CACHE_STATE_SECONDS = 60  # the window in which a process trusts its own memory
    client.get(SECTION)
    cache.clear()  # the index too: only a new recording could bring the address back
    client.get(SECTION)
    assert proxy_index.addresses_in([COUNTRY]) == set()
    proxy_index.forget_recorded()
    client.get(SECTION)
    assert proxy_index.addresses_in([COUNTRY]) == {SECTION}


def test_purged_addresses_leave_the_index_unless_recorded_again_since(client, seeded, redis):
    variants = [f"{SECTION}?as_of=2024-01-0{day}" for day in (1, 2, 3)]
    for path in variants:
        client.get(path)
    by_scope = proxy_index.addresses_by_scope([COUNTRY, "/api/"])
    assert by_scope == {COUNTRY: set(variants), "/api/": set()}
    read_at = time.time()
    time.sleep(0.01)
    client.get(variants[0])  # fetched again after the index was read: recorded again

    assert proxy_index.forget_purged(by_scope, set(variants[:2]), read_at) == 1
    assert proxy_index.addresses_in([COUNTRY]) == {variants[0], variants[2]}


def test_an_unreachable_redis_costs_the_index_not_the_page(client, seeded, settings):
    settings.CACHES = cache_settings("redis://127.0.0.1:1/0")
    proxy_index.forget_recorded()
    response = client.get(SECTION)
    assert response.status_code == 200
    assert ">Politinis bendradarbiavimas</h1>" in response.content.decode()
    assert proxy_index.addresses_in([COUNTRY]) is None
    assert proxy_index.all_scopes() is None


def test_without_redis_nothing_is_recorded(client, seeded):
    assert client.get(SECTION).status_code == 200
    assert proxy_index.addresses_in([COUNTRY]) is None
