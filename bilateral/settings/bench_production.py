"""Benchmarks only (bench/gunicorn.py): the production settings with bench/urls.py (one extra minimal
view to compare with). BENCH_NO_CACHE=1: rendered pages and fact blocks go to a dummy cache, so every
page is rendered from scratch, while the shared cache keeps serving what Wagtail keeps in it (the
sites' root paths), as in production. BENCH_NO_CACHE=all: the shared cache itself is a dummy one
too. Never used in production."""

from .environment import env
from .production import *  # noqa: F401,F403
from .production import CACHES

ROOT_URLCONF = "bench.urls"
DUMMY_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
if env.str("BENCH_NO_CACHE", default="0") == "1":
    CACHES = {**CACHES, "rendered": DUMMY_CACHE}
    RENDERED_PAGES_CACHE = "rendered"
elif env.str("BENCH_NO_CACHE", default="0") == "all":
    CACHES = {**CACHES, "default": DUMMY_CACHE}
if env.bool("BENCH_BARE", default=False):
    # The strictest ceiling: Django with no middleware at all around the minimal view.
    MIDDLEWARE = []
