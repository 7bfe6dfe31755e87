"""Background tasks (django-tasks): fan-out of a change, delivery of the outbox, digests."""

from django_tasks import task

from .delivery import deliver_due
from .digests import create_digests
from .fanout import fan_out_change


@task()
def fan_out_task(change_id):
    """Write the alert rows of a change, then have them delivered."""
    reached = fan_out_change(change_id)
    if reached:
        deliver_outbox_task.enqueue()
    return reached


@task()
def deliver_outbox_task(batch_size=50):
    """Send what is due now (several of these may run at once; claims keep them apart)."""
    return str(deliver_due(batch_size=batch_size))


@task()
def send_digests_task(frequency, period_start):
    """Write the digest rows of one period (ISO date), then have them delivered."""
    import datetime

    written = create_digests(frequency, datetime.date.fromisoformat(period_start))
    if written:
        deliver_outbox_task.enqueue()
    return written
