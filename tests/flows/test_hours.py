"""Response-time promises count the clinic's business hours, in the clinic's time zone."""

from datetime import UTC, datetime, time

import pytest

from flows.hours import add_business_minutes, reply_due
from flows.types import ClinicInfo, OpeningHours, Queue

WEEKDAYS_8_TO_5 = tuple(OpeningHours(day, time(8), time(17)) for day in range(5))
CLINIC = ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100", hours=WEEKDAYS_8_TO_5)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        # Monday 10:00 New York (15:00 UTC) + 2 h -> Monday 12:00 New York.
        (utc(2026, 11, 23, 15, 0), 120, utc(2026, 11, 23, 17, 0)),
        # Monday 16:30 New York + 2 h -> 30 min today, 90 min from Tuesday 8:00 -> 9:30.
        (utc(2026, 11, 23, 21, 30), 120, utc(2026, 11, 24, 14, 30)),
        # Friday 19:00 New York (closed) + 1 h -> Monday 9:00.
        (utc(2026, 11, 28, 0, 0), 60, utc(2026, 11, 30, 14, 0)),
        # Saturday noon + 8 h -> Monday 16:00 (open 8:00-17:00).
        (utc(2026, 11, 28, 17, 0), 480, utc(2026, 11, 30, 21, 0)),
        # Before opening: Tuesday 6:00 New York + 30 min -> 8:30.
        (utc(2026, 11, 24, 11, 0), 30, utc(2026, 11, 24, 13, 30)),
    ],
)
def test_business_minutes_skip_nights_and_weekends(start, minutes, due):
    assert add_business_minutes(start, minutes, CLINIC) == due


def test_daylight_saving_change_keeps_local_opening_time():
    # Friday 2026-03-06 16:00 EST + 2 h -> Monday 2026-03-09 9:00 EDT (13:00 UTC).
    assert add_business_minutes(utc(2026, 3, 6, 21, 0), 120, CLINIC) == utc(2026, 3, 9, 13, 0)


def test_emergency_due_time_ignores_business_hours():
    saturday_night = utc(2026, 11, 29, 3, 0)
    assert (reply_due(saturday_night, Queue.EMERGENCY, CLINIC) - saturday_night).seconds == 15 * 60


def test_clinic_without_hours_counts_plain_minutes():
    open_all_day = ClinicInfo(name="x", phone="y")
    assert add_business_minutes(utc(2026, 11, 28, 3, 0), 90, open_all_day) == utc(
        2026, 11, 28, 4, 30
    )


def test_naive_start_is_refused():
    with pytest.raises(ValueError, match="aware"):
        add_business_minutes(datetime(2026, 11, 23, 10, 0), 10, CLINIC)  # noqa: DTZ001
