"""Keeping the caching reverse proxy fresh, by exact address, without ever listing its cache.

On a publication, unpublication, move, slug change, a Country's new names or a page's view restriction
(signals below), once the change is committed, a task worker:

1. refreshes the canonical addresses that changed (the page, its language versions, its ancestors
   and their feeds): a GET through the proxy with the refresh header (PROXY_REFRESH_SECRET), which
   nginx honours only with the right secret: it bypasses the cached copy, fetches the new page from
   the app and stores it in place, so readers get the previous copy until the new one is stored and
   never wait for a render of those pages;
2. purges, one PURGE each (ngx_cache_purge's exact key), every other address recorded in the changed
   scopes (proxy_index.py: each `?as_of=`, history comparison, language and feed variant, the API,
   search and the sitemap). A page's own addresses (Wagtail's get_cached_paths) are purged even when
   the index is unavailable. Not before APP_CACHE_STATE_SECONDS have passed since the worker took the
   task: until then an app process may still answer from the content state it read before the
   publication (state_memory.py), and the proxy would keep that answer for a day. (A refresh is
   marked as such by the proxy, and the app reads the state afresh for it: no wait.)
3. removes the purged addresses' files, which the proxy on this machine serves (page_files.py), in
   the same place as the purges: the refreshed ones were written anew by their refresh;
4. takes the purged addresses out of the index (proxy_index.forget_purged): the proxy no longer
   holds them, so the next publication does not purge them again, until a reader brings one back.

Both go over one kept-alive connection per proxy. Without PROXY_REFRESH_SECRET the refreshed
addresses are purged instead. Nothing happens unless WAGTAILFRONTENDCACHE is configured
(FRONTEND_CACHE_URL).
"""

import copy
import http.client
import logging
import time
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from bilateral.pages.addresses import page_path

from . import page_files, proxy_index
from .affected import changed_pages, changed_paths, listing_paths, shown_on_every_page
from .scopes import scope_of

logger = logging.getLogger("wagtail.frontendcache")

REFRESH_HEADER = "X-Bilateral-Refresh"
TIMEOUT = 10
# A refresh waits for a render (on a busy app server, seconds).
REFRESH_TIMEOUT = 60
# Answers the proxy stores in place of the old copy (deploy/nginx/proxy.conf: proxy_cache_valid).
REFRESHED = (200, 301, 302, 404, 410)
# ngx_cache_purge: 200 purged, 404 not in the cache.
PURGED = (200, 404)
USER_AGENT = "Bilateral-frontendcache/" + wagtail_version


def as_sent(text):
    """A path or query as browsers send it, which is the proxy's cache key: Wagtail builds addresses
    from slugs, which may hold letters like "ū"; escapes already there are kept."""
    return quote(text, safe="/%:@!$&'()*+,;=-._~?")


def address_of(url):
    parts = urlsplit(url)
    return as_sent(parts.path) + ("?" + as_sent(parts.query) if parts.query else "")


class NginxBackend(HTTPBackend):
    """Wagtail's HTTP backend for the project's nginx (deploy/nginx/proxy.conf): exact-key PURGE, where
    404 only means it was not cached, and the refresh GET; many over one connection."""

    def purge(self, url):
        self.purge_and_refresh([], [address_of(url)])

    def purge_batch(self, urls):
        self.purge_and_refresh([], [address_of(url) for url in urls])

    def purge_and_refresh(self, refresh, purge, purge_from=None):
        """Refreshes first, then (not before `purge_from`, a time.monotonic() moment) purges. Returns
        the addresses this proxy no longer holds (purged, or not there)."""
        session = ProxySession(self.cache_scheme, self.cache_netloc)
        try:
            secret = getattr(settings, "PROXY_REFRESH_SECRET", "")
            not_refreshed = []
            for address in refresh:
                status = None
                if secret:
                    status = session.send("GET", address, {REFRESH_HEADER: secret}, ok=REFRESHED, timeout=REFRESH_TIMEOUT)
                if status not in REFRESHED:
                    # Not refreshed (no secret, the app failed or timed out): the old copy must not stay.
                    not_refreshed.append(address)
            wait_until(purge_from)
            # This machine's files of those addresses first: a reader then gets the proxy's copy until
            # its purge, and after it a new render, which writes the file again (page_files.py).
            page_files.remove([*not_refreshed, *purge])
            gone = set()
            for address in [*not_refreshed, *purge]:
                if session.send("PURGE", address) in PURGED:
                    gone.add(address)
            return gone
        finally:
            session.close()


