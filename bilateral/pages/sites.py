"""The site of a request, found as Wagtail's Site.find_for_request finds it (get_site_for_hostname),
but among the sites kept in this process (bilateral/process_copies.py) instead of with a query on
every request; and Wagtail's site root paths (the pages' addresses) from the same copy instead of a
shared-cache read. A Site, a Locale, a site root page (or its translation) changing, or a page moving,
writes a new version: every process then loads them again (connect() below)."""

import copy

from django.db import transaction
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import MATCH_DEFAULT, MATCH_HOSTNAME, MATCH_HOSTNAME_DEFAULT, MATCH_HOSTNAME_PORT

from bilateral import process_copies

# A page save that can change a site root's address, language or identity (a draft's bookkeeping cannot).
ROOT_FIELDS = {"url_path", "slug", "locale", "locale_id", "translation_key", "content_type", "content_type_id"}


def load_sites():
    # The root paths from the database, not from Wagtail's own copy in the shared cache: that copy is
    # only cleared by the process that changed a site, and may be one loaded before its commit.
    Site.clear_site_root_paths_cache()
    return {"sites": list(Site.objects.select_related("root_page")), "root_paths": Site.get_site_root_paths()}


def match(site, hostname, port):
    """The rank get_site_for_hostname's query gives a site (lower is better)."""
    if site.hostname == hostname and site.port == port:
        return MATCH_HOSTNAME_PORT
    if site.hostname == hostname and site.is_default_site:
        return MATCH_HOSTNAME_DEFAULT
    if site.is_default_site:
        return MATCH_DEFAULT
    return MATCH_HOSTNAME


def matching_site(sites, hostname, port):
    """get_site_for_hostname's answer from a list of sites, or None where it raises DoesNotExist."""
    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site),
                        key=lambda site: match(site, hostname, port))
    if not candidates:
        return None
    best = match(candidates[0], hostname, port)
    if len(candidates) == 1 or best in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if best == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None


def site_for_request(request):
    """As Site.find_for_request (kept on the request where Wagtail keeps it), with the site root paths
    put where Wagtail's Page._get_site_root_paths looks for them. The site and its root page are this
    request's own copies: a render may cache things on them."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    copied = process_copies.process_copy("sites", load_sites)
    hostname = split_domain_port(request._get_raw_host())[0]
    site = matching_site(copied["sites"], hostname, request.get_port())
    if site is not None:
        root_page = copy.copy(site.root_page)
        site = copy.copy(site)
        site.root_page = root_page
    request._wagtail_site = site
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = list(copied["root_paths"])
    return site


def sites_changed(sender=None, **kwargs):
    # Wagtail's own shared copy of the root paths is cleared on commit too (Page.save clears it before
    # the commit, when another process may still load and store the old ones), before the new version.
    transaction.on_commit(Site.clear_site_root_paths_cache)
    process_copies.changed()


def page_saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields is not None and not ROOT_FIELDS & set(update_fields):
        return
    if instance.is_site_root():
        sites_changed()


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale
    from wagtail.signals import post_page_move

    for model in (Site, Locale):
        post_save.connect(sites_changed, sender=model, dispatch_uid=f"pages.sites.{model.__name__}.saved")
        post_delete.connect(sites_changed, sender=model, dispatch_uid=f"pages.sites.{model.__name__}.deleted")
    post_save.connect(page_saved, dispatch_uid="pages.sites.page_saved")  # each page type is its own sender
    post_page_move.connect(sites_changed, dispatch_uid="pages.sites.moved")
