"""A request id in every log line, from the request to the task it queued (bilateral/operations/
request_id.py, logs.py). Through real nginx and gunicorn: tests/proxy/test_observability.py."""

import datetime
import json
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from bilateral.operations.logs import logging_config
from bilateral.operations.processes import free_port
from bilateral.subscriptions.models import DAILY, Subscriber
from bilateral.subscriptions.outbox_models import DIGEST, FAILED, PENDING, OutboxMessage
from tests.faults.processes import stop_process
from tests.faults.workers import start
from tests.subscriptions.delivery_support import WorkerDatabase, finish

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def lines_of(records, request_id):
    return [record for record in records if record.get("request_id") == request_id]


@pytest.mark.django_db
def test_the_id_from_the_proxy_is_answered_and_in_the_request_s_json_log_line(client, json_log):
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="proxy-id-1")

    assert response.status_code == 404
    assert response["X-Request-ID"] == "proxy-id-1"
    [line] = [record for record in lines_of(json_log(), "proxy-id-1") if record["logger"] == "django.request"]
    assert line["level"] == "WARNING"
    assert line["message"] == "Not Found: /no-such-page/"
    assert datetime.datetime.fromisoformat(line["time"]) > timezone.now() - datetime.timedelta(minutes=1)


@pytest.mark.django_db
def test_without_a_plain_id_the_app_makes_one(client, json_log):
    made = client.get("/healthz")["X-Request-ID"]
    forged = client.get("/healthz", HTTP_X_REQUEST_ID='x"} {"level": "CRITICAL')["X-Request-ID"]
    assert len(made) == len(forged) == 32 and made != forged
    assert "CRITICAL" not in forged


def test_lines_outside_a_request_say_so_and_the_text_format_is_readable():
    import logging

    config = logging_config("text")
    formatter = logging.Formatter(config["formatters"]["line"]["format"])
    record = logging.LogRecord("bilateral.x", logging.INFO, __file__, 1, "hello", None, None)
    from bilateral.operations.logs import RequestIdFilter

    RequestIdFilter().filter(record)
    assert formatter.format(record).endswith("INFO bilateral.x [-] hello")
    with pytest.raises(ValueError):
        logging_config("yaml")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_queued_by_a_request_logs_with_that_request_s_id(admin_client, settings, tmp_path, json_log):
    """An editor re-sends a failed email: the delivery task is queued in the database, a real
    db_worker runs it (the SMTP server is down) and its log lines carry the editor's request id."""
    database = WorkerDatabase(tmp_path)
    settings.TASKS = DATABASE_TASKS
    subscriber = Subscriber.objects.create(email="skaitytojas@example.lt", confirmed_at=timezone.now())
    OutboxMessage.objects.create(
        kind=DIGEST, subscriber=subscriber, frequency=DAILY, period_start=datetime.date(2026, 1, 1), status=FAILED
    )

    response = admin_client.post(reverse("subscriptions_outbox"), {"all": "1"}, HTTP_X_REQUEST_ID="editor-resend-7")

    assert response.status_code == 302
    queued = [record for record in lines_of(json_log(), "editor-resend-7") if record["logger"] == "django_tasks"]
    assert queued and "deliver_outbox_task enqueued" in queued[0]["message"]

    database.push()
    smtp_server_down = SimpleNamespace(url=f"smtp://127.0.0.1:{free_port()}")
    worker = start(database, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1",
                   smtp=smtp_server_down, LOG_FORMAT="json", LOG_LEVEL="INFO")
    try:
        returncode, errors = finish(worker)
    finally:
        stop_process(worker)
    assert returncode == 0, errors
    worker_lines = [json.loads(line) for line in errors.splitlines() if line.startswith("{")]
    task_lines = lines_of(worker_lines, "editor-resend-7")
    assert {(line["logger"], line["level"]) for line in task_lines} >= {
        ("bilateral.subscriptions.delivery", "WARNING"),  # the task's own line: SMTP server unavailable
        ("django_tasks", "INFO"),  # the task finished
    }
    assert all(line["request_id"] == "-" for line in worker_lines if "Starting worker" in line["message"])
    database.pull()
    assert OutboxMessage.objects.get().status == PENDING  # waiting for the SMTP server, as before
