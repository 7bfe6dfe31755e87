from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The caches in front of and inside the app: conditional GET and Cache-Control, whole responses,
    rendered fact blocks, the scopes and content generation they are keyed by, the proxy's address
    index, and the purge and refresh of the caching reverse proxies. It reads pages (their addresses,
    their feeds); pages know nothing of it."""

    name = "bilateral.caching"
    label = "caching"
    verbose_name = "Caching"

    def ready(self):
        from bilateral.operations.periodic import hour_passed

        from . import cache_purge, page_files
        from .content_generation import connect_signals

        # Every publication changes its scopes' versions (a move, deletion, site or locale change: the
        # content generation); the cached responses and the pages' ETags follow them. Connected first,
        # so that on commit the new versions are written before the purge task is queued: a worker's
        # refresh never renders under the old ones.
        connect_signals()
        cache_purge.connect()  # keeps the caching reverse proxies fresh (FRONTEND_CACHE_URL)
        hour_passed.connect(page_files.sweep_every_hour, dispatch_uid="caching.page_files.sweep")
