"""Delivery through faults, counted at a real SMTP server: a whole fan-out while the SMTP server is
down reaches every subscriber exactly once after it returns; a worker SIGKILLed mid-run beside a
second worker loses nothing and duplicates nothing.

The guarantee (see subscriptions/delivery.py): at least once, and exactly once unless a worker dies
in the few milliseconds between the SMTP server's 250 to DATA and the UPDATE that marks the row sent
(tests/subscriptions/test_delivery_workers.py forces that window open). Here the worker is killed
while it waits for the answer to a MAIL FROM: its previous message is then accepted *and* marked,
so no copy may appear twice."""

import signal
from collections import Counter

import pytest
from django.utils import timezone

from bilateral.subscriptions.models import COUNTRY, PAGE, SITE, Subscriber
from bilateral.subscriptions.outbox_models import PENDING, SENT, OutboxMessage
from tests.subscriptions.delivery_support import (  # noqa: F401
    ControlledCollector,
    WorkerDatabase,
    finish,
    follow,
    publish_major,
    readers,
    smtp,
)

from .processes import wait_for
from .workers import peer_pid, query, start

OUTBOX = OutboxMessage._meta.db_table


def audience(seeded):
    """Confirmed readers of the portal, the country and the page (some following two of them, who
    must still get one alert), and unconfirmed ones, who get none. Returns the expected recipients."""
    country = seeded.get_parent().specific
    expected = [s.email for s in readers(20, scope=SITE, prefix="portalas")]
    expected += [s.email for s in readers(10, scope=COUNTRY, country_page=country, prefix="salis")]
    expected += [s.email for s in readers(10, scope=PAGE, page=seeded, prefix="puslapis")]
    for index in range(5):
        both = Subscriber.objects.create(email=f"abu{index}@example.com", confirmed_at=timezone.now())
        follow(both, SITE)
        follow(both, PAGE, page=seeded)
        expected.append(both.email)
    readers(3, scope=SITE, prefix="nepatvirtino", confirmed=False)
    return sorted(expected)


def delivered(server):
    return Counter(address for entry in server.messages for address in entry["to"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fan_out_while_the_smtp_server_is_down_reaches_everyone_once_it_is_back(
    seeded, smtp, tmp_path, settings, django_capture_on_commit_callbacks
):
    expected = audience(seeded)
    settings.SUBSCRIPTIONS_RETRY_BASE_SECONDS = 1
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Pašto serveris neveikia")  # fan-out, then a delivery that meets the dead server
    assert OutboxMessage.objects.count() == len(expected)
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(PENDING, 1)}

    database = WorkerDatabase(tmp_path)
    database.push()
    workers = [
        start(database, "deliver_outbox", "-v0", "--drain", "--batch", "10", "--idle", "0.2", smtp=smtp,
              FAULTS_RETRY_BASE_SECONDS=1)
        for _ in range(2)
    ]
    try:
        # The workers try again while the server is still down, and every row waits...
        wait_for(lambda: query(database, f"SELECT MIN(attempts) FROM {OUTBOX}") >= 2, what="a retry while down")
        assert query(database, f"SELECT COUNT(*) FROM {OUTBOX} WHERE status = '{SENT}'") == 0
        smtp.start()  # ...until it returns.
        results = [finish(worker) for worker in workers]
    finally:
        for worker in workers:
            worker.kill()
    assert [code for code, _err in results] == [0, 0], results

    got = delivered(smtp)
    assert sorted(got) == expected
    assert set(got.values()) == {1}  # exactly one each
    database.pull()
    assert OutboxMessage.objects.filter(status=SENT).count() == len(expected)


class KillsTheSender(ControlledCollector):
    """At the n-th MAIL FROM, SIGKILLs whichever worker process sent it (found by its socket)."""

    def __init__(self):
        super().__init__()
        self.worker_pids = []
        self.killed = None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.kill_at_mail and self.mails + 1 == self.kill_at_mail:
            self.kill_pid = peer_pid(session.peer[1], self.worker_pids)
            self.killed = self.kill_pid
        return await super().handle_MAIL(server, session, envelope, address, mail_options)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_of_two_workers_killed_mid_run_loses_nothing_and_duplicates_nothing(seeded, smtp, tmp_path,
                                                                                django_capture_on_commit_callbacks):
    expected = audience(seeded)
    smtp.collector = collector = KillsTheSender()
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Darbuotojas žus")  # the rows are written; the first delivery meets no server
    OutboxMessage.objects.update(next_attempt_at=timezone.now())  # due again now, for the workers
    smtp.start()
    database = WorkerDatabase(tmp_path)
    database.push()

    collector.gate = 2  # both workers are sending before anything goes further
    collector.kill_at_mail = 15
    workers = [
        start(database, "deliver_outbox", "-v0", "--drain", "--batch", "10", "--lease", "2", "--idle", "0.2", smtp=smtp)
        for _ in range(2)
    ]
    collector.worker_pids = [worker.pid for worker in workers]
    try:
        results = {worker.pid: finish(worker) for worker in workers}
    finally:
        for worker in workers:
            worker.kill()

    assert collector.opened_together and collector.killed in results
    assert results[collector.killed][0] == -signal.SIGKILL
    [survivor] = [pid for pid in results if pid != collector.killed]
    assert results[survivor][0] == 0, results[survivor][1]
    got = delivered(smtp)
    assert sorted(got) == expected  # none lost: the killed worker's claimed rows were taken over
    assert set(got.values()) == {1}  # none twice
    database.pull()
    assert OutboxMessage.objects.filter(status=SENT).count() == len(expected)
    # The killed worker's unsent rows were claimed once more (1: the publish's try, 2: the killed
    # worker's claim, 3: the survivor's, after the lease ran out).
    assert OutboxMessage.objects.filter(attempts=3).exists()
