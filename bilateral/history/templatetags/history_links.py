"""{% feed_links as feeds %}: the Atom feeds a public page's head links (its own, its country's, the
portal's), each {"title", "url"}."""

from django import template

from bilateral.pages.head import page_language, page_of

from ..feeds import scopes_for

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    request = context.get("request")
    page = page_of(context)
    stored_page = page if page is not None and page.pk else None
    scopes = scopes_for(stored_page, request, page_language(page))
    return [{"title": scope.title, "url": scope.url} for scope in scopes]
