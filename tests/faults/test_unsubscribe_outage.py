"""Unsubscribing while PostgreSQL is down: the one-click POST (RFC 8058) and the manage page's
"unsubscribe from everything" are answered 202 and journaled (in Redis, or in the spool directory
when Redis is down too or not configured), and applied once the database is back; a drain killed
between reading an entry and applying it leaves the entry, and the next drain applies it once.

Real processes, as in test_database_outage.py: a private PostgreSQL cluster stopped and started by
the tests, gunicorn, a private Redis, and `manage.py` commands as the scheduler runs them."""

import json
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import redis
import requests
from bs4 import BeautifulSoup
from django.conf import settings

from .processes import BASE_DIR, AppServer, manage, process_env, wait_for

# Its databases are its own, whatever DATABASE_URL says: CI runs it in one pass (.ci/run).
pytestmark = pytest.mark.own_database

ONE_CLICK = {"List-Unsubscribe": "One-Click"}
RECORDED = "Jūsų prenumeratos atsisakymas užregistruotas"

CREATE_READERS = """
import json, os
from django.utils import timezone
from bilateral.subscriptions.links import manage_url, unsubscribe_url
from bilateral.subscriptions.models import Subscriber, Subscription
links = {}
for email in os.environ["READERS"].split():
    subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, scope="site", confirmed_at=timezone.now())
    links[email] = {"unsubscribe": unsubscribe_url(subscriber), "manage": manage_url(subscriber)}
print(json.dumps(links))
"""


@pytest.fixture(scope="module")
def database(postgres, tmp_path_factory):
    """The private cluster's database, migrated (readers follow the whole portal: no seed needed)."""
    url = postgres.create_database("bilateral")
    env = process_env(url, BILATERAL_VAR_DIR=tmp_path_factory.mktemp("var"))
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    return url


@pytest.fixture(autouse=True)
def database_running_after_each_test(postgres):
    """A test that fails mid-outage must not leave the next one without its database."""
    yield
    if not postgres.running():
        postgres.start()


