"""Warm hits answered in front of Django (ADR 0030): the WSGI entry point (bilateral/wsgi.py) wraps
Django's application in FastHits.

When Django answers a plain GET from a process copy (response_cache.py marks the WSGI environ with
the copy it served), FastHits remembers what went out: the copy, its scope, the status and every
header but the request id. The next GET with the same address, host and scheme is answered with
exactly that, without building Django's request, sending its signals or passing its middleware, as
long as everything Django itself would have checked still holds:

- this process still holds that very copy (LocalCopies), and the state it read for the copy's scope
  less than APP_CACHE_STATE_SECONDS ago is the copy's (state_memory.py): the same rule as Django's
  own warm hit, so a publication is seen as soon as there;
- the proxy's address index holds the address as sent, recorded by this process within that window
  (proxy_index.py), so the answer needs no write there;
- the request carries nothing that Django would answer differently: no cookie, no credentials, no
  validator (a 304 or 412 is Django's to give), no refresh mark from the proxy, and no request
  for the page's file (page_files.py writes it on Django's way out).

Anything else goes to Django, which then remembers the answer again. The request id is the one
RequestIdMiddleware would give (the proxy's, or a new one). 0 as the window (the tests' settings)
turns the fast path off, since nothing is remembered as fresh.
"""

import threading
import time
from collections import OrderedDict

from bilateral.operations.logs import accepted_request_id
from bilateral.operations.request_id import HEADER as REQUEST_ID_HEADER
from bilateral.operations.request_id import META_KEY as REQUEST_ID_META

from . import proxy_index
from .page_files import MARK as PAGE_FILE_MARK
from .response_cache import LOCAL_COPIES, REFRESHING, SERVED_COPY, local_copies
from .state_memory import state_memory

# Everything in the environ that decides which stored copy Django answers and with which headers:
# the address (response_cache_key), the host (get_host, ALLOWED_HOSTS) and the scheme (is_secure,
# SecurityMiddleware). Two requests alike in these are answered alike.
SIGNATURE = (
    "PATH_INFO", "QUERY_STRING", "SCRIPT_NAME", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT", "HTTP_X_FORWARDED_SSL",
)
# Any of these, unless empty, and Django decides: a session or other cookie, credentials, a
# conditional request, the proxy's refresh, the proxy's request for a page's file (page_files.py).
DJANGO_DECIDES = (
    "HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE", REFRESHING, PAGE_FILE_MARK,
)
# The answers used last, as many as the process keeps copies (response_cache.LOCAL_COPIES): each holds
# its copy, so a bound any higher would keep pages in memory that LocalCopies has let go.
ANSWERS_LIMIT = LOCAL_COPIES


class Answer:
    __slots__ = ("key", "stored", "scope", "status", "headers")

    def __init__(self, key, stored, scope, status, headers):
        self.key, self.stored, self.scope = key, stored, scope
        self.status, self.headers = status, headers


def signature(environ):
    return tuple(environ.get(name) for name in SIGNATURE)


def is_plain_get(environ):
    return environ.get("REQUEST_METHOD") == "GET" and not any(environ.get(name) for name in DJANGO_DECIDES)


class FastHits:
    def __init__(self, application):
        self.application = application
        self.answers = OrderedDict()
        self.remembering_lock = threading.Lock()

    def __call__(self, environ, start_response):
        answer = self.ready_answer(environ)
        if answer is None:
            return self.application(environ, self.remembering(environ, start_response))
        request_id = accepted_request_id(environ.get(REQUEST_ID_META))
        start_response(answer.status, [*answer.headers, (REQUEST_ID_HEADER, request_id)])
        return [answer.stored["content"]]

    def ready_answer(self, environ):
        """The remembered answer to this request if Django would answer it the same now, else None."""
        if not is_plain_get(environ):
            return None
        request = signature(environ)
        answer = self.answers.get(request)
        if answer is None or local_copies.get(answer.key) is not answer.stored:
            return None
        try:
            self.answers.move_to_end(request)
        except KeyError:  # let go meanwhile by another thread of this process (threaded workers)
            return None
        if state_memory.recall(answer.scope) != answer.stored["generation"]:
            return None
        address = environ.get("RAW_URI")  # gunicorn's: the address as the reader sent it
        if address is None or not proxy_index.recorded_lately(address, time.time()):
            return None
        return answer

    def remembering(self, environ, start_response):
        """start_response for Django, remembering an answer given from a process copy."""

        def start(status, headers, exc_info=None):
            served = environ.get(SERVED_COPY)
            if served is not None and exc_info is None and status.startswith("200 ") and is_plain_get(environ):
                self.remember(environ, served, status, headers)
            return start_response(status, headers, exc_info)

        return start

    def remember(self, environ, served, status, headers):
        key, stored, scope = served
        kept = [(name, value) for name, value in headers if name != REQUEST_ID_HEADER]
        request = signature(environ)
        with self.remembering_lock:  # threaded workers: one change of the order at a time
            self.answers[request] = Answer(key, stored, scope, status, kept)
            self.answers.move_to_end(request)
            while len(self.answers) > ANSWERS_LIMIT:
                self.answers.popitem(last=False)
