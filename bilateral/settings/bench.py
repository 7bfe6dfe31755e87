"""Benchmarks only (bench/): the base settings with tasks stored but never run in-process, so that a
benchmark decides when fan-out and delivery happen; bench/urls.py adds a minimal view for comparison.
Never used in production."""

from .base import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
