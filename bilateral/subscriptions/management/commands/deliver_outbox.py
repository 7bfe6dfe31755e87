"""Send the outbox: the rows that are due now, or (--loop) keep sending as rows fall due."""

from django.core.management.base import BaseCommand

from bilateral.subscriptions.delivery import Tally, deliver_due, lease_seconds, unfinished
from bilateral.subscriptions.stopping import StopFlag


class Command(BaseCommand):
    help = "Send due outbox emails; several of these may run at once."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=50, help="rows claimed at a time (default 50)")
        parser.add_argument("--loop", action="store_true", help="keep running; poll every --idle seconds")
        parser.add_argument(
            "--drain", action="store_true", help="run until no row is waiting or being sent, then exit"
        )
        parser.add_argument("--idle", type=float, default=5.0, help="seconds to wait when nothing is due")
        parser.add_argument(
            "--lease", type=int, default=None, help=f"seconds a claim lasts without renewal (default {lease_seconds()})"
        )

    def handle(self, *args, batch, loop, drain, idle, lease, **options):
        stop = StopFlag().install()
        total = Tally()
        while True:
            total.add(deliver_due(batch_size=batch, lease=lease, should_stop=stop))
            if stop() or not (loop or drain) or (drain and not unfinished().exists()):
                break
            stop.sleep(idle)
        if options["verbosity"]:
            self.stdout.write(str(total))
