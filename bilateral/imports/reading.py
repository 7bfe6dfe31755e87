"""An uploaded page read into paragraphs, or refused with a reason the editor can act on.

HTML is parsed by a real HTML parser (html.parser through BeautifulSoup) and only its text is kept:
scripts, styles and other non-text elements are dropped whole, never run and never stored.
"""

import re

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _

from bilateral.facts.blocks.parsing import Paragraph, normalise_text

# A section page of the old site is some 10 KB of text; a megabyte is a hundred of them. Anything
# larger is not such a page, and reading it would hold a worker for nothing.
MAX_BYTES = 1024 * 1024
HTML_SIGN = re.compile(r"<\s*(?:!doctype|html|head|body|p|div|h[1-6]|ul|ol|li|br|script|style|table)\b", re.I)
DROPPED = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head", "form"]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = [*HEADINGS, "p", "li", "dt", "dd", "td", "th", "caption", "blockquote", "pre", "div", "section", "article"]
BULLET = re.compile(r"^\s*[•·*\-–]\s+")


class ImportRefused(Exception):
    """The upload cannot be imported; the message says why, in the active language."""


def refuse_size(size):
    if size > MAX_BYTES:
        raise ImportRefused(
            _("The file is too large (%(size)s MB); a page to import may be at most %(limit)s MB.")
            % {"size": round(size / (1024 * 1024), 1), "limit": MAX_BYTES // (1024 * 1024)}
        )


def decode(data):
    if not data or not data.strip():
        raise ImportRefused(_("The file is empty."))
    refuse_size(len(data))
    if b"\x00" in data:
        raise ImportRefused(_("The file is not text (it looks like a binary file). Upload the page as text or HTML."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _("The file is not UTF-8 text. Save the page as UTF-8 text or HTML and upload it again.")
        ) from None
    controls = sum(1 for character in text if ord(character) < 32 and character not in "\t\n\r\f")
    if controls > len(text) / 100:
        raise ImportRefused(_("The file is not text (it looks like a binary file). Upload the page as text or HTML."))
    return text


def is_html(text, filename=""):
    return filename.lower().endswith((".html", ".htm")) or bool(HTML_SIGN.search(text[:5000]))


def paragraphs_from_text(text):
    paragraphs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        kind = Paragraph.ITEM if BULLET.match(line) else Paragraph.TEXT
        paragraphs.append(Paragraph(BULLET.sub("", line), kind))
    return paragraphs


def paragraphs_from_html(text):
    soup = BeautifulSoup(text, "html.parser")
    for element in soup.find_all(DROPPED):
        element.decompose()
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    paragraphs = []
    innermost = [element for element in soup.find_all(BLOCKS) if not element.find(BLOCKS)]
    if not innermost:
        return paragraphs_from_text(soup.get_text("\n"))
    for element in innermost:
        kind = (
            Paragraph.HEADING
            if element.name in HEADINGS
            else Paragraph.ITEM
            if element.name == "li"
            else Paragraph.TEXT
        )
        # No separator between an element's strings: inline elements (<time>, <a>) are part of the
        # sentence's words and punctuation ("In <time>1991</time>, …").
        text = element.get_text()
        for line in text.splitlines() if element.name == "pre" else [text]:
            if normalise_text(line):
                paragraphs.append(Paragraph(line, kind))
    return paragraphs


def read_paragraphs(data, filename=""):
    """The page's paragraphs (headings, list items, text), or ImportRefused."""
    text = decode(data)
    paragraphs = paragraphs_from_html(text) if is_html(text, filename) else paragraphs_from_text(text)
    if not paragraphs:
        raise ImportRefused(_("The file has no text to import."))
    return paragraphs
