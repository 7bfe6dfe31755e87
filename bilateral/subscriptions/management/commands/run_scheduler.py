"""Every minute: resume lost fan-outs, write due digests (00:05 Vilnius; weeks on Mondays), send retries;
every hour: purge unconfirmed subscriptions, prune old sent outbox rows and run the other apps' hourly work
(operations/periodic.py: the caching app sweeps the pages' old files)."""

import logging
import time

from django.core.management.base import BaseCommand

from bilateral.operations.heartbeat import scheduler_heartbeat
from bilateral.subscriptions.scheduler import tick
from bilateral.subscriptions.stopping import StopFlag

PURGE_EVERY = 3600

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "The subscriptions scheduler; run one next to the task worker."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one tick, then exit")
        parser.add_argument("--interval", type=float, default=60.0, help="seconds between ticks (default 60)")

    def handle(self, *args, once, interval, **options):
        stop = StopFlag().install()
        last_purge = None
        while not stop():
            started = time.monotonic()
            purge = last_purge is None or started - last_purge >= PURGE_EVERY
            try:
                summary = tick(purge=purge, should_stop=stop)
                if purge:
                    last_purge = started
                # After a tick that did its work: /readyz reads these (operations/heartbeat.py).
                scheduler_heartbeat()
                if options["verbosity"] > 1 or (options["verbosity"] and once):
                    self.stdout.write(str(summary))
            except Exception:  # a bad minute (database restarting …) must not end the scheduler
                if once:
                    raise
                logger.exception("Scheduler tick failed; trying again next minute")
            if once:
                break
            stop.sleep(max(0.0, interval - (time.monotonic() - started)))
