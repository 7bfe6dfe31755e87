"""Publishing asks its question in the publish step: major or minor, and the note for a major change.

A section page's publishing actions (publish, submit for review, resubmit) open a dialog instead of
submitting at once; the dialog's own button submits the page form with the answer (its inputs belong
to the form through the HTML `form` attribute, since Wagtail moves dialogs to the end of <body>).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem

DIALOG_ID = "change-dialog"
FORM_ID = "page-edit-form"  # Wagtail's id of the page form, in both the create and the edit view
# Wagtail's actions that publish or lead to publishing: the dialog asks before them, and the form
# checks the answer (and the fact warnings) when one of them is posted (forms.py).
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")
SUBMIT_LABELS = {
    "action-publish": _("Publish"),
    "action-submit": _("Submit for review"),
    "action-restart-workflow": _("Resubmit for review"),
}


class AskingMenuItem(ActionMenuItem):
    """Stands in for one of Wagtail's publishing items: same name and label, but opens the dialog."""

    template_name = "pages/action_menu/asking_item.html"

    def __init__(self, asked_item):
        super().__init__(order=asked_item.order)
        self.asked_item = asked_item
        self.name = asked_item.name
        self.label = asked_item.label
        self.icon_name = asked_item.icon_name

    def is_shown(self, context):
        return self.asked_item.is_shown(context)

    def get_context_data(self, parent_context):
        context = self.asked_item.get_context_data(parent_context)
        context.update(dialog_id=DIALOG_ID, submit_label=SUBMIT_LABELS.get(self.name, self.label))
        return context


def edits_a_section_page(request, context):
    from .models import SectionPage

    page = context.get("page")
    if page is not None:
        return isinstance(page.specific_deferred, SectionPage)
    # The create view names the new page's type in its address (/admin/pages/add/<app>/<model>/<parent>/).
    match = request.resolver_match
    kwargs = match.kwargs if match else {}
    return (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name")) == (
        SectionPage._meta.app_label,
        SectionPage._meta.model_name,
    )


def ask_before_publishing_a_section(menu_items, request, context):
    if not edits_a_section_page(request, context):
        return
    for index, item in enumerate(menu_items):
        if item.name in PUBLISHING_ACTIONS and not isinstance(item, AskingMenuItem):
            menu_items[index] = AskingMenuItem(item)
