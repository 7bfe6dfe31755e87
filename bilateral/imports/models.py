"""What an import made of a page, kept with the draft: the editor finds it again when editing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageImport(models.Model):
    """One import: the draft it made, from which file, by whom, and what each sentence became."""

    page = models.ForeignKey(
        "pages.SectionPage", on_delete=models.CASCADE, related_name="imports", verbose_name=_("page")
    )
    source_name = models.CharField(_("file"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # [{"text": …, "outcome": …, "structured": bool}, …] in the order of the page.
    report = models.JSONField(_("report"), default=list)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("page import")
        verbose_name_plural = _("page imports")

    def __str__(self):
        return f"{self.page_id}: {self.source_name}"

    def unstructured(self):
        return [line["text"] for line in self.report if not line["structured"]]
