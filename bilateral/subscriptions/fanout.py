"""Fan-out: one alert row per subscriber who follows a change's page, its country or the portal.

Subscribers are read in keyset batches of ids, so memory stays flat however many there are; each
batch is written in one INSERT … SELECT … ON CONFLICT DO NOTHING on PostgreSQL (no row objects in
Python: 100,000 rows take seconds), with bulk_create(ignore_conflicts=True) elsewhere. Either way a
repeated fan-out adds nothing.
"""

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import COUNTRY, IMMEDIATE, PAGE, SITE, Subscription
from .outbox_models import ALERT, PENDING, FanOut, OutboxMessage
from .suppression import unsuppressed

BATCH_SIZE = 1000


def country_page_ids(page_ids):
    """{section page id: its country page id}, from the page tree."""
    from bilateral.pages.models import CountryPage, SectionPage

    result = {}
    for page in SectionPage.objects.filter(pk__in=set(page_ids)).only("path", "depth"):
        result[page.pk] = CountryPage.objects.ancestor_of(page).values_list("pk", flat=True).first()
    return result


def following(page_ids, country_ids, frequency):
    """Confirmed subscriptions at this frequency that cover any of these pages or countries (of
    addresses that have not bounced or complained)."""
    scopes = Q(scope=SITE) | Q(scope=PAGE, page_id__in=page_ids) | Q(scope=COUNTRY, country_page_id__in=country_ids)
    return unsuppressed(Subscription.objects.filter(scopes, frequency=frequency, confirmed_at__isnull=False))


def covers(subscription, page_id, country_id):
    """Whether one subscription (scope, page_id, country_page_id) covers a change on this page."""
    scope, sub_page, sub_country = subscription
    return scope == SITE or (scope == PAGE and sub_page == page_id) or (scope == COUNTRY and sub_country == country_id)


def subscriber_id_batches(subscriptions, batch_size):
    """Distinct subscriber ids in ascending batches (keyset pagination: no OFFSET, no big list)."""
    ids = subscriptions.order_by("subscriber_id").values_list("subscriber_id", flat=True).distinct()
    last = 0
    while True:
        batch = list(ids.filter(subscriber_id__gt=last)[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1]


def insert_alerts_by_select(change_id, subscriptions):
    """One statement: an alert row for each distinct subscriber of `subscriptions` that has none yet."""
    opts = OutboxMessage._meta
    column = {field.name: field.column for field in opts.concrete_fields}
    now = timezone.now()
    values = {  # every column without a database default, as OutboxMessage() would fill it
        "kind": ALERT, "change": change_id, "frequency": IMMEDIATE, "change_ids": "[]", "status": PENDING,
        "attempts": 0, "next_attempt_at": now, "claim_token": "", "last_error": "", "created_at": now,
    }
    select_sql, select_params = subscriptions.order_by().values("subscriber_id").distinct().query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(column[name]) for name in ["subscriber", *values])
    placeholders = ", ".join("%s::jsonb" if name == "change_ids" else "%s" for name in values)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(opts.db_table)} ({columns}) "
        f"SELECT followers.subscriber_id, {placeholders} FROM ({select_sql}) AS followers "
        "ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values.values(), *select_params])


def fan_out_change(change_id, batch_size=BATCH_SIZE):
    """Write the alert rows of one major change; returns how many subscribers it reached."""
    from bilateral.pages.models import MajorChange

    change = MajorChange.objects.filter(pk=change_id).first()
    if change is None:
        return 0
    country_id = country_page_ids([change.page_id]).get(change.page_id)
    subscriptions = following([change.page_id], [country_id] if country_id else [], IMMEDIATE)
    reached, last = 0, 0
    for batch in subscriber_id_batches(subscriptions, batch_size):
        if connection.vendor == "postgresql":
            insert_alerts_by_select(change.pk, subscriptions.filter(subscriber_id__gt=last, subscriber_id__lte=batch[-1]))
        else:
            now = timezone.now()
            rows = [
                OutboxMessage(kind=ALERT, subscriber_id=sid, change_id=change.pk, frequency=IMMEDIATE, next_attempt_at=now)
                for sid in batch
            ]
            OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)
        reached += len(batch)
        last = batch[-1]
    with transaction.atomic():
        FanOut.objects.update_or_create(change_id=change.pk, defaults={"finished_at": timezone.now()})
    return reached
