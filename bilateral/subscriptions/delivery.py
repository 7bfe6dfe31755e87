"""Delivery of outbox rows: claim a batch, send each over SMTP, mark it sent the moment it is accepted.

Claiming: on PostgreSQL, SELECT … FOR UPDATE SKIP LOCKED picks rows no other worker is taking; on
SQLite (one writer at a time) a single UPDATE … WHERE id IN (due rows LIMIT n) is the claim. Either
way a claimed row is "sending" with this batch's claim token and a lease; a worker that dies leaves
rows whose lease runs out, and any worker then claims them again.

At-least-once window: a row is marked sent by an UPDATE right after the SMTP server answered 250 to
its DATA. If the worker dies between that answer and that UPDATE's commit (a few milliseconds), the
row is sent again after its lease ends. Nothing here can close that window without the SMTP server's
help; it is kept as short as one UPDATE, and both copies carry the row's Message-ID, so mail clients
and the admin can recognise the duplicate.

Failures: a refused recipient or another 5xx answer is permanent and the row fails after
PERMANENT_TRIES attempts; a 4xx answer, a refused connection or a dropped one is temporary and the
row waits (next_attempt_at, doubling back-off) for up to MAX_ATTEMPTS attempts.
"""

import datetime
import logging
import smtplib
import time
import uuid
from dataclasses import dataclass, fields

from django.conf import settings
from django.core.mail import get_connection
from django.db import OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import F, Q
from django.utils import timezone

from .emails import Renderer
from .outbox_models import CANCELLED, FAILED, PENDING, SENDING, SENT, OutboxMessage
from .suppression import suppressed_ids

logger = logging.getLogger(__name__)

PERMANENT, TEMPORARY, DISCONNECTED = "permanent", "temporary", "disconnected"


def setting(name, default):
    return getattr(settings, f"SUBSCRIPTIONS_{name}", default)


def lease_seconds():
    return setting("LEASE_SECONDS", 300)


def backoff(attempts):
    """Seconds to wait after the n-th failed attempt: base, 2×base, 4×base … up to the cap."""
    base, cap = setting("RETRY_BASE_SECONDS", 60), setting("RETRY_MAX_SECONDS", 6 * 3600)
    return min(base * 2 ** max(attempts - 1, 0), cap)


@dataclass
class Tally:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0

    def add(self, other):
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))
        return self

    def __str__(self):
        return ", ".join(f"{field.name} {getattr(self, field.name)}" for field in fields(self))


def claimable(now):
    return Q(status=PENDING, next_attempt_at__lte=now) | Q(status=SENDING, lease_until__lt=now)


def on_busy_retry(operation, tries=20):
    """SQLite answers "database is locked" when another process holds the write lock too long."""
    for attempt in range(tries):
        try:
            return operation()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def claim(batch_size, lease, now=None):
    """Claim up to batch_size due rows for this worker; returns (token, rows)."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    changes = dict(
        status=SENDING,
        claim_token=token,
        lease_until=now + datetime.timedelta(seconds=lease),
        attempts=F("attempts") + 1,
    )
    due = OutboxMessage.objects.filter(claimable(now)).order_by("next_attempt_at", "pk")
    if db_connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:batch_size])
            if ids:
                OutboxMessage.objects.filter(pk__in=ids).update(**changes)
    else:
        # One statement: SQLite takes the write lock before it reads, so two workers never both see a row due.
        on_busy_retry(
            lambda: OutboxMessage.objects.filter(claimable(now), pk__in=due.values("pk")[:batch_size]).update(**changes)
        )
    rows = OutboxMessage.objects.filter(claim_token=token, status=SENDING)
    # Only the change: its page (a large body) is read once per batch by the Renderer.
    return token, list(rows.select_related("subscriber", "change").order_by("pk"))


def classify(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return PERMANENT if codes and min(codes) >= 500 else TEMPORARY
    if isinstance(error, smtplib.SMTPResponseException):
        return PERMANENT if error.smtp_code >= 500 else TEMPORARY
    if isinstance(error, OSError):  # smtplib.SMTPServerDisconnected, refused or reset connections, timeouts
        return DISCONNECTED
    return PERMANENT  # a bug in the row's data or template: a few tries, then failed, visible in the admin


def describe(error):
    return f"{type(error).__name__}: {error}"[:2000]


def finish(row, token, **values):
    """Update a row this batch still holds (the token guards against a lease that was taken over)."""
    updated = on_busy_retry(
        lambda: OutboxMessage.objects.filter(pk=row.pk, claim_token=token).update(
            claim_token="", lease_until=None, **values
        )
    )
    if not updated:
        logger.warning("Outbox row %s was taken over by another worker after its lease ran out", row.pk)
    return updated


def mark_sent(row, token):
    if db_connection.vendor != "postgresql":
        return finish(row, token, status=SENT, sent_at=timezone.now(), last_error="")
    # Without waiting for the WAL flush: a killed worker still leaves the commit done (PostgreSQL has
    # it); only a crash of PostgreSQL itself could lose the last few marks (then those rows go again).
    with transaction.atomic():
        with db_connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
        return finish(row, token, status=SENT, sent_at=timezone.now(), last_error="")


def retry_or_fail(row, token, error, kind, now=None):
    now = now or timezone.now()
    limit = setting("PERMANENT_TRIES", 3) if kind == PERMANENT else setting("MAX_ATTEMPTS", 15)
    if row.attempts >= limit:
        finish(row, token, status=FAILED, last_error=describe(error))
        return FAILED
    when = now + datetime.timedelta(seconds=backoff(row.attempts))
    finish(row, token, status=PENDING, next_attempt_at=when, last_error=describe(error))
    return PENDING


def release(rows, token, not_before):
    """Give back claimed rows this batch did not try: their attempt does not count."""
    if rows:
        on_busy_retry(
            lambda: OutboxMessage.objects.filter(pk__in=[row.pk for row in rows], claim_token=token).update(
                status=PENDING, claim_token="", lease_until=None, attempts=F("attempts") - 1, next_attempt_at=not_before
            )
        )


class Lease:
    """Keeps this batch's lease alive while it is being sent (renewed at a third of its length)."""

    def __init__(self, token, seconds):
        self.token, self.seconds = token, seconds
        self.renew_at = time.monotonic() + seconds / 3

    def keep(self):
        if time.monotonic() >= self.renew_at:
            until = timezone.now() + datetime.timedelta(seconds=self.seconds)
            on_busy_retry(
                lambda: OutboxMessage.objects.filter(claim_token=self.token, status=SENDING).update(lease_until=until)
            )
            self.renew_at = time.monotonic() + self.seconds / 3


