"""Published pages as files (bilateral/caching/page_files.py, deploy/nginx/proxy.conf): the app writes
a reader's public page where the proxy looks first, the proxy serves it as a static file with the
app's headers, and a publication replaces or removes it, through the real nginx and gunicorn."""

import http.client
import re
import time

import pytest
from wagtail.models import PageViewRestriction

from bilateral.caching import page_files
from bilateral.pages.models import SectionPage
from tests.subscriptions.delivery_support import publish_major

from .test_observability import lines_with
from .test_proxy import COUNTRY, SECTION, nginx_problems

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EN_SECTION = "/en/countries/belarus/political-cooperation/"
NEW_TITLE = "Politinis bendradarbiavimas ir dialogas"
# nginx's own validator for a static file ("<mtime>-<size>" in hex); the app's is a 32-digit hash.
FILE_ETAG = re.compile(r'^"[0-9a-f]+-[0-9a-f]+"$')
# What differs between any two answers, or only tells who answered.
OWN_HEADERS = {"date", "server", "etag", "last-modified", "content-length", "connection", "keep-alive",
               "accept-ranges", "x-cache", "x-app-cache", "x-request-id"}


def file_of(stack, path):
    return page_files.file_for(path, stack.pages_dir)


def from_file(answer):
    return answer.status == 200 and answer.cache == "HIT" and bool(FILE_ETAG.match(answer.headers.get("ETag", "")))


def page_headers(items):
    """Name → value, but the policy's directives as a set: the app writes them in no fixed order."""
    headers = {name.lower(): value for name, value in items if name.lower() not in OWN_HEADERS}
    policy = headers.pop("content-security-policy", "")
    return headers, {directive.strip() for directive in policy.split(";")}


