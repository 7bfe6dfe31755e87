"""Wagtail's chooser widgets (page, document, image, snippet, task) without inline scripts.

Wagtail renders each chooser as its HTML followed by `<script>new PageChooser(id, options);</script>`,
which the portal's Content-Security-Policy (no 'unsafe-inline') refuses. The widgets are built by
Wagtail itself (workflow forms, panels), so a subclass would not reach them: BaseChooser.render is
replaced once at start-up with one that leaves a marker instead, which pages/admin-choosers.js starts.
A chooser with its own kind of start-up script keeps Wagtail's rendering (and the CSP browser test
would name it).
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

wagtail_render = BaseChooser.render


def start_up_marker(widget, id_, name, value_data):
    """The marker for this widget, or None when its start-up script is not one we know."""
    if isinstance(widget, AdminTaskChooser):
        return format_html('<span hidden data-bilateral-call="createTaskChooser" data-target="{}"></span>', id_)
    if type(widget).render_js_init is not BaseChooser.render_js_init:
        return None
    options = json.dumps(widget.get_js_init_options(id_, name, value_data))
    return format_html(
        '<span hidden data-bilateral-new="{}" data-target="{}" data-options="{}"></span>', widget.js_constructor, id_, options
    )


def render_without_inline_script(self, name, value, attrs=None, renderer=None):
    id_ = (attrs or {}).get("id")
    if not id_:
        return wagtail_render(self, name, value, attrs, renderer)  # Wagtail's own error
    value_data = self.get_value_data(value)
    marker = start_up_marker(self, id_, name, value_data)
    if marker is None:
        return wagtail_render(self, name, value, attrs, renderer)
    return mark_safe(self.render_html(name, value_data, attrs) + marker)  # noqa: S308 (both parts escaped)


def use_markers_for_choosers():
    BaseChooser.render = render_without_inline_script
