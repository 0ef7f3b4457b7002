"""Missed-call text-back through signed voice webhooks and the local Twilio-compatible server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from gateway.models import Handoff, Message
from tests.conftest import PATIENT_NUMBER
from tests.gateway.twilio.test_voice import PhoneCall

ZONES = (
    "Pacific/Honolulu",
    "America/Los_Angeles",
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
)


def daytime_zone(now: datetime) -> str:
    """A zone where the real clock (which voice webhooks use) reads 09:00-18:00."""
    return next(z for z in ZONES if 9 <= now.astimezone(ZoneInfo(z)).hour < 18)


def night_zone(now: datetime) -> str:
    return next(z for z in ZONES if not 7 <= now.astimezone(ZoneInfo(z)).hour < 21)


def test_missed_call_gets_one_text_back_a_day_and_the_reply_goes_to_scheduling(
    twilio_post, run_worker, send_sms, fake_twilio, session, create_patient
):
    create_patient(phone=PATIENT_NUMBER, time_zone=daytime_zone(datetime.now(UTC)))
    for _ in range(2):
        call = PhoneCall(post=twilio_post)
        call.ring()
        call.ends("no-answer")
    run_worker(datetime.now(UTC) + timedelta(seconds=1))
    (text,) = fake_twilio.messages
    assert text["To"] == PATIENT_NUMBER and "Sorry we missed your call" in text["Body"]
    send_sms("I wanted to book a checkup")
    run_worker()
    session.expire_all()
    handoff = session.exec(sa.select(Handoff)).scalar_one()
    assert handoff.queue == "scheduling"


def test_missed_call_at_night_is_texted_back_in_the_morning(
    twilio_post, run_worker, fake_twilio, session, create_patient
):
    now = datetime.now(UTC)
    zone = night_zone(now)
    create_patient(phone=PATIENT_NUMBER, time_zone=zone)
    call = PhoneCall(post=twilio_post)
    call.ring()
    call.ends("no-answer")
    run_worker(datetime.now(UTC) + timedelta(seconds=1))
    assert fake_twilio.messages == []
    queued = session.exec(
        sa.select(Message).where(Message.to_number == PATIENT_NUMBER)
    ).scalar_one()
    assert queued.next_attempt_at.astimezone(ZoneInfo(zone)).strftime("%H:%M") == "08:00"
