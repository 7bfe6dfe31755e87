"""The confirmation and new-link emails: plain text and HTML, in the reader's language, with List-Unsubscribe."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .links import confirm_url, list_unsubscribe_headers, manage_url, unsubscribe_url
from .models import Subscription
from .targets import describe
from .tokens import CONFIRMATION_MAX_AGE, MANAGE_MAX_AGE


def send_confirmation(subscription, frequency=None):
    """Send the double opt-in email for `subscription` (asking for `frequency`); raises on SMTP errors."""
    subscriber = subscription.subscriber
    frequency = frequency or subscription.frequency
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        context = {
            "subscription": subscription,
            "follows": describe(subscription),
            "frequency": dict(Subscription._meta.get_field("frequency").flatchoices)[frequency],
            "confirm_url": confirm_url(subscription, frequency),
            "manage_url": manage_url(subscriber),
            "unsubscribe_url": unsubscribe_url(subscriber),
            "valid_days": CONFIRMATION_MAX_AGE // 86400,
            "site_url": settings.SITE_URL,
            "language": translation.get_language(),
        }
        message = build("confirm", context, subscriber)
    message.send()


def send_manage_link(subscriber):
    """A new link to the manage page (asked for by address, or after signing out every link)."""
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        context = {
            "manage_url": manage_url(subscriber),
            "unsubscribe_url": unsubscribe_url(subscriber),
            "valid_days": MANAGE_MAX_AGE // 86400,
            "site_url": settings.SITE_URL,
            "language": translation.get_language(),
        }
        message = build("new_link", context, subscriber)
    message.send()


def build(name, context, subscriber):
    """The email of templates subscriptions/email/<name>{_subject.txt,.txt,.html}, with List-Unsubscribe."""
    subject = " ".join(render_to_string(f"subscriptions/email/{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"subscriptions/email/{name}.txt", context),
        to=[subscriber.email],
        headers=list_unsubscribe_headers(subscriber),
    )
    message.attach_alternative(render_to_string(f"subscriptions/email/{name}.html", context), "text/html")
    return message
