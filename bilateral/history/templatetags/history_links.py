"""{% feed_links as feeds %}: the Atom feeds a public page's head links (its own, its country's, the
portal's), each {"title", "url"}."""

from django import template
from django.utils.translation import get_language

from bilateral.pages.head import page_language, page_of

from ..feeds import scopes_for

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    """Worked out once per page instance (as pages/addresses.py live_translations): the head and the
    page's "Data" place both list the feeds in one render."""
    page = page_of(context)
    if page is None or not page.pk:
        return look_up_feed_links(context, None)
    known = page.__dict__.setdefault("_feed_links", {})
    language = get_language()
    if language not in known:
        known[language] = look_up_feed_links(context, page)
    return known[language]


def look_up_feed_links(context, stored_page):
    scopes = scopes_for(stored_page, context.get("request"), page_language(page_of(context)))
    return [{"title": scope.title, "url": scope.url} for scope in scopes]
