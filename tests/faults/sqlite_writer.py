"""One of several processes writing to the same SQLite file at once (tests/faults/test_sqlite_writers.py).

Says it is ready, waits for the start file, then counts to WRITES in its own cache entry, each step a
transaction that reads, then writes (as an editor's save, a worker's task claim and the database
cache all do); exits 1 on any database error."""

import os
import sys
import time
from pathlib import Path

import django

WRITES = 150


def main(name, start_file):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.faults.process_settings")
    django.setup()
    from django.core.cache import cache
    from django.db import DatabaseError, transaction

    Path(f"{start_file}.{name}.ready").touch()
    while not Path(start_file).exists():
        time.sleep(0.01)
    try:
        for _step in range(WRITES):
            with transaction.atomic():
                cache.set(name, cache.get(name, 0) + 1, timeout=None)
    except DatabaseError as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
