"""Absolute links that go into every email: confirm, unsubscribe (one click), manage.

Links are built from settings.SITE_URL (an email has no request) and in the subscriber's
language, so a Lithuanian reader lands on /prenumerata/… and an English one on /en/prenumerata/….
"""

import hashlib
from datetime import datetime, timezone
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token


def email_tag(email):
    """A short digest of the address, so a token stops working if its id is reused for another address."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def subscriber_token(purpose, subscriber):
    """Unsubscribe and manage tokens never expire: stamped with the subscriber's creation time, a
    subscriber's links are the same in every email."""
    signed_at = subscriber.created_at or datetime.fromtimestamp(0, tz=timezone.utc)
    return make_token(purpose, subscriber.pk, signed_at=signed_at, e=email_tag(subscriber.email))


def absolute(name, subscriber, **kwargs):
    with translation.override(getattr(subscriber, "language", None) or settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def unsubscribe_url(subscriber):
    """The RFC 8058 one-click URL: a POST to it unsubscribes from everything; a GET shows a button."""
    return absolute("subscriptions:unsubscribe", subscriber, token=subscriber_token(UNSUBSCRIBE, subscriber))


def manage_url(subscriber):
    """The page where the reader changes what and how often, downloads or erases their data."""
    return absolute("subscriptions:manage", subscriber, token=subscriber_token(MANAGE, subscriber))


def confirm_url(subscription, frequency=None):
    """The double opt-in link for one subscription (single use: it carries the row's nonce) and the
    frequency the reader asked for, applied only when they confirm."""
    subscriber = subscription.subscriber
    token = make_token(
        CONFIRM,
        subscriber.pk,
        e=email_tag(subscriber.email),
        i=subscription.pk,
        n=subscription.confirm_nonce,
        f=frequency or subscription.frequency,
        # What was asked for, to fill in the form again if the link has expired.
        c=subscription.scope,
        p=subscription.page_id or subscription.country_page_id,
    )
    return absolute("subscriptions:confirm", subscriber, token=token)


def unsubscribe_mailbox():
    """Where the mailto: unsubscribe goes: SUBSCRIPTIONS_UNSUBSCRIBE_EMAIL or the sender's address."""
    configured = getattr(settings, "SUBSCRIPTIONS_UNSUBSCRIBE_EMAIL", "")
    return configured or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def list_unsubscribe_headers(subscriber):
    """List-Unsubscribe (https and mailto) and List-Unsubscribe-Post, for every email we send."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>, <mailto:{unsubscribe_mailbox()}?subject=unsubscribe>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
