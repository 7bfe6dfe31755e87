"""HTTP around every API view: ETag and 304, public caching, HEAD, and CORS for reading."""

import functools
import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags

MAX_AGE = 300
READ_METHODS = ("GET", "HEAD", "OPTIONS")
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ", ".join(READ_METHODS),
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


def api_view(view):
    """Wrap one API view: OPTIONS answered here, HEAD as GET without the body, GET cached by ETag."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(READ_METHODS)
            return with_cors(response)
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        head = request.method == "HEAD"
        request.method = "GET"  # ninja routes HEAD nowhere; the answer is the GET one without its body
        try:
            response = with_content_language(request, view(request, *args, **kwargs))
            response = conditional(request, response)
        finally:
            request.method = "HEAD" if head else "GET"
        if head and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return with_cors(response)

    return wrapped


def with_content_language(request, response):
    """The language of the pages answered is the ?language= asked for (Lithuanian by default), not the
    language of the address (LocaleMiddleware's guess, which only sets a missing header)."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = request.GET.get("language", settings.LANGUAGE_CODE)
    response["Content-Language"] = language if language in codes else settings.LANGUAGE_CODE
    return response


def with_cors(response):
    for header, value in CORS.items():
        response[header] = value
    return response


def conditional(request, response):
    """A successful answer gets an ETag (hash of its body) and, if the client has it, becomes a 304."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = '"%s"' % hashlib.sha256(response.content).hexdigest()[:40]
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    if matches(request.headers.get("If-None-Match", ""), etag):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary", "Content-Language"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def matches(if_none_match, etag):
    """Weak comparison, as RFC 9110 wants for If-None-Match."""
    tags = [tag.removeprefix("W/") for tag in parse_etags(if_none_match)]
    return "*" in tags or etag in tags
