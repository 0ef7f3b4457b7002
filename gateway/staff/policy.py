"""Response-time policy: each queue's category, business days with holidays, aging.

The promise to the patient is the handoff's `due_at`, set by `flows.hours` from the clinic's
`response_minutes` when the handoff opened; past it, a handoff is *overdue*. Each queue also
has a category a person can read at a glance (immediate, same day, next business day, batch),
and a handoff still unresolved more than one business day after it opened is *aging*: the daily
list (`/staff/aging`) shows every one of them. Business days are the clinic's open weekdays
minus `STAFF_HOLIDAYS`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from gateway.models import Clinic

#: How far ahead we look for a business day before giving up (a clinic closed for weeks).
MAX_DAYS_AHEAD = 30


class Category(StrEnum):
    IMMEDIATE = "immediate"
    SAME_DAY = "same_day"
    NEXT_BUSINESS_DAY = "next_business_day"
    BATCH = "batch"


CATEGORY_BY_QUEUE = {
    "emergency": Category.IMMEDIATE,
    "clinical": Category.SAME_DAY,
    "manager": Category.SAME_DAY,
    "refills": Category.NEXT_BUSINESS_DAY,
    "scheduling": Category.NEXT_BUSINESS_DAY,
    "front_desk": Category.NEXT_BUSINESS_DAY,
    "billing": Category.BATCH,
    "records": Category.BATCH,
}

CATEGORY_LABELS = {
    Category.IMMEDIATE: "Immediate",
    Category.SAME_DAY: "Same day",
    Category.NEXT_BUSINESS_DAY: "Next business day",
    Category.BATCH: "Batch (within a few business days)",
}


def category_for(queue: str) -> Category:
    return CATEGORY_BY_QUEUE.get(queue, Category.NEXT_BUSINESS_DAY)


def parse_holidays(value: str) -> frozenset[date]:
    days = set()
    for part in (value or "").split(","):
        part = part.strip()
        if part:
            try:
                days.add(date.fromisoformat(part))
            except ValueError:
                continue
    return frozenset(days)


def is_business_day(day: date, clinic: Clinic, holidays: frozenset[date]) -> bool:
    hours = clinic.hours or {str(d): ["08:00", "17:00"] for d in range(5)}
    return str(day.weekday()) in hours and day not in holidays


def aging_after(opened_at: datetime, clinic: Clinic, holidays: frozenset[date]) -> datetime:
    """The moment a handoff opened at `opened_at` has waited one full business day."""
    zone = ZoneInfo(clinic.time_zone)
    local = opened_at.astimezone(zone)
    day = local.date()
    for _ in range(MAX_DAYS_AHEAD):
        day += timedelta(days=1)
        if is_business_day(day, clinic, holidays):
            return datetime.combine(day, local.timetz().replace(tzinfo=None), zone)
    return opened_at + timedelta(days=1)


def is_aging(opened_at: datetime, now: datetime, clinic: Clinic, holidays: frozenset[date]) -> bool:
    return now > aging_after(opened_at, clinic, holidays)
