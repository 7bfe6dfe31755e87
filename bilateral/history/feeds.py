"""Atom feeds of major changes: of one section page, of a country's pages and of the whole portal.

A page's feed is its address followed by "atnaujinimai.atom" (the portal's is /atnaujinimai.atom):
/salys/baltarusija/politinis-bendradarbiavimas/atnaujinimai.atom, /salys/baltarusija/atnaujinimai.atom;
English pages have theirs under /en/. Feed and entry ids are tag: URIs built from page and change
numbers, so they stay the same when a page is renamed or moved.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from bilateral.pages.addresses import absolute, page_path, site_home
from bilateral.pages.models import CountryPage, HomePage, MajorChange, SectionPage

FEED_NAME = "atnaujinimai.atom"
ENTRIES = 50
SITE, COUNTRY, SECTION = "site", "country", "section"
TAG_DATE = "2025"  # the date part of the tag: URIs; changing it would change every id


def tag_uri(specific):
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:bilateral/{specific}"


@dataclass
class FeedScope:
    """Whose major changes a feed carries: a section page's, a country page's or the whole portal's."""

    page: Page
    kind: str
    # The request being served, if any: addresses are then worked out with one look-up of the sites.
    request: object = None

    @property
    def path(self):
        return page_path(self.page, self.request) + FEED_NAME

    @property
    def url(self):
        return absolute(self.path)

    @property
    def guid(self):
        return tag_uri(f"feed/{self.kind}/{self.page.pk}")

    @property
    def title(self):
        if self.kind == SECTION:
            country_page = self.page.country_page
            params = {"page": self.page.title, "country": country_page.title if country_page else ""}
            return _("Updates: %(country)s, %(page)s") % params
        if self.kind == COUNTRY:
            return _("Updates: %(country)s") % {"country": self.page.title}
        return _("Updates: all countries")

    def entries(self):
        sections = SectionPage.objects.live().public().descendant_of(self.page, inclusive=True)
        changes = list(
            MajorChange.objects.filter(page__in=sections).select_related("page").order_by("-published_at", "-pk")[
                :ENTRIES
            ]
        )
        countries = {}
        for change in changes:
            if change.page_id not in countries:
                country_page = change.page.country_page
                countries[change.page_id] = country_page.title if country_page else ""
            change.country_title = countries[change.page_id]
            change.feed_kind = self.kind
        return changes


def scope_for(page):
    """The feed of this page itself, if it has one."""
    page = page.specific
    if isinstance(page, SectionPage):
        return FeedScope(page, SECTION)
    if isinstance(page, CountryPage):
        return FeedScope(page, COUNTRY)
    if isinstance(page, HomePage):
        return FeedScope(page, SITE)
    return None


def scopes_for(page=None, request=None, language=None):
    """The feeds a page's head links: its own, its country's and the portal's."""
    scopes = []
    if page is not None:
        page = page.specific
        if isinstance(page, SectionPage):
            scopes.append(FeedScope(page, SECTION, request))
        country_page = live_country_page(page)
        if country_page is not None:
            scopes.append(FeedScope(country_page, COUNTRY, request))
        home = live_home_page(page)
    else:
        home = site_home(request, language)
    if home is not None:
        scopes.append(FeedScope(home, SITE, request))
    return [scope for scope in scopes if page_path(scope.page, request) is not None]


def live_home_page(page):
    """The live home page above the page (or the page itself), from the ancestors the page's
    breadcrumbs list too (pages/lineage.py AncestorsOnce)."""
    if not hasattr(page, "ancestor_pages"):
        return HomePage.objects.ancestor_of(page, inclusive=True).live().first()
    for candidate in [*page.ancestor_pages, page]:
        if candidate.live and candidate.specific_class is HomePage:
            return candidate
    return None


def live_country_page(page):
    """The live country page the page is in (or is). A section page already knows its country page
    (the page view looked it up): asking it again saves a query on every render."""
    if isinstance(page, SectionPage):
        country_page = page.country_page
        return country_page if country_page is not None and country_page.live else None
    return CountryPage.objects.ancestor_of(page, inclusive=True).live().first()


def resolve_scope(request, path):
    """The scope of the feed at "<path>atnaujinimai.atom": a language prefix, then the page's path."""
    components = [part for part in path.split("/") if part]
    language = settings.LANGUAGE_CODE
    other_languages = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    if components and components[0] in other_languages:
        language = components.pop(0)
    home = site_home(request, language, fallback=False)
    if home is None or not home.live:
        return None
    if not components:
        return FeedScope(home, SITE)
    url_path = home.url_path + "/".join(components) + "/"
    page = Page.objects.live().public().filter(locale_id=home.locale_id, url_path=url_path).first()
    scope = scope_for(page) if page is not None else None
    return scope if scope is not None and scope.kind != SITE else None


class MajorChangesFeed(Feed):
    """An Atom feed whose entries are major changes, newest first."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def get_object(self, request, path=""):
        scope = resolve_scope(request, path)
        if scope is None:
            raise Http404(_("There is no feed at this address."))
        return scope

    def title(self, scope):
        return scope.title

    def subtitle(self, scope):
        return _("Major changes of the pages on Lithuania's bilateral relations, newest first.")

    def link(self, scope):
        return absolute(page_path(scope.page))

    def feed_url(self, scope):
        return scope.url

    def feed_guid(self, scope):
        return scope.guid

    def author_name(self):
        return _("Ministry of Foreign Affairs of the Republic of Lithuania")

    def items(self, scope):
        return scope.entries()

    def item_title(self, change):
        if change.feed_kind == SECTION or not change.country_title:
            return change.page.title
        return f"{change.country_title}: {change.page.title}"

    def item_description(self, change):
        return change.note

    def item_link(self, change):
        return absolute(page_path(change.page))

    def item_guid(self, change):
        return tag_uri(f"major-change/{change.pk}")

    def item_pubdate(self, change):
        return change.published_at

    def item_updateddate(self, change):
        return change.published_at

    def item_categories(self, change):
        return [change.country_title] if change.country_title else []
