"""A section page's text is rendered once, when the page is saved, not for every search result.

Search reads pages, not the reverse: this receiver fills the page's stored search fields
(SectionPage.search_body, search_folded), which its search_fields index."""

from django.db.models.signals import pre_save

from .folding import folded_words
from .stemming import with_stems
from .text import render_body_text


def store_search_body(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before each save that writes the body (publishing saves the whole page): the rendered text
    goes in the same row, so the search index (updated right after the save) and the snippets read
    it instead of rendering the fact blocks again. Runs after Wagtail's own pre_save handler, which
    gives a new page its locale (the language the text is rendered in)."""
    if raw or (update_fields is not None and "body" not in update_fields):
        return
    store_search_fields(instance)


def store_search_fields(page):
    page.search_body = render_body_text(page)
    folded = folded_words(f"{page.title} {page.search_body}")
    page.search_folded = with_stems(folded, page.locale.language_code)


def connect():
    from bilateral.pages.models import SectionPage

    pre_save.connect(store_search_body, sender=SectionPage, dispatch_uid="site_search.store_search_body")
