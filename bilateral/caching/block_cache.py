"""Rendered fact blocks of a section page, kept in the shared cache.

A block's HTML depends on the page revision being rendered, the block, the language, the partner
country's names (the sentences decline them), the `?as_of=` day (its CSV link carries it) and the
code. The key names all of these; the block's own value is hashed in as well, so that a key can never
name two different contents (revision numbers are reused after a rollback, e.g. between tests).

Previews are never cached: their content is the editor's unsaved form.
"""

import hashlib
import json

from django.core.cache.backends.dummy import DummyCache
from django.utils import translation
from django.utils.safestring import mark_safe

from .code_version import code_version
from .content_generation import rendered_pages_cache

TIMEOUT = 60 * 60 * 24 * 7  # keys never go stale (they name their content); this only frees memory


def rendered_revision_id(context):
    """The revision whose content is rendered: the one `?as_of=` chose, else the page's live one.
    None for a preview or a page that was never published from a revision: such renders are not kept."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    if context.get("rendered_revision_id"):
        return context["rendered_revision_id"]
    page = context.get("page")
    return getattr(page, "live_revision_id", None)


def country_fingerprint(country):
    if country is None:
        return "-"
    forms = json.dumps(country.forms(), sort_keys=True, default=str)
    return f"{country.pk}.{hashlib.sha256(forms.encode()).hexdigest()[:12]}"


def value_fingerprint(block):
    value = json.dumps(block.block.get_prep_value(block.value), sort_keys=True, default=str)
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def block_cache_key(context, block):
    """The cache key of one StreamField child as rendered in this context, or None not to cache it."""
    revision_id = rendered_revision_id(context)
    page = context.get("page")
    if revision_id is None or page is None or not block.id:
        return None
    as_of = context.get("as_of")
    parts = [
        "bilateral:block",
        code_version(),
        str(page.pk),
        str(revision_id),
        block.id,
        translation.get_language() or "-",
        country_fingerprint(context.get("country")),
        as_of.isoformat() if as_of else "-",
        value_fingerprint(block),
    ]
    return ":".join(parts)


def render_block(context, block):
    # As {% include_block %} does: the block sees the page's whole context (country, page, as_of).
    return block.render_as_block(context=context.flatten())


def render_cached_block(context, block):
    cache = rendered_pages_cache()
    if isinstance(cache, DummyCache):
        return render_block(context, block)  # nothing kept: no key to work out (the block's fingerprint)
    key = block_cache_key(context, block)
    if key is None:
        return render_block(context, block)
    html = cache.get(key)
    if html is None:
        html = str(render_block(context, block))
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)
