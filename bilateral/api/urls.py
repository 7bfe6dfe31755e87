"""The API under /api/: ninja's URLs, each wrapped for caching, HEAD and CORS (see http.py)."""

from django.urls import URLPattern, path

from .api import api
from .http import api_view


def wrapped(urls):
    """ninja's (patterns, app name, namespace) with every view wrapped by api_view."""
    patterns, ninja_app, ninja_namespace = urls
    wrapped_patterns = [URLPattern(p.pattern, api_view(p.callback), p.default_args, p.name) for p in patterns]
    return wrapped_patterns, ninja_app, ninja_namespace


urlpatterns = [path("", wrapped(api.urls))]
