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


# The apps' arrows point one way (docs/adr/0004-app-layout-and-one-way-arrows.md): an app's Python
# never names the apps on the right.
FORBIDDEN_IMPORTS = {
    "facts": ["pages", "subscriptions", "search", "caching", "history", "demo", "api", "imports"],
    "pages": ["subscriptions", "search", "caching", "history", "demo", "api", "imports"],
    "caching": ["demo", "subscriptions", "search", "api"],
    "history": ["caching", "demo", "subscriptions", "search"],
    "subscriptions": ["demo", "caching"],
    "operations": ["caching", "demo"],
    "search": ["demo"],
}


@pytest.mark.parametrize("app", sorted(FORBIDDEN_IMPORTS))
def test_imports_between_apps_point_one_way(app):
    from pathlib import Path

    import bilateral

    root = Path(bilateral.__file__).parent / app
    wrong = [
        f"{path.relative_to(root)}: bilateral.{other}"
        for path in sorted(root.rglob("*.py"))
        for other in FORBIDDEN_IMPORTS[app]
        if f"bilateral.{other}." in path.read_text() or f"bilateral.{other} " in path.read_text()
    ]
    assert wrong == []
