from django.core.management.base import BaseCommand, CommandError

from bilateral.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump or the SQLite backup API) and the media into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--to", help="where backup directories go (default: BACKUP_DIR or var/backups)")

    def handle(self, *args, to, **options):
        try:
            directory = backup(to)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(directory))
