from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for load tests and benchmarks (`manage.py generate_demo`): pages and subscribers. It
    reads pages and subscriptions; neither knows it."""

    name = "bilateral.demo"
    label = "demo"
    verbose_name = "Demo data"
