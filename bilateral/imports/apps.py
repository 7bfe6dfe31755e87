from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Existing pages (text or HTML) read into fact blocks: a draft section page and a report."""

    name = "bilateral.imports"
    label = "imports"
    verbose_name = "Imports"
