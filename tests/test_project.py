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


# The apps' arrows point one way (docs/adr/0004-app-layout-and-one-way-arrows.md): an app's Python
# never names the apps on the right.
FORBIDDEN_IMPORTS = {
    "facts": ["pages", "subscriptions", "search", "caching", "history", "demo", "api"],
    "pages": ["subscriptions", "search", "caching", "history", "demo", "api"],
    "caching": ["demo", "subscriptions", "search", "api"],
    "history": ["caching", "demo", "subscriptions", "search"],
    "subscriptions": ["demo"],
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
