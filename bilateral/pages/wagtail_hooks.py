"""Wagtail hooks of the public pages."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    """See pages/admin-choosers.js: the CSP allows no inline <script>, with which Wagtail starts its
    date pickers and inline panels."""
    return format_html('<script src="{}"></script>', static("pages/admin-choosers.js"))



from . import new_country_admin  # noqa: E402,F401  (its hooks: the "New partner country" action)
