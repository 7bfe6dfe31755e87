from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The caches in front of and inside the app: conditional GET and Cache-Control, whole responses,
    rendered fact blocks, the content generation they are keyed by, and the purge of the caching
    reverse proxies. It reads pages (their addresses, their feeds); pages know nothing of it."""

    name = "bilateral.caching"
    label = "caching"
    verbose_name = "Caching"

    def ready(self):
        from . import cache_purge

        cache_purge.connect()  # keeps the caching reverse proxy fresh (FRONTEND_CACHE_URL)

        from .content_generation import connect_signals

        # Every publication, move or deletion (and a Country's new names) starts a new content
        # generation: the cached responses and the pages' ETags follow it.
        connect_signals()
