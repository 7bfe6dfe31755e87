"""The content generation: one value in the shared cache that changes whenever what every public page
shows may have changed (a page moved or deleted: menus everywhere; a Site, Locale or page view
restriction changed). Rendered responses and the pages' ETags are keyed by it and by their scope's
version (scopes.py), which a publication, an unpublication or a Country's new names change instead:
one publication invalidates its country's pages and the lists above them, not the whole portal.

The value is "<unix time>.<random>", not a counter: two publications at the same moment then never
both write the same value (a counter's read-increment-write in the database cache could), and the
time part is when content last changed, which is the pages' Last-Modified.
"""

import logging
import time
import uuid
from datetime import datetime, timezone

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from .state_memory import state_memory

logger = logging.getLogger(__name__)

KEY = "bilateral:content-generation"
# Kept far longer than anything keyed by it; if it is ever lost, a new one simply starts.
TIMEOUT = 60 * 60 * 24 * 365


def rendered_pages_cache():
    """Where rendered pages, rendered fact blocks and the generation live: the shared cache in every
    deployment (settings.RENDERED_PAGES_CACHE); only the render benchmark names another one, to
    measure pages rendered from scratch while Wagtail's own lookups stay cached as in production."""
    return caches[settings.RENDERED_PAGES_CACHE]


def new_generation():
    return f"{int(time.time())}.{uuid.uuid4().hex[:12]}"


def current_generation():
    """The current generation, or None when the cache cannot be reached (then nothing is cached)."""
    cache = rendered_pages_cache()
    generation = cache.get(KEY)
    if generation is None:
        cache.add(KEY, new_generation(), TIMEOUT)
        generation = cache.get(KEY)
    return generation


def generation_time(generation):
    """When the content last changed, as an aware datetime (the time part of the generation)."""
    seconds = int(generation.split(".", 1)[0])
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def bump_generation():
    """Start a new generation now and again when the transaction commits.

    Now: so that a change made outside a transaction (or in a test's) shows at once. On commit: so
    that a page rendered between the first bump and the commit (with the old content) is not kept
    under the generation that readers will use from then on.
    """
    set_new_generation()
    transaction.on_commit(set_new_generation)


def set_new_generation():
    state_memory.forget()  # this process sees its own change at once (the others within the window)
    generation = new_generation()
    cache = rendered_pages_cache()
    cache.set(KEY, generation, TIMEOUT)
    if cache.get(KEY) != generation:
        # The cache is away (the degrading Redis backend drops the write): pages rendered before the
        # outage may be served again once it returns, until the response cache's timeout.
        logger.error("The content generation could not be changed in the cache; cached pages may be stale")


# Signal receivers (connected in apps.py): every way a public page's content can change.


def on_page_changed(sender, instance=None, **kwargs):
    bump_generation()


def on_page_published(sender, instance, **kwargs):
    """page_published, page_unpublished: the page's scope and those of its language versions and
    ancestors (scopes.py, affected.py)."""
    from .affected import changed_scopes, shown_on_every_page
    from .scopes import bump_scopes

    page = instance.specific_deferred
    if shown_on_every_page(page):
        bump_generation()
        return
    bump_scopes(changed_scopes(page))


def on_country_saved(sender, instance, raw=False, **kwargs):
    """A Country's names are in every sentence of its pages."""
    if raw:
        return
    from bilateral.pages.models import CountryPage

    from .affected import changed_scopes
    from .scopes import bump_scopes

    scopes = set()
    for country_page in CountryPage.objects.filter(country=instance):
        scopes |= changed_scopes(country_page)
    bump_scopes(scopes)


def on_any_model_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A live page saved in full (e.g. publishing, or code that saves a page directly). Saving a draft
    revision only writes a few bookkeeping fields (update_fields) and changes nothing public."""
    from wagtail.models import Page

    if raw or update_fields is not None or not isinstance(instance, Page) or not instance.live:
        return
    if instance.depth is None or instance.depth <= 1 or not instance.url_path:
        bump_generation()
        return
    on_page_published(sender, instance)


def on_any_model_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_generation()


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from bilateral.facts.models import Country

    uid = "caching.content_generation"
    page_published.connect(on_page_published, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(on_page_published, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid=f"{uid}.moved")
    # Each specific page model is its own sender: these two check isinstance(instance, Page).
    post_save.connect(on_any_model_saved, dispatch_uid=f"{uid}.saved")
    post_delete.connect(on_any_model_deleted, dispatch_uid=f"{uid}.deleted")
    post_save.connect(on_country_saved, sender=Country, dispatch_uid=f"{uid}.Country.saved")
    post_delete.connect(on_page_changed, sender=Country, dispatch_uid=f"{uid}.Country.deleted")
    # A page's view restriction decides whether it may be cached at all.
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(on_page_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.saved")
        post_delete.connect(on_page_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.deleted")
