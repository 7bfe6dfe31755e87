"""The footer's links to the general pages (accessibility statement, privacy notice, contacts, about)
of the reader's language. Every page shows them, so they are looked up once per content generation
(they change only when a page is published, and a publication starts a new generation)."""

from django.utils import translation

from bilateral.caching.content_generation import (
    current_generation,
    rendered_pages_cache,
)

from .general import FOOTER_ORDER, GeneralPage

TIMEOUT = 60 * 60


def footer_links(request=None):
    language = translation.get_language() or ""
    generation = current_generation()
    if generation is None:
        return look_up_footer_links(language, request)
    cache = rendered_pages_cache()
    key = f"bilateral:footer-links:{language}:{generation}"
    links = cache.get(key)
    if links is None:
        links = look_up_footer_links(language, request)
        cache.set(key, links, TIMEOUT)
    return links


def look_up_footer_links(language, request=None):
    """(title, address) of the first live general page of each footer role, in footer order (one query)."""
    pages = (
        GeneralPage.objects.live()
        .filter(locale__language_code=language)
        .exclude(footer_role="")
        .order_by("path")
        .only("title", "footer_role", "url_path", "path")
    )
    first_of_role = {}
    for page in pages:
        first_of_role.setdefault(page.footer_role, page)
    return [
        (first_of_role[role].title, first_of_role[role].get_url(request))
        for role in FOOTER_ORDER
        if role in first_of_role
    ]
