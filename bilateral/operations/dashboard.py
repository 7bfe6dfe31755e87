"""The admin dashboard's panel of what needs an editor's or operator's attention: fact warnings, emails
that could not be sent, suppressed addresses.

The dashboard must stay fast, so the panel reads stored numbers: two counts (failed outbox rows,
suppressed addresses) and one look at the newest section-page revision. Fact warnings are counted by
a task (`manage.py check_facts`'s own collection) and kept in the cache with the revision they were
counted at; a newer revision, or a new day (the date checks), has the task count them again while
the panel shows the last count.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db.models import Max
from django.utils import timezone
from django_tasks import task
from wagtail.admin.ui.components import Component
from wagtail.models import Revision

SUMMARY_KEY = "bilateral:fact-warnings"
REFRESHING_KEY = "bilateral:fact-warnings:refreshing"
KEPT_SECONDS = 7 * 24 * 3600
# One count at a time; a count that died is tried again after this.
REFRESH_LOCK_SECONDS = 300
PAGES_LISTED = 10


def section_page_type():
    from bilateral.pages.models import SectionPage

    return ContentType.objects.get_for_model(SectionPage)


def content_stamp():
    """What fact warnings depend on: the newest section-page revision (drafts too) and the date."""
    newest = Revision.objects.filter(content_type=section_page_type()).aggregate(newest=Max("pk"))["newest"]
    return [newest or 0, timezone.localdate().isoformat()]


def count_fact_warnings(stamp):
    from bilateral.pages.management.commands.check_facts import collect_warnings
    from bilateral.pages.models import SectionPage

    pages = {}
    for row in collect_warnings(SectionPage.objects.order_by("path")):
        page = pages.setdefault(row["page_id"], {"id": row["page_id"], "title": row["page_title"], "count": 0})
        page["count"] += 1
    listed = sorted(pages.values(), key=lambda page: -page["count"])
    return {
        "stamp": stamp,
        "counted_at": timezone.now().isoformat(),
        "total": sum(page["count"] for page in listed),
        "page_count": len(listed),
        "pages": listed[:PAGES_LISTED],
    }


@task()
def count_fact_warnings_task(stamp):
    caches["default"].set(SUMMARY_KEY, count_fact_warnings(stamp), KEPT_SECONDS)
    caches["default"].delete(REFRESHING_KEY)


def fact_warning_summary():
    """The last count (None before the first); queues a new count when the content has changed."""
    cache = caches["default"]
    summary, stamp = cache.get(SUMMARY_KEY), content_stamp()
    if (summary is None or summary["stamp"] != stamp) and cache.add(REFRESHING_KEY, 1, REFRESH_LOCK_SECONDS):
        count_fact_warnings_task.enqueue(stamp)
        summary = cache.get(SUMMARY_KEY)  # the immediate backend (tests) has counted already
    return summary


def failed_outbox_count():
    from bilateral.subscriptions.outbox_models import FAILED, OutboxMessage

    return OutboxMessage.objects.filter(status=FAILED).count()


def suppressed_address_count():
    """Addresses never mailed again (hard bounces, complaints)."""
    from bilateral.subscriptions.models import Suppression

    return Suppression.objects.count()


class AttentionPanel(Component):
    name = "bilateral_attention"
    template_name = "operations/attention_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        from bilateral.subscriptions.admin_views import can_see_outbox, can_see_suppressions

        user = parent_context["request"].user
        context = {"facts": fact_warning_summary()}
        if can_see_outbox(user):
            context["failed_outbox"] = failed_outbox_count()
        if can_see_suppressions(user):
            context["suppressed"] = suppressed_address_count()
        return context
