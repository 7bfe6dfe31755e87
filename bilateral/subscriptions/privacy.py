"""GDPR: what we hold about a reader (export), forgetting them (erase), and purging the unconfirmed."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Subscriber, Subscription
from .targets import describe
from .tokens import CONFIRMATION_MAX_AGE

UNCONFIRMED_TTL = timedelta(seconds=CONFIRMATION_MAX_AGE)


def _when(value):
    return value.isoformat() if value else None


def export_data(subscriber):
    """Everything stored about one subscriber, as JSON-ready data."""
    return {
        "subscriber": {
            "email": subscriber.email,
            "language": subscriber.language,
            "created_at": _when(subscriber.created_at),
            "confirmed_at": _when(subscriber.confirmed_at),
        },
        "subscriptions": [
            {
                "follows": describe(subscription),
                "scope": subscription.scope,
                "page_id": subscription.page_id,
                "country_page_id": subscription.country_page_id,
                "frequency": subscription.frequency,
                "created_at": _when(subscription.created_at),
                "requested_at": _when(subscription.requested_at),
                "confirmed_at": _when(subscription.confirmed_at),
            }
            for subscription in subscriber.subscriptions.select_related("page", "country_page").order_by("pk")
        ],
        "consents": [
            {
                "given_at": _when(consent.given_at),
                "consent_text_version": consent.consent_text_version,
                "client_address_sha256": consent.client_address_hash,
            }
            for consent in subscriber.consents.order_by("pk")
        ],
    }


def erase(subscriber):
    """Forget the subscriber: the cascade removes subscriptions, consents and anything owed to them."""
    subscriber.delete()


def unsubscribe_all(subscriber):
    """Stop every subscription (confirmed or pending); the subscriber and consent records stay."""
    return subscriber.subscriptions.all().delete()[0]


def purge_unconfirmed_rows(now=None):
    """Delete subscriptions left unconfirmed for 7 days, then subscribers who never confirmed anything."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_TTL
    with transaction.atomic():
        subscriptions = Subscription.objects.filter(confirmed_at__isnull=True, requested_at__lt=cutoff).delete()[1]
        subscribers = (
            Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff, subscriptions__isnull=True)
            .delete()[1]
        )
    return {
        "subscriptions": subscriptions.get(Subscription._meta.label, 0),
        "subscribers": subscribers.get(Subscriber._meta.label, 0),
    }


@task()
def purge_unconfirmed():
    """Periodic task: purge unconfirmed subscriptions older than 7 days."""
    return purge_unconfirmed_rows()