class ProxySession:
    """One kept-alive connection to a proxy, opened again if the proxy closed it."""

    def __init__(self, scheme, netloc):
        self.connection_class = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        self.netloc = netloc
        self.connection = None

    def send(self, method, address, headers=None, ok=(200, 404), timeout=TIMEOUT):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = self.connection_class(self.netloc, timeout=TIMEOUT)
            try:
                self.connection.timeout = timeout
                if self.connection.sock is not None:
                    self.connection.sock.settimeout(timeout)
                self.connection.request(method, address, headers={"User-Agent": USER_AGENT, **(headers or {})})
                response = self.connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                self.close()
                if attempt == 2:
                    logger.error("Couldn't %s '%s' at the HTTP cache: %s", method, address, error)
                continue
            if response.will_close:
                self.close()
            if response.status not in ok:
                logger.error("Couldn't %s '%s' at the HTTP cache: %d %r", method, address, response.status, body[:200])
            return response.status
        return None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def wait_until(moment):
    if moment is not None:
        time.sleep(max(0.0, moment - time.monotonic()))


@task()
def purge_task(scopes, refresh, exact, everything=False):
    """In a task worker: the recorded addresses of `scopes` (all scopes if `everything`) and `exact`
    purged, `refresh` refreshed, at every proxy. The purges wait for the app processes' state memory
    (see the module's docstring): the task starts after the publication's new state was written, so
    any state read before it is forgotten by then."""
    if everything:
        scopes = sorted(set(scopes) | (proxy_index.all_scopes() or set()))
    by_scope = proxy_index.addresses_by_scope(scopes)
    # Also the index's own rule: an address purged from here on and fetched again is recorded again
    # (its process's memory of recording it is older than this window, proxy_index.record_again_after).
    read_at, purge_from = time.time(), time.monotonic() + proxy_index.record_again_after()
    index_unavailable = by_scope is None
    if index_unavailable:
        logger.warning("Purging the canonical addresses only: the proxy's address index is unavailable")
        by_scope = {}
    recorded = set().union(*by_scope.values())
    refresh = list(dict.fromkeys(refresh))
    purge = sorted((recorded | set(exact)) - set(refresh))
    logger.info("Refreshing %d and purging %d addresses", len(refresh), len(purge))
    gone_everywhere = None
    for backend in get_backends().values():
        if hasattr(backend, "purge_and_refresh"):
            gone = backend.purge_and_refresh(refresh, purge, purge_from=purge_from)
        else:
            wait_until(purge_from)
            backend.purge_batch(refresh + purge)
            gone = set()  # this backend tells nothing: its addresses stay recorded
        gone_everywhere = gone if gone_everywhere is None else gone_everywhere & gone
    if everything or index_unavailable:
        # Every scope, or the index could not tell which addresses have files: all of them go.
        page_files.remove_all()
    if gone_everywhere and by_scope:
        proxy_index.forget_purged(by_scope, gone_everywhere, read_at)


