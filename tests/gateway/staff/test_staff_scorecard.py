"""The manager's weekly scorecard: counts, medians per queue and per language, emergencies, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from gateway.models import Handoff, HandoffWork
from gateway.staff.scorecard import week_start
from tests.gateway.staff.conftest import csrf_of


def _open_and_answer(send_sms, run_worker, session, texts):
    """Each (text, phone, minutes to first reply or None) becomes one answered handoff."""
    ids = []
    for text, phone, minutes in texts:
        send_sms(text, from_=phone)
        run_worker()
        handoff = session.execute(sa.select(Handoff).order_by(Handoff.id.desc())).scalars().first()
        if minutes is not None:
            session.add(
                HandoffWork(
                    handoff_id=handoff.id,
                    first_reply_at=handoff.opened_at + timedelta(minutes=minutes),
                    emergency_viewed_at=handoff.opened_at + timedelta(minutes=2)
                    if handoff.is_emergency
                    else None,
                )
            )
            session.commit()
        ids.append(handoff.id)
    return ids


def test_the_week_in_figures_with_each_language_on_its_own(
    send_sms, run_worker, session, signed_in
):
    _open_and_answer(
        send_sms,
        run_worker,
        session,
        [
            ("can I get a refill of my inhaler", "+12025550161", 10),
            ("I need a refill on my blood pressure pills", "+12025550162", 30),
            ("necesito una receta nueva de mi medicina, por favor", "+12025550163", 300),
            ("my chest hurts", "+12025550164", 4),
            ("I need a refill on my metformin", "+12025550165", None),
        ],
    )
    manager = signed_in("manager")
    week = week_start(datetime.now(UTC).date()).isoformat()

    page = manager.get(f"/staff/scorecard?week={week}").get_data(as_text=True)
    rows = list(
        csv.reader(
            io.StringIO(manager.get(f"/staff/scorecard.csv?week={week}").get_data(as_text=True))
        )
    )

    values = {(r[0], r[1]): r[2] for r in rows[1:]}
    counts = {(r[0], r[1]): r[3] for r in rows[1:]}
    assert values[("totals", "opened")] == "5"
    assert values[("totals", "unresolved")] == "5"
    assert values[("median_minutes_by_language", "English")] == "10.0"  # 10, 30 and 4
    assert values[("median_minutes_by_language", "Spanish")] == "300.0"
    assert counts[("median_minutes_by_language", "English (no reply yet)")] == "1"
    assert values[("median_minutes_by_queue", "Refills")] == "30.0"  # 10, 30, 300
    assert values[("median_minutes_by_queue", "Emergency")] == "4.0"
    assert values[("top_reasons", "A prescription refill")] == "4"
    [emergency] = [r for r in rows if r[0] == "emergencies"]
    assert emergency[2] == "2.0"
    assert "Spanish" in page and "300.0 min" in page and "<progress" in page
    assert "Possible medical emergency" in page


def test_a_second_contact_for_the_same_need_counts_as_a_repeat(
    send_sms, run_worker, session, signed_in
):
    [first] = _open_and_answer(
        send_sms, run_worker, session, [("can I get a refill of my inhaler", "+12025550171", 5)]
    )
    handoff = session.get(Handoff, first)
    handoff.status = "resolved"
    handoff.resolved_at = datetime.now(UTC)
    session.add(handoff)
    session.commit()
    _open_and_answer(
        send_sms,
        run_worker,
        session,
        [("still need my inhaler refill please", "+12025550171", None)],
    )
    manager = signed_in("manager")

    rows = list(csv.reader(io.StringIO(manager.get("/staff/scorecard.csv").get_data(as_text=True))))

    assert ["totals", "repeat_contacts", "1", ""] in rows


def test_only_managers_and_admins_see_the_scorecard(signed_in):
    assert signed_in("clinical").get("/staff/scorecard").status_code == 403
    assert signed_in("admin").get("/staff/scorecard").status_code == 200
    assert csrf_of(signed_in("manager").get("/staff/scorecard").get_data(as_text=True))
