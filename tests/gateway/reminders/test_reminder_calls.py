"""Landlines get the reminder as a call: the real twilio client's Calls API against the local
Twilio-compatible server, then signed TwiML webhooks for the menu and the keys pressed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from gateway.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Handoff,
    Reminder,
    ReminderStatus,
)
from tests.conftest import ACCOUNT_SID, CLINIC_NUMBER, PATIENT_NUMBER
from tests.gateway.reminders.conftest import row

ZONE = ZoneInfo("America/New_York")


def next_morning() -> datetime:
    day = datetime.now(UTC).astimezone(ZONE).date() + timedelta(days=1)
    return datetime.combine(day, time(10), tzinfo=ZONE).astimezone(UTC)


@pytest.fixture
def reminder_call(import_csv, run_worker, fake_twilio, twilio_post):
    """Import a landline patient's visit, run the worker at the reminder's time: the call."""

    def make(lang: str = "en"):
        due = next_morning()
        start = (due.astimezone(ZONE) + timedelta(days=3)).strftime("%Y-%m-%d 09:30")
        import_csv(
            [row(phone=PATIENT_NUMBER, phone_type="landline", language=lang, start=start)],
            now=datetime.now(UTC),
        )
        run_worker(due)
        (call,) = fake_twilio.calls
        parts = urlsplit(call["Url"])
        return call, parts.path + "?" + parts.query

    return make


def post_call(twilio_post, path: str, call_sid: str, **fields: str):
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": call_sid,
        "From": CLINIC_NUMBER,
        "To": PATIENT_NUMBER,
        "CallStatus": "in-progress",
        "Direction": "outbound-api",
        **fields,
    }
    response = twilio_post(path, form)
    assert response.status_code == 200 and response.mimetype == "text/xml"
    return ET.fromstring(response.get_data())  # noqa: S314 - our own TwiML


def test_landline_gets_a_call_not_a_text_and_key_1_confirms(
    reminder_call, twilio_post, fake_twilio, session, run_worker
):
    call, path = reminder_call()
    assert call["To"] == PATIENT_NUMBER and call["From"] == CLINIC_NUMBER
    assert call["MachineDetection"] == "DetectMessageEnd"
    assert fake_twilio.messages == []
    reminder = session.exec(sa.select(Reminder).where(Reminder.kind == "confirmation")).scalar_one()
    assert (reminder.status, reminder.call_sid) == (ReminderStatus.SENT, call["sid"])

    menu = post_call(twilio_post, path, call["sid"], AnsweredBy="human")
    gather = menu.find("Gather")
    assert gather is not None and gather.get("numDigits") == "1"
    assert "Press 1 to confirm, 2 to reschedule, 3 to cancel" in gather.find("Say").text

    keypress = gather.get("action").removeprefix("https://gateway.test")
    for _ in range(2):  # Twilio retries: the key counts once
        answer = post_call(twilio_post, keypress, call["sid"], Digits="1")
        assert "your visit is confirmed" in answer.find("Say").text
    session.expire_all()
    assert session.exec(sa.select(Appointment.status)).scalar_one() == AppointmentStatus.CONFIRMED
    confirmations = session.exec(
        sa.select(AuditEvent).where(AuditEvent.action == "appointment_confirmed")
    ).all()
    assert len(confirmations) == 1
    run_worker(next_morning() + timedelta(hours=1))
    assert len(fake_twilio.calls) == 1 and fake_twilio.messages == []


def test_spanish_landline_hears_spanish_and_key_1_confirms(reminder_call, twilio_post, session):
    call, path = reminder_call("es")
    menu = post_call(twilio_post, path, call["sid"], AnsweredBy="human")
    gather = menu.find("Gather")
    say = gather.find("Say")
    assert say.get("language") == "es-US" and "Marque 1 para confirmar" in say.text

    keypress = gather.get("action").removeprefix("https://gateway.test")
    answer = post_call(twilio_post, keypress, call["sid"], Digits="1")
    said = answer.find("Say")
    assert said.get("language") == "es-US" and "su cita queda confirmada" in said.text
    session.expire_all()
    assert session.exec(sa.select(Appointment.status)).scalar_one() == AppointmentStatus.CONFIRMED


def test_answering_machine_gets_a_short_message_and_no_menu(reminder_call, twilio_post):
    call, path = reminder_call()
    message = post_call(twilio_post, path, call["sid"], AnsweredBy="machine_end_beep")
    assert message.find("Gather") is None
    assert "please call us at (202) 555-0100" in message.find("Say").text


def test_key_2_hands_off_to_scheduling_and_key_3_cancels(reminder_call, twilio_post, session):
    call, path = reminder_call()
    keypress = path.replace("/reminder?", "/reminder/keypress?")
    answer = post_call(twilio_post, keypress, call["sid"], Digits="2")
    assert "scheduling team will call you" in answer.find("Say").text
    session.expire_all()
    assert session.exec(sa.select(Handoff.queue)).scalar_one() == "scheduling"
    assert (
        session.exec(sa.select(Appointment.status)).scalar_one()
        == AppointmentStatus.RESCHEDULE_REQUESTED
    )
    answer = post_call(twilio_post, keypress, call["sid"], Digits="3")
    assert "Your visit is cancelled" in answer.find("Say").text
    session.expire_all()
    assert session.exec(sa.select(Appointment.status)).scalar_one() == AppointmentStatus.CANCELLED


def test_key_9_repeats_the_menu(reminder_call, twilio_post):
    call, path = reminder_call()
    keypress = path.replace("/reminder?", "/reminder/keypress?")
    again = post_call(twilio_post, keypress, call["sid"], Digits="9")
    assert "Press 1 to confirm" in again.find("Gather").find("Say").text


def test_unsigned_reminder_webhook_is_refused(reminder_call, client):
    _call, path = reminder_call()
    assert client.post(path, data={"CallSid": "CA1"}).status_code == 403


def test_calls_keep_quiet_hours(import_csv, run_worker, fake_twilio, session, clinic):
    from gateway.models import ReminderPolicy

    session.add(ReminderPolicy(clinic_id=clinic.id, settings={"send_time": "19:00"}))
    session.commit()
    import_csv(
        [row(phone_type="landline", start="2026-11-24 09:30")],
        now=datetime(2026, 11, 15, tzinfo=UTC),
    )
    run_worker(datetime(2026, 11, 22, 2, 30, tzinfo=UTC))  # Sat 21:30 in New York
    assert fake_twilio.calls == []
    session.expire_all()
    reminder = session.exec(sa.select(Reminder).where(Reminder.kind == "confirmation")).scalar_one()
    assert (reminder.status, reminder.reason) == (ReminderStatus.PENDING, "quiet_hours")
    run_worker(datetime(2026, 11, 22, 13, 0, tzinfo=UTC))  # Sun 08:00
    assert len(fake_twilio.calls) == 1
