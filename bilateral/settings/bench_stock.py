"""Benchmarks only (bench/stock.py): the production-like bench settings (bench_production.py) plus the
bench-only stock Wagtail page type (bench/stockpage) the seed page's render is compared with. Never
used in production."""

from .bench_production import *  # noqa: F401,F403
from .bench_production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench.stockpage"]
