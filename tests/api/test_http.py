"""HTTP of the API: ETag and 304, public caching, HEAD, CORS for reading (and only under /api/)."""

import pytest

pytestmark = pytest.mark.django_db

URLS = ["/api/countries", "/api/pages", "/api/facts", "/api/facts.csv", "/api/openapi.json"]


def test_etag_and_304(client, seeded):
    for url in URLS:
        check_etag(client, url)


def check_etag(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first["Cache-Control"].startswith("public, max-age=")
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_etag_follows_the_body(client, seeded):
    before = client.get("/api/facts")["ETag"]
    assert client.get("/api/facts?limit=1")["ETag"] != before
    seeded.title = "Kitas pavadinimas"
    seeded.save_revision().publish()
    after = client.get("/api/facts", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_errors_are_not_cached(client, seeded):
    response = client.get("/api/facts?limit=0")
    assert response.status_code == 400
    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")


def test_cors_on_get(client, seeded):
    for url in URLS + ["/api/facts?limit=0", "/api/docs"]:
        assert client.get(url)["Access-Control-Allow-Origin"] == "*", url


def test_cors_on_head_and_options(client, seeded):
    get = client.get("/api/facts")
    head = client.head("/api/facts")
    assert head.status_code == 200 and head.content == b""
    assert head["Access-Control-Allow-Origin"] == "*" and head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))
    options = client.options("/api/facts", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert options.status_code == 204
    assert options["Access-Control-Allow-Origin"] == "*"
    assert set(options["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_writing_is_not_allowed_and_gets_no_cors(client, seeded):
    for method in (client.post, client.put, client.delete):
        response = method("/api/facts")
        assert response.status_code == 405
        assert "Access-Control-Allow-Origin" not in response


def test_no_cors_outside_the_api(client, seeded):
    response = client.get(seeded.url)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
