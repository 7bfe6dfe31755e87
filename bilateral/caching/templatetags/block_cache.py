"""{% cached_block block %}: a section page's fact block, rendered once per revision and language
(see bilateral/caching/block_cache.py)."""

from django import template

from ..block_cache import render_cached_block

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_block(context, block):
    return render_cached_block(context, block)
