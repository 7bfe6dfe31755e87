"""The unsubscribe views' hook for a database outage: accept the unsubscribe into the journal (202).

Only an unsubscribe is accepted this way (the one-click POST and the manage page's "unsubscribe from
everything"); anything else a database error interrupts stays a 503 (operations/outage.py).
"""

import functools
import logging

from django.shortcuts import render

from bilateral.operations.outage import DATABASE_ERRORS

from . import journal
from .tokens import InvalidToken

logger = logging.getLogger(__name__)


def accept_unsubscribe_when_database_is_down(purpose, is_unsubscribe=lambda request: True):
    """Decorates a view taking (request, token): when it meets a database error while handling a POST
    that `is_unsubscribe`, the unsubscribe is journaled and answered 202."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, token):
            try:
                return view(request, token)
            except DATABASE_ERRORS as outage:
                if request.method != "POST" or not is_unsubscribe(request):
                    raise
                return journaled_answer(request, purpose, token, outage)

        return wrapper

    return decorator


def journaled_answer(request, purpose, token, outage):
    try:
        where = journal.record(purpose, token)
    except InvalidToken:
        return page_without_database(request, "subscriptions/journal/invalid_link.html", 400)
    except OSError:
        # Neither Redis nor the disk took it: only now is "try again later" the honest answer.
        logger.exception("An unsubscribe could not be journaled")
        raise outage from None
    logger.warning("Database unavailable; unsubscribe (%s) journaled in %s", purpose, where)
    return page_without_database(request, "subscriptions/journal/unsubscribe_recorded.html", 202)


def page_without_database(request, template, status):
    response = render(request, template, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def wants_to_unsubscribe_from_everything(request):
    """The manage page's "unsubscribe from everything" button."""
    return request.POST.get("action") == "unsubscribe_all"
