from pathlib import Path

import pytest
from django.utils import translation

from bilateral.pages.seed import load_seed

from .seed_snapshot import SeedSnapshot


# `make test` runs the tests in parallel (pytest-xdist, --dist loadgroup). Each worker has its own test
# database; ports, directories and PostgreSQL clusters of the process tests are free or temporary ones.
# The tests of a directory below share a group, so that they run in one worker: what the directory's
# session fixtures start (one collectstatic with the production storage) starts once. The browser tests
# are not grouped: run one after another they were the last minutes of a pass with the other core idle,
# and a second Chromium (each worker launches its own, with its own live server) costs a second or two.
# A new test that needs a shared resource of its own (a fixed port, a Redis database number, a
# well-known file or database name) takes @pytest.mark.xdist_group("<resource>") so that its
# neighbours run in the same worker, one after another.
GROUPED_DIRECTORIES = ("proxy",)


PASS_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "seeded"}


def pytest_collection_modifyitems(config, items):
    tests = Path(__file__).parent
    for item in items:
        if item.get_closest_marker("own_database") and PASS_DATABASE_FIXTURES & set(item.fixturenames):
            # .ci/run runs such a test in one pass only: it must not depend on that pass's database.
            raise pytest.UsageError(f"{item.nodeid} is marked own_database but uses the test database")
        directory = item.path.relative_to(tests).parts[0] if item.path.is_relative_to(tests) else None
        if directory in GROUPED_DIRECTORIES and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(directory))


def is_transactional(item):
    if {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
        return True  # the live server's tests ask for it by fixture, not by marker
    marker = item.get_closest_marker("django_db")
    return bool(marker) and bool(marker.kwargs.get("transaction") or (marker.args and marker.args[0]))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table (Django's flush). pytest-django runs such tests
    last, but xdist hands them out among the others: the next test on the same worker would find no root
    page, no locale and the seed snapshot unfit. So the rows the migrations wrote are put back."""
    yield
    if not is_transactional(item) or nextitem is None or is_transactional(nextitem):
        # The next transactional test puts the rows back itself (serialized rollback); after the last
        # test the session's teardown has already dropped the test database.
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(contents)


def load_quietly():
    load_seed(report=lambda message: None)


@pytest.fixture(scope="session")
def seed_snapshot(django_db_setup, django_db_blocker):
    """What load_seed writes, captured once per test process (tests/seed_snapshot.py)."""
    with django_db_blocker.unblock():
        return SeedSnapshot.capture(load_quietly)


@pytest.fixture
def seeded(db, seed_snapshot):
    """The seed content loaded as `make run` loads it; returns the section page."""
    from bilateral.pages.models import SectionPage

    if seed_snapshot.fits():
        seed_snapshot.restore()
    else:
        load_quietly()
    return SectionPage.objects.get(slug="politinis-bendradarbiavimas")


@pytest.fixture(autouse=True)
def fresh_process_copies():
    """Each test starts without the rows an earlier test's renders kept in this process
    (bilateral/process_copies.py): that test's database was rolled back, the shared cache's version
    (Redis) may still be the one they were kept under."""
    from bilateral import process_copies

    process_copies.forget()
    yield


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language: a request or a test that switched to English must not
    decide the language of the next test's messages on the same worker."""
    translation.deactivate()
    yield


@pytest.fixture
def belarus(db):
    from bilateral.facts.models import Country

    country, _created = Country.objects.get_or_create(
        iso_code="BY",
        defaults=dict(
            name="Baltarusija",
            name_genitive="Baltarusijos",
            name_locative="Baltarusijoje",
            official_name_genitive="Baltarusijos Respublikos",
            name_en="Belarus",
            official_name_en="Republic of Belarus",
        ),
    )
    return country


@pytest.fixture
def lithuanian():
    with translation.override("lt"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's email goes to it for the test's duration."""
    from .smtp import SmtpServer

    server = SmtpServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def latvia(db):
    """A partner other than the seed's, with every form of its name: rules must hold for every country."""
    from bilateral.facts.models import Country

    country, _created = Country.objects.get_or_create(
        iso_code="LV",
        defaults=dict(
            name="Latvija",
            name_genitive="Latvijos",
            name_instrumental="Latvija",
            name_locative="Latvijoje",
            official_name="Latvijos Respublika",
            official_name_genitive="Latvijos Respublikos",
            name_en="Latvia",
            official_name_en="Republic of Latvia",
        ),
    )
    return country
