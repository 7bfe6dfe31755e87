"""Listens to the pages app: a major change that goes live is fanned out after its transaction commits."""

import logging
from functools import partial

from django.db import transaction

from .outbox_models import FanOut

logger = logging.getLogger(__name__)


def enqueue_fan_out(change_id):
    from .tasks import fan_out_task

    fan_out_task.enqueue(change_id)


def on_major_change_published(sender, change, **kwargs):
    # Written in the publishing transaction: if the task is never enqueued, the scheduler finds it.
    FanOut.objects.get_or_create(change=change)
    transaction.on_commit(partial(enqueue_fan_out, change.pk), robust=True)
