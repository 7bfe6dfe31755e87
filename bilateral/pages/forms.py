"""The section page's editing form: major or minor change, and the fact checks on publishing."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from bilateral.facts.checks import check_body

from .change_dialog import FORM_ID, PUBLISHING_ACTIONS
from .publishing import MAJOR


class SectionPageForm(WagtailAdminPageForm):
    confirm_fact_warnings = forms.BooleanField(
        required=False,
        label=gettext_lazy("I have checked the figures: publish them as they are"),
        help_text=gettext_lazy("Needed only when the fact checks warn."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.editing_published_content():
            # The choice and note belong to the change already published; the next change starts afresh.
            self.initial["change_kind"] = ""
            self.initial["change_note"] = ""
        self.fact_warnings = []
        self.ask_in_the_publish_dialog()

    def ask_in_the_publish_dialog(self):
        """The publish dialog (change_dialog.py) is moved out of the <form>: its inputs name the form."""
        kind = self.fields.get("change_kind")
        if kind is not None:
            # A radio per kind and no empty "---------": not choosing is refused when publishing.
            kind.widget = forms.RadioSelect(choices=[c for c in kind.choices if c[0]])
            kind.choices = kind.widget.choices
        for name in ("change_kind", "change_note", "confirm_fact_warnings"):
            if name in self.fields:
                self.fields[name].widget.attrs["form"] = FORM_ID

    def editing_published_content(self):
        page = self.instance
        return bool(page.pk and page.live_revision_id and page.live_revision_id == page.latest_revision_id)

    def is_publishing(self):
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing():
            return cleaned_data
        kind = cleaned_data.get("change_kind")
        if not kind:
            self.add_error("change_kind", _("Say whether this is a major or a minor change."))
        elif kind == MAJOR and not (cleaned_data.get("change_note") or "").strip():
            self.add_error("change_note", _("A major change needs a public note saying what changed."))
        if "body" in cleaned_data:
            self.fact_warnings = check_body(cleaned_data["body"])
        if self.fact_warnings and not cleaned_data.get("confirm_fact_warnings"):
            self.add_error("confirm_fact_warnings", self.warnings_error())
        return cleaned_data

    def warnings_error(self):
        listed = "; ".join(f"{w.block_label}: {w.message} ({w.figures})" for w in self.fact_warnings)
        return forms.ValidationError(
            _("The fact checks warn: %(warnings)s. Check the figures, then tick the box to publish them as they are.")
            % {"warnings": listed}
        )
