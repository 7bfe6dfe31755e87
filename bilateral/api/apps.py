from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bilateral.api"
    label = "api"
    verbose_name = "Open data API"
