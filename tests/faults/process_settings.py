"""Settings of the processes the fault tests start: the test settings, with tasks queued in the
database (as in production) so that `manage.py db_worker` processes run them."""

import os

from bilateral.operations.logs import logging_config
from bilateral.settings.test import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A test that keeps the SMTP server down for a few seconds wants retries within seconds, not minutes.
SUBSCRIPTIONS_RETRY_BASE_SECONDS = int(os.environ.get("FAULTS_RETRY_BASE_SECONDS", "60"))
# Their log lines as production writes them when a test asks (LOG_FORMAT=json): a test reads them.
LOGGING = logging_config(os.environ.get("LOG_FORMAT", "text"), os.environ.get("LOG_LEVEL", "WARNING"))
