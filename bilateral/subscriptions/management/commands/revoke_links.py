"""Revoke every link sent to some subscribers (or to all, e.g. after a leak): each gets a new link key."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bilateral.subscriptions.models import Subscriber, new_link_key


class Command(BaseCommand):
    help = "Revoke every manage, unsubscribe and confirmation link sent so far to these addresses (or --all)."

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="*", help="addresses whose links stop working")
        parser.add_argument("--all", action="store_true", help="every subscriber's links")

    def handle(self, *args, emails=(), all=False, **options):
        if bool(emails) == all:
            raise CommandError("Give the addresses, or --all.")
        subscribers = Subscriber.objects.all() if all else Subscriber.objects.filter(email__in=[e.lower() for e in emails])
        revoked = 0
        with transaction.atomic():
            for subscriber in subscribers.only("pk").iterator(chunk_size=2000):
                subscriber.link_key = new_link_key()
                subscriber.save(update_fields=["link_key"])
                revoked += 1
        self.stdout.write(f"Revoked the links of {revoked} subscriber(s).")
