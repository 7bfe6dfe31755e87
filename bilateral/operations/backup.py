"""Backups: the database and the uploaded media, into one directory per backup; restore into an
empty database.

PostgreSQL: one `pg_dump -Fc` (a single dump is one consistent snapshot, taken while the portal
serves) and `pg_restore --no-owner` into a fresh database. SQLite: the sqlite3 online backup API,
also a consistent copy of a database in use. Media: a tarball of MEDIA_ROOT, when media are on
local disk (on S3-compatible storage they are kept, and versioned, by the bucket).
"""

import datetime
import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection

MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_TARBALL = "media.tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def default_backup_root():
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")


def media_on_disk():
    return isinstance(default_storage, FileSystemStorage)


def postgres_arguments():
    """pg_dump/pg_restore connection options and environment for the configured database."""
    database = connection.settings_dict
    arguments = ["--dbname", database["NAME"], "--username", database["USER"] or "postgres"]
    if database["HOST"]:
        arguments += ["--host", database["HOST"]]
    if database["PORT"]:
        arguments += ["--port", str(database["PORT"])]
    env = {**os.environ}
    if database["PASSWORD"]:
        env["PGPASSWORD"] = database["PASSWORD"]
    return arguments, env


def run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


# Backup


def backup(root=None):
    """Write a new backup directory under root (BACKUP_DIR, or var/backups); returns its path."""
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    directory = Path(root or default_backup_root()) / stamp
    directory.mkdir(parents=True)
    files = [dump_database(directory)]
    if media_on_disk():
        files.append(archive_media(directory))
    manifest = {"created_at": stamp, "vendor": connection.vendor, "files": files, "media": media_on_disk()}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return directory


def dump_database(directory):
    if connection.vendor == "postgresql":
        arguments, env = postgres_arguments()
        run(["pg_dump", "--format=custom", "--file", str(directory / POSTGRES_DUMP), *arguments], env)
        return POSTGRES_DUMP
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(directory / SQLITE_COPY)
        try:
            connection.connection.backup(target)  # the online backup API: a consistent copy
        finally:
            target.close()
        return SQLITE_COPY
    raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def archive_media(directory):
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(directory / MEDIA_TARBALL, "w:gz") as archive:
        if media.exists():
            for child in sorted(media.iterdir()):
                archive.add(child, arcname=child.name)
    return MEDIA_TARBALL


# Restore


def read_manifest(directory):
    try:
        return json.loads((Path(directory) / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{directory} is not a backup directory: it has no {MANIFEST}.") from None


def existing_tables():
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def restore(directory, force=False):
    """Load a backup into the configured database, which must be empty unless force."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['vendor']} database; DATABASE_URL names a {connection.vendor} one."
        )
    tables = existing_tables()
    if tables and not force:
        raise BackupError(
            f"The target database is not empty ({len(tables)} tables). Restore into a new, empty database, "
            "or pass --force to replace what it holds."
        )
    restores_media = manifest.get("media") and media_on_disk()
    if restores_media and not media_root_is_empty() and not force:
        raise BackupError(
            f"The media directory {settings.MEDIA_ROOT} is not empty. Restore into an empty one, "
            "or pass --force to add the backup's files to it."
        )
    if manifest["vendor"] == "postgresql":
        restore_postgres(directory / POSTGRES_DUMP, replace=bool(tables))
    else:
        restore_sqlite(directory / SQLITE_COPY)
    if restores_media:
        restore_media(directory / MEDIA_TARBALL)


def restore_postgres(dump, replace):
    arguments, env = postgres_arguments()
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if replace:
        options += ["--clean", "--if-exists"]
    connection.close()
    run(["pg_restore", *options, *arguments, str(dump)], env)


def restore_sqlite(copy):
    connection.close()
    source = sqlite3.connect(copy)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)  # replaces every page of the target
    finally:
        source.close()
        target.close()


def restore_media(tarball):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        archive.extractall(media, filter="data")  # "data": nothing outside MEDIA_ROOT, no devices


def media_root_is_empty():
    media = Path(settings.MEDIA_ROOT)
    return not media.exists() or not any(media.iterdir())
