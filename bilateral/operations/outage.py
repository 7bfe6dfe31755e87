"""A database that goes away answers 503 "try again shortly", never a 500 with a traceback.

Django opens a new connection on the next request (CONN_HEALTH_CHECKS drops a dead persistent one),
so when the database returns the same processes serve again without a restart.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def outage_message():
    return _("The site is temporarily unavailable. Please try again in a few minutes.")


def outage_response(request):
    """503 with Retry-After: JSON under /api/, otherwise a page that needs neither database nor cache."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": outage_message()}, status=503)
    else:
        response = HttpResponse(outage_page(request), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A proxy must not keep the outage page once the database is back.
    response["Cache-Control"] = "no-store"
    return response


def outage_page(request):
    try:
        return render_to_string("operations/503.html", {"message": outage_message()}, request=request)
    except Exception:  # e.g. a static-files manifest missing: the reader still gets words, not a 500
        logger.exception("The outage page could not be rendered; sending plain text")
        return f"<!DOCTYPE html><title>503</title><p>{outage_message()}</p>"


class DatabaseOutageMiddleware:
    """Turns a database error raised by a view (or its template) into the outage response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable, answering 503: %s", exception)
            return outage_response(request)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a database error raised outside a view (in a middleware) is an outage too."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return outage_response(request)
    return defaults.server_error(request, template_name)
