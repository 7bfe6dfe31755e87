"""Keeping the caching reverse proxy fresh: every address a change shows up at is dropped from it.

The proxy (deploy/nginx/proxy.conf) keeps public answers for long; this module makes that safe.
Wagtail's frontend cache (wagtail.contrib.frontend_cache) purges a published or unpublished page's own
addresses (SectionPage.get_cached_paths adds its history). Here, on the same events and on a move:

- the parent's whole subtree is purged by address prefix: the parent itself, the page, its siblings
  (whose section menu lists its title) and every sub-address with any query string (`?as_of=`,
  `istorija/palyginti/?a=&b=`, the Atom feeds "…/atnaujinimai.atom");
- the other ancestors (country list, home page) and their feeds are purged by exact address;
- the language versions of the page (their language links), /sitemap.xml;
- everything under /api/ and under the search addresses (/paieska/, /en/search/), by prefix.

An edit of a Country (its names feed the generated sentences) purges its country pages' subtrees and
purges the lists. Nothing happens unless WAGTAILFRONTENDCACHE is configured (FRONTEND_CACHE_URL).
The requests to the proxy are sent by the task worker, after the change is committed.
"""

import copy
import http.client
import logging
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

from bilateral.pages.addresses import page_path

from .http_cache import search_prefixes

logger = logging.getLogger("wagtail.frontendcache")

# Answers that summarise pages, whatever their query string.
DATA_PREFIXES = ["/api/"]
SITEMAP_PATH = "/sitemap.xml"
KEYS_PATH = "/.proxy/cache-keys"
TIMEOUT = 10


