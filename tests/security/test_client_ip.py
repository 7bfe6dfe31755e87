"""The client's address behind our proxies (bilateral.http.client_ip), as the subscription rate
limits see it, and the captcha challenge endpoint's own limit (30 a minute per client, 429 JSON)."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from bilateral.http import client_ip
from tests.subscriptions.helpers import CAPTCHA_URL, solve
from tests.subscriptions.helpers import subscribe as send_form
from tests.subscriptions.subscribe_fixtures import clean_cache, mailbox, site  # noqa: F401 (fixtures)


def subscribe(client, page, **fields):
    """The footer form with a real captcha answer fetched by the same client."""
    challenge = client.get(CAPTCHA_URL)
    assert challenge.status_code == 200
    return send_form(client, page, captcha=solve(challenge.json()), **fields)


def address(settings, proxies, remote="10.0.0.2", forwarded=None):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        pytest.param(0, "203.0.113.9", "10.0.0.2", id="no-trusted-proxy-ignores-the-header"),
        pytest.param(1, "203.0.113.9", "203.0.113.9", id="one-proxy"),
        pytest.param(1, "192.0.2.1, 203.0.113.9", "203.0.113.9", id="one-proxy-ignores-what-the-client-wrote"),
        pytest.param(2, "192.0.2.1, 203.0.113.9, 10.0.0.1", "203.0.113.9", id="two-proxies"),
        pytest.param(2, "203.0.113.9", "10.0.0.2", id="header-shorter-than-the-chain"),
        pytest.param(1, None, "10.0.0.2", id="no-header"),
        pytest.param(1, "", "10.0.0.2", id="empty-header"),
        pytest.param(1, "not-an-address", "10.0.0.2", id="garbage"),
        pytest.param(1, "203.0.113.9\x00", "10.0.0.2", id="nul-byte"),
        pytest.param(1, "2001:db8::1", "2001:db8::1", id="ipv6"),
        pytest.param(1, " 203.0.113.9 ", "203.0.113.9", id="spaces"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    assert address(settings, proxies, forwarded=forwarded) == expected


def test_subscription_limit_counts_the_forwarded_client_behind_a_trusted_proxy(client, seeded, mailbox, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"address": (2, 3600)}
    # Everyone arrives from the proxy's address; X-Forwarded-For tells them apart.
    reader = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for number in (1, 2):
        assert subscribe(reader, seeded, email=f"skaitytojas{number}@example.lt").status_code == 302
    assert subscribe(reader, seeded, email="skaitytojas3@example.lt").status_code == 429
    neighbour = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert subscribe(neighbour, seeded, email="skaitytojas3@example.lt").status_code == 302
    # Writing another address in front does not give the first reader a fresh count.
    forged = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.50, 203.0.113.9")
    assert subscribe(forged, seeded, email="skaitytojas4@example.lt").status_code == 429


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, seeded, mailbox, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"address": (1, 3600)}
    first = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert subscribe(first, seeded, email="skaitytojas1@example.lt").status_code == 302
    second = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert subscribe(second, seeded, email="skaitytojas2@example.lt").status_code == 429


def test_captcha_challenges_are_limited_to_30_a_minute_per_client(seeded):
    reader = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(30):
        assert reader.get(CAPTCHA_URL).status_code == 200
    refused = reader.get(CAPTCHA_URL)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert refused["Retry-After"] == "60"
    with translation.override("lt"):
        expected = gettext("Too many captcha requests from your network. Please wait a minute and try again.")
    assert refused.json() == {"error": expected}
    # Another client still gets its challenge.
    assert Client(REMOTE_ADDR="198.51.100.4").get(CAPTCHA_URL).status_code == 200


def test_captcha_limit_counts_the_forwarded_client_behind_a_trusted_proxy(seeded, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"challenge": (3, 60)}
    reader = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert [reader.get(CAPTCHA_URL).status_code for _ in range(4)] == [200, 200, 200, 429]
    neighbour = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert neighbour.get(CAPTCHA_URL).status_code == 200