def deliver_batch(batch_size=50, lease=None, now=None, should_stop=lambda: False):
    """Claim one batch and send it over one SMTP connection; returns a Tally."""
    lease = lease or lease_seconds()
    token, rows = claim(batch_size, lease, now)
    tally = Tally(claimed=len(rows))
    if not rows:
        return tally
    smtp = get_connection(fail_silently=False)
    try:
        smtp.open()
    except Exception as error:  # the server is down: every row of the batch waits
        logger.warning("SMTP server unavailable: %s", describe(error))
        for row in rows:
            outcome = retry_or_fail(row, token, error, DISCONNECTED, now)
            tally.failed += outcome == FAILED
            tally.retried += outcome == PENDING
        return tally
    try:
        send_rows(rows, token, smtp, Lease(token, lease), tally, now, should_stop)
    finally:
        try:
            smtp.close()
        except Exception:  # a dead connection cannot be closed politely; nothing is lost
            pass
    return tally


def send_rows(rows, token, smtp, lease, tally, now, should_stop):
    renderer = Renderer(rows)
    # Rows written before their address bounced or complained: never sent.
    suppressed = suppressed_ids([row.subscriber for row in rows])
    for index, row in enumerate(rows):
        if should_stop():
            release(rows[index:], token, timezone.now())
            return
        lease.keep()
        if row.subscriber_id in suppressed:
            finish(row, token, status=CANCELLED, last_error="Not sent: the address bounced or complained")
            tally.cancelled += 1
            continue
        if row.attempts > setting("MAX_ATTEMPTS", 15):  # it keeps killing workers: stop trying
            finish(row, token, status=FAILED, last_error="Gave up: the worker stopped during every attempt")
            tally.failed += 1
            continue
        try:
            message = renderer.outgoing(row, smtp)
        except Exception as error:
            logger.exception("Outbox row %s could not be rendered", row.pk)
            outcome = retry_or_fail(row, token, error, PERMANENT, now)
            tally.failed += outcome == FAILED
            tally.retried += outcome == PENDING
            continue
        if message is None:
            finish(row, token, status=CANCELLED)
            tally.cancelled += 1
            continue
        try:
            message.send(smtp)
        except Exception as error:
            kind = classify(error)
            outcome = retry_or_fail(row, token, error, kind, now)
            tally.failed += outcome == FAILED
            tally.retried += outcome == PENDING
            if kind == DISCONNECTED:  # the connection is gone: the rest of the batch waits with this row
                release(rows[index + 1 :], token, (now or timezone.now()) + datetime.timedelta(seconds=backoff(1)))
                return
            continue
        # Accepted by the server: record it at once (this UPDATE is the whole at-least-once window).
        mark_sent(row, token)
        tally.sent += 1


def deliver_due(batch_size=50, lease=None, now=None, should_stop=lambda: False, max_batches=None):
    """Send every row that is due now, batch after batch; returns the summed Tally."""
    total = Tally()
    batches = 0
    while not should_stop() and (max_batches is None or batches < max_batches):
        tally = deliver_batch(batch_size, lease, now, should_stop)
        total.add(tally)
        batches += 1
        if not tally.claimed or tally.sent + tally.cancelled == 0 and tally.retried:
            break  # nothing due, or the server is down: wait for the next run
    return total


def unfinished():
    """Rows that are still to be sent or being sent."""
    return OutboxMessage.objects.filter(status__in=[PENDING, SENDING])
