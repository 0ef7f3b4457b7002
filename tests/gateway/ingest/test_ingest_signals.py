"""Signals on the inbound path: Twilio's own opt-out verdict, spoken keywords in voicemail,
texts from our own numbers, failed recordings. Signed webhooks, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from gateway.models import (
    AuditEvent,
    Call,
    CallStatus,
    Contact,
    Direction,
    Handoff,
    Message,
    MessageChannel,
)
from tests.conftest import ACCOUNT_SID, CLINIC_NUMBER, PATIENT_NUMBER


def texts_to(session, number=PATIENT_NUMBER):
    session.expire_all()
    return session.exec(
        select(Message).where(Message.direction == Direction.OUTBOUND, Message.to_number == number)
    ).all()


def contact(session, number=PATIENT_NUMBER):
    session.expire_all()
    return session.exec(select(Contact).where(Contact.phone == number)).one()


def handoffs(session):
    session.expire_all()
    return session.exec(select(Handoff).order_by(Handoff.id)).all()


# ----------------------------------------------------------------------------- OptOutType


carrier = pytest.mark.parametrize("settings_overrides", [{"twilio_handles_keywords": True}])


@carrier
def test_twilios_stop_verdict_opts_out_a_word_outside_our_lists_with_no_second_text(
    send_sms, session
):
    send_sms("ENOUGH", OptOutType="STOP")  # a clinic-configured keyword we do not know
    patient = contact(session)
    assert patient.is_opted_out and patient.opt_out_keyword == "enough"
    assert texts_to(session) == []  # Twilio already confirmed it


@carrier
def test_twilios_start_verdict_opts_back_in_silently(send_sms, session):
    send_sms("STOP", OptOutType="STOP")
    send_sms("RESUME", OptOutType="START")
    patient = contact(session)
    assert not patient.is_opted_out and patient.opted_in_at is not None
    assert texts_to(session) == []


@carrier
def test_twilios_help_verdict_gets_no_second_help_text(send_sms, session):
    send_sms("INFO please", OptOutType="HELP")
    assert texts_to(session) == []
    assert not contact(session).is_opted_out


@carrier
def test_an_emergency_still_wins_over_the_carriers_verdict(send_sms, session):
    send_sms("stop, my chest is crushing and my arm is numb", OptOutType="STOP")
    [reply] = texts_to(session)
    assert "911" in reply.body


def test_without_twilios_verdict_an_unknown_word_is_not_an_opt_out(send_sms, session):
    send_sms("ENOUGH")
    assert not contact(session).is_opted_out


# ----------------------------------------------------------------------------- voicemail


def voicemail(twilio_post, text: str, from_: str = PATIENT_NUMBER):
    recording_sid = "RE" + uuid.uuid4().hex
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": "CA" + uuid.uuid4().hex,
        "RecordingSid": recording_sid,
        "From": from_,
        "To": CLINIC_NUMBER,
        "TranscriptionStatus": "completed",
        "TranscriptionText": text,
    }
    assert twilio_post("/twilio/voice/transcription", form).status_code == 200
    return recording_sid


@pytest.mark.parametrize("spoken", ["cancel", "Stop.", "unsubscribe", "help"])
def test_a_spoken_keyword_reaches_a_person_and_opts_nobody_out(twilio_post, session, spoken):
    voicemail(twilio_post, spoken)
    assert not contact(session).is_opted_out
    [handoff] = handoffs(session)
    assert "keyword" in handoff.note["summary"]
    assert spoken in handoff.note["transcript"][-1]["body"]  # what was heard
    replies = texts_to(session)
    assert all("unsubscribed" not in reply.body.lower() for reply in replies)
    assert all("STOP" not in reply.body for reply in replies)


# ----------------------------------------------------------------------------- own numbers


@pytest.mark.parametrize("settings_overrides", [{"twilio_from_number": "+12025550177"}])
@pytest.mark.parametrize("ours", [CLINIC_NUMBER, "+12025550177"])
def test_a_text_from_one_of_our_own_numbers_is_stored_and_answered_by_nobody(
    send_sms, session, ours
):
    send_sms("Riverside Clinic: your visit is confirmed.", from_=ours)
    session.expire_all()
    [message] = session.exec(select(Message).where(Message.direction == Direction.INBOUND)).all()
    assert message.processed_at is not None and message.triage["decided_by"] == "own_number"
    assert session.exec(select(Message).where(Message.direction == Direction.OUTBOUND)).all() == []
    assert handoffs(session) == []
    actions = [event.action for event in session.exec(select(AuditEvent)).all()]
    assert "inbound_from_own_number" in actions


def test_an_on_call_number_is_a_person_not_us(send_sms, session):
    from tests.conftest import ON_CALL_NUMBER

    send_sms("what's the portal link", from_=ON_CALL_NUMBER)
    assert len(texts_to(session, ON_CALL_NUMBER)) == 1


# ----------------------------------------------------------------------------- recordings


def test_a_failed_recording_is_not_a_voicemail(twilio_post, session):
    call_sid, recording_sid = "CA" + uuid.uuid4().hex, "RE" + uuid.uuid4().hex
    call = {"AccountSid": ACCOUNT_SID, "CallSid": call_sid, "From": PATIENT_NUMBER}
    call["To"] = CLINIC_NUMBER
    recording = {"RecordingSid": recording_sid, "RecordingDuration": "20"}
    recording["RecordingUrl"] = "https://api.twilio.com/rec/" + recording_sid
    twilio_post("/twilio/voice", call | {"CallStatus": "ringing"})
    twilio_post("/twilio/voice/recorded", call | recording)  # stored early, awaiting transcript
    response = twilio_post(
        "/twilio/voice/recording",
        {"AccountSid": ACCOUNT_SID, "CallSid": call_sid, "RecordingStatus": "failed"} | recording,
    )
    assert response.status_code == 200
    twilio_post("/twilio/voice/status", call | {"CallStatus": "completed"})

    session.expire_all()
    [stored] = session.exec(
        select(Message).where(Message.channel == MessageChannel.VOICEMAIL)
    ).all()
    assert stored.triage["decided_by"] == "recording_failed"
    assert handoffs(session) == []  # no "voicemail" for staff to play
    [row] = session.exec(select(Call)).all()
    assert row.status == CallStatus.MISSED  # the missed-call path applies instead