def app_answer(stack, path):
    """The app's own answer to an anonymous reader, straight from gunicorn."""
    connection = http.client.HTTPConnection("127.0.0.1", stack.app_port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{stack.proxy_port}"})
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def seed_section():
    return SectionPage.objects.get(url_path__endswith="/politinis-bendradarbiavimas/", locale__language_code="lt")


def test_a_readers_first_request_writes_the_page_and_the_next_ones_get_the_file(stack):
    first = stack.get(SECTION)
    assert first.status == 200 and first.cache == "MISS"
    assert file_of(stack, SECTION).read_text() == first.text
    second = stack.get(SECTION)
    assert from_file(second), dict(second.headers)
    assert second.text == first.text
    assert nginx_problems(stack) == []


@pytest.mark.parametrize("path", [SECTION, EN_SECTION, COUNTRY, "/", "/en/", "/pl/"])
def test_a_file_is_answered_with_the_apps_headers_for_the_page(stack, path):
    stack.get(path)
    answer = stack.get(path)
    assert from_file(answer), dict(answer.headers)
    app = app_answer(stack, path)
    assert page_headers(answer.headers.items()) == page_headers(app.getheaders())


def test_a_file_answers_a_conditional_request_with_304(stack):
    stack.get(SECTION)
    etag = stack.get(SECTION).headers["ETag"]
    again = stack.get(SECTION, If_None_Match=etag)
    assert again.status == 304 and again.headers["Cache-Control"] == "public, max-age=60, s-maxage=86400"


def test_editors_and_addresses_with_a_query_never_get_the_file(stack):
    stack.get(SECTION)
    assert from_file(stack.get(SECTION))
    editor = stack.get(SECTION, Cookie="sessionid=abc")
    assert editor.cache == "PASS" and not FILE_ETAG.match(editor.headers.get("ETag", ""))
    # A reader's other cookies: the cached copy (the page files look for cookie-less requests only).
    with_cookie = stack.get(SECTION, Cookie="analytics=1")
    assert with_cookie.cache == "HIT" and not from_file(with_cookie), dict(with_cookie.headers)
    assert from_file(stack.get(SECTION, Authorization="Basic YTpi")), "a file holds what any reader may get"
    wrong_refresh = stack.get(SECTION, X_Bilateral_Refresh="guess")
    assert wrong_refresh.cache == "HIT" and not from_file(wrong_refresh), dict(wrong_refresh.headers)
    for variant in (SECTION + "?as_of=2024-01-01", SECTION + "?utm_source=naujienlaiskis"):
        stack.get(variant)
        answer = stack.get(variant)
        assert answer.cache == "HIT" and not from_file(answer), (variant, dict(answer.headers))
    head = stack.request("HEAD", SECTION)
    assert head.status == 200 and head.headers["Content-Type"] == "text/html; charset=utf-8"


def access_line(stack, answer):
    """gunicorn's access log line of the request that gave `answer`."""
    lines = lines_with(stack, answer.headers["X-Request-ID"], {"gunicorn.access"})
    return next(line["message"] for line in lines if line["logger"] == "gunicorn.access")


def test_other_methods_at_a_files_address_reach_the_app_at_that_address(stack):
    stack.get(SECTION)
    assert from_file(stack.get(SECTION))
    # nginx's static files answer GET and HEAD only; the rest is the app's, at the page's own address
    # (not the file's name), with nothing stored.
    options = stack.request("OPTIONS", SECTION)
    assert options.status == 200 and options.cache == "PASS", (options.status, dict(options.headers))
    assert f'"OPTIONS {SECTION} HTTP/1.1" 200' in access_line(stack, options)
    posted = stack.request("POST", SECTION, {"Content-Type": "application/x-www-form-urlencoded"})
    assert posted.status == 403 and posted.cache == "PASS"  # the app's refusal (no CSRF token), not nginx's 405
    assert f'"POST {SECTION} HTTP/1.1" 403' in access_line(stack, posted)
    assert from_file(stack.get(SECTION))
    assert nginx_problems(stack) == []


def test_only_a_readers_public_page_is_written(stack):
    for path in ("/prenumerata/", "/salys/nera-tokio-puslapio/", SECTION + "?as_of=2024-01-01"):
        stack.get(path)
    stack.request("HEAD", COUNTRY)
    stack.get("/salys/baltarusija/", Cookie="sessionid=abc")
    written = sorted(str(path.relative_to(stack.pages_dir)) for path in stack.pages_dir.rglob("*") if path.is_file())
    assert written == []
    assert stack.get(SECTION, X_Bilateral_Page_File="1", Cookie="sessionid=abc").cache == "PASS"
    assert not stack.pages_dir.joinpath("salys").exists(), "a client's own mark never reaches the app"


def test_publishing_removes_the_changed_files_and_the_next_reader_writes_the_new_page(stack):
    for path in (SECTION, COUNTRY, EN_SECTION):
        stack.get(path)
        assert from_file(stack.get(path))
    publish_major(seed_section(), "Pridėta nauja vizitų chronologija.", title=NEW_TITLE)
    stack.sync()
    # The test process's task has no refresh secret: the changed pages are purged, files and all.
    assert not file_of(stack, SECTION).exists() and not file_of(stack, COUNTRY).exists()
    first = stack.get(SECTION)
    assert first.cache == "MISS" and NEW_TITLE in first.text
    assert NEW_TITLE in file_of(stack, SECTION).read_text()
    assert from_file(stack.get(SECTION))


def test_unpublishing_removes_the_file(stack):
    stack.get(SECTION)
    assert from_file(stack.get(SECTION))
    seed_section().unpublish()
    stack.sync()
    assert not file_of(stack, SECTION).exists()
    assert stack.get(SECTION).status == 404


@pytest.mark.stack(page_files_check="1s")
def test_with_the_production_check_a_removed_file_is_served_one_second_at_most(stack):
    stack.get(SECTION)
    assert from_file(stack.get(SECTION))
    page_files.remove([SECTION])
    # nginx keeps the file it opened for the check's length (open_file_cache_valid), then looks again.
    answers = []
    for _ in range(40):
        answers.append(from_file(stack.get(SECTION)))
        if not answers[-1]:
            break
        time.sleep(0.1)
    assert answers[-1] is False and len(answers) <= 25, answers


def test_a_view_restriction_removes_every_public_copy_of_its_page(stack):
    """The page turns private: neither its file nor the proxy's copy may answer it any more."""
    for path in (SECTION, COUNTRY):
        stack.get(path)
        assert from_file(stack.get(path))
    PageViewRestriction.objects.create(page=seed_section(), restriction_type=PageViewRestriction.PASSWORD,
                                       password="slaptazodis")
    stack.sync()
    assert not file_of(stack, SECTION).exists() and not file_of(stack, COUNTRY).exists()
    restricted = stack.get(SECTION)
    assert restricted.cache == "MISS" and "private" in restricted.headers["Cache-Control"]
    assert "Nemunas" not in restricted.text  # the page's euroregions, shown to nobody without the password
    assert not file_of(stack, SECTION).exists(), "a private answer is never written"
    # …nor kept: nor is the purged copy answered again, which nginx did while its cache was cold
    # when it kept the purged cache file's descriptor open (open_file_cache outside the files).
    again = stack.get(SECTION)
    assert again.cache == "MISS" and "Nemunas" not in again.text, dict(again.headers)
