"""Readers who follow pages, countries or the whole portal, and what is owed to them.

A Subscriber is one email address; each of its Subscriptions follows one scope at one frequency.
Outbox rows (one per subscriber and change, or per subscriber and digest period) make delivery
exactly-once: the unique constraints stop a second fan-out from writing a second row.
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PAGE, COUNTRY, SITE = "page", "country", "site"
SCOPE_CHOICES = [
    (PAGE, _("This page")),
    (COUNTRY, _("This country")),
    (SITE, _("The whole portal")),
]
IMMEDIATE, DAILY, WEEKLY = "immediate", "daily", "weekly"
FREQUENCY_CHOICES = [
    (IMMEDIATE, _("At once")),
    (DAILY, _("Daily digest")),
    (WEEKLY, _("Weekly digest")),
]


def new_link_key():
    """128 random bits: what a subscriber's links name them by (never their id or address)."""
    return secrets.token_urlsafe(16)


class Subscriber(models.Model):
    email = models.EmailField(_("email"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Emails and their links go out in the language the reader subscribed in.
    language = models.CharField(_("language"), max_length=10, default="lt")
    # Every link in our emails names the subscriber by this random key alone (signed, with its age):
    # a new key revokes every link sent so far.
    link_key = models.CharField(_("link key"), max_length=32, unique=True, default=new_link_key, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    def rotate_link_key(self):
        """Revoke every link sent so far (the manage page's "sign out all links", an operator)."""
        self.link_key = new_link_key()
        self.save(update_fields=["link_key"])


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    scope = models.CharField(_("follows"), max_length=10, choices=SCOPE_CHOICES)
    page = models.ForeignKey(
        "pages.SectionPage", on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    country_page = models.ForeignKey(
        "pages.CountryPage", on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    frequency = models.CharField(_("how often"), max_length=10, choices=FREQUENCY_CHOICES, default=IMMEDIATE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    # Double opt-in: the confirmation link carries this nonce; confirming clears it (single use).
    confirm_nonce = models.CharField(_("confirmation nonce"), max_length=32, blank=True, default="")
    # When the last confirmation email was asked for; unconfirmed rows older than 7 days are purged.
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            # Partial unique indexes: NULLs never collide in a plain unique index, on either database.
            models.UniqueConstraint(fields=["subscriber", "page"], condition=Q(scope=PAGE), name="one_per_page"),
            models.UniqueConstraint(
                fields=["subscriber", "country_page"], condition=Q(scope=COUNTRY), name="one_per_country"
            ),
            models.UniqueConstraint(fields=["subscriber"], condition=Q(scope=SITE), name="one_for_the_site"),
            models.CheckConstraint(
                condition=(
                    Q(scope=PAGE, page__isnull=False, country_page__isnull=True)
                    | Q(scope=COUNTRY, page__isnull=True, country_page__isnull=False)
                    | Q(scope=SITE, page__isnull=True, country_page__isnull=True)
                ),
                name="scope_matches_target",
            ),
        ]

    def __str__(self):
        return f"{self.subscriber} – {self.get_scope_display()} – {self.get_frequency_display()}"


class ConsentRecord(models.Model):
    """Proof of consent: when, from which (hashed) address, to which version of the consent text."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    client_address_hash = models.CharField(_("hashed client address"), max_length=64)
    consent_text_version = models.CharField(_("consent text version"), max_length=20)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")


class Suppression(models.Model):
    """An address that hard-bounced or complained (reported spam): it is never mailed again.

    Kept by a keyed hash of the address, so it outlives the subscriber's erasure and still refuses a
    new subscription of the address; while the subscriber exists the admin shows their address."""

    BOUNCE, COMPLAINT = "bounce", "complaint"
    REASON_CHOICES = [(BOUNCE, _("Hard bounce")), (COMPLAINT, _("Complaint (reported as spam)"))]

    address_hash = models.CharField(_("hashed address"), max_length=64, unique=True)
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.SET_NULL, null=True, blank=True, related_name="suppressions"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=REASON_CHOICES)
    provider = models.CharField(_("email service"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("suppressed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")


# Delivery (the outbox, fan-outs, digest runs) lives in its own module; Django finds models here.
from .outbox_models import DigestRun, FanOut, OutboxMessage  # noqa: E402,F401
