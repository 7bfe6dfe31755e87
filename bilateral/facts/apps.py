from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "bilateral.facts"
    label = "facts"
    verbose_name = "Facts"
