"""Several machines' worth of processes on one database: two gunicorn app servers and two task
workers. Readers subscribe through both servers (real captcha, confirmation link from the real
SMTP server, confirmed on the other server); a major change is published; the two `db_worker`s fan
it out and deliver: each confirmed subscriber gets exactly one alert. And a task enqueued N times is
run exactly N times by two workers.

On the PostgreSQL run every process uses the test database; on the SQLite run a file copy of it
(WorkerDatabase), which several processes share as SQLite allows."""

import re
from collections import Counter

import pytest
import requests

from bilateral.pages.models import MajorChange
from bilateral.subscriptions.models import Subscription
from django_tasks_db.models import DBTaskResult
from tests.subscriptions.delivery_support import WorkerDatabase, finish, publish_major, smtp  # noqa: F401
from tests.subscriptions.helpers import confirm_path, solve

from . import tasks
from .processes import AppServer, process_env, stop_process
from .workers import start

SITE_URL = "https://bilateral.example"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def subscribe_through(server, email, page):
    """What a browser does: the form page, a captcha challenge solved, the form sent."""
    browser = requests.Session()
    form = browser.get(server.url(f"/prenumerata/?page={page.pk}"), timeout=60)
    assert form.status_code == 200
    challenge = browser.get(server.url("/prenumerata/captcha/"), timeout=60)
    assert challenge.status_code == 200
    data = {
        "csrfmiddlewaretoken": csrf_token(form),
        "email": email,
        "scope": "page",
        "frequency": "immediate",
        "consent": "on",
        "page": str(page.pk),
        "captcha": solve(challenge.json()),
    }
    return browser.post(server.url("/prenumerata/"), data=data, timeout=60, allow_redirects=False)


def confirm_through(server, path):
    browser = requests.Session()
    page = browser.get(server.url(path), timeout=60)
    assert page.status_code == 200
    return browser.post(server.url(path), data={"csrfmiddlewaretoken": csrf_token(page)}, timeout=60)


def app_servers(database, smtp, var_dir):
    servers = []
    try:
        for _ in range(2):
            env = process_env(database.url, EMAIL_URL=smtp.url, SITE_URL=SITE_URL, BILATERAL_VAR_DIR=var_dir)
            servers.append(AppServer(env, workers=1))
        return [server.wait_ready() for server in servers]
    except BaseException:
        for server in servers:
            server.stop()
        raise


def run_workers(database, smtp, count=2):
    """`count` db_worker processes that run every queued task, then exit; returns their results."""
    workers = [start(database, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1", smtp=smtp)
               for _ in range(count)]
    try:
        return [finish(worker, timeout=300) for worker in workers]
    finally:
        for worker in workers:
            stop_process(worker)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_subscribers_of_two_app_servers_get_one_alert_each_from_two_workers(seeded, smtp, tmp_path, settings):
    database = WorkerDatabase(tmp_path)
    database.push()
    readers = [f"skaitytojas{index}@example.lt" for index in range(6)]
    servers = app_servers(database, smtp, tmp_path / "var")
    try:
        for index, email in enumerate(readers + ["nepatvirtino@example.lt"]):
            assert subscribe_through(servers[index % 2], email, seeded).status_code == 302
        for index, email in enumerate(readers):
            [message] = smtp.to(email)
            confirmed = confirm_through(servers[(index + 1) % 2], confirm_path(message, SITE_URL))
            assert confirmed.status_code == 200
    finally:
        for server in servers:
            server.stop()
    confirmations = len(smtp.messages)
    assert confirmations == 7

    database.pull()
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 6
    settings.TASKS = DATABASE_TASKS  # the fan-out is queued for the workers, as in production
    publish_major(seeded, "Du serveriai, du darbuotojai")
    [change] = MajorChange.objects.all()
    fan_out = DBTaskResult.objects.get(task_path__endswith=".fan_out_task")
    assert fan_out.status == "READY"  # waiting for the workers
    database.push()

    results = run_workers(database, smtp)
    assert [code for code, _err in results] == [0, 0], results

    alerts = Counter(address for entry in smtp.messages[confirmations:] for address in entry["to"])
    assert alerts == Counter({email: 1 for email in readers})
    database.pull()
    assert not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()  # no task lost
    ours = DBTaskResult.objects.filter(task_path__startswith="bilateral.subscriptions.")
    assert {(task.task_path.rsplit(".", 1)[1], task.status) for task in ours} == {
        ("fan_out_task", "SUCCESSFUL"),
        ("deliver_outbox_task", "SUCCESSFUL"),
    }
    assert change.page_id == seeded.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_enqueued_n_times_runs_exactly_n_times_on_two_workers(seeded, tmp_path, settings):
    runs = tmp_path / "runs.txt"
    settings.TASKS = DATABASE_TASKS
    count = 60
    for number in range(count):
        tasks.record_run.enqueue(str(runs), number)
    database = WorkerDatabase(tmp_path)
    database.push()

    results = run_workers(database, None)
    assert [code for code, _err in results] == [0, 0], results

    lines = [line.split() for line in runs.read_text().splitlines()]
    assert Counter(int(number) for number, _pid in lines) == Counter(range(count))  # each once
    database.pull()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == count
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
