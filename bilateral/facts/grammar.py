"""Lithuanian-aware formatting of the figures, dates and lists that fact sentences are made of.

Every word here goes through gettext, so the same code writes English under the English locale.
"""

import functools
from decimal import Decimal

from django.conf import settings
from django.core.signals import setting_changed
from django.utils import formats, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

SMALL_NUMBER_WORDS = {
    1: lambda: pgettext("number word, masculine nominative", "one"),
    2: lambda: pgettext("number word, masculine nominative", "two"),
    3: lambda: pgettext("number word, masculine nominative", "three"),
    4: lambda: pgettext("number word, masculine nominative", "four"),
    5: lambda: pgettext("number word, masculine nominative", "five"),
    6: lambda: pgettext("number word, masculine nominative", "six"),
    7: lambda: pgettext("number word, masculine nominative", "seven"),
    8: lambda: pgettext("number word, masculine nominative", "eight"),
    9: lambda: pgettext("number word, masculine nominative", "nine"),
}


def format_number(value):
    """A figure in the active language's format: 678,819 in Lithuanian, 678.819 in English.

    Decimals keep the precision they were entered with; whole numbers show no decimals.
    """
    if value is None:
        return ""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if not settings.USE_THOUSAND_SEPARATOR:
        if type(value) is int:
            # What number_format gives a whole number without grouping, without first looking up the
            # language's separators it would not use: a page render formats a few hundred figures.
            return SafeString(value)  # mark_safe's answer without its check for a lazy string
        if type(value) is Decimal and is_positional(value):
            # What number_format writes for a decimal without grouping (its positional form, the
            # language's decimal separator), with the separator looked up once per language.
            return SafeString("{:f}".format(value).replace(".", decimal_separator(translation.get_language())))
    return formats.number_format(value, use_l10n=True)


def is_positional(value):
    """Whether numberformat writes this decimal digit by digit (it writes one of over 200 digits with
    an exponent)."""
    if not value.is_finite():
        return False
    _sign, digits, exponent = value.as_tuple()
    return abs(exponent) + len(digits) <= 200


@functools.cache
def decimal_separator(language):
    return formats.get_format("DECIMAL_SEPARATOR", language, use_l10n=True)


def forget_separators(setting, **kwargs):
    """As Django forgets its formats when a test changes what they come from."""
    if setting in {"FORMAT_MODULE_PATH", "DECIMAL_SEPARATOR", "LANGUAGES", "LANGUAGE_CODE"}:
        decimal_separator.cache_clear()


setting_changed.connect(forget_separators)


def number_in_words(count):
    """Small counts are written as words in running text ("du euroregionai"), larger as digits."""
    word = SMALL_NUMBER_WORDS.get(count)
    return word() if word else format_number(count)


def is_whole(value):
    return Decimal(value) == Decimal(value).to_integral_value()


def kilometres(value):
    """'32 kilometrų', '1 kilometro', '1,5 kilometro': the genitive that '… ilgio' governs."""
    if not is_whole(value):
        return pgettext("fractional length, genitive", "%(length)s kilometres") % {
            "length": format_number(value)
        }
    count = int(value)
    return ngettext("%(count)s kilometre", "%(count)s kilometres", count) % {
        "count": format_number(count)
    }


def join_list(items, conjunction=None):
    """'a, b ir c': the last pair joined by the conjunction ("ir" unless told otherwise)."""
    items = [item for item in items if item]
    if conjunction is None:
        conjunction = _("and")
    if len(items) < 2:
        return "".join(items)
    return "%s %s %s" % (", ".join(items[:-1]), conjunction, items[-1])


def strip_final_stop(text):
    """Editors may or may not end a sentence field with a full stop; the template adds its own."""
    text = (text or "").strip()
    return text[:-1].rstrip() if text.endswith(".") else text


def spaced_initials(name):
    """'A.Danėnas' → 'A. Danėnas', 'J.R.Smith' → 'J. R. Smith': an initial's full stop is followed by a
    space, as Lithuanian (and English) typography writes it. Names are normalised when written out, not
    when stored, so every page already saved reads right and an editor's typing is never refused."""
    name = (name or "").strip()
    result = []
    for index, character in enumerate(name):
        result.append(character)
        if character == "." and is_initial_before(name, index) and index + 1 < len(name) and name[index + 1].isalpha():
            result.append(" ")
    return "".join(result)


def is_initial_before(text, stop):
    """Whether the full stop at `stop` ends a one-letter capital initial (not 'plk.' or 'Jr.')."""
    if stop < 1 or not text[stop - 1].isupper():
        return False
    return stop == 1 or not text[stop - 2].isalpha()


def agreeing_with(country, messages):
    """The message whose verb agrees with the country's name: `messages` maps a gender (models:
    FEMININE, MASCULINE, NEUTER, PLURAL) to a function giving that gender's message, a pgettext with the
    gender's context ("Białoruś uznała", "Izrael uznał"). Only Polish writes them differently; the
    feminine is the default (every partner so far, and an empty value)."""
    from .models import FEMININE

    return messages.get((country or {}).get("gender"), messages[FEMININE])()
