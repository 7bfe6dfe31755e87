"""Addresses never mailed again: hard bounces and complaints, as the email service reports them.

django-anymail turns each service's signed tracking webhook into one `tracking` signal; a hard
bounce, a complaint (the reader pressed "spam") or a refusal because of either suppresses the
address. It is kept as a keyed hash (HMAC with a key derived from SECRET_KEY), so the record
outlives the subscriber's erasure, still refuses a new subscription of the address, and says
nothing to whoever reads the table without the key.
"""

import logging

from anymail.signals import EventType, RejectReason
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils.crypto import salted_hmac

from .models import Subscriber, Suppression

logger = logging.getLogger(__name__)

SUPPRESSING_EVENTS = {EventType.BOUNCED: Suppression.BOUNCE, EventType.COMPLAINED: Suppression.COMPLAINT}
SUPPRESSING_REJECTIONS = {RejectReason.BOUNCED: Suppression.BOUNCE, RejectReason.SPAM: Suppression.COMPLAINT}


def address_hash(email, secret=None):
    value = email.strip().lower()
    return salted_hmac("bilateral.subscriptions.suppression", value, secret=secret, algorithm="sha256").hexdigest()


def address_hashes(email):
    """The hash under SECRET_KEY and under each of SECRET_KEY_FALLBACKS: rotating the key the
    documented way (the old one kept as a fallback) forgets no suppression."""
    return [address_hash(email, secret) for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]


def is_suppressed(email):
    return Suppression.objects.filter(address_hash__in=address_hashes(email)).exists()


def suppressed_ids(subscribers):
    """The ids of those of `subscribers` whose address is suppressed (one query for a batch)."""
    hashes = {digest: subscriber.pk for subscriber in subscribers for digest in address_hashes(subscriber.email)}
    found = Suppression.objects.filter(address_hash__in=hashes).values_list("address_hash", flat=True)
    return {hashes[digest] for digest in found}


def unsuppressed(subscriptions):
    """Subscriptions whose subscriber's address is not suppressed (for the fan-outs)."""
    return subscriptions.filter(~Exists(Suppression.objects.filter(subscriber_id=OuterRef("subscriber_id"))))


def suppress(email, reason, provider=""):
    """Record the address as never to be mailed again (once; a later event changes nothing)."""
    subscriber = Subscriber.objects.filter(email__iexact=email.strip()).first()
    suppression = Suppression.objects.filter(address_hash__in=address_hashes(email)).first()
    if suppression is None:
        digest = address_hash(email)
        try:
            with transaction.atomic():
                suppression = Suppression.objects.create(
                    address_hash=digest, reason=reason, provider=provider[:40], subscriber=subscriber
                )
            logger.info("Suppressed an address (%s reported by %s)", reason, provider or "the email service")
        except IntegrityError:  # the same event delivered twice at once
            suppression = Suppression.objects.get(address_hash=digest)
    return link_subscriber(suppression, subscriber)


def link_subscriber(suppression, subscriber):
    """Show the address in the admin while its subscriber exists (erasure unlinks it again)."""
    if suppression.subscriber_id is None and subscriber is not None:
        suppression.subscriber = subscriber
        suppression.save(update_fields=["subscriber"])
    return suppression


def reason_of(event):
    """Bounce, complaint, or None (deliveries, opens, soft bounces change nothing)."""
    if event.event_type == EventType.REJECTED:
        return SUPPRESSING_REJECTIONS.get(event.reject_reason)
    return SUPPRESSING_EVENTS.get(event.event_type)


def on_tracking(sender, event, esp_name, **kwargs):
    """anymail's `tracking` signal: one normalised event from a signature-checked webhook."""
    reason = reason_of(event)
    if reason and event.recipient:
        suppress(event.recipient, reason, esp_name)
