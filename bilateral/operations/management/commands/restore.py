from django.core.management.base import BaseCommand, CommandError

from bilateral.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup directory (made by `manage.py backup`) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a backup directory, e.g. var/backups/20260101T000000.000000Z")
        parser.add_argument(
            "--force", action="store_true", help="restore even though the database or media directory is not empty"
        )

    def handle(self, *args, directory, force, **options):
        try:
            restore(directory, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {directory}."))
