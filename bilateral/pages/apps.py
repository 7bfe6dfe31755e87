from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "bilateral.pages"
    label = "pages"
    verbose_name = "Pages"

    def ready(self):
        from wagtail.signals import page_published

        from .publishing import record_major_change

        page_published.connect(record_major_change, dispatch_uid="pages.record_major_change")

        from .translations import store_text_origins, translate_new_page, update_translations

        # After record_major_change: a translated section takes its source's new "Atnaujinta" stamp.
        page_published.connect(update_translations, dispatch_uid="pages.update_translations")
        # After update_translations: the languages the page is not in yet are those still missing.
        page_published.connect(translate_new_page, dispatch_uid="pages.translate_new_page")
        page_published.connect(store_text_origins, dispatch_uid="pages.store_text_origins")

        from django.db.models.signals import post_save

        from .models import CountryPage

        post_save.connect(give_country_its_roles, sender=CountryPage, dispatch_uid="pages.country_roles")

        connect_footer_links()

        from .sites import connect as connect_sites

        connect_sites()  # the sites kept in each process (sites.py) are loaded again after a change

        from wagtail.signals import init_new_page

        from .section_template import start_from_the_template

        init_new_page.connect(start_from_the_template, dispatch_uid="pages.section_template")

        from .admin_widgets import use_markers_for_choosers

        use_markers_for_choosers()  # Wagtail's choosers without inline scripts (the CSP refuses them)


def connect_footer_links():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .footer import forget_footer_links
    from .general import GeneralPage

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(forget_footer_links, sender=GeneralPage, dispatch_uid=f"pages.footer.{id(signal)}")
    # A move of any page may move a general page below it.
    post_page_move.connect(forget_footer_links, dispatch_uid="pages.footer.move")


def give_country_its_roles(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .roles import ensure_country_roles

        ensure_country_roles(instance)
