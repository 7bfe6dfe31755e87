"""Demo subscribers for load tests and benchmarks: confirmed readers who all follow one demo page.

Every demo reader follows the target page at once, through a mix of scopes (half the whole portal,
a quarter the target's country, a quarter the page itself), so one major change of that page
reaches every one of them; a fifth also take a daily or weekly digest of another demo page.
Written with bulk_create in batches, so 100,000 readers take seconds and little memory.
"""

import random

from django.db import transaction
from django.utils import timezone

from bilateral.subscriptions.models import (
    COUNTRY,
    DAILY,
    IMMEDIATE,
    PAGE,
    SITE,
    WEEKLY,
    ConsentRecord,
    Subscriber,
    Subscription,
)
from bilateral.subscriptions.outbox_models import OutboxMessage

DEMO_DOMAIN = "demo.example.com"
BATCH_SIZE = 5000


def demo_email(number):
    return f"skaitytojas{number:07d}@{DEMO_DOMAIN}"


def demo_subscribers():
    return Subscriber.objects.filter(email__endswith="@" + DEMO_DOMAIN)


def scope_of(number, target, country_id):
    """Half follow the portal, a quarter the target's country, a quarter the target page."""
    if number % 4 == 1 and country_id:
        return {"scope": COUNTRY, "country_page_id": country_id}
    if number % 4 == 3:
        return {"scope": PAGE, "page_id": target.pk}
    return {"scope": SITE}


def subscriptions_for(subscribers, target, country_id, other_pages, rng, now):
    rows = []
    for subscriber in subscribers:
        number = int(subscriber.email.split("@")[0][-7:])
        rows.append(Subscription(subscriber=subscriber, frequency=IMMEDIATE, confirmed_at=now, requested_at=now,
                                 **scope_of(number, target, country_id)))
        other = rng.choice(other_pages) if other_pages else None
        if other and other != target.pk and rng.random() < 0.2:
            rows.append(Subscription(subscriber=subscriber, scope=PAGE, page_id=other, confirmed_at=now,
                                     requested_at=now, frequency=rng.choice([DAILY, WEEKLY])))
    return rows


def generate_subscribers(count, target, other_pages, progress, seed=2026):
    """Create the missing ones of demo readers 1…count; returns how many were created."""
    from bilateral.pages.models import CountryPage

    country_id = CountryPage.objects.ancestor_of(target).values_list("pk", flat=True).first()
    existing = set(demo_subscribers().values_list("email", flat=True))
    missing = [number for number in range(1, count + 1) if demo_email(number) not in existing]
    progress(count - len(missing))
    del existing
    rng = random.Random(seed)
    now = timezone.now()
    for start in range(0, len(missing), BATCH_SIZE):
        numbers = missing[start : start + BATCH_SIZE]
        with transaction.atomic():
            subscribers = Subscriber.objects.bulk_create(
                [Subscriber(email=demo_email(n), confirmed_at=now, language="en" if n % 10 == 0 else "lt") for n in numbers]
            )
            if subscribers[0].pk is None:  # a backend that returns no ids: read them back
                subscribers = list(Subscriber.objects.filter(email__in=[demo_email(n) for n in numbers]))
            Subscription.objects.bulk_create(subscriptions_for(subscribers, target, country_id, other_pages, rng, now))
            ConsentRecord.objects.bulk_create(
                [ConsentRecord(subscriber=s, client_address_hash="demo", consent_text_version="demo") for s in subscribers]
            )
        progress(len(numbers))
    return len(missing)


def delete_demo_subscribers():
    """Everything of the demo readers, table by table (one DELETE each, not a row-by-row cascade)."""
    readers = demo_subscribers()
    OutboxMessage.objects.filter(subscriber__in=readers.values("pk")).delete()
    Subscription.objects.filter(subscriber__in=readers.values("pk")).delete()
    ConsentRecord.objects.filter(subscriber__in=readers.values("pk")).delete()
    return readers.delete()[0]
