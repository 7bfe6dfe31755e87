"""Which of the site's languages a page is written in, from its commonest words.

A page in another language than the one asked for would read into no facts at all and be kept
whole as unstructured text: it is refused instead, saying which language it seems to be in.
"""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy

COMMON_WORDS = {
    "lt": {
        "ir",
        "yra",
        "su",
        "tarp",
        "iš",
        "bei",
        "buvo",
        "kad",
        "į",
        "nuo",
        "dėl",
        "jų",
        "taip",
        "pat",
        "po",
        "prie",
        "m.",
        "d.",
    },
    "en": {
        "the",
        "and",
        "of",
        "to",
        "is",
        "was",
        "with",
        "for",
        "on",
        "by",
        "that",
        "were",
        "has",
        "have",
        "from",
        "in",
    },
}
WORD = re.compile(r"[^\W\d_]+\.?")


def detected_language(text):
    """The site language whose common words the text uses most, or None if it uses none of them."""
    words = [word.casefold() for word in WORD.findall(text)]
    scores = {
        code: sum(
            1 for word in words if word in COMMON_WORDS.get(code, ()) or word.rstrip(".") in COMMON_WORDS.get(code, ())
        )
        for code, _name in settings.LANGUAGES
    }
    best = max(scores, key=scores.get)
    return best if scores[best] else None


# "Written …": the language as an adverbial, which Lithuanian declines ("anglų kalba").
WRITTEN_IN = {"lt": gettext_lazy("in Lithuanian"), "en": gettext_lazy("in English")}


def written_in(code):
    return str(WRITTEN_IN.get(code, code))
