"""One minute of the scheduler: first the unsubscribes journaled in an outage, then unfinished fan-outs,
due digests, retries; hourly, the purge of the unconfirmed, the pruning of old sent rows and the other
apps' hourly work (operations/periodic.py)."""

import datetime
import io
import logging

from django.conf import settings
from django.core.management import call_command, get_commands
from django.utils import timezone

from bilateral.operations.periodic import run_hourly_work

from .delivery import deliver_due
from .digests import create_digests
from .fanout import fan_out_change
from .journal import drain as drain_unsubscribe_journal
from .models import DAILY, WEEKLY
from .outbox_models import CANCELLED, SENT, DigestRun, FanOut, OutboxMessage
from .periods import due_periods

logger = logging.getLogger(__name__)

# A fan-out not finished this long after publication lost its task (a crash, a restart): redo it.
FAN_OUT_GRACE = datetime.timedelta(minutes=2)


def resume_fan_outs(now):
    resumed = 0
    for change_id in FanOut.objects.filter(finished_at__isnull=True, created_at__lte=now - FAN_OUT_GRACE).values_list(
        "change_id", flat=True
    ):
        fan_out_change(change_id)
        resumed += 1
    return resumed


def run_due_digests(now):
    written = {}
    for frequency in (DAILY, WEEKLY):
        last = DigestRun.objects.filter(frequency=frequency).order_by("-period_start").first()
        for period_start in due_periods(frequency, now, last.period_start if last else None):
            written[(frequency, period_start)] = create_digests(frequency, period_start)
    return written


def purge_unconfirmed():
    """Call the subscriptions app's purge command when it exists."""
    if "purge_unconfirmed" in get_commands():
        output = io.StringIO()
        call_command("purge_unconfirmed", stdout=output)
        logger.info(output.getvalue().strip())
        return True
    return False


def prune_outbox(now):
    """Forget sent and cancelled rows after SUBSCRIPTIONS_OUTBOX_RETENTION_DAYS (default 90): they hold
    readers' addresses, and by then no fan-out or digest of theirs can run again to duplicate them."""
    days = getattr(settings, "SUBSCRIPTIONS_OUTBOX_RETENTION_DAYS", 90)
    old = OutboxMessage.objects.filter(status__in=[SENT, CANCELLED], created_at__lt=now - datetime.timedelta(days=days))
    return old.delete()[0]


def tick(now=None, purge=False, batch_size=50, should_stop=lambda: False):
    """Everything the scheduler does in one minute; returns a summary for the log."""
    moment = now or timezone.now()
    # First the unsubscribes accepted while the database was down, so that nobody is mailed after them.
    summary = {"unsubscribes": dict(drain_unsubscribe_journal())}
    summary |= {"fan_outs": resume_fan_outs(moment), "digests": run_due_digests(moment)}
    if purge:
        summary["purged"] = purge_unconfirmed()
        summary["pruned"] = prune_outbox(moment)
        summary["hourly"] = run_hourly_work()
    # `now` only decides which periods are due; delivery always runs on the real clock (leases, retries).
    summary["delivery"] = str(deliver_due(batch_size=batch_size, should_stop=should_stop))
    return summary
