"""Unopened emergencies page the next on-call number; opening one stops the pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from gateway.models import Handoff, HandoffWork, Message, MessageKind
from tests.conftest import ON_CALL_NUMBER

BACKUP = "+12025550177"
SECOND_BACKUP = "+12025550178"


@pytest.fixture
def settings_overrides():
    return {"staff_ack_minutes": 5, "staff_escalation_numbers": f"{BACKUP}, {SECOND_BACKUP}"}


def pages_to(fake_twilio, number: str) -> list[str]:
    return [m["Body"] for m in fake_twilio.messages if m["To"] == number]


def test_an_emergency_nobody_opens_pages_the_next_number_without_phi(
    send_sms, run_worker, fake_twilio, create_patient, session
):
    create_patient(name="Ana Test")
    send_sms("my chest hurts and my left arm is numb")
    start = datetime.now(UTC)
    run_worker(start)
    assert pages_to(fake_twilio, ON_CALL_NUMBER)  # the first page, with the emergency

    run_worker(start + timedelta(minutes=3))
    assert pages_to(fake_twilio, BACKUP) == []
    run_worker(start + timedelta(minutes=6))
    run_worker(start + timedelta(minutes=7))  # a second tick in the same round pages no one

    [page] = pages_to(fake_twilio, BACKUP)
    row = session.execute(sa.select(Message).where(Message.to_number == BACKUP)).scalar_one()
    assert row.kind == MessageKind.PAGE
    assert "not been opened by staff" in page
    assert (
        "Ana" not in page and "chest" not in page and "0123" in page and "+12025550123" not in page
    )
    run_worker(start + timedelta(minutes=11))
    assert len(pages_to(fake_twilio, SECOND_BACKUP)) == 1
    work = session.execute(sa.select(HandoffWork)).scalar_one()
    assert work.ack_pages == 2


def test_an_opened_emergency_pages_no_one_else_and_records_the_time_to_view(
    send_sms, run_worker, fake_twilio, signed_in, session
):
    send_sms("I took all my pills and I want to die")
    start = datetime.now(UTC)
    run_worker(start)
    handoff = session.execute(sa.select(Handoff)).scalar_one()
    assert handoff.is_emergency

    nurse = signed_in("clinical")
    assert nurse.get(f"/staff/handoffs/{handoff.id}").status_code == 200
    run_worker(start + timedelta(minutes=30))

    assert pages_to(fake_twilio, BACKUP) == []
    work = session.execute(sa.select(HandoffWork)).scalar_one()
    assert work.emergency_viewed_at is not None
    assert work.emergency_viewed_at - handoff.opened_at < timedelta(minutes=1)
    assert session.execute(sa.select(Message.id).where(Message.to_number == BACKUP)).all() == []


def test_routing_an_old_handoff_to_emergency_starts_the_clock_then(
    send_sms, run_worker, fake_twilio, signed_in, session
):
    from tests.gateway.staff.conftest import csrf_of

    send_sms("what time do you open on saturday?")
    run_worker()
    handoff = session.execute(sa.select(Handoff)).scalar_one()
    handoff.opened_at = datetime.now(UTC) - timedelta(hours=3)
    session.add(handoff)
    session.commit()
    desk = signed_in("front_desk")
    page = f"/staff/handoffs/{handoff.id}"
    token = csrf_of(desk.get(page).get_data(as_text=True))
    desk.post(
        page + "/route",
        data={"csrf_token": token, "queue": "emergency", "reason": "called back: chest pain"},
    )

    run_worker(datetime.now(UTC) + timedelta(minutes=1))
    assert pages_to(fake_twilio, BACKUP) == []
    run_worker(datetime.now(UTC) + timedelta(minutes=6))
    assert len(pages_to(fake_twilio, BACKUP)) == 1
