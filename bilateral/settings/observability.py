"""What an operator watches (README, "Operations"): log lines, error reports, readiness thresholds.
Imported by base.py; production.py switches the log format to JSON."""

import os

from bilateral.operations.logs import logging_config

# The first two of MIDDLEWARE (base.py): the request id wraps everything, including the health answers.
OBSERVABILITY_MIDDLEWARE = [
    "bilateral.operations.request_id.RequestIdMiddleware",
    "bilateral.operations.health.HealthCheckMiddleware",
]

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
# "text" (readable) or "json" (one object a line: time, level, logger, message, request_id).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "development")
SENTRY_RELEASE = os.environ.get("SENTRY_RELEASE", "")

# /readyz answers 503 when a heartbeat or the oldest due outbox row is older than this (seconds).
READYZ_SCHEDULER_MAX_AGE = int(os.environ.get("READYZ_SCHEDULER_MAX_AGE", "300"))
READYZ_WORKER_MAX_AGE = int(os.environ.get("READYZ_WORKER_MAX_AGE", "300"))
READYZ_OUTBOX_MAX_AGE = int(os.environ.get("READYZ_OUTBOX_MAX_AGE", "1800"))
