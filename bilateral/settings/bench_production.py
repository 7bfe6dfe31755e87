"""Benchmarks only (bench/gunicorn.py): the production settings with bench/urls.py (one extra minimal
view to compare with); BENCH_NO_CACHE=1 also turns the shared cache into a dummy one, so every page
is rendered from scratch (no response or block cache). Never used in production."""

import os

from .production import *  # noqa: F401,F403
from .production import CACHES

ROOT_URLCONF = "bench.urls"
if os.environ.get("BENCH_NO_CACHE") == "1":
    CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
if os.environ.get("BENCH_BARE") == "1":
    # The strictest ceiling: Django with no middleware at all around the minimal view.
    MIDDLEWARE = []
