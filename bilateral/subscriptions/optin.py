"""Double opt-in: a submission makes (or renews) a pending subscription; its link confirms it once."""

import hashlib
import logging
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import DateTimeField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import ratelimit
from .consent import CONSENT_TEXT_VERSION
from .mail import send_confirmation
from .models import COUNTRY, PAGE, SITE, ConsentRecord, Subscriber, Subscription
from .suppression import is_suppressed
from .tokens import CONFIRM, ExpiredToken, InvalidToken, read_token

log = logging.getLogger(__name__)

# What request_subscription tells the view; the reader sees the same answer for SENT and QUIET.
SENT, QUIET, TOO_MANY = "sent", "quiet", "too_many"


def hash_client_address(address):
    """SHA-256 of the client address salted with SECRET_KEY: provable, not readable."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address or ''}".encode()).hexdigest()


def request_subscription(*, email, target, scope, frequency, client_address, language):
    """Record the wish and send one confirmation email, within the rate limits.

    A confirmed subscription is never changed here: the new frequency travels in the
    confirmation link and applies only when the owner of the mailbox confirms it.
    """
    if not ratelimit.allow("address", client_address or "-"):
        return TOO_MANY
    if not ratelimit.allow("email", email):
        # Silently: a different answer would tell a stranger something about this address.
        return QUIET
    if is_suppressed(email):
        # It bounced or its owner reported us as spam: never mailed again, and nobody is told why.
        return QUIET
    subscription = _pending(email, target, scope, frequency, client_address, language)
    send_confirmation(subscription, frequency)
    return SENT


def _pending(email, target, scope, frequency, client_address, language):
    fields = target.subscription_fields(scope)
    for attempt in range(2):
        try:
            with transaction.atomic():
                subscriber, _created = Subscriber.objects.get_or_create(email=email, defaults={"language": language})
                if subscriber.confirmed_at is None and subscriber.language != language:
                    subscriber.language = language
                    subscriber.save(update_fields=["language"])
                ConsentRecord.objects.get_or_create(
                    subscriber=subscriber,
                    consent_text_version=CONSENT_TEXT_VERSION,
                    client_address_hash=hash_client_address(client_address),
                )
                lookup = {"subscriber": subscriber, "scope": scope}
                if fields["page"] is not None:
                    lookup["page"] = fields["page"]
                if fields["country_page"] is not None:
                    lookup["country_page"] = fields["country_page"]
                subscription = Subscription.objects.select_for_update().filter(**lookup).first()
                if subscription is None:
                    subscription = Subscription.objects.create(
                        subscriber=subscriber, frequency=frequency, confirm_nonce=secrets.token_hex(16), **fields
                    )
                else:
                    # Keep an outstanding nonce so the link in an earlier email keeps working.
                    subscription.confirm_nonce = subscription.confirm_nonce or secrets.token_hex(16)
                    update = ["confirm_nonce"]
                    if subscription.confirmed_at is None:
                        subscription.frequency = frequency
                        subscription.requested_at = timezone.now()
                        update += ["frequency", "requested_at"]
                    subscription.save(update_fields=update)
                return subscription
        except IntegrityError:
            # Two submissions for one address at once: the loser reads what the winner wrote.
            if attempt:
                raise
    raise AssertionError("unreachable")


class ConfirmationError(Exception):
    """Why a confirmation link cannot confirm: "invalid", "expired" or "used"."""

    def __init__(self, reason, payload=None):
        super().__init__(reason)
        self.reason = reason
        self.payload = payload or {}


def check_confirmation(token):
    """The pending Subscription and wished frequency a link confirms; raises ConfirmationError."""
    try:
        payload = read_token(CONFIRM, token)
    except ExpiredToken:
        raise ConfirmationError("expired", _expired_payload(token)) from None
    except InvalidToken:
        raise ConfirmationError("invalid") from None
    subscription = subscription_named(payload)
    if subscription is None:
        # Purged, erased, unsubscribed or signed out since: the reader may ask again.
        raise ConfirmationError("expired", payload)
    if not payload.get("n") or subscription.confirm_nonce != payload.get("n"):
        raise ConfirmationError("used", payload)
    return subscription, payload.get("f") or subscription.frequency


def subscription_named(payload):
    """The subscription a confirmation link names: its subscriber's link key, scope and page."""
    scope, target = payload.get("c"), payload.get("p")
    if not payload.get("k") or scope not in (PAGE, COUNTRY, SITE):
        return None
    lookup = {"subscriber__link_key": payload["k"], "scope": scope}
    if scope == PAGE:
        lookup["page_id"] = target
    elif scope == COUNTRY:
        lookup["country_page_id"] = target
    return Subscription.objects.select_related("subscriber").filter(**lookup).first()


def _expired_payload(token):
    try:
        return read_token(CONFIRM, token, any_age=True)
    except InvalidToken:
        return {}


def confirm(token):
    """Confirm once: the nonce is cleared in the same UPDATE that checks it, so a second use fails."""
    subscription, frequency = check_confirmation(token)
    now = timezone.now()
    with transaction.atomic():
        claimed = Subscription.objects.filter(pk=subscription.pk, confirm_nonce=subscription.confirm_nonce).update(
            confirm_nonce="", frequency=frequency, confirmed_at=Coalesce("confirmed_at", Value(now, output_field=DateTimeField()))
        )
        if not claimed:
            raise ConfirmationError("used")
        Subscriber.objects.filter(pk=subscription.subscriber_id, confirmed_at__isnull=True).update(confirmed_at=now)
    subscription.refresh_from_db()
    return subscription
