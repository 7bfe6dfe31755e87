"""`manage.py backup` and `manage.py restore` (make backup / make restore), on both databases
whatever the run: a seeded portal with a subscriber, a second revision and uploaded media is backed
up, restored into an empty database and an empty media directory, and compared: the same pages,
revisions, subscribers and media bytes. A non-empty target is refused unless --force."""

import json
import secrets
import subprocess
import sys

import pytest

from .processes import BASE_DIR, manage, process_env

# Its databases are its own, whatever DATABASE_URL says: CI runs it in one pass (.ci/run).
pytestmark = pytest.mark.own_database

SHARED_POSTGRES = "postgres://postgres@127.0.0.1:5432/"


def run_python(env, call):
    result = subprocess.run(
        [sys.executable, "-c", f"from tests.faults.backup_content import {call}; {call}()"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def postgres_database(name):
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    return SHARED_POSTGRES + name


def drop_postgres_database(name):
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name], check=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    """(source URL, empty target URL) of the vendor under test; PostgreSQL ones are dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    names = [f"bilateral_faults_{role}_{secrets.token_hex(4)}" for role in ("source", "restored")]
    try:
        yield tuple(postgres_database(name) for name in names)
    finally:
        for name in names:
            drop_postgres_database(name)


def test_a_backup_restored_into_an_empty_database_has_the_same_content(databases, tmp_path):
    source_url, target_url = databases
    source = process_env(source_url, BILATERAL_VAR_DIR=tmp_path / "source-var", BACKUP_DIR=tmp_path / "backups")
    target = process_env(target_url, BILATERAL_VAR_DIR=tmp_path / "restored-var")
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "createcachetable")
    manage(source, "load_seed")
    run_python(source, "add_content")
    original = json.loads(run_python(source, "describe"))

    directory = manage(source, "backup").strip().splitlines()[-1]
    assert directory.startswith(str(tmp_path / "backups"))
    manage(target, "restore", directory)
    restored = json.loads(run_python(target, "describe"))

    assert restored["pages"] == original["pages"]
    assert any("(antra versija)" in title for _pk, title, _url, _live in restored["pages"])
    assert restored["revisions"] == original["revisions"]
    assert max(original["revisions"].values()) >= 2
    assert restored["subscribers"] == original["subscribers"]
    assert "atsargine@example.lt" in [email for email, *_rest in restored["subscribers"]]
    assert restored["documents"] == original["documents"] and restored["images"] == original["images"]
    assert len(original["media"]) >= 2
    for name in original["media"]:  # the very bytes
        assert (tmp_path / "restored-var/media" / name).read_bytes() == (tmp_path / "source-var/media" / name).read_bytes()
    assert restored["media"] == original["media"]

    # The restored portal works: migrations are all applied there.
    assert "[ ]" not in manage(target, "showmigrations", "--list")


def test_restore_refuses_a_database_that_is_not_empty_unless_forced(tmp_path):
    source = process_env(f"sqlite:///{tmp_path / 'source.sqlite3'}", BILATERAL_VAR_DIR=tmp_path / "var")
    manage(source, "migrate", "--noinput", "-v0")
    directory = manage(source, "backup", "--to", str(tmp_path / "backups")).strip().splitlines()[-1]

    refused = subprocess.run(
        [sys.executable, "manage.py", "restore", directory], cwd=BASE_DIR, env=source, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "The target database is not empty" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr

    not_a_backup = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path)], cwd=BASE_DIR, env=source, capture_output=True, text=True
    )
    assert not_a_backup.returncode == 1 and "is not a backup directory" in not_a_backup.stderr

    assert "Restored" in manage(source, "restore", "--force", directory)
