"""Two published versions of a section page side by side, with what differs marked in words, not colour."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest

from bs4 import BeautifulSoup
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

UNIT_TAGS = ["h2", "h3", "h4", "p", "li", "dt", "dd", "td", "th", "blockquote"]
HEADING_TAGS = {"h2", "h3", "h4"}
# Words, runs of spaces and single punctuation marks: "ženklai," differs from "ženklas," in the word only.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class Unit:
    """One heading, paragraph or list item of the rendered page, as plain text."""

    text: str
    heading: bool = False


@dataclass
class Row:
    """One line of the comparison: the earlier text and the later text, marked up."""

    old: str
    new: str
    changed: bool
    heading: bool


def normalise(text):
    return " ".join(text.replace("\u00a0", " ").split())


def block_units(html):
    soup = BeautifulSoup(html, "html.parser")
    for figure in soup.find_all("figure"):
        figure.decompose()  # a picture repeats the block's figures; the comparison is of the text
    units = []
    for element in soup.find_all(UNIT_TAGS):
        if element.find_parent(UNIT_TAGS):
            continue  # its text is already in the enclosing unit
        text = normalise(element.get_text())
        if text:
            units.append(Unit(text, heading=element.name in HEADING_TAGS))
    if not units and normalise(soup.get_text()):
        units.append(Unit(normalise(soup.get_text())))
    return units


def rendered_units(page, country, request=None):
    """The page as readers see it (title, then every block's text), in reading order."""
    units = [Unit(page.title, heading=True)]
    context = {"page": page, "country": country, "request": request}
    context.update(page.free_text_context() if hasattr(page, "free_text_context") else {})
    for block in page.body:
        units.extend(block_units(block.render(context=context)))
    return units


def marked(text, tag, label):
    return format_html('<{0}><span class="visually-hidden">{1} </span>{2}</{0}>', tag, label, text)


def word_diff(old, new):
    """The two texts with the changed words wrapped in <del> and <ins>."""
    removed, added = _("removed:"), _("added:")
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    segments = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False).get_opcodes():
        segments.append([op == "equal", "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])])
    segments = merge_spaces(segments)
    old_html, new_html = [], []
    for equal, old_part, new_part in segments:
        if equal:
            old_html.append(escape(old_part))
            new_html.append(escape(new_part))
            continue
        if old_part:
            old_html.append(marked(old_part, "del", removed))
        if new_part:
            new_html.append(marked(new_part, "ins", added))
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))


def merge_spaces(segments):
    """A lone space between two changes joins them, so a changed phrase is marked once, not word by word."""
    merged = []
    for segment in segments:
        if merged and not segment[0] and not merged[-1][0]:
            merged[-1][1] += segment[1]
            merged[-1][2] += segment[2]
        elif (
            len(merged) >= 2
            and not segment[0]
            and merged[-1][0]
            and not merged[-1][1].strip()
            and not merged[-2][0]
        ):
            space = merged.pop()
            merged[-1][1] += space[1] + segment[1]
            merged[-1][2] += space[2] + segment[2]
        else:
            merged.append(segment)
    return merged


def unit_row(old, new):
    removed, added = _("removed:"), _("added:")
    if old is None:
        return Row("", marked(new.text, "ins", added), True, new.heading)
    if new is None:
        return Row(marked(old.text, "del", removed), "", True, old.heading)
    if old.text == new.text:
        return Row(escape(old.text), escape(new.text), False, new.heading)
    old_html, new_html = word_diff(old.text, new.text)
    return Row(old_html, new_html, True, new.heading)


def compare_units(old_units, new_units):
    """Rows pairing the earlier and later units; changed paragraphs are paired in order."""
    matcher = SequenceMatcher(a=[u.text for u in old_units], b=[u.text for u in new_units], autojunk=False)
    rows = []
    for _op, i1, i2, j1, j2 in matcher.get_opcodes():
        for old, new in zip_longest(old_units[i1:i2], new_units[j1:j2]):
            rows.append(unit_row(old, new))
    return rows
