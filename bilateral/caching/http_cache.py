"""Who may keep a response, for how long, and how a client checks it is still current.

Public pages, feeds, the sitemap and robots.txt: `public, max-age=60, s-maxage=86400`. Browsers ask
again after a minute; the caching proxy keeps them a day because every publication purges it. Pages
also get an ETag and a Last-Modified that change with every publication in their scope (scopes.py),
so a client's conditional GET becomes a 304 (ConditionalGetMiddleware below, with Django's helpers).

Anything personal is `private, no-store`: the subscription pages (/prenumerata/, /en/subscribe/: forms, links from
emails, the CSRF token), both admins, previews, whatever a signed-in user sees, and any response
that sets a cookie.

Vary: the language of every address is in its path (Lithuanian at /, English under /en/, the API's
?language=), so the `Vary: Accept-Language` that LocaleMiddleware adds would only split shared caches
into one copy per browser language: it is dropped. `Vary: Cookie` is dropped from public responses
(they are the same for every anonymous reader; signed-in readers get private ones, and the proxy
passes requests that carry the session cookie).
"""

import hashlib
import re
from datetime import datetime, timezone

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.urls import get_urlconf, reverse
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_path

from .code_version import code_version
from .scopes import current_state, state_time

BROWSER_MAX_AGE = 60
SHARED_MAX_AGE = 60 * 60 * 24
PUBLIC = f"public, max-age={BROWSER_MAX_AGE}, s-maxage={SHARED_MAX_AGE}"
PRIVATE = "private, no-store"

# Views whose responses change only when content is published (wagtail_serve: every Wagtail page).
PUBLISHED_CONTENT_VIEWS = {"wagtail_serve", "major_changes_feed", "sitemap", "robots_txt"}
# The subscription pages under each language's word (/prenumerata/, /en/subscribe/, /pl/subskrypcja/;
# /en/prenumerata/ redirects).
PRIVATE_PREFIXES = ("admin", "django-admin", "prenumerata", "subscribe", "subskrypcja")
# Not pages: the API has its own ETags and caching (api/http.py); the rest are files.
NOT_PAGES = ("/api/", "/static/", "/media/", "/documents/")


def private_path_pattern():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    prefixes = "|".join(re.escape(prefix) for prefix in PRIVATE_PREFIXES)
    return re.compile(rf"^/(?:(?:{languages})/)?(?:{prefixes})/")


PRIVATE_PATH = private_path_pattern()


def is_private_path(path):
    return bool(PRIVATE_PATH.match(path))


def language_of(request):
    """The language an address is in: its /en/ prefix, else the site's default."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def request_generation(request):
    """The content state of the address's scope (scopes.py), read once per request, before the page
    is rendered: a publication during the rendering then changes the state the next request sees,
    never this one's."""
    if not hasattr(request, "content_generation"):
        request.content_generation = current_state(request.path_info)
    return request.content_generation


def is_signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def is_restricted(page):
    return page is not None and bool(page.get_view_restrictions())


def already_private(response):
    directives = response.get("Cache-Control", "").lower()
    return any(word in directives for word in ("private", "no-store", "no-cache"))


def is_private(request, response):
    return (
        getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
        or is_private_path(request.path_info)
        or bool(response.cookies)
        or already_private(response)
        or is_signed_in(request)
        or is_restricted(getattr(request, "served_page", None))
    )


def is_published_content(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and match is not None
        and match.url_name in PUBLISHED_CONTENT_VIEWS
    )


def drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def language_only_in_path():
    return is_language_prefix_patterns_used(settings.ROOT_URLCONF) == (True, False)


def page_etag(request, page, generation):
    """Changes with the page's live revision, its language, the code and any publication in its scope
    or above it (navigation and lists show other pages too)."""
    parts = [
        generation,
        code_version(),
        language_of(request),
        request.get_host(),
        request.get_full_path(),
        str(page.pk),
        str(page.live_revision_id),
    ]
    return '"%s"' % hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def page_last_modified(page, generation):
    """The later of the page's publication and the last change of its content state (see page_etag)."""
    moments = [datetime.fromtimestamp(state_time(generation), tz=timezone.utc)]
    if page.last_published_at:
        moments.append(page.last_published_at)
    return max(moments)


def add_validators(request, response):
    """A page's come from its revision and the generation; a feed's, the sitemap's and robots.txt's
    from their bytes (their Last-Modified, if any, is their view's)."""
    page = getattr(request, "served_page", None)
    generation = request_generation(request)
    if page is not None and generation is not None:
        response["ETag"] = page_etag(request, page, generation)
        response["Last-Modified"] = http_date(page_last_modified(page, generation).timestamp())
    elif not response.has_header("ETag"):
        set_response_etag(response)


def make_private(response):
    response["Cache-Control"] = PRIVATE
    # The copy a browser shows must never be reused for someone else either.
    patch_vary_headers(response, ("Cookie",))


def make_public(request, response):
    response["Cache-Control"] = PUBLIC
    drop_vary(response, "Cookie")
    add_validators(request, response)


def apply_cache_policy(request, response):
    if language_only_in_path():
        drop_vary(response, "Accept-Language")
    if is_private(request, response):
        make_private(response)
    elif is_published_content(request, response):
        make_public(request, response)
    return response


class CachePolicyMiddleware:
    """Sets Cache-Control, validators and Vary on the way out. Listed before SessionMiddleware and
    LocaleMiddleware so that it sees (and can correct) the Vary they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if request.method in ("GET", "HEAD") and not is_private_path(path) and not path.startswith(NOT_PAGES):
            request_generation(request)
        return apply_cache_policy(request, self.get_response(request))


# The request headers get_conditional_response reads (If-Match and If-Unmodified-Since only ever
# turn a GET into a 412).
CONDITIONS = ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")


def not_modified_if_current(request, response):
    """304 when the client already has this public response (If-None-Match, If-Modified-Since)."""
    if not any(condition in request.META for condition in CONDITIONS):  # most requests
        return response
    if request.method not in ("GET", "HEAD") or response.get("Cache-Control") != PUBLIC:
        return response
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified and parse_http_date_safe(last_modified),
        response=response,
    )


class ConditionalGetMiddleware:
    """Django's conditional GET, for the public responses only (whose validators the policy set):
    listed first, so that a response from the app's cache becomes a 304 as well. Errors and private
    answers get no ETag."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return not_modified_if_current(request, self.get_response(request))


def search_prefixes():
    """The search's address in every language (/paieska/, /en/search/): its answers depend on the query
    and the search index, not only on published pages. Asked on every request (a warm hit too), so
    worked out once per URL configuration and set of languages."""
    # The codes only: hashing the languages' lazy names would translate them, on every request.
    known = (get_urlconf() or settings.ROOT_URLCONF, tuple(code for code, _name in settings.LANGUAGES))
    if known not in _search_prefixes:
        prefixes = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                prefixes.append(reverse("site_search:search"))
        _search_prefixes[known] = tuple(prefixes)
    return _search_prefixes[known]


_search_prefixes = {}
