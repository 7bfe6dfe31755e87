"""Digests: one per subscriber and Vilnius day or Monday–Sunday week, grouping the period's changes;
the scheduler writes them after 00:05, catches up after downtime and resumes lost fan-outs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from bilateral.pages.models import CountryPage, MajorChange, SectionPage
from bilateral.subscriptions.delivery import deliver_due
from bilateral.subscriptions.digests import create_digests
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import COUNTRY, DAILY, IMMEDIATE, PAGE, SITE, WEEKLY, Subscriber
from bilateral.subscriptions.outbox_models import ALERT, DIGEST, FAILED, SENT, DigestRun, OutboxMessage
from bilateral.subscriptions.periods import period_bounds
from bilateral.subscriptions.scheduler import prune_outbox, tick

from .delivery_support import follow, publish_major, smtp  # noqa: F401

pytestmark = pytest.mark.django_db
VILNIUS = ZoneInfo("Europe/Vilnius")


def vilnius(*args):
    return datetime.datetime(*args, tzinfo=VILNIUS)


def change_at(page, note, moment):
    """A major change that went live at `moment` (a real revision; the time is the test's)."""
    page = SectionPage.objects.get(pk=page.pk)
    page.search_description = note  # a revision is recorded only for changed content
    return MajorChange.objects.create(page=page, revision=page.save_revision(), note=note, published_at=moment)


def reader(email, language="lt"):
    return Subscriber.objects.create(email=email, confirmed_at=timezone.now(), language=language)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def week(seeded):
    """Changes around the last weekend of March 2026 (summer time starts on Sunday the 29th)."""
    return {
        "friday_late": change_at(seeded, "Penktadienio vakaras", vilnius(2026, 3, 27, 23, 59, 59)),
        "saturday_midnight": change_at(seeded, "Šeštadienio pradžia", vilnius(2026, 3, 28, 0, 0)),
        "saturday_late": change_at(seeded, "Šeštadienio pabaiga", vilnius(2026, 3, 28, 23, 59, 59)),
        "sunday": change_at(seeded, "Sekmadienis", vilnius(2026, 3, 29, 23, 30)),
        "next_monday": change_at(seeded, "Kita savaitė", vilnius(2026, 3, 30, 0, 0)),
    }


def test_periods_are_vilnius_days_and_monday_to_sunday_weeks():
    start, end = period_bounds(WEEKLY, datetime.date(2026, 3, 23))
    assert (start, end) == (vilnius(2026, 3, 23), vilnius(2026, 3, 30))
    utc = datetime.timezone.utc
    # Real hours (Python subtracts same-zone times as wall clock, so compare in UTC).
    assert end.astimezone(utc) - start.astimezone(utc) == datetime.timedelta(hours=7 * 24 - 1)  # spring forward
    start, end = period_bounds(DAILY, datetime.date(2026, 10, 25))
    assert end.astimezone(utc) - start.astimezone(utc) == datetime.timedelta(hours=25)


def test_a_daily_digest_groups_the_changes_of_its_day(seeded, week, smtp):
    daily = reader("daily@example.com")
    follow(daily, SITE, DAILY)
    follow(reader("weekly@example.com"), SITE, WEEKLY)

    assert create_digests(DAILY, datetime.date(2026, 3, 28)) == 1
    assert create_digests(DAILY, datetime.date(2026, 3, 28)) == 1  # written again: ignored
    row = OutboxMessage.objects.get()
    assert (row.kind, row.subscriber, row.frequency, row.period_start) == (DIGEST, daily, DAILY, datetime.date(2026, 3, 28))
    assert row.change_ids == [week["saturday_midnight"].pk, week["saturday_late"].pk]

    deliver_due()
    [message] = smtp.to("daily@example.com")
    assert len(smtp.messages) == 1
    assert str(message["Subject"]).strip() == "Dienos suvestinė: Baltarusija – Politinis bendradarbiavimas"
    text = body(message)
    assert "Kas pasikeitė 2026.03.28" in text
    assert text.index("2026.03.28 00:00: Šeštadienio pradžia") < text.index("2026.03.28 23:59: Šeštadienio pabaiga")
    assert "Penktadienio vakaras" not in text and "Sekmadienis" not in text
    assert text.count("/salys/baltarusija/politinis-bendradarbiavimas/") == 1  # one group per page
    assert OutboxMessage.objects.get().status == SENT


def test_a_weekly_digest_runs_monday_to_sunday(seeded, week, smtp):
    country = CountryPage.objects.ancestor_of(seeded).get()
    follow(reader("weekly@example.com"), COUNTRY, WEEKLY, country_page=country)
    create_digests(WEEKLY, datetime.date(2026, 3, 23))
    row = OutboxMessage.objects.get()
    assert row.change_ids == [week[name].pk for name in ("friday_late", "saturday_midnight", "saturday_late", "sunday")]
    deliver_due()
    [message] = smtp.to("weekly@example.com")
    assert str(message["Subject"]).strip().startswith("Savaitės suvestinė: Baltarusija – Politinis")
    assert "Kas pasikeitė nuo 2026.03.23 iki 2026.03.29" in body(message)
    assert "Kita savaitė" not in body(message)


def test_a_digest_of_several_pages_names_the_first_and_counts_the_rest(seeded, smtp):
    english = SectionPage.objects.get(translation_key=seeded.translation_key, locale__language_code="en")
    change_at(seeded, "Lietuviškas", vilnius(2026, 3, 28, 10))
    change_at(english, "English", vilnius(2026, 3, 28, 11))
    follow(reader("all@example.com"), SITE, DAILY)
    create_digests(DAILY, datetime.date(2026, 3, 28))
    deliver_due()
    [message] = smtp.to("all@example.com")
    assert str(message["Subject"]).strip() == (
        "Dienos suvestinė: Baltarusija – Politinis bendradarbiavimas ir dar 1 puslapis"
    )
    assert "Lietuviškas" in body(message) and "English" in body(message)


def test_a_change_already_sent_as_an_alert_is_not_repeated_in_the_digest(seeded, week, smtp):
    both = reader("both@example.com")
    follow(both, PAGE, IMMEDIATE, page=seeded)
    follow(both, SITE, DAILY)
    fan_out_change(week["saturday_midnight"].pk)
    create_digests(DAILY, datetime.date(2026, 3, 28))
    assert OutboxMessage.objects.get(kind=DIGEST).change_ids == [week["saturday_late"].pk]
    deliver_due()
    alert, digest = sorted(smtp.to("both@example.com"), key=lambda message: "suvestinė" in str(message["Subject"]))
    assert "Šeštadienio pradžia" in body(alert) and "Šeštadienio pradžia" not in body(digest)
    assert "Šeštadienio pabaiga" in body(digest)


def test_nobody_gets_an_empty_digest(seeded, week):
    follow(reader("daily@example.com"), SITE, DAILY)
    follow(reader("unconfirmed@example.com"), SITE, DAILY, confirmed=False)
    assert create_digests(DAILY, datetime.date(2026, 3, 26)) == 0
    assert create_digests(DAILY, datetime.date(2026, 3, 28)) == 1
    assert list(OutboxMessage.objects.values_list("subscriber__email", flat=True)) == ["daily@example.com"]


def test_the_scheduler_writes_digests_after_five_past_midnight_and_catches_up(seeded, week, smtp):
    follow(reader("daily@example.com"), SITE, DAILY)
    follow(reader("weekly@example.com"), SITE, WEEKLY)

    tick(now=vilnius(2026, 3, 30, 0, 4))
    assert set(DigestRun.objects.values_list("frequency", "period_start")) == {
        (DAILY, datetime.date(2026, 3, 28)),
        (WEEKLY, datetime.date(2026, 3, 16)),
    }
    tick(now=vilnius(2026, 3, 30, 0, 5))
    tick(now=vilnius(2026, 3, 30, 0, 6))  # a second tick in the same period adds nothing
    assert set(DigestRun.objects.values_list("frequency", "period_start")) >= {
        (DAILY, datetime.date(2026, 3, 29)),
        (WEEKLY, datetime.date(2026, 3, 23)),
    }
    assert OutboxMessage.objects.filter(kind=DIGEST).count() == 3  # Saturday, Sunday, the week
    assert len(smtp.to("daily@example.com")) == 2 and len(smtp.to("weekly@example.com")) == 1

    tick(now=vilnius(2026, 4, 2, 9, 0))  # the scheduler was down for three days
    days = DigestRun.objects.filter(frequency=DAILY).values_list("period_start", flat=True)
    assert {datetime.date(2026, 3, 30), datetime.date(2026, 3, 31), datetime.date(2026, 4, 1)} <= set(days)
    assert [m for m in smtp.to("daily@example.com") if "Kita savaitė" in body(m)]


def test_the_scheduler_resumes_a_fan_out_whose_task_was_lost(seeded, smtp):
    follow(reader("site@example.com"), SITE, IMMEDIATE)
    # Inside the test's transaction on_commit never fires: the change is recorded, its task never runs.
    publish_major(seeded, "Prarasta užduotis")
    assert OutboxMessage.objects.count() == 0
    tick(now=timezone.now() + datetime.timedelta(minutes=3))
    assert OutboxMessage.objects.get().kind == ALERT
    assert len(smtp.to("site@example.com")) == 1


def test_send_digests_command(seeded, week):
    follow(reader("daily@example.com"), SITE, DAILY)
    call_command("send_digests", "daily", period="2026-03-28", verbosity=0)
    assert OutboxMessage.objects.filter(kind=DIGEST, period_start=datetime.date(2026, 3, 28)).count() == 1
    call_command("send_digests", "weekly", period="2026-03-25", verbosity=0)  # a Wednesday: its week
    assert DigestRun.objects.filter(frequency=WEEKLY, period_start=datetime.date(2026, 3, 23)).exists()
    with pytest.raises(CommandError):
        call_command("send_digests", "daily", period="vakar")


def test_run_scheduler_once_runs_a_tick_and_the_purge(seeded, smtp):
    from bilateral.subscriptions.models import Subscription

    stale = Subscriber.objects.create(email="stale@example.com")
    Subscription.objects.create(
        subscriber=stale, scope=SITE, requested_at=timezone.now() - datetime.timedelta(days=30)
    )
    call_command("run_scheduler", once=True, verbosity=0)
    assert DigestRun.objects.filter(frequency=DAILY).exists()
    assert not Subscription.objects.filter(subscriber__email="stale@example.com").exists()


def test_sent_rows_are_forgotten_after_the_retention_period(seeded, settings):
    settings.SUBSCRIPTIONS_OUTBOX_RETENTION_DAYS = 30
    change = MajorChange.objects.get(revision=publish_major(seeded, "Sena"))
    rows = {
        name: OutboxMessage.objects.create(
            kind=ALERT, subscriber=reader(f"{name}@example.com"), change=change, frequency=IMMEDIATE, status=status
        )
        for name, status in [("old_sent", SENT), ("old_failed", FAILED), ("new_sent", SENT)]
    }
    OutboxMessage.objects.filter(pk__in=[rows["old_sent"].pk, rows["old_failed"].pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert prune_outbox(timezone.now()) == 1
    assert sorted(OutboxMessage.objects.values_list("subscriber__email", flat=True)) == [
        "new_sent@example.com",
        "old_failed@example.com",  # kept until someone sends it again or looks at it
    ]
