"""Reading generated sentences back into a block's fields: the sentence templates, inverted.

A block writes its sentences from gettext templates in the active language ("Tarp Lietuvos ir
%(country)s veikia %(points)s."). The same template, its literal text escaped and each %(name)s made a
named group, is a regular expression that reads the sentence back. So each block's parser is built
from its own generator's templates and follows them when a translation changes, in every language.

The old site's pages were typed by hand: a few typographic slips are read as the house style writes
them (LENIENT_LITERALS), so that the page still reads into facts; the report shows what was read.
"""

import re
from decimal import Decimal

from django.utils import formats
from django.utils.translation import ngettext

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
ANY = r".+?"
# A literal character of a template and what a hand-typed page may have in its place: straight or
# English quotation marks for Lithuanian ones, a spaced hyphen for a dash between two names.
LENIENT_LITERALS = {
    "„": '[„“”"]',
    "“": '[“”"]',
    "”": '[”“"]',
    "–": r"\s?[–—-]\s?",
}
# Whole phrases of Lithuanian templates a hand-typed page wrote otherwise: "km." with a full stop,
# the calque "o taip pat".
LENIENT_PHRASES = {
    r"\ km,": r"\ km\.?,",
    r",\ taip\ pat\ ": r",\ (?:o\ )?taip\ pat\ ",
}
# Counts whose plural forms cover every language of the site (Lithuanian has three).
SAMPLE_COUNTS = (0, 1, 2, 5, 10, 11, 21, 22, 100)


def normalise_text(text):
    """Whitespace as one space (non-breaking spaces included), no space at the ends."""
    return " ".join(str(text or "").replace("\u00a0", " ").split())


def escape_literal(text):
    escaped = "".join(LENIENT_LITERALS.get(character, re.escape(character)) for character in text)
    for phrase, lenient in LENIENT_PHRASES.items():
        escaped = escaped.replace(phrase, lenient)
    return escaped


def template_regex(template, **groups):
    """The regular expression reading what `template % values` wrote; `groups` gives a pattern for a
    placeholder (any text otherwise). A placeholder used twice must read the same text twice."""
    parts, position, seen = [], 0, set()
    # Runs of white space as one space, but a template's own leading or trailing space is kept: a
    # piece such as " in a %(length)s long stretch" is placed right after another.
    template = re.sub(r"\s+", " ", str(template).replace("\u00a0", " "))
    for match in PLACEHOLDER.finditer(template):
        parts.append(escape_literal(template[position : match.start()]))
        name = match.group(1)
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            parts.append(f"(?P<{name}>{groups.get(name, ANY)})")
            seen.add(name)
        position = match.end()
    parts.append(escape_literal(template[position:]))
    return "".join(parts)


def unnamed(pattern):
    """The pattern with its named groups made plain groups, to be placed inside another pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def match_template(template, text, **groups):
    """The whole of `text` read by `template`, or None."""
    return re.fullmatch(template_regex(template, **groups), normalise_text(text))


def match_any(templates, text, **groups):
    for template in templates:
        match = match_template(template, text, **groups)
        if match:
            return match
    return None


def plural_forms(singular, plural):
    """Every form ngettext gives for the active language, most common first, without repeats."""
    return list(dict.fromkeys(ngettext(singular, plural, count) for count in SAMPLE_COUNTS))


def number_pattern():
    """A figure as format_number writes it in the active language (thousands grouped or not)."""
    decimal = re.escape(formats.get_format("DECIMAL_SEPARATOR"))
    thousands = re.escape(formats.get_format("THOUSAND_SEPARATOR"))
    return rf"\d{{1,3}}(?:[{thousands} \u00a0]\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"


def parse_number(text):
    """The inverse of grammar.format_number: an int, or a Decimal where the figure has decimals."""
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    thousands = formats.get_format("THOUSAND_SEPARATOR")
    text = normalise_text(text)
    whole, _sep, fraction = text.partition(decimal)
    whole = re.sub(r"[\s\u00a0]", "", whole.replace(thousands, ""))
    if fraction:
        return Decimal(f"{whole}.{fraction}")
    return int(whole)


def choice_pattern(labels):
    """An alternation of the labels (longest first, so that one is not read as the start of another)."""
    return "|".join(escape_literal(normalise_text(label)) for label in sorted(labels, key=len, reverse=True))


def choice_of(label_by_key, text):
    """The key whose label (in the active language) is `text`."""
    text = normalise_text(text)
    for key, label in label_by_key.items():
        if normalise_text(label) == text or re.fullmatch(escape_literal(normalise_text(label)), text):
            return key
    return None


def split_list(text, conjunction):
    """The inverse of grammar.join_list: 'a, b ir c' → ['a', 'b', 'c']."""
    text = normalise_text(text)
    head, separator, last = text.rpartition(f" {conjunction} ")
    if not separator:
        return [text] if text else []
    return [*head.split(", "), last]


def sentence_prefix(pattern, text):
    """`pattern` read at the start of `text`: (match, the rest after it and its space) or (None, text)."""
    match = re.match(rf"(?:{pattern})(?=\s|$)", text)
    if not match:
        return None, text
    return match, text[match.end() :].lstrip()


class Paragraph:
    """A paragraph of an imported page: its text, and whether it was a heading, a list item or prose."""

    HEADING, ITEM, TEXT = "heading", "item", "text"

    def __init__(self, text, kind=TEXT):
        self.text = normalise_text(text)
        self.kind = kind

    def __repr__(self):
        return f"Paragraph({self.text!r}, {self.kind!r})"
