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
