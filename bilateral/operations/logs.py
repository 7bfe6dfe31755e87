"""Log lines an operator can search: time, level, logger, message and the request id of the request
(or of the request that queued the task) that wrote them.

Standard library and python-json-logger only: deploy/gunicorn.conf.py imports this before Django is
set up. The request id travels from the proxy (X-Request-ID) through gunicorn's access log, the app
(bilateral/operations/request_id.py) and into the tasks the request queued.
"""

import contextvars
import logging
import re
import uuid

JSON, TEXT = "json", "text"
NO_REQUEST = "-"

# What a proxy in front may hand us as an id: short and plain, so it cannot forge a log line.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")
# gunicorn passes its access-log atoms as the record's arguments; the app's answer carries the id.
GUNICORN_RESPONSE_REQUEST_ID = "{x-request-id}o"

request_id_var = contextvars.ContextVar("request_id", default=None)


def current_request_id():
    return request_id_var.get()


def accepted_request_id(value):
    """The id given by the proxy if it is a plain one, otherwise a new one."""
    if value and REQUEST_ID_PATTERN.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record that passes the handler (any logger's, ours or a library's)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id() or gunicorn_request_id(record) or NO_REQUEST
        return True


def gunicorn_request_id(record):
    if isinstance(record.args, dict):
        return record.args.get(GUNICORN_RESPONSE_REQUEST_ID)
    return None


def formatter(log_format):
    if log_format == JSON:
        return {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",
        }
    if log_format == TEXT:
        return {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    raise ValueError(f"LOG_FORMAT must be {JSON} or {TEXT}, not {log_format!r}")


def logging_config(log_format, level="INFO"):
    """Django's LOGGING: one handler on stderr, every record through the request-id filter."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"line": formatter(log_format)},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["request_id"]},
        },
        "root": {"handlers": ["console"], "level": level},
    }


def gunicorn_logging_config(log_format, level="INFO", access_log=True):
    """gunicorn's logconfig_dict: its error log on stderr and its access log (one line per request,
    with the id the app answered with) on stdout, in the same format as the app's lines."""
    config = logging_config(log_format, level)
    config["handlers"]["access"] = {**config["handlers"]["console"], "stream": "ext://sys.stdout"}
    config["loggers"] = {
        "gunicorn.error": {"level": level, "handlers": ["console"], "propagate": False},
        "gunicorn.access": {
            "level": level if access_log else "CRITICAL",
            "handlers": ["access"],
            "propagate": False,
        },
    }
    return config
