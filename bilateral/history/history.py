"""Which revision of a page was live on a given day: the lookup behind `?as_of=YYYY-MM-DD`."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from wagtail.models import PageLogEntry

PUBLISH = ("wagtail.publish", "wagtail.publish.scheduled")
UNPUBLISH = ("wagtail.unpublish", "wagtail.unpublish.scheduled")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: \d would take any script's


class BadDay(ValueError):
    """The text is not a calendar day written YYYY-MM-DD."""


def parse_day(text):
    """'2019-01-01' → date(2019, 1, 1); anything else ('20190101', '2019-02-30', '') raises BadDay."""
    # date.fromisoformat alone would also take '20190101' and week dates like '2019-W01-1'.
    if not isinstance(text, str) or not ISO_DAY.fullmatch(text):
        raise BadDay(text)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadDay(text) from None


def end_of_day(day):
    """The last instant of `day` in the portal's time zone (Europe/Vilnius)."""
    # time.max rather than the next midnight: 9999-12-31 has no next day.
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=ZoneInfo(settings.TIME_ZONE))


def published_revision_on(page, day):
    """The revision of `page` that was live at the end of `day` (Europe/Vilnius), or None.

    Wagtail's page log says when each revision went live ("wagtail.publish", and
    "wagtail.publish.scheduled" when the scheduler ran) and when the page was unpublished.
    The earliest live revision counts from the page's first_published_at: load_seed publishes
    the seed's first revision when it runs, but the page's history starts on 2014-05-09.
    None when the page was not yet published, or was unpublished, at the end of that day.
    """
    end = end_of_day(day)
    if page.first_published_at is None or page.first_published_at > end:
        return None
    entries = PageLogEntry.objects.filter(page_id=page.pk).filter(
        Q(action__in=UNPUBLISH) | Q(action__in=PUBLISH, revision__isnull=False)
    )
    last = entries.filter(timestamp__lte=end).select_related("revision").order_by("-timestamp", "-id").first()
    if last is not None:
        return None if last.action in UNPUBLISH else last.revision
    first = entries.filter(action__in=PUBLISH).select_related("revision").order_by("timestamp", "id").first()
    return first.revision if first else page.live_revision


def updated_on(page, day):
    """The "Atnaujinta" stamp as it stood at the end of `day`: the last major change by then."""
    end = end_of_day(day)
    change = page.major_changes.filter(published_at__lte=end).order_by("-published_at").first()
    if change is not None:
        return change.published_at
    # The seed's own stamp has no MajorChange row; it holds until a later major change replaces it.
    current = page.last_major_change_at
    return current if current is not None and current <= end else None