def readers(env, *emails):
    """Confirmed readers who follow the whole portal; their one-click and manage paths by address."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CREATE_READERS],
        cwd=BASE_DIR, env=env | {"READERS": " ".join(emails)}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    links = json.loads(result.stdout.strip().splitlines()[-1])
    return {email: {name: urlsplit(url).path for name, url in paths.items()} for email, paths in links.items()}


def subscriptions_of(database, email):
    with psycopg.connect(database) as connection:
        return connection.execute(
            "SELECT count(*) FROM subscriptions_subscription s"
            " JOIN subscriptions_subscriber r ON r.id = s.subscriber_id WHERE r.email = %s",
            [email],
        ).fetchone()[0]


def in_redis(server):
    with redis.Redis.from_url(server.url) as client:
        return client.llen(settings.SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY)


def spool_files(var_dir):
    return sorted((Path(var_dir) / "spool" / "unsubscribe").glob("*.json"))


@contextmanager
def portal(env):
    server = AppServer(env)
    try:
        yield server.wait_ready()
    finally:
        server.stop()


def post(server, path, data, session=requests):
    return session.post(server.url(path), data=data, timeout=60, allow_redirects=False)


def visible_text(response):
    return " ".join(BeautifulSoup(response.text, "html.parser").get_text(" ").split())


def csrf_token(page):
    return BeautifulSoup(page.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]


def test_while_the_database_is_down_unsubscribes_are_journaled_in_redis_and_applied_when_it_returns(
    postgres, database, redis_server, tmp_path
):
    env = process_env(database, REDIS_URL=redis_server.url, BILATERAL_VAR_DIR=tmp_path)
    one_click, on_manage_page, bystander = "vienu@example.lt", "tvarkymas@example.lt", "lieka@example.lt"
    links = readers(env, one_click, on_manage_page, bystander)
    with portal(env) as server:
        reader = requests.Session()  # the manage page was open in the reader's browser before the outage
        manage_page = reader.get(server.url(links[on_manage_page]["manage"]), timeout=60)
        assert manage_page.status_code == 200
        form = {"csrfmiddlewaretoken": csrf_token(manage_page)}

        postgres.stop()
        accepted = post(server, links[one_click]["unsubscribe"], ONE_CLICK)
        assert accepted.status_code == 202
        assert RECORDED in visible_text(accepted) and "no-store" in accepted.headers["Cache-Control"]
        from_manage_page = post(server, links[on_manage_page]["manage"], form | {"action": "unsubscribe_all"}, reader)
        assert from_manage_page.status_code == 202
        page = visible_text(from_manage_page)
        assert RECORDED in page and "įsigalios netrukus" in page
        assert '<html lang="lt">' in from_manage_page.text
        # Only unsubscribing is journaled: other changes, and merely opening a link, wait for the database.
        assert post(server, links[on_manage_page]["manage"], form | {"action": "save"}, reader).status_code == 503
        assert requests.get(server.url(links[bystander]["unsubscribe"]), timeout=60).status_code == 503
        forged = links[bystander]["unsubscribe"][:-5] + "xxxx/"
        refused = post(server, forged, ONE_CLICK)
        assert refused.status_code == 400 and "Ši nuoroda neteisinga" in visible_text(refused)
        assert in_redis(redis_server) == 2 and spool_files(tmp_path) == []

        postgres.start()
        assert subscriptions_of(database, one_click) == 1, "applied by the drain, not by the web process"
        manage(env, "run_scheduler", "--once")
        assert subscriptions_of(database, one_click) == 0
        assert subscriptions_of(database, on_manage_page) == 0
        assert subscriptions_of(database, bystander) == 1
        assert in_redis(redis_server) == 0
        assert "Internal Server Error" not in server.output()


def test_with_redis_down_too_the_unsubscribe_waits_in_the_spool_directory(postgres, database, redis_server, tmp_path):
    env = process_env(database, REDIS_URL=redis_server.url, BILATERAL_VAR_DIR=tmp_path)
    email = "be-redis@example.lt"
    links = readers(env, email)
    with portal(env) as server:
        redis_server.kill()
        postgres.stop()
        assert post(server, links[email]["unsubscribe"], ONE_CLICK).status_code == 202
        [entry] = spool_files(tmp_path)
        assert json.loads(entry.read_text())["token"] == links[email]["unsubscribe"].rstrip("/").rsplit("/", 1)[1]
        assert entry.stat().st_mode & 0o077 == 0, "readable by the portal's user only"

    postgres.start()
    output = manage(env, "drain_unsubscribes")  # Redis still down: the spool is drained all the same
    assert "applied 1" in output
    assert subscriptions_of(database, email) == 0
    assert spool_files(tmp_path) == []


def waiting_for_a_lock(database):
    with psycopg.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").fetchone()[0]


@pytest.mark.parametrize("store", ["redis", "spool"])
def test_a_drain_killed_between_reading_an_entry_and_applying_it_leaves_it_for_the_next_drain(
    postgres, database, tmp_path, store, request
):
    redis_url = request.getfixturevalue("redis_server").url if store == "redis" else None
    env = process_env(database, REDIS_URL=redis_url, BILATERAL_VAR_DIR=tmp_path)
    email = f"nuzudytas-{store}@example.lt"
    links = readers(env, email)

    def journaled():
        return in_redis(request.getfixturevalue("redis_server")) if store == "redis" else len(spool_files(tmp_path))

    with portal(env) as server:
        postgres.stop()
        assert post(server, links[email]["unsubscribe"], ONE_CLICK).status_code == 202
        postgres.start()
    assert journaled() == 1

    # Another transaction holds the reader's row, so the drain stops inside its apply, entry read.
    with psycopg.connect(database) as holder:
        holder.execute("SELECT id FROM subscriptions_subscriber WHERE email = %s FOR UPDATE", [email])
        drain = subprocess.Popen(
            [sys.executable, "manage.py", "drain_unsubscribes"], cwd=BASE_DIR, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            wait_for(lambda: drain.poll() is not None or waiting_for_a_lock(database), what="the drain waiting")
            assert drain.poll() is None, drain.communicate()
        finally:
            drain.send_signal(signal.SIGKILL)
            drain.communicate()
        holder.rollback()

    assert journaled() == 1, "the entry outlives the killed drain"
    assert subscriptions_of(database, email) == 1
    assert "applied 1" in manage(env, "drain_unsubscribes")
    assert subscriptions_of(database, email) == 0
    assert journaled() == 0
    assert "applied 0" in manage(env, "drain_unsubscribes")
