"""The journal of unsubscribes accepted while the database is down (bilateral/subscriptions/journal.py),
on a real Redis (database 9, a key of each test's own) and a temporary spool directory. The outage
itself, with real processes, is in tests/faults/test_unsubscribe_outage.py."""

import dataclasses
import json
import os
import time
import uuid
from urllib.parse import urlsplit

import pytest
import redis
from django.utils import timezone

from bilateral.operations.processes import free_port
from bilateral.subscriptions import journal, links
from bilateral.subscriptions.links import confirm_url, manage_url, unsubscribe_url
from bilateral.subscriptions.models import SITE, Subscriber, Subscription
from bilateral.subscriptions.privacy import erase
from bilateral.subscriptions.scheduler import tick
from bilateral.subscriptions.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, InvalidToken

TEST_REDIS = "redis://127.0.0.1:6379/9"


@pytest.fixture
def spool(settings, tmp_path):
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_SPOOL_DIR = tmp_path / "spool" / "unsubscribe"
    return settings.SUBSCRIPTIONS_UNSUBSCRIBE_SPOOL_DIR


@pytest.fixture
def redis_list(settings, spool):
    """The Redis list of this test alone (tests may run side by side on one Redis)."""
    settings.REDIS_URL = TEST_REDIS
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY = f"test:unsubscribe-journal:{uuid.uuid4().hex}"
    client = redis.Redis.from_url(TEST_REDIS)
    yield client, settings.SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY
    client.delete(settings.SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY)
    client.close()


@pytest.fixture
def redis_unreachable(settings, spool):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/9"


@pytest.fixture(autouse=True)
def links_signed_at_one_moment(monkeypatch):
    """Links carry the time they were made: the same reader's links compare equal within a test."""
    moment = timezone.now()
    monkeypatch.setattr(links, "signing_time", lambda: moment)


def reader(email):
    subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, scope=SITE, confirmed_at=timezone.now())
    return subscriber


def token(url):
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[1]


def forged(url):
    genuine = token(url)
    return genuine[:-4] + ("AAAA" if not genuine.endswith("AAAA") else "BBBB")


def in_redis(redis_list):
    client, key = redis_list
    return [json.loads(raw) for raw in client.lrange(key, 0, -1)]


def spooled(spool):
    return sorted(spool.glob("*.json")) if spool.is_dir() else []


@pytest.mark.django_db
def test_a_genuine_unsubscribe_goes_to_redis_with_its_link_and_time(redis_list, spool):
    subscriber = reader("a@example.lt")
    before = timezone.now()
    assert journal.record(UNSUBSCRIBE, token(unsubscribe_url(subscriber))) == "redis"
    [entry] = in_redis(redis_list)
    assert entry["purpose"] == UNSUBSCRIBE and entry["token"] == token(unsubscribe_url(subscriber))
    assert before <= journal.Entry.loads(json.dumps(entry)).requested_at() <= timezone.now()
    assert spooled(spool) == []


@pytest.mark.django_db
def test_with_redis_unreachable_the_entry_is_written_whole_to_the_spool(redis_unreachable, spool):
    subscriber = reader("b@example.lt")
    assert journal.record(MANAGE, token(manage_url(subscriber))) == "spool"
    [path] = spooled(spool)
    assert json.loads(path.read_text())["token"] == token(manage_url(subscriber))
    assert path.stat().st_mode & 0o777 == 0o600 and spool.stat().st_mode & 0o777 == 0o700
    assert list(spool.glob(".*")) == [], "no half-written file is left behind"


@pytest.mark.django_db
def test_without_redis_configured_the_spool_is_used(settings, spool):
    settings.REDIS_URL = ""
    assert journal.record(UNSUBSCRIBE, token(unsubscribe_url(reader("c@example.lt")))) == "spool"
    assert len(spooled(spool)) == 1


@pytest.mark.django_db
def test_a_forged_or_misdirected_link_is_refused_and_nothing_is_journaled(redis_list, spool):
    subscriber = reader("d@example.lt")
    with pytest.raises(InvalidToken):
        journal.record(UNSUBSCRIBE, forged(unsubscribe_url(subscriber)))
    with pytest.raises(InvalidToken):  # a manage link is not an unsubscribe link, nor the reverse
        journal.record(UNSUBSCRIBE, token(manage_url(subscriber)))
    with pytest.raises(InvalidToken):
        journal.record(MANAGE, "not-a-token")
    assert in_redis(redis_list) == [] and spooled(spool) == []


@pytest.mark.django_db
def test_a_drain_applies_both_journals_and_empties_them(settings, redis_list, spool):
    from_redis, from_spool, bystander = reader("e@example.lt"), reader("f@example.lt"), reader("g@example.lt")
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(from_redis)))
    journal.SpoolJournal(spool).append(journal.Entry.new(MANAGE, token(manage_url(from_spool))))

    assert journal.drain() == {journal.APPLIED: 2}
    assert not from_redis.subscriptions.exists() and not from_spool.subscriptions.exists()
    assert bystander.subscriptions.count() == 1
    assert Subscriber.objects.count() == 3, "the subscriber and their consent proof stay"
    assert in_redis(redis_list) == [] and spooled(spool) == []
    assert journal.drain() == {}


