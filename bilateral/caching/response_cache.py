"""Whole rendered responses of public pages for anonymous readers, kept in the shared cache.

A warm page is then one cache read, before sessions, CSRF, URL routing or the database are touched,
and usually none: each process keeps copies of the responses it served last and the content state
it last read for a scope (state_memory.py, APP_CACHE_STATE_SECONDS).
The key names the address, its language and the code version; the stored value names the content
state it was rendered in: the version of the address's scope (scopes.py: a partner country and its
pages, or one address above them), which a publication of a page in it or below it changes, and the
portal-wide generation (content_generation.py: sites, locales, deletions). A publication then
invalidates its country's pages and the lists above them, never another country's pages, and a page
never shows another page's old title in its navigation.

What is kept is exactly what the cache policy (http_cache.py) made public for the proxy: a page,
feed, sitemap or robots.txt answered 200 with no cookie. What is looked up is narrower still: GET
and HEAD without a session cookie or credentials (a signed-in editor always gets a fresh page, with
the Wagtail user bar), no preview, and no query string other than known trackers'.

Responses carry `X-App-Cache: hit` or `miss` (tests and operators see what happened).
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.http import HttpResponse
from django.http.response import ResponseHeaders

from .code_version import code_version
from .content_generation import KEY as GENERATION_KEY
from .content_generation import rendered_pages_cache
from .http_cache import NOT_PAGES, PUBLIC, is_private_path, language_of, search_prefixes
from .scopes import current_state, scope_of, version_key
from .state_memory import state_memory

TIMEOUT = 60 * 60  # a safety net only: a publication makes its scopes' stored responses unreachable
HEADER = "X-App-Cache"
# Set by the proxy on the task workers' refresh only (see is_refresh).
REFRESHING = "HTTP_X_BILATERAL_REFRESHING"
# Where a hit leaves, in the WSGI environ, the copy it answered and its scope: the WSGI layer in front
# of Django (fast_hits.py) answers the same request from the same copy next time.
SERVED_COPY = "bilateral.served_copy"
# Query parameters that never change a page (campaign trackers); any other one means no caching.
SAFE_QUERY_PARAMETERS = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"}


def is_cacheable_request(request):
    path = request.path_info
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)  # Wagtail's preview request runs the middleware too
        and not has_session_cookie(request)
        and "HTTP_AUTHORIZATION" not in request.META
        and not is_private_path(path)
        and not path.startswith(NOT_PAGES)
        and not path.startswith(search_prefixes())
        and only_safe_query_parameters(request)
    )


# Both read the raw header first: parsing cookies and the query string (request.COOKIES, request.GET)
# was a third of a warm hit's own time, and most requests send neither.


def has_session_cookie(request):
    name = settings.SESSION_COOKIE_NAME
    return name in request.META.get("HTTP_COOKIE", "") and name in request.COOKIES


def only_safe_query_parameters(request):
    return not request.META.get("QUERY_STRING") or set(request.GET) <= SAFE_QUERY_PARAMETERS


def response_cache_key(request):
    """The key of this request's response, or None when it must not come from the cache. The content
    state is not in the key but in the stored value: a hit then costs at most one cache round trip
    (generation, scope version and response read together; none within the state memory's window),
    and a new state's first render replaces the entry."""
    if not is_cacheable_request(request):
        return None
    # SITE_URL too: feeds, the sitemap and robots.txt write absolute addresses with it.
    address = f"{settings.SITE_URL} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"bilateral:response:{code_version()}:{language_of(request)}:{digest}"


def is_refresh(request):
    """The task workers' refresh through the proxy (cache_purge.py): nginx sets this header only on a
    request that carried the refresh secret, and drops it from any other (deploy/nginx/proxy.conf).
    The proxy keeps the answer in place of its old copy, so it must come from the current state."""
    return request.META.get(REFRESHING) == "1"


def lookup(request, key, scope):
    """The stored response of the current content state, or None. Also records the state on the
    request, read before anything is rendered (see http_cache.request_generation). `scope` is the
    address's (scopes.scope_of).

    A warm hit: this process holds a copy (LocalCopies) rendered in the state it read for the scope
    less than APP_CACHE_STATE_SECONDS ago (state_memory.py), and answers it without a round trip.
    Otherwise (and always for a refresh) the state is read from the shared cache, with the stored
    response unless the process has a copy in that state."""
    copy = local_copies.get(key)
    if copy is not None and not is_refresh(request):
        remembered = state_memory.recall(scope)
        if remembered is not None and remembered == copy["generation"]:
            request.content_generation = remembered
            return copy
    state_keys = [GENERATION_KEY, version_key(scope)]
    read_at = state_memory.clock()
    found = rendered_pages_cache().get_many(state_keys if copy is not None else [*state_keys, key])
    state = current_state(request.path_info, found, read_at)
    request.content_generation = state
    if state is None:
        return None
    if copy is not None and copy["generation"] == state:
        return copy
    stored = found.get(key) if copy is None else rendered_pages_cache().get(key)
    if stored is None or stored.get("generation") != state:
        return None
    local_copies.keep(key, stored)
    return stored


class LocalCopies:
    """The responses this process answered from the cache or stored last, the newest LOCAL_COPIES:
    a hit then reads nothing from the shared cache within the state memory's window, and only the
    content state (two short keys) after it. A copy is used only in the state this process last
    read for its scope (see lookup)."""

    def __init__(self, size):
        self.size = size
        self.copies = OrderedDict()

    def get(self, key):
        copy = self.copies.get(key)
        if copy is not None:
            self.copies.move_to_end(key)
        return copy

    def keep(self, key, stored):
        self.copies[key] = stored
        self.copies.move_to_end(key)
        while len(self.copies) > self.size:
            self.copies.popitem(last=False)

    def clear(self):
        self.copies.clear()


LOCAL_COPIES = 200
local_copies = LocalCopies(LOCAL_COPIES)


def is_storable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Cache-Control") == PUBLIC
    )


def frozen(response, generation):
    return {
        "generation": generation,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }


class CheckedHeaders(ResponseHeaders):
    """A stored response's headers, checked (latin-1, no line breaks) once per process copy instead of
    on every hit (that was a fifth of a warm hit's own time)."""

    @classmethod
    def copy_of(cls, checked):
        headers = cls.__new__(cls)
        headers._store = dict(checked)
        return headers


# Where a process copy keeps its checked headers, beside what was stored (never written back).
CHECKED = "checked_headers"


def checked_headers(stored):
    if CHECKED not in stored:
        stored[CHECKED] = ResponseHeaders(stored["headers"])._store
    return stored[CHECKED]


def thawed(stored):
    response = HttpResponse(stored["content"], status=stored["status"])
    response.headers = CheckedHeaders.copy_of(checked_headers(stored))
    response[HEADER] = "hit"
    return response


class ResponseCacheMiddleware:
    """Listed right after SecurityMiddleware (and the ConditionalGetMiddleware of http_cache.py, which
    turns a hit into a 304 when the reader already has it), before everything that costs time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = response_cache_key(request)
        if key is None:
            return self.get_response(request)
        scope = scope_of(request.path_info)
        stored = lookup(request, key, scope)
        if stored is not None:
            request.META[SERVED_COPY] = (key, stored, scope)
            return thawed(stored)
        response = self.get_response(request)
        generation = request.content_generation
        if generation is not None and is_storable(response):
            stored = frozen(response, generation)
            rendered_pages_cache().set(key, stored, TIMEOUT)
            local_copies.keep(key, stored)
            response[HEADER] = "miss"
        return response
