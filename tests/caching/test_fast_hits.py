"""Warm hits answered in front of Django (bilateral/caching/fast_hits.py, the WSGI entry point's
wrapper): the same status, headers and bytes Django's own hit gave, only while Django would give them,
and Django for everything else. Driven through Django's real WSGI handler, as gunicorn calls it."""

import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from bilateral.caching import proxy_index
from bilateral.caching.fast_hits import ANSWERS_LIMIT, FastHits, signature
from bilateral.caching.page_files import MARK as PAGE_FILE_MARK
from bilateral.caching.response_cache import LOCAL_COPIES, REFRESHING
from tests.wsgi import connections_kept_open

from .helpers import COUNTRY, SECTION, WINDOW, publish_title

NEW_TITLE = "Politinis ir diplomatinis bendradarbiavimas"


class CountingDjango:
    """Django's WSGI handler, counting the requests that reached it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def app(clock):
    django = CountingDjango()
    proxy_index.forget_recorded()
    with connections_kept_open():
        yield FastHits(django), django
    proxy_index.forget_recorded()


def environ_for(path, method="GET", **headers):
    """What gunicorn hands the application: RAW_URI is the address as the reader sent it."""
    request = getattr(RequestFactory(), method.lower())(path, **headers)
    environ = dict(request.environ)
    environ["RAW_URI"] = path + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else "")
    return environ


def call(application, environ):
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    body = application(environ, start_response)
    try:
        answer["content"] = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return answer


def headers_of(answer):
    return dict(answer["headers"])


def warmed(application, path=SECTION, **headers):
    """A miss, then Django's own hit (remembered by FastHits): returns that hit."""
    assert headers_of(call(application, environ_for(path, **headers)))["X-App-Cache"] == "miss"
    hit = call(application, environ_for(path, **headers))
    assert headers_of(hit)["X-App-Cache"] == "hit"
    return hit


def test_a_warm_hit_is_answered_again_in_front_of_django_exactly_as_django_answered_it(app, seeded):
    application, django = app
    by_django = warmed(application)
    assert django.calls == 2
    again = call(application, environ_for(SECTION))
    assert django.calls == 2, "answered in front of Django"
    assert again["status"] == by_django["status"] == "200 OK"
    assert again["content"] == by_django["content"]
    without_id = [header for header in by_django["headers"] if header[0] != "X-Request-ID"]
    assert [header for header in again["headers"] if header[0] != "X-Request-ID"] == without_id
    for name in ("Content-Type", "Content-Length", "ETag", "Cache-Control", "Content-Security-Policy",
                 "X-Content-Type-Options", "Referrer-Policy"):
        assert headers_of(again)[name] == headers_of(by_django)[name], name


def test_the_request_id_is_the_proxys_or_a_new_one_as_django_gives_it(app, seeded):
    application, django = app
    warmed(application)
    given = call(application, environ_for(SECTION, HTTP_X_REQUEST_ID="from-the-proxy-1"))
    first, second = (call(application, environ_for(SECTION)) for _ in range(2))
    assert django.calls == 2
    assert headers_of(given)["X-Request-ID"] == "from-the-proxy-1"
    assert re.fullmatch(r"[0-9a-f]{32}", headers_of(first)["X-Request-ID"])
    assert headers_of(first)["X-Request-ID"] != headers_of(second)["X-Request-ID"]
    refused = call(application, environ_for(SECTION, HTTP_X_REQUEST_ID="not a plain id"))
    assert re.fullmatch(r"[0-9a-f]{32}", headers_of(refused)["X-Request-ID"])


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        ("GET", {"HTTP_COOKIE": "sessionid=abc"}),
        ("GET", {"HTTP_COOKIE": "csrftoken=abc"}),
        ("GET", {"HTTP_AUTHORIZATION": "Bearer abc"}),
        ("GET", {"HTTP_IF_NONE_MATCH": '"abc"'}),
        ("GET", {"HTTP_IF_MODIFIED_SINCE": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        ("GET", {REFRESHING: "1"}),
        ("GET", {PAGE_FILE_MARK: "1"}),  # Django writes the page's file (page_files.py)
        ("GET", {"HTTP_HOST": "localhost"}),
        ("GET", {"HTTP_X_FORWARDED_PROTO": "https"}),
        ("HEAD", {}),
    ],
)
def test_whatever_django_could_answer_otherwise_goes_to_django(app, seeded, method, headers):
    application, django = app
    warmed(application)
    call(application, environ_for(SECTION, method=method, **headers))
    assert django.calls == 3


def test_another_address_or_query_goes_to_django(app, seeded):
    application, django = app
    warmed(application)
    call(application, environ_for(COUNTRY))
    call(application, environ_for(SECTION + "?utm_source=x"))
    assert django.calls == 4


def test_a_publication_in_this_process_is_answered_at_once(app, seeded):
    application, django = app
    warmed(application)
    publish_title(seeded, NEW_TITLE)
    fresh = call(application, environ_for(SECTION))
    assert django.calls == 3
    assert headers_of(fresh)["X-App-Cache"] == "miss"
    assert NEW_TITLE.encode() in fresh["content"]


def test_after_the_window_the_state_is_read_again_by_django(app, seeded, clock):
    """Another process's publication is seen after the window at most, as with Django's own hit."""
    application, django = app
    warmed(application)
    clock.now += WINDOW - 1
    call(application, environ_for(SECTION))
    assert django.calls == 2
    clock.now += 2
    call(application, environ_for(SECTION))
    assert django.calls == 3


def test_an_address_the_proxy_index_has_not_recorded_lately_goes_to_django(app, seeded):
    application, django = app
    warmed(application)
    proxy_index.forget_recorded()
    call(application, environ_for(SECTION))
    assert django.calls == 3, "Django's answer records the address again"
    call(application, environ_for(SECTION))
    assert django.calls == 3


def test_without_the_address_as_sent_django_answers(app, seeded):
    application, django = app
    warmed(application)
    environ = environ_for(SECTION)
    del environ["RAW_URI"]
    call(application, environ)
    assert django.calls == 3


def test_with_the_window_off_nothing_is_answered_in_front_of_django(app, seeded, settings):
    settings.APP_CACHE_STATE_SECONDS = 0
    application, django = app
    for _ in range(3):
        call(application, environ_for(SECTION))
    assert django.calls == 3


def test_with_redis_the_address_is_in_the_proxy_index_before_a_fast_answer(app, seeded, redis):
    application, django = app
    warmed(application)
    call(application, environ_for(SECTION))
    assert django.calls == 2
    assert SECTION in proxy_index.addresses_in([COUNTRY])


def test_it_remembers_as_many_answers_as_the_process_keeps_copies_the_least_used_first_to_go():
    """Each answer holds its copy: no more of them than LocalCopies keeps, or pages that LocalCopies
    let go would stay in memory."""
    fast = FastHits(CountingDjango())
    environs = [environ_for(f"/page-{number}/") for number in range(ANSWERS_LIMIT + 1)]
    for environ in environs[:ANSWERS_LIMIT]:
        fast.remember(environ, ("key", {"generation": "g"}, "/"), "200 OK", [])
    fast.answers.move_to_end(signature(environs[0]))  # used lately: kept
    fast.remember(environs[-1], ("key", {"generation": "g"}, "/"), "200 OK", [])
    assert len(fast.answers) == ANSWERS_LIMIT == LOCAL_COPIES
    assert signature(environs[0]) in fast.answers and signature(environs[-1]) in fast.answers
    assert signature(environs[1]) not in fast.answers
