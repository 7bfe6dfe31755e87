"""The published versions of a section page, for its public history and the comparison of two of them."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import PageLogEntry, Revision

from bilateral.pages.publishing import MAJOR, MINOR

# "wagtail.publish.scheduled" is logged when a scheduled revision actually goes live;
# "wagtail.publish.schedule" (merely scheduled) is not a publication and is left out.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


@dataclass
class PublishedVersion:
    """A revision that was live at some time, with when it first went live."""

    revision: Revision
    published_at: datetime

    @property
    def pk(self):
        return self.revision.pk

    @property
    def kind(self):
        return self.revision.content.get("change_kind", "")

    @property
    def note(self):
        change = getattr(self.revision, "major_change", None)
        return change.note if change else ""

    @property
    def label(self):
        when = date_format(
            timezone.localtime(self.published_at), pgettext("stamp date and time format", "Y-m-d H:i")
        )
        if self.kind == MAJOR and self.note:
            return f"{when} – {self.note}"
        if self.kind == MINOR:
            return _("%(when)s – minor correction") % {"when": when}
        return when


def published_versions(page):
    """Every published revision of the page, newest first; each revision once, at its first publication."""
    first_published = {}
    entries = PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False)
    for revision_id, timestamp in entries.order_by("timestamp", "pk").values_list("revision_id", "timestamp"):
        if not first_published and page.first_published_at:
            # load_seed publishes the first revision when it runs; the page's history starts earlier.
            timestamp = min(timestamp, page.first_published_at)
        first_published.setdefault(revision_id, timestamp)
    revisions = Revision.objects.filter(pk__in=first_published).select_related("major_change")
    versions = [PublishedVersion(revision, first_published[revision.pk]) for revision in revisions]
    return sorted(versions, key=lambda version: (version.published_at, version.pk), reverse=True)


def previous_versions(versions):
    """For each published revision id, the version published just before it (None for the first)."""
    ordered = list(reversed(versions))
    return {version.pk: (ordered[index - 1] if index else None) for index, version in enumerate(ordered)}
