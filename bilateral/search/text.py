"""A page's text as readers see it: what search indexes and quotes in its snippets."""

import html
import re

from django.utils import translation
from django.utils.html import strip_tags

# A picture is a <figure> (bilateral/facts/pictures): an illustration of the text, not text to search or
# quote. Pictures never nest figures, so the first closing tag ends one.
FIGURE = re.compile(r"<figure\b.*?</figure>", re.I | re.S)
BLOCK_TAG = re.compile(r"</?(?:p|li|h[1-6]|ul|ol|section|div|br|table|tr|td|th|dl|dt|dd|blockquote)\b[^>]*>", re.I)


def html_to_text(markup):
    """Block-level tags become spaces, so that a heading and its paragraph don't run together."""
    markup = FIGURE.sub(" ", markup or "")
    return " ".join(html.unescape(strip_tags(BLOCK_TAG.sub(" ", markup))).split())


def render_body_text(page):
    country_page = page.country_page
    context = {"page": page, "country": country_page.country if country_page else None}
    # Each free-text value in its language, as the page shows it (untranslated ones whole in Lithuanian).
    context.update(page.free_text_context() if hasattr(page, "free_text_context") else {})
    with translation.override(page.locale.language_code):
        markup = "".join(block.render(context=context) for block in page.body)
    return html_to_text(markup)


def page_text(page):
    """The text a result's snippet is cut from: a section's rendered body, otherwise the intro."""
    if hasattr(page, "search_text"):
        return page.search_text()
    return html_to_text(str(getattr(page, "intro", "") or page.search_description or ""))
