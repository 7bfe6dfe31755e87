"""What a reader typed, checked: too long, no words or figures, or fine."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .folding import terms

MAX_LENGTH = 200
TOO_LONG = _("The search query is too long: use at most %(max)s characters.")
NO_TERMS = _("The query has no words or figures to look for. Type a word, a name or a number, for example “sienos ženklai”.")


@dataclass
class Query:
    text: str = ""  # as typed, control characters removed: echoed back in the search box
    terms: list = field(default_factory=list)  # folded words and figures
    error: str = ""

    @property
    def is_empty(self):
        return not self.text and not self.error


def printable(text):
    """Control and format characters (NUL, escapes, bidi controls) are dropped; spaces stay."""
    return "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )


def parse(raw):
    raw = raw or ""
    text = " ".join(printable(raw).split())
    if len(raw) > MAX_LENGTH:
        return Query(text=text[:MAX_LENGTH], error=TOO_LONG % {"max": MAX_LENGTH})
    if not raw.strip():
        return Query()
    found = terms(text)
    if not found:
        return Query(text=text, error=str(NO_TERMS))
    return Query(text=text, terms=found)
