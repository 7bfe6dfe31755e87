"""Conditional GET and Cache-Control (bilateral/caching/http_cache.py): validators on pages, 304 for a
client that has the current copy, public caching for published content, private for the rest."""

import pytest
from django.utils.http import http_date, parse_http_date

from bilateral.caching.http_cache import PRIVATE, PUBLIC
from bilateral.pages.models import SectionPage

from .helpers import COUNTRY, COUNTRY_INDEX, EN_SECTION, HOME, SECTION, publish_title

PAGES = [HOME, COUNTRY_INDEX, COUNTRY, SECTION, EN_SECTION]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_has_validators_and_public_caching(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC == "public, max-age=60, s-maxage=86400"
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert parse_http_date(response["Last-Modified"]) >= int(seeded.last_published_at.timestamp())


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from-cache"])
@pytest.mark.parametrize("path", PAGES)
def test_if_none_match_with_the_current_etag_gives_304(client, seeded, path, cached):
    if not cached:
        client.get(path + "?utm_source=x")  # a different entry: the next request is rendered
    etag = client.get(path)["ETag"]
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == PUBLIC


def test_if_modified_since_gives_304_until_something_is_published(client, seeded):
    last_modified = client.get(SECTION)["Last-Modified"]
    assert client.get(SECTION, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 3600)
    assert client.get(SECTION, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_a_publication_changes_the_etags_of_its_scopes(client, seeded):
    old = {path: client.get(path)["ETag"] for path in (SECTION, COUNTRY, HOME)}
    publish_title(seeded, "Politika")
    for path, etag in old.items():
        response = client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, path
        assert response["ETag"] != etag


def test_the_etag_differs_by_language_and_address(client, seeded):
    etags = {client.get(path)["ETag"] for path in PAGES}
    assert len(etags) == len(PAGES)


def test_a_new_revision_changes_the_etag_even_with_the_same_generation(client, seeded, rf):
    from bilateral.caching.http_cache import page_etag

    request = rf.get(SECTION)
    page = SectionPage.objects.get(pk=seeded.pk)
    first = page_etag(request, page, "1.a")
    page.live_revision_id += 1
    assert page_etag(request, page, "1.a") != first


@pytest.mark.parametrize("path", ["/atnaujinimai.atom", f"{SECTION}atnaujinimai.atom", "/sitemap.xml", "/robots.txt"])
def test_feeds_sitemap_and_robots_are_public_and_answer_304(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_the_api_keeps_its_own_etag_and_caching(client, seeded):
    response = client.get("/api/countries")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    not_modified = client.get("/api/countries", HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == response["ETag"]
    assert not_modified["Content-Language"] == "lt"


@pytest.mark.parametrize(
    "path",
    ["/prenumerata/", "/en/subscribe/", "/prenumerata/zetonas/", "/prenumerata/tvarkyti/klaidingas/", "/prenumerata/atsisakyti/klaidingas/"],
)
def test_subscription_pages_are_private(client, seeded, path):
    response = client.get(path)
    assert response.status_code in (200, 400)
    assert response["Cache-Control"] == PRIVATE


def test_the_admin_is_private(client, editor_client, seeded):
    assert client.get("/admin/")["Cache-Control"] == PRIVATE  # the redirect to the login page
    assert editor_client.get("/admin/")["Cache-Control"] == PRIVATE
    assert editor_client.get("/django-admin/")["Cache-Control"] == PRIVATE


def test_a_draft_view_is_private(editor_client, seeded):
    seeded.title = "Juodraštis"
    seeded.save_revision()
    response = editor_client.get(f"/admin/pages/{seeded.pk}/view_draft/")
    assert response.status_code == 200
    assert "Juodraštis" in response.content.decode()
    assert response["Cache-Control"] == PRIVATE


def test_a_signed_in_reader_gets_private_pages_that_vary_by_cookie(editor_client):
    response = editor_client.get(SECTION)
    assert response["Cache-Control"] == PRIVATE
    assert "Cookie" in response["Vary"]


def test_a_page_behind_a_password_is_private(client, seeded):
    from wagtail.models import PageViewRestriction

    assert client.get(SECTION)["X-App-Cache"] == "miss"  # kept before the restriction
    PageViewRestriction.objects.create(page=seeded, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(SECTION)
    assert response.status_code == 200  # the password form
    assert response["Cache-Control"] == PRIVATE
    assert "X-App-Cache" not in response


def test_errors_and_private_answers_get_no_validators(client, seeded):
    missing = client.get("/salys/niekur/")
    assert missing.status_code == 404
    assert "ETag" not in missing and "public" not in missing.get("Cache-Control", "")
    subscribe = client.get("/prenumerata/")
    assert "ETag" not in subscribe


def test_head_of_a_current_page_is_a_304_too(client, seeded):
    etag = client.get(SECTION)["ETag"]
    assert client.head(SECTION, HTTP_IF_NONE_MATCH=etag).status_code == 304
