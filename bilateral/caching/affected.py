"""Which addresses and scopes a change of a page touches: shared by the app's cache (scopes.py) and
the purge of the caching proxies (cache_purge.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from bilateral.pages.addresses import page_path

from .scopes import API_SCOPE, scope_of

SITEMAP_PATH = "/sitemap.xml"


def feed_path(page):
    from bilateral.history.feeds import scope_for

    scope = scope_for(page)
    return scope.path if scope is not None else None


def own_paths(page):
    """The page's address and its feed's, if routable."""
    path = page_path(page)
    if path is None:
        return []
    feed = feed_path(page)
    return [path] + ([feed] if feed else [])


def with_translations(pages):
    seen = {}
    for page in pages:
        for version in [page, *page.get_translations(inclusive=False)]:
            seen.setdefault(version.pk, version)
    return [page.specific_deferred for page in seen.values()]


def changed_pages(page, parent=None):
    """The page, its ancestors (their lists show it) and the language versions of all of them."""
    parent = parent if parent is not None else page.get_parent()
    ancestors = list(Page.objects.ancestor_of(parent, inclusive=True).exclude(depth=1)) if parent else []
    return with_translations([page, *ancestors])


def listing_paths():
    """Answers that list pages whatever the page: the sitemap, the search pages, the API."""
    paths = [SITEMAP_PATH, API_SCOPE]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("site_search:search"))
    return paths


def changed_paths(page, parent=None):
    """Every canonical address a publication of `page` shows up at (at its place, or under `parent`)."""
    paths = []
    for changed in changed_pages(page, parent):
        paths.extend(own_paths(changed))
    return paths


def changed_scopes(page, parent=None):
    return {scope_of(path) for path in changed_paths(page, parent) + listing_paths()}


def shown_on_every_page(page):
    """A general page: any of them may be (or just have stopped being) a footer link, on every page."""
    return hasattr(page, "footer_role")
