"""What is owed to readers: one outbox row per email, written once, sent once.

An alert row is unique per (subscriber, change) and a digest row per (subscriber, frequency,
period_start), so a fan-out or a digest run that is repeated — a retry, a second worker, a second
publish of the same revision — writes nothing new. Workers claim rows (status "sending" with a
claim token and a lease), send them, and mark them sent right after the SMTP server accepted them.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ALERT, DIGEST = "alert", "digest"
KIND_CHOICES = [(ALERT, _("Alert")), (DIGEST, _("Digest"))]

PENDING, SENDING, SENT, FAILED, CANCELLED = "pending", "sending", "sent", "failed", "cancelled"
STATUS_CHOICES = [
    (PENDING, _("Waiting")),
    (SENDING, _("Being sent")),
    (SENT, _("Sent")),
    (FAILED, _("Failed")),
    (CANCELLED, _("Not sent: no longer subscribed")),
]


class OutboxMessage(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber", on_delete=models.CASCADE, related_name="outbox", verbose_name=_("subscriber")
    )
    change = models.ForeignKey(
        "pages.MajorChange", on_delete=models.CASCADE, null=True, blank=True, related_name="outbox"
    )
    frequency = models.CharField(_("how often"), max_length=10)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    # A digest's changes are fixed when the row is written, so a re-send says the same thing.
    change_ids = models.JSONField(_("changes"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claim_token = models.CharField(max_length=32, blank=True, default="")
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "change"], condition=Q(kind=ALERT), name="one_alert_per_change"
            ),
            models.UniqueConstraint(
                fields=["subscriber", "frequency", "period_start"],
                condition=Q(kind=DIGEST),
                name="one_digest_per_period",
            ),
            models.CheckConstraint(
                condition=Q(kind=ALERT, change__isnull=False, period_start__isnull=True)
                | Q(kind=DIGEST, change__isnull=True, period_start__isnull=False),
                name="outbox_kind_matches_target",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["claim_token"], name="outbox_claim"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} → {self.subscriber_id} ({self.status})"

    @property
    def message_id(self):
        """The same Message-ID whenever this row is sent, so a duplicate is recognisable as one."""
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        stamp = int(self.created_at.timestamp()) if self.created_at else 0
        return f"<outbox.{self.pk}.{stamp}@{host}>"


class FanOut(models.Model):
    """Written in the publishing transaction; finished_at says every alert row of the change exists."""

    change = models.OneToOneField(
        "pages.MajorChange", on_delete=models.CASCADE, primary_key=True, related_name="fan_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("fan-out")
        verbose_name_plural = _("fan-outs")


class DigestRun(models.Model):
    """A digest period whose rows are all written; the scheduler does not run it again."""

    frequency = models.CharField(max_length=10)
    period_start = models.DateField()
    finished_at = models.DateTimeField(default=timezone.now)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        constraints = [models.UniqueConstraint(fields=["frequency", "period_start"], name="one_run_per_period")]
