"""/healthz and /readyz in the app (bilateral/operations/health.py). With the database really down:
tests/faults/test_database_outage.py; through the proxy: tests/proxy/test_observability.py."""

import datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from bilateral.operations.heartbeat import SCHEDULER, WORKER, heartbeat_key
from bilateral.subscriptions.models import DAILY, Subscriber
from bilateral.subscriptions.outbox_models import DIGEST, PENDING, SENDING, OutboxMessage
from tests.faults.processes import stop_process
from tests.faults.workers import start
from tests.subscriptions.delivery_support import WorkerDatabase, finish

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def readyz(client):
    response = client.get("/readyz")
    assert response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def scheduler_ran():
    """One real tick of the scheduler; with the test settings' immediate backend the worker's
    heartbeat task runs at once."""
    call_command("run_scheduler", once=True, verbosity=0)


def beat_long_ago(name, seconds):
    caches["default"].set(heartbeat_key(name), timezone.now().timestamp() - seconds, 3600)


def due_row(waiting_seconds, status=PENDING):
    subscriber = Subscriber.objects.create(email=f"r{waiting_seconds}@example.com", confirmed_at=timezone.now())
    moment = timezone.now() - datetime.timedelta(seconds=waiting_seconds)
    return OutboxMessage.objects.create(
        kind=DIGEST,
        subscriber=subscriber,
        frequency=DAILY,
        period_start=datetime.date(2026, 1, 1),
        status=status,
        next_attempt_at=moment,
        lease_until=moment if status == SENDING else None,
    )


def test_healthz_answers_without_touching_the_database_or_the_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.1.2.3:8001")  # a probe by address: no host check
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_is_ready_once_the_scheduler_and_worker_have_beaten(client, settings):
    status, body = readyz(client)
    assert status == 503
    assert body["failed"] == [SCHEDULER, WORKER]
    assert body["checks"][WORKER] == {"status": "fail", "problem": "no heartbeat yet"}

    scheduler_ran()

    status, body = readyz(client)
    assert status == 200, body
    assert body["status"] == "ok" and body["failed"] == []
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok", "cache": "ok", "scheduler": "ok", "worker": "ok", "outbox": "ok"
    }
    assert body["checks"][WORKER]["max_age_seconds"] == settings.READYZ_WORKER_MAX_AGE


def test_a_stale_worker_heartbeat_is_named(client, settings):
    scheduler_ran()
    beat_long_ago(WORKER, settings.READYZ_WORKER_MAX_AGE + 60)

    status, body = readyz(client)
    assert status == 503
    assert body["failed"] == [WORKER]
    worker = body["checks"][WORKER]
    assert worker["problem"] == "heartbeat too old"
    assert worker["age_seconds"] >= settings.READYZ_WORKER_MAX_AGE + 60


def test_a_stale_scheduler_heartbeat_is_named(client, settings):
    scheduler_ran()
    beat_long_ago(SCHEDULER, settings.READYZ_SCHEDULER_MAX_AGE + 1)
    assert readyz(client)[1]["failed"] == [SCHEDULER]


def test_an_outbox_row_due_too_long_is_named_and_a_fresh_one_is_not(client, settings):
    scheduler_ran()
    due_row(60)
    assert readyz(client)[0] == 200

    due_row(settings.READYZ_OUTBOX_MAX_AGE + 120)
    status, body = readyz(client)
    assert status == 503
    assert body["failed"] == ["outbox"]
    assert body["checks"]["outbox"]["age_seconds"] >= settings.READYZ_OUTBOX_MAX_AGE + 120


def test_a_claim_whose_lease_ran_out_long_ago_counts_as_due(client, settings):
    scheduler_ran()
    due_row(settings.READYZ_OUTBOX_MAX_AGE + 120, status=SENDING)
    assert readyz(client)[1]["failed"] == ["outbox"]


def test_a_row_waiting_for_its_next_attempt_is_not_due(client, settings):
    scheduler_ran()
    row = due_row(settings.READYZ_OUTBOX_MAX_AGE + 120)
    OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() + datetime.timedelta(minutes=5))
    assert readyz(client)[0] == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_heartbeat_is_written_by_a_real_db_worker(client, settings, tmp_path):
    """The scheduler queues the heartbeat task; until a worker process runs it the worker is not ready."""
    database = WorkerDatabase(tmp_path)
    settings.TASKS = DATABASE_TASKS
    scheduler_ran()
    status, body = readyz(client)
    assert body["failed"] == [WORKER]

    database.push()
    worker = start(database, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1")
    try:
        returncode, errors = finish(worker)
    finally:
        stop_process(worker)
    assert returncode == 0, errors
    database.pull()

    status, body = readyz(client)
    assert status == 200, body
