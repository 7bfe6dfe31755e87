from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: the outage page, a cache that survives Redis going away, backup and restore."""

    name = "bilateral.operations"
    verbose_name = "Operations"

    def ready(self):
        from .cache import limit_ignored_error_logging

        limit_ignored_error_logging()
