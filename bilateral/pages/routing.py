"""Routing a page request as Wagtail does (Page.route_for_request), with one query fewer: the site's
root page in the active language is fetched as its own type, with its locale, in one query, where
Wagtail asks for the active Locale, then for the root's translation, then for its specific page.
Anything unusual (no translation in that language, a translation of another page type, no such
locale) is left to Wagtail's own lookups."""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Site


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
    versions = model.objects.filter(translation_key=root.translation_key, locale__language_code=language)
    version = versions.select_related("locale").first()
    if version is None:
        return root.localized.specific
    if version.pk != root.pk and isinstance(version, DraftStateMixin) and not version.live:
        return root.specific
    return version


def route_for_request(request, path):
    """Page.route_for_request's answer: (page, args, kwargs) or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return localized_root(site.root_page).route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view (bilateral/urls.py puts it at Wagtail's own address), its route found above:
    Wagtail reads a route already on the request."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)
