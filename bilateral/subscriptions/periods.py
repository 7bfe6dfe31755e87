"""Digest periods in Vilnius time: a day is midnight to midnight, a week is Monday to Sunday."""

import datetime
from zoneinfo import ZoneInfo

from .models import DAILY, WEEKLY

VILNIUS = ZoneInfo("Europe/Vilnius")
# Digests go out a few minutes after the period ends, so a change published at 23:59 is in.
GRACE = datetime.timedelta(minutes=5)
# After downtime the scheduler catches up on this many missed periods, no more.
CATCH_UP = {DAILY: 7, WEEKLY: 4}


def local_date(moment):
    return moment.astimezone(VILNIUS).date()


def period_start_of(frequency, day):
    """The first day of the period that contains `day`."""
    return day - datetime.timedelta(days=day.weekday()) if frequency == WEEKLY else day


def next_period_start(frequency, start):
    return start + datetime.timedelta(days=7 if frequency == WEEKLY else 1)


def period_bounds(frequency, start):
    """[start, end) as aware datetimes; built from local midnights, so a DST day is 23 or 25 hours."""
    end = next_period_start(frequency, start)
    as_moment = lambda day: datetime.datetime.combine(day, datetime.time.min, tzinfo=VILNIUS)  # noqa: E731
    return as_moment(start), as_moment(end)


def last_due_period(frequency, now):
    """The start of the latest period that has ended (plus the grace minutes) by `now`."""
    current = period_start_of(frequency, local_date(now - GRACE))
    return current - datetime.timedelta(days=7 if frequency == WEEKLY else 1)


def due_periods(frequency, now, last_done=None):
    """Periods to write digests for: those after `last_done` up to the latest due, at most CATCH_UP."""
    latest = last_due_period(frequency, now)
    step = datetime.timedelta(days=7 if frequency == WEEKLY else 1)
    earliest = latest - step * (CATCH_UP[frequency] - 1)
    if last_done is not None:
        earliest = max(earliest, next_period_start(frequency, last_done))
    else:
        earliest = latest
    periods = []
    while earliest <= latest:
        periods.append(earliest)
        earliest += step
    return periods
