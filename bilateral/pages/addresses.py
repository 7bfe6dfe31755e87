"""Absolute public addresses of pages (from settings.SITE_URL) and their language versions."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length
from django.utils import translation
from django.utils.text import slugify
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from bilateral.url_prefixes import page_address

OG_LOCALES = {"lt": "lt_LT", "en": "en_GB", "pl": "pl_PL"}

# Django's slugify drops a letter that has no decomposition ("Łotwa" → "otwa"): such letters are
# spelled out first.
SPELLED_OUT = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O"})


def slug_of(text):
    """The address word for a title: 'Współpraca polityczna' → 'wspolpraca-polityczna'."""
    return slugify((text or "").translate(SPELLED_OUT))


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def page_path(page, request=None):
    """The page's path with its language prefix ("/salys/…", "/en/…"), or None if it is not routable.
    With the request, Wagtail reads the sites' root paths once per request (not once per call)."""
    parts = url_parts(page, request)
    return parts[2] if parts else None


def page_url(page, request=None):
    """page.get_url(request), the address {% pageurl %} writes: the path alone on a single site."""
    parts = url_parts(page, request)
    if parts is None or parts[1] is None and parts[2] is None:
        return None
    site_id, root_url, path = parts
    if len({root[0] for root in page._get_site_root_paths(request)}) == 1:
        return path
    current_site = Site.find_for_request(request) if request is not None else None
    return path if current_site is not None and site_id == current_site.id else root_url + path


def url_parts(page, request=None):
    """page.get_url_parts(request), with the language prefix of Wagtail's page address reversed once
    per process (bilateral/url_prefixes.py) rather than once per link. A page type with its own
    get_url_parts, a page of several sites or an address reverse() must encode: Wagtail's own."""
    if type(page).get_url_parts is not Page.get_url_parts or not WAGTAIL_APPEND_SLASH:
        return page.get_url_parts(request)
    roots = page._get_relevant_site_root_paths(request)
    if not roots:
        return None
    site_id, root_path, root_url, language_code = roots[0]
    if len({root[0] for root in roots}) > 1:
        return page.get_url_parts(request)
    path = page_address(address_language(language_code), page.url_path[len(root_path):])
    return page.get_url_parts(request) if path is None else (site_id, root_url, path)


def address_language(language_code):
    """The language Wagtail reverses a page's address in: the active one if it is a variant of the
    page's (LANGUAGES longer than WAGTAIL_CONTENT_LANGUAGES), else the page's."""
    active = translation.get_language()
    try:
        return active if get_supported_content_language_variant(active) == language_code else language_code
    except LookupError:
        return language_code


def language_order(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def in_private_section():
    """For a page queryset: whether a view restriction covers the page, as Wagtail's .public() decides
    (a restriction on the page or an ancestor, i.e. a restricted page whose path starts the page's),
    inside the same query instead of a query of every restriction first."""
    covering = PageViewRestriction.objects.filter(page__path=Left(OuterRef("path"), Length("page__path")))
    return Exists(covering)


def live_translations(page):
    """The page's other live language versions with their locales, each marked `is_private`. Looked
    up once per page instance: the head's language versions and the header's language switch both
    ask during one render. Generic pages: only their addresses and locales are read, so the page
    type's own columns (a section's whole body) are not fetched."""
    if "_live_translations" not in page.__dict__:
        versions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        versions = versions.live().select_related("locale")
        page.__dict__["_live_translations"] = list(versions.annotate(is_private=in_private_section()))
    return page.__dict__["_live_translations"]


def keep_translations(page, versions):
    """What live_translations(page) answers, found by another query (each with its locale and
    `is_private`), unless it was asked already."""
    page.__dict__.setdefault("_live_translations", versions)


def translations(page):
    """The live, public language versions of the page (itself included), in the order of LANGUAGES."""
    versions = {page.locale.language_code: page}
    for other in live_translations(page):
        if not other.is_private:
            versions[other.locale.language_code] = other
    return sorted(versions.items(), key=lambda item: language_order(item[0]))


def hreflang_alternates(versions):
    """(hreflang, url) pairs, x-default last pointing to the default language's version (or the first)."""
    if not versions:
        return []
    urls = dict(versions)
    default = urls.get(settings.LANGUAGE_CODE) or versions[0][1]
    return list(versions) + [("x-default", default)]


def site_home(request=None, language=None, fallback=True):
    """The site's home page in that language; without a translation, the default one (or None)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    locale = Locale.objects.filter(language_code=language or settings.LANGUAGE_CODE).first()
    if locale is None and not fallback:
        return None
    if locale and locale.pk != root.locale_id:
        translated = root.get_translation_or_none(locale)
        if translated is None and not fallback:
            return None
        root = translated or root
    return root.specific


def site_homes(request=None):
    """The site's home page in each language that has one."""
    home = site_home(request)
    if home is None:
        return []
    return [page.specific for page in Page.objects.filter(translation_key=home.translation_key).live()]
