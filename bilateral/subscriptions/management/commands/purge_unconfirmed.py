"""Delete subscriptions left unconfirmed for 7 days (run it daily, or hourly; it is idempotent)."""

from django.core.management.base import BaseCommand

from bilateral.subscriptions.privacy import purge_unconfirmed, purge_unconfirmed_rows


class Command(BaseCommand):
    help = "Delete subscriptions (and subscribers) left unconfirmed for more than 7 days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Hand the work to the task worker instead of doing it here."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = purge_unconfirmed.enqueue()
            self.stdout.write(f"Enqueued purge_unconfirmed ({result.id}).")
            return
        counts = purge_unconfirmed_rows()
        self.stdout.write(
            f"Purged {counts['subscriptions']} unconfirmed subscription(s) and {counts['subscribers']} subscriber(s)."
        )
