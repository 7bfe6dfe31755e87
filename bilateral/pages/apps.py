from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "bilateral.pages"
    label = "pages"
    verbose_name = "Pages"
