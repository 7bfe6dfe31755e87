"""The admin's "Import a page" action and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ImportPageView


@hooks.register("register_admin_urls")
def import_page_urls():
    return [path("importuoti-puslapi/", ImportPageView.as_view(), name="import_page")]


@hooks.register("register_admin_menu_item")
def import_page_menu_item():
    return MenuItem(gettext_lazy("Import a page"), reverse("import_page"), icon_name="upload", order=260)
