"""Routing a page request as Wagtail does (Page.route_for_request), with fewer queries: the site's
root page in the active language is fetched as its own type, with its locale, in one query, where
Wagtail asks for the active Locale, then for the root's translation, then for its specific page; and
in the site's own language a section page, or a country page (and what is below it), is found
without the home page.
Anything unusual (no translation in that language, a translation of another page type, no such
locale) is left to Wagtail's own lookups. The site itself comes from the copy kept in each process
(sites.py), not from a query."""

import functools

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin

from .query_memo import fetch
from .sites import site_for_request


def localized_root(root):
    """As `root.localized.specific`."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root.specific
    model = root.specific_class
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        model = None
    if model is None:
        return root.localized.specific
    versions = fetch(model, translations_in_language(model), translation_key=root.translation_key, language=language)
    version = versions[0] if versions else None
    if version is None:
        return root.localized.specific
    if version.pk != root.pk and isinstance(version, DraftStateMixin) and not version.live:
        return root.specific
    return version


def page_under_root(root, slugs, model, *related):
    """A page of this type at these slugs below the site's root, fetched by its address in one query,
    when the root is a home page in the request's language (Wagtail's `localized` then keeps it); or
    None (then the home page routes as usual)."""
    language = root_language(root)
    if language is None:
        return None
    url_path = root.url_path + "".join(f"{slug}/" for slug in slugs)
    pages = fetch(model, pages_at_address(model, related), url_path=url_path, locale_id=root.locale_id,
                  language=language)
    return pages[0] if pages else None


def root_language(root):
    """The request's language where the root is a home page in it, the site's own language (Wagtail's
    `localized` then keeps the root, and the root's pages are found by their addresses); else None."""
    from .models import HomePage

    if root.specific_class is not HomePage:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
        if language != get_supported_content_language_variant(settings.LANGUAGE_CODE):
            return None  # the root is in the default language (else the query below finds nothing)
    except LookupError:
        return None
    return language


# The routing queries as functions of their values only, one per page type, for query_memo (their SQL
# compiled once); each is .first() as a slice: pages are ordered by path.


@functools.cache
def translations_in_language(model):
    def translations(translation_key, language):
        versions = model.objects.filter(translation_key=translation_key, locale__language_code=language)
        return versions.select_related("locale")[:1]

    return translations


@functools.cache
def pages_at_address(model, related):
    """page_under_root's query."""

    def pages(url_path, locale_id, language):
        pages = model.objects.filter(url_path=url_path, locale_id=locale_id, locale__language_code=language)
        return pages.select_related(*related)[:1]

    return pages


@functools.cache
def page_at_address(model, related):
    """A page of this type by its address alone (HomePage.country_page_at)."""

    def pages(url_path):
        return model.objects.filter(url_path=url_path).select_related(*related)[:1]

    return pages


def first_at_address(model, url_path, *related):
    pages = fetch(model, page_at_address(model, related), url_path=url_path)
    return pages[0] if pages else None


def country_page_under_root(root, slugs):
    """HomePage.route's first step without the home page: the country page at these two slugs."""
    from .models import CountryPage

    return page_under_root(root, slugs[:2], CountryPage, "locale", "country") if len(slugs) >= 2 else None


def section_page_under_root(root, slugs):
    """A section page (nearly every request) without the home page or its country page, in one query
    with its surroundings, its country page among them (lineage.py, SectionSurroundings.at_address)."""
    from .models import SectionPage

    language = root_language(root) if len(slugs) >= 3 else None
    return SectionPage.at_address(root, slugs[:3], language) if language else None


def route_for_request(request, path):
    """Page.route_for_request's answer: (page, args, kwargs) or None."""
    site = site_for_request(request)
    if site is None:
        return None
    parts = [part for part in path.split("/") if part]
    try:
        section_page = section_page_under_root(site.root_page, parts)
        if section_page is not None:
            return section_page.route(request, parts[3:])
        country_page = country_page_under_root(site.root_page, parts)
        if country_page is not None:
            return country_page.route(request, parts[2:])
        return localized_root(site.root_page).route(request, parts)
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view (bilateral/urls.py puts it at Wagtail's own address), its route found above:
    Wagtail reads a route already on the request."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)
