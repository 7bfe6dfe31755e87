"""Digest rows: one per subscriber and period, listing every change of their scopes in the period.

A change the subscriber already gets as an alert (another subscription of theirs is "at once") is
left out of the digest, so nobody reads the same change twice.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from .fanout import BATCH_SIZE, country_page_ids, covers, following, subscriber_id_batches
from .models import Subscription
from .outbox_models import ALERT, CANCELLED, DIGEST, DigestRun, OutboxMessage
from .periods import period_bounds


def changes_in(frequency, period_start):
    """[(change id, page id, country page id)] published in the period, oldest first."""
    from bilateral.pages.models import MajorChange

    start, end = period_bounds(frequency, period_start)
    changes = list(
        MajorChange.objects.filter(published_at__gte=start, published_at__lt=end)
        .order_by("published_at", "pk")
        .values_list("pk", "page_id")
    )
    countries = country_page_ids([page_id for _pk, page_id in changes])
    return [(pk, page_id, countries.get(page_id)) for pk, page_id in changes]


def create_digests(frequency, period_start, batch_size=BATCH_SIZE):
    """Write the digest rows of one period (idempotent) and record the run; returns rows written."""
    changes = changes_in(frequency, period_start)
    written = 0
    if changes:
        page_ids = {page_id for _c, page_id, _k in changes}
        country_ids = {country for _c, _p, country in changes if country}
        subscriptions = following(page_ids, country_ids, frequency)
        change_ids = [change_id for change_id, _p, _k in changes]
        for batch in subscriber_id_batches(subscriptions, batch_size):
            written += write_batch(batch, frequency, period_start, changes, change_ids)
    DigestRun.objects.update_or_create(
        frequency=frequency, period_start=period_start, defaults={"finished_at": timezone.now(), "rows": written}
    )
    return written


def write_batch(batch, frequency, period_start, changes, change_ids):
    scopes = defaultdict(list)
    for subscriber_id, *subscription in Subscription.objects.filter(
        subscriber_id__in=batch, frequency=frequency, confirmed_at__isnull=False
    ).values_list("subscriber_id", "scope", "page_id", "country_page_id"):
        scopes[subscriber_id].append(subscription)
    alerted = set(
        OutboxMessage.objects.filter(kind=ALERT, subscriber_id__in=batch, change_id__in=change_ids)
        .filter(~Q(status=CANCELLED))
        .values_list("subscriber_id", "change_id")
    )
    rows = []
    for subscriber_id in batch:
        own = [
            change_id
            for change_id, page_id, country_id in changes
            if (subscriber_id, change_id) not in alerted
            and any(covers(sub, page_id, country_id) for sub in scopes[subscriber_id])
        ]
        if own:
            rows.append(
                OutboxMessage(
                    kind=DIGEST,
                    subscriber_id=subscriber_id,
                    frequency=frequency,
                    period_start=period_start,
                    change_ids=own,
                )
            )
    OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
