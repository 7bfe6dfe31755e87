"""Wagtail hooks of the public pages."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .change_dialog import ask_before_publishing_a_section

hooks.register("construct_page_action_menu", ask_before_publishing_a_section)


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    """See pages/admin-choosers.js: the CSP allows no inline <script>, with which Wagtail starts its
    date pickers and inline panels."""
    return format_html('<script src="{}"></script>', static("pages/admin-choosers.js"))


@hooks.register("insert_editor_js")
def start_the_publish_dialog():
    """See pages/change-dialog.js: the publish dialog's button and the note shown for a major change."""
    return format_html('<script src="{}"></script>', static("pages/change-dialog.js"))


@hooks.register("insert_editor_js")
def keep_one_block_open():
    """See pages/one-block-open.js: of the body's blocks (collapsed when the editor opens), only the one
    being edited stays open."""
    return format_html('<script src="{}"></script>', static("pages/one-block-open.js"))


from . import new_country_admin  # noqa: E402,F401  (its hooks: the "New partner country" action)
