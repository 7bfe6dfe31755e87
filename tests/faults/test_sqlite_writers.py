"""`make run` on the embedded SQLite: the web server, the task worker and editors write at once and
none of them gets "database is locked" (WAL, a busy timeout, transactions that take the write lock
when they begin: bilateral/settings/base.py, sqlite_options)."""

import base64
import pickle
import sqlite3
import subprocess
import sys

import pytest

from .processes import BASE_DIR, manage, process_env, wait_for
from .sqlite_writer import WRITES

# Its databases are its own, whatever DATABASE_URL says: CI runs it in one pass (.ci/run).
pytestmark = pytest.mark.own_database

WRITERS = 4


def test_the_sqlite_file_is_in_wal_mode_with_a_busy_timeout(tmp_path):
    env = process_env(f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    script = (
        "from django.db import connection; cursor = connection.cursor(); "
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0], cursor.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    assert manage(env, "shell", "-c", script).split()[-2:] == ["wal", "20000"]


def test_concurrent_writers_never_find_the_database_locked(tmp_path):
    database = tmp_path / "portal.sqlite3"
    env = process_env(f"sqlite:///{database}")
    manage(env, "createcachetable")
    start = tmp_path / "start"
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.faults.sqlite_writer", f"writer{number}", str(start)],
            cwd=BASE_DIR,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(WRITERS)
    ]
    try:
        names = [f"writer{number}" for number in range(WRITERS)]
        wait_for(lambda: all((tmp_path / f"start.{name}.ready").exists() for name in names), what="writers ready")
        start.touch()  # every writer has started: they write at the same time
        errors = [writer.communicate(timeout=600)[1] for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    assert [writer.returncode for writer in writers] == [0] * WRITERS, errors
    assert counts(database) == {f"writer{number}": WRITES for number in range(WRITERS)}  # no step lost


def counts(database):
    """Each writer's count as the database cache stored it (a base64 pickle, keyed ":1:<key>")."""

    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT cache_key, value FROM bilateral_cache").fetchall()
    return {key.removeprefix(":1:"): pickle.loads(base64.b64decode(value)) for key, value in rows}
