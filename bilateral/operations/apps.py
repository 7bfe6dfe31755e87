from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: the outage page, a cache that survives Redis going away, backup and restore,
    health endpoints, request ids in logs and tasks, error reports."""

    name = "bilateral.operations"
    verbose_name = "Operations"

    def ready(self):
        from .error_reports import start_error_reports
        from .request_id import connect_signals

        connect_signals()
        start_error_reports()

        from .cache import limit_ignored_error_logging

        limit_ignored_error_logging()
