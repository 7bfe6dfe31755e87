"""Scopes: the unit in which published content is invalidated, in the app's cache and in the proxy.

A scope is named from an address alone, so that it is known before a request is routed or rendered:
the language prefix, then at most the first two segments of the path. Under the country list
("/salys/<country>/…", "/en/countries/<country>/…") that is one partner country and everything
under it: its page, its sections, their history, `?as_of=` and feeds, whose navigation shows each
other. Above it each address is a scope of its own: the home page, the country list, a general page
("/prieinamumas/"), a feed at the root. The API is one scope ("/api/"), and so is each search page.

A publication changes the scopes of the page, its language versions and its ancestors (their lists
show it), and the listings (API, search, sitemap): the rest of the portal keeps its cached copies.
Each scope has a version in the shared cache ("<unix time>.<random>", as the content generation)
that the response cache checks in the same round trip as the stored page (response_cache.py), or,
for a warm hit, as this process read it less than APP_CACHE_STATE_SECONDS ago (state_memory.py).
"""

import logging
import time
import uuid

from django.conf import settings
from django.db import transaction

from .content_generation import rendered_pages_cache
from .state_memory import state_memory

logger = logging.getLogger(__name__)

# Segments of the path under the language prefix that name a scope: "salys/<country>".
DEPTH = 2
API_SCOPE = "/api/"
VERSION_PREFIX = "bilateral:scope:"
# Longer than anything checked against it (stored responses live an hour); a lost version just
# restarts: responses stored under the old one then miss once.
TIMEOUT = 60 * 60 * 24 * 30


def language_prefixes():
    return [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def scope_of(path):
    """The scope of an address's path (decoded, without the query string)."""
    prefix = ""
    for language in language_prefixes():
        if path.startswith(language):
            prefix, path = language[:-1], path[len(language) - 1 :]
            break
    if path.startswith(API_SCOPE):
        return API_SCOPE
    segments = [segment for segment in path.split("/") if segment][:DEPTH]
    return prefix + "/" + "".join(segment + "/" for segment in segments)


def version_key(scope):
    return VERSION_PREFIX + scope


def new_version():
    return f"{int(time.time())}.{uuid.uuid4().hex[:12]}"


def version_time(version):
    return int(version.split(".", 1)[0])


def bump_scopes(scopes):
    """New versions for these scopes now and again when the transaction commits (as
    content_generation.bump_generation: a render between the two is not kept for readers)."""
    scopes = sorted(set(scopes))
    if not scopes:
        return
    set_new_versions(scopes)
    transaction.on_commit(lambda: set_new_versions(scopes))


def set_new_versions(scopes):
    state_memory.forget(scopes)  # this process sees its own publication at once
    cache = rendered_pages_cache()
    versions = {version_key(scope): new_version() for scope in scopes}
    cache.set_many(versions, TIMEOUT)
    if cache.get_many(list(versions)) != versions:
        logger.error("New versions of %s could not be written to the cache; cached pages may be stale", scopes)


def ensure_version(cache, scope, found):
    version = found.get(version_key(scope))
    if version is None:
        cache.add(version_key(scope), new_version(), TIMEOUT)
        version = cache.get(version_key(scope))
    return version


def state_of(generation, version):
    """What a stored response and an ETag are keyed by: the portal-wide generation (sites, locales,
    deletions) and the scope's version. None when the cache cannot be reached."""
    if generation is None or version is None:
        return None
    return f"{generation}/{version}"


def state_time(state):
    """When the content of this state last changed (unix seconds): the later of its two parts."""
    return max(version_time(part) for part in state.split("/"))


def current_state(path, found=None, read_at=None):
    """The content state of an address's scope, read from the shared cache (and remembered for the
    next warm hits, state_memory.py); `found` are keys already read at `read_at` (response_cache.py
    reads them together with the stored response)."""
    from .content_generation import KEY as GENERATION_KEY
    from .content_generation import current_generation

    cache = rendered_pages_cache()
    scope = scope_of(path)
    if found is None:
        read_at = state_memory.clock()
        found = cache.get_many([GENERATION_KEY, version_key(scope)])
    generation = found.get(GENERATION_KEY) or current_generation()
    state = state_of(generation, ensure_version(cache, scope, found))
    if read_at is not None:
        state_memory.remember(scope, state, read_at)
    return state
