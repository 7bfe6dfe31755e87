"""Other apps' hourly work, run by the scheduler (`manage.py run_scheduler`) without its knowing them:
an app connects a receiver to `hour_passed` in its AppConfig.ready (the caching app sweeps the pages'
old files). A receiver returns a summary for the scheduler's log."""

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

hour_passed = Signal()


def run_hourly_work():
    """Every receiver's summary by its name; one that fails is logged and does not stop the others or
    the scheduler's own work."""
    summary = {}
    for receiver, result in hour_passed.send_robust(sender=None):
        name = f"{receiver.__module__}.{receiver.__qualname__}"
        if isinstance(result, Exception):
            logger.error("The hourly work %s failed", name, exc_info=result)
        else:
            summary[name] = result
    return summary
