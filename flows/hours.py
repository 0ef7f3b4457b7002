"""Response-time promises: when a reply is due, counted in the clinic's business hours.

Pure: `now` comes in as an argument. A clinic with no opening hours configured counts plain
minutes. Emergencies are never deferred to business hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flows.types import ClinicInfo, Queue

#: How far ahead we look for the next opening before giving up (a clinic closed for weeks).
MAX_DAYS_AHEAD = 21


def add_business_minutes(start: datetime, minutes: int, clinic: ClinicInfo) -> datetime:
    """`start` plus `minutes` of the clinic's opening hours, as an aware UTC datetime."""
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if not clinic.hours:
        return start + timedelta(minutes=minutes)
    zone = ZoneInfo(clinic.time_zone)
    local = start.astimezone(zone)
    remaining = timedelta(minutes=minutes)
    by_day = {span.weekday: span for span in clinic.hours}
    day = local.date()
    for _ in range(MAX_DAYS_AHEAD):
        span = by_day.get(day.weekday())
        if span is not None:
            opens = datetime.combine(day, span.opens, zone)
            closes = datetime.combine(day, span.closes, zone)
            begin = max(opens, local)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(start.tzinfo)
                remaining -= available
        day += timedelta(days=1)
        local = datetime.combine(day, datetime.min.time(), zone)
    return start + timedelta(minutes=minutes)


def reply_due(now: datetime, queue: Queue, clinic: ClinicInfo) -> datetime:
    """When the clinic promises a first human reply for `queue`."""
    minutes = clinic.response_minutes_for(queue)
    if queue is Queue.EMERGENCY:
        return now + timedelta(minutes=minutes)
    return add_business_minutes(now, minutes, clinic)
