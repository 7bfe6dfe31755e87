"""Fan-out: one outbox row per subscriber per change, through the real publishing path, in batches."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bilateral.pages.models import CountryPage, MajorChange, SectionPage
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import COUNTRY, DAILY, IMMEDIATE, PAGE, SITE, Subscriber
from bilateral.subscriptions.outbox_models import ALERT, SENT, FanOut, OutboxMessage
from bilateral.subscriptions.receivers import enqueue_fan_out

from .delivery_support import follow, publish_major, readers

pytestmark = pytest.mark.django_db


def reader(email, language="lt"):
    from django.utils import timezone

    return Subscriber.objects.create(email=email, confirmed_at=timezone.now(), language=language)


def test_a_major_change_reaches_each_follower_once(seeded, django_capture_on_commit_callbacks):
    country = CountryPage.objects.ancestor_of(seeded).get()
    english = SectionPage.objects.get(translation_key=seeded.translation_key, locale__language_code="en")
    page_fan, country_fan, site_fan, both = (reader(f"{name}@example.com") for name in ("page", "country", "site", "both"))
    follow(page_fan, PAGE, page=seeded)
    follow(country_fan, COUNTRY, country_page=country)
    follow(site_fan, SITE)
    follow(both, PAGE, page=seeded)
    follow(both, SITE)  # two subscriptions that cover the change: still one email
    follow(reader("daily@example.com"), PAGE, DAILY, page=seeded)  # waits for the digest
    follow(reader("unconfirmed@example.com"), PAGE, page=seeded, confirmed=False)
    follow(reader("elsewhere@example.com"), PAGE, page=english)

    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_major(seeded, "Atnaujinta vizitų chronologija.")

    change = MajorChange.objects.get(revision=revision)
    rows = OutboxMessage.objects.filter(change=change)
    assert sorted(rows.values_list("subscriber__email", flat=True)) == [
        "both@example.com",
        "country@example.com",
        "page@example.com",
        "site@example.com",
    ]
    assert set(rows.values_list("kind", "frequency", "status")) == {(ALERT, IMMEDIATE, SENT)}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(rows.values_list("subscriber__email", flat=True))
    assert FanOut.objects.get(change=change).finished_at is not None


def fan_outs_in(callbacks):
    return [callback for callback in callbacks if getattr(callback, "func", None) is enqueue_fan_out]


def test_publishing_the_same_revision_again_adds_nothing(seeded, django_capture_on_commit_callbacks):
    readers(3)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        revision = publish_major(seeded, "Pirmas pakeitimas")
    assert len(fan_outs_in(callbacks)) == 1
    assert OutboxMessage.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        revision.publish()
    # Publishing again still refreshes caches (a new content generation) but enqueues no fan-out.
    assert fan_outs_in(callbacks) == []
    assert MajorChange.objects.filter(revision=revision).count() == 1
    # Even a fan-out run a second time (a retried task, a second worker) writes no second row.
    fan_out_change(MajorChange.objects.get(revision=revision).pk)
    assert OutboxMessage.objects.count() == 3
    assert len(mail.outbox) == 3


def test_each_major_change_is_its_own_alert(seeded, django_capture_on_commit_callbacks):
    readers(2)
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Pirmas")
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Antras")
    assert OutboxMessage.objects.count() == 4
    assert OutboxMessage.objects.values("change").distinct().count() == 2


def test_a_minor_change_tells_nobody(seeded, django_capture_on_commit_callbacks):
    readers(2)
    page = SectionPage.objects.get(pk=seeded.pk)
    page.change_kind = "minor"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_a_fan_out_to_5000_subscribers_goes_in_bounded_batches(seeded):
    # No on_commit here (the test is one transaction), so publishing only records the change.
    revision = publish_major(seeded, "Didelis pakeitimas")
    change = MajorChange.objects.get(revision=revision)
    readers(5000)

    with CaptureQueriesContext(connection) as queries:
        reached = fan_out_change(change.pk, batch_size=500)

    assert reached == 5000
    assert OutboxMessage.objects.filter(change=change).count() == 5000
    sql = [query["sql"] for query in queries.captured_queries]
    inserts = [q for q in sql if q.startswith("INSERT") and "subscriptions_outboxmessage" in q]
    reads = [q for q in sql if q.startswith("SELECT") and "subscriptions_subscription" in q]
    # Per batch of 500: one read of ids and the inserts the database's parameter limit allows
    # (one on PostgreSQL, several on SQLite) — the same for every batch, whatever the total.
    fields = [field for field in OutboxMessage._meta.concrete_fields if not field.primary_key]
    per_insert = connection.ops.bulk_batch_size(fields, [None] * 500)
    inserts_per_batch = -(-500 // per_insert)
    assert len(inserts) == 10 * inserts_per_batch
    # Ten full batches and the empty read that ends the loop; every read asks for 500 ids at most.
    assert len(reads) == 11
    assert all("LIMIT 500" in q for q in reads)
    # Beyond the batches, only a handful: the change, its country, the fan-out record.
    assert len(sql) <= len(inserts) + len(reads) + 10
