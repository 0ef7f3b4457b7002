"""The SMS-pumping guard: replies only to plausible numbers in allowed countries, and a cap per
number per hour. Signed webhooks, SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from gateway.models import AuditEvent, Direction, Handoff, Message, MessageKind

FOREIGN = "+2348012345678"  # a valid Nigerian mobile number
IMPOSSIBLE = "+15555550123"  # possible-looking, not a valid number


def texts_to(session, number):
    session.expire_all()
    return session.exec(
        select(Message).where(Message.direction == Direction.OUTBOUND, Message.to_number == number)
    ).all()


def withheld(session) -> list[str]:
    session.expire_all()
    events = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_withheld")).all()
    return [event.detail["reason"] for event in events]


@pytest.mark.parametrize("number", [FOREIGN, IMPOSSIBLE])
def test_a_number_outside_the_allowed_countries_gets_no_automated_text(send_sms, session, number):
    send_sms("what's the portal link", from_=number)
    assert texts_to(session, number) == []
    assert withheld(session) == ["country"]
    session.expire_all()
    [message] = session.exec(select(Message).where(Message.direction == Direction.INBOUND)).all()
    assert message.processed_at is not None  # stored and triaged all the same


def test_a_clinical_text_from_abroad_still_reaches_a_person(send_sms, session):
    send_sms("my incision from surgery is red and oozing", from_=FOREIGN)
    assert texts_to(session, FOREIGN) == []
    [handoff] = session.exec(select(Handoff)).all()
    assert handoff.queue == "clinical"


@pytest.mark.parametrize("settings_overrides", [{"reply_countries": "*"}])
def test_every_country_can_be_allowed(send_sms, session):
    send_sms("what's the portal link", from_=FOREIGN)
    assert len(texts_to(session, FOREIGN)) == 1


@pytest.mark.parametrize("settings_overrides", [{"max_replies_per_hour": 3}])
def test_one_number_gets_at_most_the_hourly_cap_but_an_emergency_still_gets_911(send_sms, session):
    number = "+12025556001"
    for _ in range(5):
        send_sms("what's the portal link", from_=number)
    assert len(texts_to(session, number)) == 3
    assert withheld(session) == ["hourly_cap", "hourly_cap"]

    send_sms("my chest is crushing and my left arm is numb", from_=number)
    assert texts_to(session, number)[-1].kind == MessageKind.EMERGENCY
