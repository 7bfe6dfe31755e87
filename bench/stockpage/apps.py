from django.apps import AppConfig


class StockPageConfig(AppConfig):
    """Benchmarks only (bench/stock.py, settings bilateral.settings.bench_stock): the stock way to
    publish a page's text with Wagtail, to compare the portal's render with. Never in the product."""

    name = "bench.stockpage"
    label = "stockpage"
    default_auto_field = "django.db.models.BigAutoField"
