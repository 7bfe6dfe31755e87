"""The import report as lines of text (the command's output)."""

from django.utils.translation import gettext as _


def report_lines(result):
    page = result.page
    yield _("Draft section page “%(title)s” created (id %(id)s, not published).") % {"title": page.title, "id": page.pk}
    for line in result.report:
        mark = "+" if line.structured else "?"
        yield f"{mark} {line.text}\n    → {line.outcome}"
    yield _("%(structured)s sentences read into facts, %(unstructured)s kept as text for review.") % {
        "structured": sum(1 for line in result.report if line.structured),
        "unstructured": len(result.unstructured),
    }
    for warning in result.warnings:
        yield _("Fact check: %(block)s: %(message)s (%(figures)s)") % {
            "block": warning.block_label,
            "message": warning.message,
            "figures": warning.figures,
        }
