"""Query parameters shared by the resources; a bad value is a 400 with a JSON error, never a 500."""

from typing import Literal, Optional

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Query
from ninja.errors import HttpError

from bilateral.facts.models import Country
from bilateral.history.history import BadDay, parse_day

MAX_LIMIT = 200
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
Language = Literal[LANGUAGE_CODES]


def as_of_param():
    return Query(
        None,
        pattern=DAY_PATTERN,
        description="YYYY-MM-DD: the pages as published at the end of that day (Europe/Vilnius).",
        example="2019-01-01",
    )


def country_param():
    return Query(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. BY.", example="BY")


def language_param():
    return Query(
        settings.LANGUAGE_CODE,
        description="Which pages: the Lithuanian originals (lt, the default) or their English translations (en).",
    )


def limit_param():
    return Query(50, ge=1, le=MAX_LIMIT, description=f"How many items, at most {MAX_LIMIT}.")


def offset_param():
    return Query(0, ge=0, le=1_000_000, description="How many items to skip.")


def day_or_none(as_of: Optional[str]):
    if as_of is None:
        return None
    try:
        return parse_day(as_of)
    except BadDay:
        message = _("as_of must be a calendar day written YYYY-MM-DD, for example 2019-01-01.")
        raise HttpError(400, message) from None


def country_or_none(code: Optional[str]):
    if code is None:
        return None
    country = Country.objects.filter(iso_code=code.upper()).first()
    if country is None:
        raise HttpError(400, _("There is no country with the code %(code)s.") % {"code": code})
    return country


def page_of(items, limit, offset):
    """One page of a list, with its total count."""
    return {"count": len(items), "limit": limit, "offset": offset, "items": items[offset : offset + limit]}
