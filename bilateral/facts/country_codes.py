"""ISO 3166-1 country codes, from pycountry's copy of the standard (maintained, not typed by us)."""

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def country_of_code(code):
    """The standard's entry for a two-letter code, or None."""
    code = (code or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        return None
    return pycountry.countries.get(alpha_2=code)


def validate_iso_code(value):
    if country_of_code(value) is None:
        raise ValidationError(
            _("“%(code)s” is not an ISO 3166-1 country code: give two letters, for example LV for Latvia."),
            code="unknown_iso_code",
            params={"code": value},
        )
