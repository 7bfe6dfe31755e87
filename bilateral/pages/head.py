"""What a public page's <head> says about it: canonical address, language versions, Open Graph (its
feeds are linked by the history app: {% feed_links %})."""

from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from .addresses import OG_LOCALES, absolute, hreflang_alternates, page_path, translations
from .models import SectionPage


def page_of(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def page_language(page):
    return page.locale.language_code if page is not None and page.pk else (get_language() or "lt")


def own_path(page, request):
    """The page's path; a sub-route of the page (its history) keeps the part after the page's path."""
    path = page_path(page, request) if page is not None and page.pk else None
    request_path = request.path if request is not None else "/"
    if path is None:
        return request_path, ""
    if request_path.startswith(path):
        return request_path, request_path[len(path):]
    return path, ""


def language_versions(page, request, suffix):
    if page is not None and page.pk and page_path(page, request) is not None:
        paths = [(code, page_path(version, request)) for code, version in translations(page)]
        return [(code, absolute(path + suffix)) for code, path in paths if path is not None]
    path = request.path if request is not None else "/"
    current = get_language() or settings.LANGUAGE_CODE
    versions = [(code, absolute(translate_url(path, code))) for code, _name in settings.LANGUAGES]
    if len({url for _code, url in versions}) < len(versions):
        # Not a translatable address: it has one version only.
        return [(current, absolute(path))]
    return versions


def description(context, page):
    text = context.get("meta_description") or (page.search_description if page else "")
    if not text and page is not None:
        text = strip_tags(str(getattr(page, "intro", "") or ""))
    return Truncator(" ".join(text.split())).chars(200)


def head_meta(context):
    request = context.get("request")
    page = page_of(context)
    path, suffix = own_path(page, request)
    canonical = absolute(context.get("canonical_path") or path)
    language = page_language(page)
    versions = language_versions(page, request, suffix)
    if page is not None:
        title = context.get("meta_title") or page.seo_title or page.title
    else:
        title = context.get("meta_title") or _("Bilateral relations")
    return {
        "canonical": canonical,
        "alternates": hreflang_alternates(versions),
        "title": title,
        "description": description(context, page),
        "type": "article" if isinstance(page, SectionPage) and not suffix else "website",
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [OG_LOCALES.get(code, code) for code, _url in versions if code != language],
        "site_name": _("Bilateral relations"),
    }
