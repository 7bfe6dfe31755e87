"""Admin panels of the section page."""

from wagtail.admin.panels import Panel

from bilateral.facts.checks import check_body


class FactChecksPanel(Panel):
    """Shows the editor what the fact checks say about the figures being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/panels/fact_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            form_warnings = getattr(self.form, "fact_warnings", None)
            if form_warnings:
                context["warnings"] = form_warnings
            elif self.instance is not None and getattr(self.instance, "body", None) is not None:
                context["warnings"] = check_body(self.instance.body)
            else:
                context["warnings"] = []
            return context


class ThisChangePanel(Panel):
    """The kind of change, its public note and the confirmation of the fact warnings, asked in the
    dialog that the publishing actions open (change_dialog.py); the editing form keeps only a line."""

    FIELDS = ("change_kind", "change_note", "confirm_fact_warnings")

    def get_form_options(self):
        return {"fields": list(self.FIELDS)}

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/panels/this_change.html"

        def get_context_data(self, parent_context=None):
            from .change_dialog import DIALOG_ID, FORM_ID, PUBLISHING_ACTIONS, SUBMIT_LABELS

            context = super().get_context_data(parent_context)
            posted = [action for action in PUBLISHING_ACTIONS if action in self.form.data]
            action = posted[0] if posted else self.first_action()
            context.update(
                dialog_id=DIALOG_ID,
                form_id=FORM_ID,
                action=action,
                submit_label=SUBMIT_LABELS[action],
                fields=[self.form[name] for name in self.panel.FIELDS],
                has_errors=any(self.form[name].errors for name in self.panel.FIELDS),
            )
            return context

        def first_action(self):
            """The dialog's button before the script names it after the action that opened it."""
            user = self.request.user
            if self.instance.pk:
                can_publish = self.instance.permissions_for_user(user).can_publish()
            else:
                parent = getattr(self.form, "parent_page", None)
                can_publish = parent is not None and parent.permissions_for_user(user).can_publish_subpage()
            return "action-publish" if can_publish else "action-submit"


class TranslationsPanel(Panel):
    """Shows the editor of a Lithuanian page how far each of its translations is (texts not translated
    yet, of all) and leads to wagtail-localize's translation editor, which shows which ones they are."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/panels/translations.html"

        def is_shown(self):
            from .translations import is_source

            return bool(self.instance is not None and self.instance.pk and is_source(self.instance))

        def get_context_data(self, parent_context=None):
            from .translations import translation_progress

            context = super().get_context_data(parent_context)
            context["translations"] = translation_progress(self.instance)
            return context
