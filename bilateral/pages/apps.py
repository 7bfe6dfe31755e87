from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "bilateral.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from wagtail.signals import page_published

        from .publishing import record_major_change

        page_published.connect(record_major_change, dispatch_uid="pages.record_major_change")

        from django.db.models.signals import post_save

        from .models import CountryPage

        post_save.connect(give_country_its_roles, sender=CountryPage, dispatch_uid="pages.country_roles")

        from .admin_widgets import use_markers_for_choosers

        use_markers_for_choosers()  # Wagtail's choosers without inline scripts (the CSP refuses them)


def give_country_its_roles(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .roles import ensure_country_roles

        ensure_country_roles(instance)
