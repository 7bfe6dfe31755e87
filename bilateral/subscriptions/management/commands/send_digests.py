"""Write the daily or weekly digest rows of the period that just ended (or of --period)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bilateral.subscriptions.digests import create_digests
from bilateral.subscriptions.models import DAILY, WEEKLY
from bilateral.subscriptions.periods import last_due_period, period_start_of


class Command(BaseCommand):
    help = "Write digest rows (one per subscriber and period); delivery sends them."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[DAILY, WEEKLY])
        parser.add_argument("--period", help="a day (YYYY-MM-DD) inside the period; default: the one just ended")
        parser.add_argument("--deliver", action="store_true", help="enqueue the delivery task afterwards")

    def handle(self, *args, frequency, period, deliver, **options):
        if period:
            try:
                start = period_start_of(frequency, datetime.date.fromisoformat(period))
            except ValueError as error:
                raise CommandError(f"--period must be a date like 2026-11-24: {error}") from error
        else:
            start = last_due_period(frequency, timezone.now())
        written = create_digests(frequency, start)
        if deliver and written:
            from bilateral.subscriptions.tasks import deliver_outbox_task

            deliver_outbox_task.enqueue()
        if options["verbosity"]:
            self.stdout.write(f"{frequency} digest from {start}: {written} rows")
