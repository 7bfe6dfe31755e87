"""Workers as separate OS processes on the test database, counted at a real SMTP server: two at once
send every row once; a killed worker's rows are sent by the next one; a dead SMTP server delays,
a refusing one fails the row after a few tries (and the admin shows it)."""

import datetime
import signal

import pytest
from django.urls import reverse
from django.utils import timezone

from bilateral.pages.models import MajorChange
from bilateral.subscriptions.delivery import deliver_due
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import SITE, Subscriber
from bilateral.subscriptions.outbox_models import FAILED, PENDING, SENT, OutboxMessage

from .delivery_support import (  # noqa: F401
    WorkerDatabase,
    finish,
    follow,
    message_ids,
    publish_major,
    readers,
    recipients,
    smtp,
    start_worker,
)


def outbox_of(count, page, note):
    """`count` readers and the alert rows of one change, nothing sent yet."""
    # Published before anyone follows it, so the real fan-out task finds nobody and sends nothing.
    change = MajorChange.objects.get(revision=publish_major(page, note))
    readers(count)
    fan_out_change(change.pk)
    assert OutboxMessage.objects.filter(status=PENDING).count() == count
    return change


def everyone(count):
    return sorted(f"reader{index}@example.com" for index in range(count))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_worker_processes_send_every_row_exactly_once(seeded, smtp, tmp_path):
    outbox_of(200, seeded, "Du darbuotojai")
    database = WorkerDatabase(tmp_path)
    database.push()
    smtp.collector.gate = 2  # each worker's first message waits until the other's is there too

    workers = [start_worker(database, smtp, "--batch", "10") for _ in range(2)]
    results = [finish(worker) for worker in workers]

    assert [code for code, _err in results] == [0, 0], results
    assert smtp.collector.opened_together  # both processes were sending at the same time
    assert recipients(smtp) == everyone(200)
    assert len(set(message_ids(smtp))) == 200
    database.pull()
    assert OutboxMessage.objects.filter(status=SENT).count() == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_worker_s_rows_are_sent_by_the_next_one_without_duplicates(seeded, smtp, tmp_path):
    outbox_of(40, seeded, "Darbuotojas žuvo")
    database = WorkerDatabase(tmp_path)
    database.push()

    smtp.collector.kill_at_mail = 8  # SIGKILL while it waits for the answer to its 8th MAIL FROM
    first = start_worker(database, smtp, "--batch", "20", "--lease", "2")
    smtp.collector.kill_pid = first.pid
    code, _err = finish(first)
    assert code == -signal.SIGKILL
    assert len(smtp.messages) == 7

    second = start_worker(database, smtp, "--drain", "--batch", "20", "--lease", "2", "--idle", "0.2")
    code, err = finish(second)
    assert code == 0, err

    assert recipients(smtp) == everyone(40)
    database.pull()
    assert OutboxMessage.objects.filter(status=SENT).count() == 40
    # The 13 rows the killed worker held were claimed twice; all others once.
    assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [1] * 27 + [2] * 13


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_at_least_once_window_repeats_one_message_with_the_same_message_id(seeded, smtp, tmp_path):
    outbox_of(20, seeded, "Langas")
    database = WorkerDatabase(tmp_path)
    database.push()

    smtp.collector.kill_after_data = 5  # the 5th message is kept, but its worker dies before hearing 250
    first = start_worker(database, smtp, "--batch", "20", "--lease", "2")
    smtp.collector.kill_pid = first.pid
    assert finish(first)[0] == -signal.SIGKILL
    code, err = finish(start_worker(database, smtp, "--drain", "--lease", "2", "--idle", "0.2"))
    assert code == 0, err

    got = recipients(smtp)
    twice = sorted({address for address in got if got.count(address) == 2})
    assert len(got) == 21 and len(twice) == 1 and sorted(set(got)) == everyone(20)
    copies = smtp.to(twice[0])
    assert copies[0]["Message-ID"] == copies[1]["Message-ID"]  # the duplicate says it is one
    database.pull()
    assert OutboxMessage.objects.filter(status=SENT).count() == 20


@pytest.mark.django_db
def test_with_the_smtp_server_down_messages_wait_and_go_out_when_it_returns(
    seeded, smtp, django_capture_on_commit_callbacks
):
    readers(3)
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Serveris neveikia")  # fan-out, then the delivery task finds the server down

    rows = OutboxMessage.objects.all()
    assert [(row.status, row.attempts) for row in rows] == [(PENDING, 1)] * 3
    assert all(row.next_attempt_at > timezone.now() for row in rows)
    assert all("Connection refused" in row.last_error or "ConnectionRefused" in row.last_error for row in rows)
    first_retry = max(row.next_attempt_at for row in rows)

    assert deliver_due().claimed == 0  # not yet due: nothing is tried

    still_down = deliver_due(now=first_retry + datetime.timedelta(seconds=1))
    assert (still_down.claimed, still_down.retried, still_down.failed) == (3, 3, 0)
    rows = OutboxMessage.objects.all()
    assert [(row.status, row.attempts) for row in rows] == [(PENDING, 2)] * 3
    second_retry = max(row.next_attempt_at for row in rows)
    assert second_retry - first_retry > datetime.timedelta(seconds=60)  # backing off

    smtp.start()
    back = deliver_due(now=second_retry + datetime.timedelta(seconds=1))
    assert back.sent == 3
    assert recipients(smtp) == everyone(3)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {SENT}


@pytest.mark.django_db
def test_a_refused_recipient_fails_after_three_tries_shows_in_the_admin_and_can_be_sent_again(
    seeded, smtp, admin_client, django_capture_on_commit_callbacks
):
    smtp.collector.refused = {"nera@example.com"}
    for email in ("nera@example.com", "yra@example.com"):
        follow(Subscriber.objects.create(email=email, confirmed_at=timezone.now()), SITE)
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Atmestas gavėjas")
    refused = OutboxMessage.objects.get(subscriber__email="nera@example.com")
    assert (refused.status, refused.attempts) == (PENDING, 1) and "550" in refused.last_error
    assert len(smtp.to("yra@example.com")) == 1

    later = timezone.now()
    for _ in range(2):
        later += datetime.timedelta(hours=1)
        deliver_due(now=later)
    refused.refresh_from_db()
    assert (refused.status, refused.attempts) == (FAILED, 3)
    assert smtp.collector.refusals == ["nera@example.com"] * 3
    assert deliver_due(now=later + datetime.timedelta(days=2)).claimed == 0  # failed stays failed

    page = admin_client.get(reverse("subscriptions_outbox")).content.decode()
    assert 'data-status="failed"' in page and "nera@example.com" in page
    assert "550 5.1.1 No such mailbox" in page or "No such mailbox" in page
    assert "yra@example.com" not in page  # only the failed rows are listed

    smtp.collector.refused = set()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("subscriptions_outbox"), {"ids": [refused.pk]})
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.status == SENT
    assert len(smtp.to("nera@example.com")) == 1
