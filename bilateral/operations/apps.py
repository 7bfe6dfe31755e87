from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: the outage page, a cache that survives Redis going away, backup and restore,
    health endpoints, request ids in logs and tasks."""

    name = "bilateral.operations"
    verbose_name = "Operations"

    def ready(self):
        from .request_id import connect_signals

        connect_signals()
