"""Project hygiene that a clean clone must keep: checks pass, migrations are committed."""

from pathlib import Path

import pytest
from django.core.management import call_command

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"
# Packages only the tests, benchmarks and checks use: in the development lock, never in production.
TEST_ONLY = {"pytest", "pytest-django", "pytest-xdist", "playwright", "schemathesis", "hypothesis", "aiosmtpd",
             "werkzeug", "feedparser", "ruff", "pip-tools", "pyinstrument"}


@pytest.mark.django_db
def test_django_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrations_are_committed():
    # makemigrations --check exits non-zero when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def locked_requirements(lock):
    """{name: the lock's entry} of a pip-compile lock: entries start a line, their hashes follow."""
    entries, current = {}, None
    for line in (REQUIREMENTS / lock).read_text().splitlines():
        if line and not line.startswith((" ", "#", "-")):
            current = line.split("==")[0].split(" ")[0].lower()
            entries[current] = line
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current] += " " + line.strip()
    return entries


@pytest.mark.parametrize("lock", ["prod.txt", "dev.txt"])
def test_dependencies_are_pinned_with_hashes(lock):
    entries = locked_requirements(lock)
    assert "django" in entries
    unpinned = [entry for entry in entries.values() if "==" not in entry or "--hash=sha256:" not in entry]
    assert not unpinned


def test_the_production_lock_holds_no_test_tools():
    production = locked_requirements("prod.txt")
    assert not TEST_ONLY & production.keys()
    assert TEST_ONLY <= locked_requirements("dev.txt").keys()


def test_both_locks_pin_the_same_versions():
    production, development = locked_requirements("prod.txt"), locked_requirements("dev.txt")
    differing = [name for name in production if production[name].split(" ")[0] != development[name].split(" ")[0]]
    assert not differing
