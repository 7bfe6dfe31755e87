"""Absolute links that go into every email: confirm, unsubscribe (one click), manage.

Links are built from settings.SITE_URL (an email has no request) and in the subscriber's
language, so a Lithuanian reader lands on /prenumerata/… and an English one on /en/subscribe/….
Each link names the subscriber by their random link key only and carries the time it was made:
manage links work for 7 days, unsubscribe links for a year (tokens.MAX_AGE).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token


def signing_time():
    """When links made now are stamped (their age counts from here)."""
    return timezone.now()


def subscriber_token(purpose, subscriber):
    return make_token(purpose, signed_at=signing_time(), k=subscriber.link_key)


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
        signed_at=signing_time(),
        k=subscriber.link_key,
        n=subscription.confirm_nonce,
        f=frequency or subscription.frequency,
        # What was asked for: it finds the row, and fills in the form again if the link has expired.
        c=subscription.scope,
        p=subscription.page_id or subscription.country_page_id,
    )
    return absolute("subscriptions:confirm", subscriber, token=token)


def unsubscribe_mailbox():
    """The mailto: unsubscribe address, only where one is read (SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO)."""
    return getattr(settings, "SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO", "")


def list_unsubscribe(url):
    """The List-Unsubscribe value: the one-click https address, then a mailto: if one is read."""
    mailbox = unsubscribe_mailbox()
    return f"<{url}>, <mailto:{mailbox}?subject=unsubscribe>" if mailbox else f"<{url}>"


def list_unsubscribe_headers(subscriber):
    """List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), for every email we send."""
    return {
        "List-Unsubscribe": list_unsubscribe(unsubscribe_url(subscriber)),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
