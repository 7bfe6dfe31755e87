"""Benchmarks only (bench/gunicorn.py): the production settings with bench/urls.py (one extra minimal
view to compare with). BENCH_NO_CACHE=1: rendered pages and fact blocks go to a dummy cache, so every
page is rendered from scratch, while the shared cache keeps serving what Wagtail keeps in it (the
sites' root paths), as in production. BENCH_NO_CACHE=all: the shared cache itself is a dummy one
too. Never used in production."""

import os

from .production import *  # noqa: F401,F403
from .production import CACHES

ROOT_URLCONF = "bench.urls"
DUMMY_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
if os.environ.get("BENCH_NO_CACHE") == "1":
    CACHES = {**CACHES, "rendered": DUMMY_CACHE}
    RENDERED_PAGES_CACHE = "rendered"
elif os.environ.get("BENCH_NO_CACHE") == "all":
    CACHES = {**CACHES, "default": DUMMY_CACHE}
if os.environ.get("BENCH_BARE") == "1":
    # The strictest ceiling: Django with no middleware at all around the minimal view.
    MIDDLEWARE = []
