"""Finding 6 of issue 11, on the real stack: the proxy keys its cache on the address without the host,
and ALLOWED_HOSTS lists two names (127.0.0.1 and localhost, conftest.py). An answer stored for a
reader of one name must not carry that name to a reader of the other: the app writes absolute URLs
from SITE_URL (the stack's http://127.0.0.1:<proxy port>), and the proxy gives cacheable requests the
site's host, not the reader's (deploy/nginx/proxy.conf, $host_to_app)."""

import http.client
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
CACHED = ["/api/countries", "/api/pages", "/api/facts", SECTION, "/atnaujinimai.atom", "/sitemap.xml"]
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>,)]+")


def portal_urls(text, port):
    """Absolute URLs in the text that point at the portal, under either of its names."""
    return [url for url in ABSOLUTE_URL.findall(text)
            if urlsplit(url).hostname in ("127.0.0.1", "localhost") and urlsplit(url).port == port]


def assert_only_site_urls(answer_text, stack, path):
    assert "localhost" not in answer_text, path
    urls = portal_urls(answer_text, stack.proxy_port)
    assert all(url.startswith(stack.url + "/") for url in urls), (path, urls)
    return urls


def test_a_cached_answer_never_carries_another_host_name(stack):
    other_name = f"localhost:{stack.proxy_port}"
    site_name = urlsplit(stack.url).netloc
    for path in CACHED:
        first = stack.get(path, Host=other_name)
        assert (first.status, first.cache) == (200, "MISS"), (path, first.status, first.cache)
        urls = assert_only_site_urls(first.text, stack, path)
        assert urls, f"{path}: the answer has the portal's absolute addresses"
        second = stack.get(path, Host=site_name)
        assert (second.status, second.cache) == (200, "HIT"), (path, second.status, second.cache)
        assert second.text == first.text
        assert_only_site_urls(second.text, stack, path)


def test_the_app_behind_the_proxy_writes_the_site_address_whatever_host_it_is_given(stack):
    """gunicorn asked directly, with the other allowed name: the app alone does not use the Host."""
    for path in ("/api/countries", "/api/facts", SECTION):
        connection = http.client.HTTPConnection("127.0.0.1", stack.app_port, timeout=60)
        try:
            connection.request("GET", path, headers={"Host": f"localhost:{stack.proxy_port}"})
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        assert response.status == 200, (path, response.status)
        assert assert_only_site_urls(text, stack, path), path


def test_requests_the_proxy_passes_keep_the_readers_host_for_the_app_to_check(stack):
    """Not cached, so the reader's Host reaches the app: ALLOWED_HOSTS refuses an unknown one."""
    refused = stack.get("/prenumerata/", Host="evil.example")
    assert (refused.status, refused.cache) == (400, "PASS")
    allowed = stack.get("/prenumerata/", Host=f"localhost:{stack.proxy_port}")
    assert (allowed.status, allowed.cache) == (200, "PASS")
