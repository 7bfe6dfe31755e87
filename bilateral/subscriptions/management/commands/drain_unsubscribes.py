"""Apply the unsubscribes journaled while the database was down (run_scheduler does it every minute)."""

import redis
from django.core.management.base import BaseCommand

from bilateral.subscriptions.journal import drain, journals


class Command(BaseCommand):
    help = "Apply and remove the unsubscribes waiting in the journal (Redis and this machine's spool)."

    def handle(self, *args, **options):
        outcomes = drain()
        applied, gone, rejected = outcomes["applied"], outcomes["gone"], outcomes["rejected"]
        self.stdout.write(f"applied {applied}, subscriber gone {gone}, rejected {rejected}")
        for journal in journals():
            self.stdout.write(f"left in {journal.name}: {journal_size(journal)}")


def journal_size(journal):
    try:
        return len(journal)
    except redis.RedisError:  # Redis down: say so rather than fail after the drain did its work
        return "unknown (Redis unavailable)"
