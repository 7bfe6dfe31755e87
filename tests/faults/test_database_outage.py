"""PostgreSQL going away while the portal serves: a 503 page (JSON under /api/) with Retry-After,
never a 500; when it returns, the same gunicorn processes serve again, without a restart.

The database is a private PostgreSQL cluster started for this test, so the test is the same on the
SQLite and the PostgreSQL runs and never touches the shared server."""

import pytest
from django.utils import translation

from bilateral.operations.outage import outage_message

from .processes import AppServer, get, manage, process_env

# Its databases are its own, whatever DATABASE_URL says: CI runs it in one pass (.ci/run).
pytestmark = pytest.mark.own_database

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"


@pytest.fixture(scope="module")
def portal(postgres, tmp_path_factory):
    """gunicorn on the private cluster, migrated and seeded; connections kept between requests, so a
    connection killed with the server must be noticed (CONN_HEALTH_CHECKS) rather than reused."""
    env = process_env(
        postgres.create_database("bilateral"),
        BILATERAL_VAR_DIR=tmp_path_factory.mktemp("var"),
        DB_CONN_MAX_AGE=600,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "load_seed")
    server = AppServer(env)
    try:
        yield server.wait_ready()
    finally:
        server.stop()


def lithuanian(text_function):
    with translation.override("lt"):
        return str(text_function())


def test_without_the_database_pages_and_api_answer_503_and_recover_in_the_same_processes(postgres, portal):
    before = get(portal, SECTION)
    assert before.status_code == 200
    assert "Politinis bendradarbiavimas" in before.text
    assert get(portal, "/api/countries").status_code == 200
    pids = (portal.process.pid, portal.worker_pids())

    postgres.stop()
    # Several requests, so that every gunicorn worker (each with its kept connection) meets the outage.
    pages = [get(portal, SECTION) for _ in range(4)]
    assert {page.status_code for page in pages} == {503}
    page = pages[0]
    assert page.headers["Retry-After"].isdigit()
    assert page.headers["Content-Type"].startswith("text/html")
    assert "no-store" in page.headers["Cache-Control"]
    assert lithuanian(outage_message) in page.text
    assert '<html lang="lt">' in page.text and 'class="site-header"' in page.text  # our layout, not a bare text
    assert "Traceback" not in page.text and "OperationalError" not in page.text

    api = get(portal, "/api/countries")
    assert api.status_code == 503
    assert api.headers["Retry-After"].isdigit()
    assert api.json() == {"detail": lithuanian(outage_message)}
    assert get(portal, "/paieska/?q=sienos").status_code == 503

    postgres.start()
    after = [get(portal, SECTION) for _ in range(4)]
    assert {response.status_code for response in after} == {200}
    assert after[0].text.count("Politinis bendradarbiavimas") == before.text.count("Politinis bendradarbiavimas")
    assert get(portal, "/api/countries").status_code == 200
    assert (portal.process.pid, portal.worker_pids()) == pids  # recovered without a restart
    assert "Internal Server Error" not in portal.output()


def test_a_database_error_raised_outside_a_view_is_an_outage_too_and_other_errors_stay_500(rf):
    """handler500 (bilateral/urls.py) sees the error being handled: a middleware's database error
    is answered like a view's; any other error keeps Django's plain 500."""
    from django.db import InterfaceError

    from bilateral.operations.outage import server_error

    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        outage = server_error(rf.get("/api/pages"))
    assert outage.status_code == 503 and outage["Retry-After"].isdigit()
    try:
        raise KeyError("a bug")
    except KeyError:
        bug = server_error(rf.get("/"))
    assert bug.status_code == 500


def test_without_the_database_healthz_answers_and_readyz_names_it(postgres, portal):
    assert get(portal, "/healthz").status_code == 200
    postgres.stop()
    try:
        health = get(portal, "/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "ok"}
        ready = get(portal, "/readyz")
        assert ready.status_code == 503
        assert ready.headers["Cache-Control"] == "no-store"
        assert "database" in ready.json()["failed"]
        assert ready.json()["checks"]["database"] == {"status": "fail", "problem": "OperationalError"}
    finally:
        postgres.start()
    assert get(portal, "/readyz").json()["checks"]["database"] == {"status": "ok"}
