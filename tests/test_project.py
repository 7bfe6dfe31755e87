"""Project hygiene that a clean clone must keep: checks pass, migrations are committed."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_django_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrations_are_committed():
    # makemigrations --check exits non-zero when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_dependencies_are_pinned():
    from pathlib import Path

    lines = [
        line.strip()
        for line in Path("requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all("==" in line for line in lines), [line for line in lines if "==" not in line]
