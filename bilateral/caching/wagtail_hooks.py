"""Wagtail hooks of the caching layer."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The cache policy (http_cache.py) gives a page's response its ETag from the page served."""
    request.served_page = page
