"""Response-time policy: categories, business days with holidays, the daily aging list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from gateway.models import Clinic, Handoff
from gateway.staff.policy import Category, aging_after, category_for, parse_holidays

CLINIC = Clinic(
    slug="x",
    name="X",
    phone="1",
    time_zone="America/New_York",
    hours={str(d): ["08:00", "17:00"] for d in range(5)},
)


@pytest.mark.parametrize(
    ("opened", "holidays", "aging_at"),
    [
        # Tuesday 10:00 New York -> Wednesday 10:00
        (datetime(2026, 12, 1, 15, 0, tzinfo=UTC), "", datetime(2026, 12, 2, 15, 0, tzinfo=UTC)),
        # Friday -> Monday (the weekend is not a business day)
        (datetime(2026, 12, 4, 15, 0, tzinfo=UTC), "", datetime(2026, 12, 7, 15, 0, tzinfo=UTC)),
        # Thursday before Christmas Friday -> Monday
        (
            datetime(2026, 12, 24, 15, 0, tzinfo=UTC),
            "2026-12-25",
            datetime(2026, 12, 28, 15, 0, tzinfo=UTC),
        ),
    ],
)
def test_one_business_day_skips_weekends_and_holidays(opened, holidays, aging_at):
    assert aging_after(opened, CLINIC, parse_holidays(holidays)) == aging_at


def test_each_queue_has_a_category():
    assert category_for("emergency") is Category.IMMEDIATE
    assert category_for("clinical") is Category.SAME_DAY
    assert category_for("billing") is Category.BATCH
    assert parse_holidays("2026-12-25, nonsense,") == {date(2026, 12, 25)}


def test_the_daily_list_shows_what_waited_over_a_business_day(
    send_sms, run_worker, session, signed_in
):
    send_sms("can I get a refill of my inhaler", from_="+12025550151")
    send_sms("I need a refill on my blood pressure pills", from_="+12025550152")
    run_worker()
    old = session.execute(sa.select(Handoff).order_by(Handoff.id)).scalars().first()
    old.opened_at = datetime.now(UTC) - timedelta(days=5)
    session.add(old)
    session.commit()
    nurse = signed_in("clinical")

    aging = nurse.get("/staff/aging").get_data(as_text=True)
    queue = nurse.get("/staff/").get_data(as_text=True)

    assert aging.count('class="queue-row') == 1 and f'data-handoff="{old.id}"' in aging
    assert "AGING" in aging and queue.count("AGING") == 1
    assert "Next business day" in queue
