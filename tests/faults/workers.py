"""Worker processes on the test database (tests/subscriptions/delivery_support.WorkerDatabase) and
what the fault tests read from that database while they run."""

import sqlite3
import subprocess
import sys
from pathlib import Path

from django.db import connection

from .processes import BASE_DIR, process_env


def start(database, *arguments, smtp=None, **env):
    """`manage.py …` as its own OS process on the test database (and the test SMTP server)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=process_env(database.url, EMAIL_URL=smtp.url if smtp else None, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def query(database, sql):
    """One value from the database the worker processes use, while they run. (On SQLite the test's
    own database is an in-memory copy, so the file is read directly.)"""
    if database.vendor == "sqlite":
        with sqlite3.connect(f"file:{database.path}?mode=ro", uri=True, timeout=30) as reader:
            return reader.execute(sql).fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def peer_pid(port, candidates):
    """The pid, among `candidates`, whose TCP socket has local port `port` (an SMTP client)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    for pid in candidates:
        for descriptor in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = descriptor.readlink()
            except OSError:
                continue
            if str(target).startswith("socket:[") and str(target)[8:-1] in inodes:
                return pid
    return None