def purging_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class CachePurge:
    """What one change touches: scopes whose recorded addresses go, canonical addresses to refresh,
    exact addresses to purge; sent once the change is committed."""

    def __init__(self):
        self.scopes = set()
        self.refresh = []
        self.exact = set()
        self.everything = False

    def add_scope_of(self, path):
        if path:
            self.scopes.add(scope_of(path))

    def add_page_addresses(self, page):
        """The page's own addresses (Wagtail's cached paths: its history and feed)."""
        path = page_path(page)
        if path is None:
            return
        for cached in page.get_cached_paths():
            self.exact.add(as_sent(path.rstrip("/") + "/" + cached.lstrip("/")))
        self.add_scope_of(path)

    def add_change(self, page, parent=None, refresh_page=True):
        """A change of `page` (at its place, or under `parent`): see the module's docstring."""
        page = page.specific_deferred
        if shown_on_every_page(page):
            self.everything = True  # its title may be in every page's footer
        for changed in changed_pages(page, parent):
            self.add_page_addresses(changed)
        for path in changed_paths(page, parent):
            self.add_scope_of(path)
            if refresh_page or not path.startswith(page_path(page) or "\0"):
                self.refresh.append(as_sent(path))
            else:
                self.exact.add(as_sent(path))
        for path in listing_paths():
            self.add_scope_of(path)
            self.exact.add(as_sent(path))

    def send(self):
        scopes, refresh, exact, everything = sorted(self.scopes), self.refresh, sorted(self.exact), self.everything
        transaction.on_commit(lambda: purge_task.enqueue(scopes, refresh, exact, everything))


def purge_after_publication(sender, instance, **kwargs):
    """A translation published with its source is left to the source's purge, which covers every
    language version (affected.changed_pages): its shared scopes are purged once, not once per language."""
    from bilateral.pages.translations import publication_carried_over

    if purging_enabled() and not publication_carried_over():
        purge = CachePurge()
        purge.add_change(instance)
        purge.send()


def purge_after_unpublication(sender, instance, **kwargs):
    if purging_enabled():
        purge = CachePurge()
        purge.add_change(instance, refresh_page=False)
        purge.send()


def purge_after_move(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    """post_page_move: the page's old addresses (its subtree's scopes), and both places' surroundings.
    A move changes menus anywhere (content_generation.py), so every recorded scope goes."""
    if not purging_enabled():
        return
    purge = CachePurge()
    purge.everything = True
    purge.add_scope_of(old_page_path(instance, url_path_before))
    purge.add_change(instance, parent=parent_page_before, refresh_page=False)
    purge.add_change(instance, parent=parent_page_after)
    purge.send()


def purge_after_slug_change(sender, instance_before, instance, **kwargs):
    """page_slug_changed: the old addresses' scope (the new ones are refreshed on publishing)."""
    if not purging_enabled():
        return
    purge = CachePurge()
    purge.add_scope_of(page_path(instance_before))
    old = page_path(instance_before)
    if old:
        purge.exact.add(as_sent(old))
    purge.send()


def purge_country_pages(sender, instance, created=False, raw=False, **kwargs):
    """A Country's names appear in every sentence of its pages."""
    if raw or created or not purging_enabled():
        return
    from bilateral.pages.models import CountryPage

    purge = CachePurge()
    for country_page in CountryPage.objects.filter(country=instance):
        purge.add_change(country_page)
    purge.send()


def purge_after_restriction_change(sender, instance, raw=False, **kwargs):
    """A view restriction added, changed or removed: its page and everything under it change between
    public and private. Rare (an editor's action in the page's privacy dialog), so every recorded scope
    and every page file go: no public copy of a page outlives its restriction."""
    if raw or not purging_enabled():
        return
    purge = CachePurge()
    purge.everything = True
    purge.send()


def old_page_path(page, url_path_before):
    """The address the page had before its url_path changed."""
    before = copy.copy(page)
    before.url_path = url_path_before
    return page_path(before)


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from bilateral.facts.models import Country

    page_published.connect(purge_after_publication, dispatch_uid="caching.cache_purge.published")
    page_unpublished.connect(purge_after_unpublication, dispatch_uid="caching.cache_purge.unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="caching.cache_purge.moved")
    page_slug_changed.connect(purge_after_slug_change, dispatch_uid="caching.cache_purge.slug")
    post_save.connect(purge_country_pages, sender=Country, dispatch_uid="caching.cache_purge.country")
    post_save.connect(purge_after_restriction_change, sender=PageViewRestriction,
                      dispatch_uid="caching.cache_purge.restriction.saved")
    post_delete.connect(purge_after_restriction_change, sender=PageViewRestriction,
                        dispatch_uid="caching.cache_purge.restriction.deleted")