class NginxBackend(HTTPBackend):
    """Wagtail's HTTP backend for the project's nginx (deploy/nginx/proxy.conf): PURGE of one address,
    where 404 only means it was not cached; and purging by prefix: nginx lists the cached addresses
    that start with it, each is purged."""

    def purge(self, url):
        parts = urlsplit(url)
        self.purge_address(as_sent(parts.path) + ("?" + as_sent(parts.query) if parts.query else ""))

    def purge_prefix(self, prefix):
        try:
            keys = self.cached_addresses(prefix)
        except (OSError, http.client.HTTPException, ProxyError) as error:
            logger.error("Couldn't list the cached addresses under '%s': %s", prefix, error)
            return
        for key in keys:
            self.purge_address(key)

    def cached_addresses(self, prefix):
        status, body = self.request("GET", KEYS_PATH, {"X-Key-Prefix": prefix})
        if status != 200:
            raise ProxyError(f"{status} {body[:200]!r}")
        return [line for line in body.decode("utf-8").splitlines() if line]

    def purge_address(self, address):
        try:
            status, body = self.request("PURGE", address)
        except (OSError, http.client.HTTPException) as error:
            logger.error("Couldn't purge '%s' from the HTTP cache: %s", address, error)
            return
        if status not in (200, 404):
            logger.error("Couldn't purge '%s' from the HTTP cache: %d %r", address, status, body[:200])

    def request(self, method, address, headers=None):
        connection_class = http.client.HTTPSConnection if self.cache_scheme == "https" else http.client.HTTPConnection
        connection = connection_class(self.cache_netloc, timeout=TIMEOUT)
        try:
            connection.request(
                method, address, headers={"User-Agent": "Bilateral-frontendcache/" + wagtail_version, **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


def as_sent(text):
    """A path or query as browsers send it, which is the proxy's cache key: Wagtail builds addresses
    from slugs, which may hold letters like "ū"; escapes already there are kept."""
    return quote(text, safe="/%:@!$&'()*+,;=-._~?")


class ProxyError(Exception):
    """The proxy answered, but not with what was asked."""


@task()
def purge_prefixes_task(prefixes):
    for backend in get_backends().values():
        if hasattr(backend, "purge_prefix"):
            for prefix in prefixes:
                logger.info("Purging addresses under %s", prefix)
                backend.purge_prefix(prefix)


def purging_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class CachePurge:
    """The addresses one change touches, exact ones and prefixes, purged once the change is committed."""

    def __init__(self):
        self.batch = PurgeBatch()
        self.prefixes = set()

    def purge_prefix(self, path):
        if path:
            self.prefixes.add(path)

    def purge_path(self, page, path):
        """An address on the same site as `page` (the host is kept for Wagtail's per-host backends)."""
        parts = page.get_url_parts()
        if parts and path:
            self.batch.add_url((parts[1] or "") + path)

    def add_page_and_feed(self, page):
        from bilateral.history.feeds import scope_for

        page = page.specific_deferred
        self.batch.add_page(page)
        scope = scope_for(page)
        if scope is not None and page_path(page) is not None:
            self.purge_path(page, scope.path)

    def add_surroundings(self, page, parent=None):
        """What shows `page` (at its current place, or under `parent`): see the module's docstring."""
        parent = parent if parent is not None else page.get_parent()
        parent_path = page_path(parent.specific_deferred) if parent is not None and not parent.is_root() else None
        self.purge_prefix(parent_path or page_path(page))
        for ancestor in Page.objects.ancestor_of(parent or page, inclusive=True).exclude(depth=1):
            self.add_page_and_feed(ancestor)
        for translation_page in page.get_translations(inclusive=False):
            self.batch.add_page(translation_page.specific_deferred)
        self.add_listings(page)

    def add_listings(self, page):
        self.purge_path(page, SITEMAP_PATH)
        for prefix in DATA_PREFIXES + list(search_prefixes()):
            self.purge_prefix(prefix)

    def send(self):
        urls, prefixes = sorted(self.batch.urls), sorted(self.prefixes)

        def enqueue():
            if urls:
                PurgeBatch(urls).purge()
            if prefixes:
                purge_prefixes_task.enqueue(prefixes)

        transaction.on_commit(enqueue)


def purge_around_page(sender, instance, **kwargs):
    """page_published, page_unpublished: the page's surroundings (Wagtail purges the page itself)."""
    if not purging_enabled():
        return
    purge = CachePurge()
    purge.add_surroundings(instance)
    purge.send()


def purge_after_move(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    """post_page_move: the page's old addresses (its subtree), and both places' surroundings."""
    if not purging_enabled():
        return
    purge = CachePurge()
    purge.purge_prefix(old_page_path(instance, url_path_before))
    purge.purge_prefix(page_path(instance))
    purge.add_surroundings(instance, parent=parent_page_before)
    purge.add_surroundings(instance, parent=parent_page_after)
    purge.send()


def purge_after_slug_change(sender, instance_before, instance, **kwargs):
    """page_slug_changed: the old addresses of the page and its subtree (the new ones are purged on
    publishing)."""
    if not purging_enabled():
        return
    purge = CachePurge()
    purge.purge_prefix(page_path(instance_before))
    purge.send()


def purge_country_pages(sender, instance, created=False, raw=False, **kwargs):
    """A Country's names appear in every sentence of its pages: their subtrees and the lists."""
    if raw or created or not purging_enabled():
        return
    from bilateral.pages.models import CountryPage

    purge = CachePurge()
    for country_page in CountryPage.objects.filter(country=instance):
        purge.add_surroundings(country_page)
        purge.purge_prefix(page_path(country_page))
    purge.send()


def old_page_path(page, url_path_before):
    """The address the page had before its url_path changed."""
    before = copy.copy(page)
    before.url_path = url_path_before
    return page_path(before)


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from bilateral.facts.models import Country

    page_published.connect(purge_around_page, dispatch_uid="caching.cache_purge.published")
    page_unpublished.connect(purge_around_page, dispatch_uid="caching.cache_purge.unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="caching.cache_purge.moved")
    page_slug_changed.connect(purge_after_slug_change, dispatch_uid="caching.cache_purge.slug")
    post_save.connect(purge_country_pages, sender=Country, dispatch_uid="caching.cache_purge.country")
