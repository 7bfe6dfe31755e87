"""The admin's "Import a page" action, its menu item, and the notice on an imported draft."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ImportPageView
from .models import PageImport

SHOWN_SENTENCES, SHOWN_LENGTH = 5, 80


@hooks.register("register_admin_urls")
def import_page_urls():
    return [path("importuoti-puslapi/", ImportPageView.as_view(), name="import_page")]


@hooks.register("register_admin_menu_item")
def import_page_menu_item():
    return MenuItem(gettext_lazy("Import a page"), reverse("import_page"), icon_name="upload", order=260)


@hooks.register("before_edit_page")
def tell_what_the_import_left_as_text(request, page):
    """Opening an imported draft, the editor is told which sentences no fact block recognised: they are
    the text blocks to review (the report at import time is shown once)."""
    if request.method != "GET":
        return None
    page_import = PageImport.objects.filter(page_id=page.pk).first()
    if page_import is None or not page_import.unstructured():
        return None
    sentences = page_import.unstructured()
    shown = " · ".join(Truncator(text).chars(SHOWN_LENGTH) for text in sentences[:SHOWN_SENTENCES])
    messages.warning(
        request,
        ngettext(
            "This page was imported; %(count)s sentence was kept as text, imported, not structured: %(sentences)s",
            "This page was imported; %(count)s sentences were kept as text, imported, not structured: %(sentences)s",
            len(sentences),
        )
        % {"count": len(sentences), "sentences": shown},
    )
    return None