@pytest.mark.django_db
def test_an_entry_applied_again_leaves_what_the_reader_asked_for_after_it(redis_list):
    """A drain that dies after the commit but before removing the entry applies it a second time."""
    subscriber = reader("h@example.lt")
    week_ago = timezone.now() - timezone.timedelta(days=7)
    subscriber.subscriptions.update(created_at=week_ago, requested_at=week_ago, confirmed_at=week_ago)
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(subscriber)))
    client, key = redis_list
    [raw] = client.lrange(key, 0, -1)
    assert journal.drain() == {journal.APPLIED: 1}
    time.sleep(0.01)  # the clock moves between the request and the new subscription
    Subscription.objects.create(subscriber=subscriber, scope=SITE, confirmed_at=timezone.now())

    client.rpush(key, raw)
    assert journal.drain() == {journal.APPLIED: 1}
    assert subscriber.subscriptions.count() == 1, "subscribing again after the unsubscribe is not undone"


@pytest.mark.django_db
def test_a_forged_entry_written_into_the_journals_is_dropped_without_effect(redis_list, spool):
    subscriber = reader("i@example.lt")
    client, key = redis_list
    client.rpush(key, journal.Entry.new(UNSUBSCRIBE, forged(unsubscribe_url(subscriber))).dumps())
    client.rpush(key, "not json at all")
    # A genuine link of another kind (the confirmation link) never unsubscribes.
    client.rpush(key, journal.Entry.new(CONFIRM, token(confirm_url(subscriber.subscriptions.get()))).dumps())
    journal.SpoolJournal(spool).append(journal.Entry.new(UNSUBSCRIBE, token(manage_url(subscriber))))

    assert journal.drain() == {journal.REJECTED: 4}
    assert subscriber.subscriptions.count() == 1
    assert in_redis(redis_list) == [] and spooled(spool) == []


@pytest.mark.django_db
def test_an_entry_for_an_erased_subscriber_is_dropped(redis_list):
    subscriber = reader("j@example.lt")
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(subscriber)))
    erase(subscriber)
    assert journal.drain() == {journal.GONE: 1}
    assert in_redis(redis_list) == []


@pytest.mark.django_db
def test_with_redis_down_a_drain_still_empties_the_spool(redis_unreachable, spool):
    subscriber = reader("k@example.lt")
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(subscriber)))
    assert journal.drain() == {journal.APPLIED: 1}
    assert not subscriber.subscriptions.exists() and spooled(spool) == []


@pytest.mark.django_db
def test_a_half_written_spool_file_is_never_read_and_is_swept_once_stale(settings, spool):
    settings.REDIS_URL = ""
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(reader("l@example.lt"))))
    stale, fresh = spool / ".stale.partial", spool / ".fresh.partial"
    stale.write_text('{"id": "cut sh')
    fresh.write_text('{"id": "being wr')
    an_hour_ago = time.time() - journal.STALE_PARTIAL_SECONDS - 60
    os.utime(stale, (an_hour_ago, an_hour_ago))

    assert journal.drain() == {journal.APPLIED: 1}
    assert not stale.exists() and fresh.exists()


@pytest.mark.django_db
def test_the_scheduler_applies_the_journal_before_it_delivers(settings, spool):
    settings.REDIS_URL = ""
    subscriber = reader("m@example.lt")
    journal.record(UNSUBSCRIBE, token(unsubscribe_url(subscriber)))
    summary = tick()
    assert next(iter(summary)) == "unsubscribes" and summary["unsubscribes"] == {journal.APPLIED: 1}
    assert not subscriber.subscriptions.exists()


@pytest.mark.django_db
def test_a_manage_link_that_expired_during_the_outage_still_unsubscribes(settings, spool, monkeypatch):
    settings.REDIS_URL = ""
    subscriber = reader("h@example.lt")
    week_ago = timezone.now() - timezone.timedelta(days=7)
    subscriber.subscriptions.update(created_at=week_ago, requested_at=week_ago, confirmed_at=week_ago)
    monkeypatch.setattr(links, "signing_time", lambda: timezone.now() - timezone.timedelta(days=6))
    link = token(manage_url(subscriber))  # a manage link lives 7 days
    monkeypatch.undo()
    asked = timezone.now() - timezone.timedelta(days=3)  # on the link's 4th day
    entry = dataclasses.replace(journal.Entry.new(MANAGE, link), at=asked.isoformat())
    journal.SpoolJournal(spool).append(entry)
    assert journal.drain() == {journal.APPLIED: 1}
    assert not subscriber.subscriptions.exists()


@pytest.mark.django_db
def test_a_link_already_expired_when_it_was_used_is_not_applied(settings, spool, monkeypatch):
    settings.REDIS_URL = ""
    subscriber = reader("i@example.lt")
    monkeypatch.setattr(links, "signing_time", lambda: timezone.now() - timezone.timedelta(days=10))
    link = token(manage_url(subscriber))
    monkeypatch.undo()
    asked = timezone.now() - timezone.timedelta(days=1)  # on the link's 10th day: expired already
    entry = dataclasses.replace(journal.Entry.new(MANAGE, link), at=asked.isoformat())
    journal.SpoolJournal(spool).append(entry)
    assert journal.drain() == {journal.REJECTED: 1}
    assert subscriber.subscriptions.exists()
