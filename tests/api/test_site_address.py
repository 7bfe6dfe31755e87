"""Absolute URLs come from SITE_URL, never from the request's Host: where ALLOWED_HOSTS lists several
names, an answer made for one (and kept by the proxy, tests/proxy/test_site_address.py) must not carry
it to readers of the other. Here at the app, with Django's test client."""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import SITE_URL

SITE_HOST = urlsplit(SITE_URL).hostname
OTHER_HOST = "www.bilateral.example"
SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
ADDRESSES = [
    "/api/countries",
    "/api/pages",
    "/api/pages?language=en",
    "/api/facts",
    "/api/facts.csv",
    "/api/openapi.json",
    "/atnaujinimai.atom",
    SECTION + "atnaujinimai.atom",
    "/sitemap.xml",
    "/robots.txt",
    "/",
    SECTION,
    "/en/",
]
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>,)]+")


def our_absolute_urls(text):
    """The absolute URLs in an answer that point at the portal under any of its names."""
    hosts = {SITE_HOST, OTHER_HOST, "testserver"}
    return [url for url in ABSOLUTE_URL.findall(text) if urlsplit(url).hostname in hosts]


@pytest.fixture
def two_host_names(settings):
    settings.ALLOWED_HOSTS = [SITE_HOST, OTHER_HOST, "testserver"]


@pytest.mark.parametrize("host", [OTHER_HOST, "testserver"])
@pytest.mark.parametrize("path", ADDRESSES)
def test_an_answer_names_only_the_site_address_whatever_the_host(client, seeded, two_host_names, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    text = response.content.decode()
    assert host not in text
    assert all(url.startswith(SITE_URL + "/") for url in our_absolute_urls(text)), our_absolute_urls(text)


@pytest.mark.parametrize("path", ["/api/countries", "/api/pages", "/api/facts", "/api/facts.csv"])
def test_the_api_writes_its_addresses_from_the_site_address(client, seeded, two_host_names, path):
    text = client.get(path, HTTP_HOST=OTHER_HOST).content.decode()
    assert our_absolute_urls(text), "the answer has the portal's absolute addresses"
    assert {urlsplit(url).netloc for url in our_absolute_urls(text)} == {SITE_HOST}
