"""The voice line as transcripts: a signed call, a recording, a transcript; a voicemail in the
staff queue at the end of every path, exactly once."""

from __future__ import annotations

import logging
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import select

from gateway.ingest import process_ready
from gateway.models import (
    AuditEvent,
    Call,
    CallStatus,
    Contact,
    Direction,
    Handoff,
    HandoffStatus,
    Message,
    MessageChannel,
    MessageKind,
)
from gateway.voicemail import ANONYMOUS_CALLER
from tests.conftest import (
    ACCOUNT_SID,
    CLINIC_NUMBER,
    ON_CALL_NUMBER,
    PATIENT_NUMBER,
    PUBLIC_BASE_URL,
    sign,
)

CHEST_PAIN = "my chest hurts and my left arm is numb"
WITHHELD = "+266696687"  # what Twilio sends for an anonymous caller


def new_sid(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


@dataclass
class PhoneCall:
    """One patient's call, driven through the signed webhooks in the order a test chooses."""

    post: Any
    from_: str = PATIENT_NUMBER
    call_sid: str = field(default_factory=lambda: new_sid("CA"))
    recording_sid: str = field(default_factory=lambda: new_sid("RE"))

    @property
    def recording_url(self) -> str:
        return (
            f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}"
            f"/Recordings/{self.recording_sid}"
        )

    def _call_fields(self, status: str) -> dict[str, str]:
        return {
            "AccountSid": ACCOUNT_SID,
            "CallSid": self.call_sid,
            "From": self.from_,
            "To": CLINIC_NUMBER,
            "CallStatus": status,
            "Direction": "inbound",
            "ApiVersion": "2010-04-01",
        }

    def _recording_fields(self, duration: int) -> dict[str, str]:
        return {
            "RecordingSid": self.recording_sid,
            "RecordingUrl": self.recording_url,
            "RecordingDuration": str(duration),
        }

    def ring(self):
        return self.post("/twilio/voice", self._call_fields("ringing"))

    def record_action(self, duration: int = 30):
        form = self._call_fields("in-progress") | self._recording_fields(duration)
        return self.post("/twilio/voice/recorded", form | {"Digits": "hangup"})

    def recording_ready(self, duration: int = 30):
        # The recording status callback carries no From/To.
        form = {"AccountSid": ACCOUNT_SID, "CallSid": self.call_sid}
        form |= self._recording_fields(duration)
        form |= {
            "RecordingStatus": "completed",
            "RecordingChannels": "1",
            "RecordingSource": "RecordVerb",
        }
        return self.post("/twilio/voice/recording", form)

    def transcribed(self, text: str | None, *, status: str = "completed"):
        form = self._call_fields("completed") | {
            "RecordingSid": self.recording_sid,
            "RecordingUrl": self.recording_url,
            "TranscriptionSid": "TR" + self.recording_sid[2:],
            "TranscriptionStatus": status,
            "TranscriptionUrl": f"{self.recording_url}/Transcriptions",
        }
        if text is not None:
            form["TranscriptionText"] = text
        return self.post("/twilio/voice/transcription", form)

    def ends(self, status: str = "completed"):
        return self.post("/twilio/voice/status", self._call_fields(status))


@pytest.fixture
def phone_call(twilio_post):
    """`phone_call()` is a patient's call; `phone_call(from_=...)` someone else's."""

    def make(**fields: Any) -> PhoneCall:
        return PhoneCall(post=twilio_post, **fields)

    return make


def assert_twiml(response) -> ET.Element:
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    root = ET.fromstring(response.get_data())  # noqa: S314 - our own TwiML, not untrusted input
    assert root.tag == "Response"
    return root


def voicemails(session) -> list[Message]:
    session.expire_all()
    return session.exec(
        select(Message).where(Message.channel == MessageChannel.VOICEMAIL).order_by(Message.id)
    ).all()


def handoffs(session) -> list[Handoff]:
    session.expire_all()
    return session.exec(select(Handoff).order_by(Handoff.id)).all()


def texts_to(session, number: str) -> list[Message]:
    session.expire_all()
    return session.exec(
        select(Message)
        .where(Message.direction == Direction.OUTBOUND, Message.to_number == number)
        .order_by(Message.id)
    ).all()


def audits(session, action: str) -> list[AuditEvent]:
    session.expire_all()
    return session.exec(select(AuditEvent).where(AuditEvent.action == action)).all()


def the_call(session, call: PhoneCall) -> Call:
    session.expire_all()
    return session.exec(select(Call).where(Call.call_sid == call.call_sid)).one()


def count(session, model) -> int:
    session.expire_all()
    return session.exec(select(sa.func.count()).select_from(model)).one()


# ----------------------------------------------------------------------------- the greeting


def test_incoming_call_is_greeted_in_english_and_spanish_then_recorded(phone_call, session):
    call = phone_call()
    root = assert_twiml(call.ring())

    says = root.findall("Say")
    assert [say.get("language") for say in says[:2]] == ["en-US", "es-US"]
    english, spanish = says[0].text, says[1].text
    assert "Riverside Clinic" in english and "911" in english
    assert "Riverside Clinic" in spanish and "911" in spanish and english != spanish
    [record] = root.findall("Record")
    assert record.get("action") == f"{PUBLIC_BASE_URL}/twilio/voice/recorded"
    assert record.get("recordingStatusCallback") == f"{PUBLIC_BASE_URL}/twilio/voice/recording"
    assert record.get("recordingStatusCallbackEvent") == "completed"
    assert record.get("transcribe") == "true"
    assert record.get("transcribeCallback") == f"{PUBLIC_BASE_URL}/twilio/voice/transcription"
    assert record.get("playBeep") == "true"
    assert 120 <= int(record.get("maxLength")) <= 600
    assert 1 <= int(record.get("timeout")) <= 10
    # The greeting comes before the beep; a silent caller still hears goodbye.
    children = [child.tag for child in root]
    assert children.index("Record") > children.index("Say")
    assert children[-1] == "Hangup"

    row = the_call(session, call)
    assert row.status == CallStatus.RINGING
    contact = session.get(Contact, row.contact_id)
    assert contact.phone == PATIENT_NUMBER


def test_a_retried_incoming_call_changes_nothing(phone_call, session):
    call = phone_call(from_="(202) 555-0123")  # normalised to E.164
    first = call.ring().get_data()
    second = call.ring().get_data()

    assert first == second
    assert count(session, Call) == 1
    assert [c.phone for c in session.exec(select(Contact)).all()] == [PATIENT_NUMBER]


@pytest.mark.parametrize("caller", [WITHHELD, "anonymous", "", "client:front-desk"])
def test_a_withheld_number_is_greeted_and_its_voicemail_still_reaches_staff(
    phone_call, session, caller
):
    call = phone_call(from_=caller)
    root = assert_twiml(call.ring())
    assert root.find("Record") is not None
    assert the_call(session, call).contact_id is None

    assert_twiml(call.recording_ready(duration=20))
    assert_twiml(call.transcribed("please call me back about my appointment"))

    [voicemail] = voicemails(session)
    assert voicemail.from_number == f"{ANONYMOUS_CALLER}:{the_call(session, call).id}"
    assert voicemail.processed_at is not None
    [handoff] = handoffs(session)
    assert handoff.status == HandoffStatus.OPEN
    assert session.exec(select(Contact).where(Contact.phone == WITHHELD)).first() is None
    assert texts_to(session, voicemail.from_number) == []  # nobody to text


def test_withheld_callers_never_share_a_contact_a_consent_or_a_handoff(phone_call, session):
    """One withheld caller saying "stop" must not opt out, or merge with, another."""
    first, second = phone_call(from_=WITHHELD), phone_call(from_=WITHHELD)
    for call, words in ((first, "stop calling me about this"), (second, CHEST_PAIN)):
        call.ring()
        call.recording_ready(duration=20)
        call.transcribed(words)

    contacts = session.exec(
        select(Contact).where(Contact.phone.startswith(ANONYMOUS_CALLER))  # type: ignore[union-attr]
    ).all()
    assert len(contacts) == 2
    assert not any(contact.is_opted_out for contact in contacts)
    assert len({handoff.conversation_id for handoff in handoffs(session)}) == 2
    assert any(handoff.is_emergency for handoff in handoffs(session))


def test_the_record_action_says_goodbye_and_hangs_up(phone_call):
    call = phone_call()
    call.ring()
    root = assert_twiml(call.record_action())
    assert [child.tag for child in root][-1] == "Hangup"
    assert "Goodbye" in root.find("Say").text


# ----------------------------------------------------------------------------- voicemails


def test_chest_pain_voicemail_becomes_an_emergency_handoff_with_the_recording(phone_call, session):
    call = phone_call()
    call.ring()
    call.record_action(duration=12)
    call.recording_ready(duration=12)
    assert handoffs(session) == []  # waiting for the transcript
    assert_twiml(call.transcribed(CHEST_PAIN))

    [voicemail] = voicemails(session)
    assert voicemail.direction == Direction.INBOUND
    assert voicemail.body == CHEST_PAIN
    assert voicemail.twilio_sid == call.recording_sid
    assert voicemail.call_sid == call.call_sid
    assert voicemail.recording_url == call.recording_url
    [handoff] = handoffs(session)
    assert handoff.is_emergency and handoff.priority == 0
    assert handoff.note["recording_url"] == call.recording_url
    assert voicemail.handoff_id == handoff.id
    assert [m.kind for m in texts_to(session, ON_CALL_NUMBER)] == [MessageKind.PAGE]
    assert MessageKind.EMERGENCY in [m.kind for m in texts_to(session, PATIENT_NUMBER)]
    assert the_call(session, call).status == CallStatus.VOICEMAIL


def test_a_failed_transcription_still_reaches_the_queue_with_the_recording(phone_call, session):
    call = phone_call()
    call.ring()
    call.recording_ready(duration=45)
    assert_twiml(call.transcribed(None, status="failed"))

    [voicemail] = voicemails(session)
    assert voicemail.body == ""
    assert voicemail.processed_at is not None
    [handoff] = handoffs(session)
    assert handoff.status == HandoffStatus.OPEN
    assert "no transcript" in handoff.note["summary"].lower()
    assert handoff.note["recording_url"] == call.recording_url


@pytest.mark.parametrize("seconds", [1, 2, 120, 150])
def test_a_recording_twilio_will_not_transcribe_is_queued_at_once(phone_call, session, seconds):
    call = phone_call()
    call.ring()
    assert_twiml(call.recording_ready(duration=seconds))

    [voicemail] = voicemails(session)
    assert voicemail.processed_at is not None
    [handoff] = handoffs(session)
    assert "no transcript" in handoff.note["summary"].lower()
    assert handoff.note["recording_url"] == call.recording_url


def test_a_recording_in_the_transcription_window_waits_for_its_transcript(phone_call, session):
    call = phone_call()
    call.ring()
    call.record_action(duration=30)
    call.recording_ready(duration=30)

    [voicemail] = voicemails(session)
    assert voicemail.processed_at is None
    assert handoffs(session) == []


def test_a_retried_transcription_is_stored_once_and_processed_once(phone_call, session):
    call = phone_call()
    call.ring()
    call.recording_ready(duration=20)
    for _ in range(3):
        assert_twiml(call.transcribed("I need to reschedule my appointment next week"))

    [voicemail] = voicemails(session)
    assert voicemail.body == "I need to reschedule my appointment next week"
    assert len(handoffs(session)) == 1
    assert len(audits(session, "handoff_opened")) == 1
    assert len(texts_to(session, PATIENT_NUMBER)) == 1  # one acknowledgement, not three


@pytest.mark.parametrize(
    "order",
    [
        ("action", "recording", "transcription"),
        ("transcription", "recording", "action"),
        ("recording", "transcription", "action"),
        ("transcription", "action", "recording"),
    ],
)
def test_callbacks_in_any_order_make_one_voicemail_processed_once(phone_call, session, order):
    call = phone_call()
    call.ring()
    steps = {
        "action": lambda: call.record_action(duration=25),
        "recording": lambda: call.recording_ready(duration=25),
        "transcription": lambda: call.transcribed(CHEST_PAIN),
    }
    for step in order:
        assert_twiml(steps[step]())

    [voicemail] = voicemails(session)
    assert voicemail.body == CHEST_PAIN  # the transcript, never overwritten by an empty body
    assert voicemail.recording_url == call.recording_url
    [handoff] = handoffs(session)
    assert handoff.is_emergency
    assert len(audits(session, "handoff_opened")) == 1
    assert len(texts_to(session, ON_CALL_NUMBER)) == 1


def test_a_voicemail_whose_transcript_never_comes_is_swept_after_ten_minutes(
    phone_call, session, app
):
    call = phone_call()
    call.ring()
    call.recording_ready(duration=40)
    [voicemail] = voicemails(session)
    engine = app.extensions["gateway"].engine

    assert process_ready(engine=engine, now=voicemail.created_at + timedelta(minutes=9)) == []
    assert voicemails(session)[0].processed_at is None
    assert handoffs(session) == []

    outbox_ids = process_ready(engine=engine, now=voicemail.created_at + timedelta(minutes=10))
    [handoff] = handoffs(session)
    # The patient hears back: "we got your voicemail", to be sent by the worker.
    assert outbox_ids == [m.id for m in texts_to(session, PATIENT_NUMBER)]
    assert "no transcript" in handoff.note["summary"].lower()
    assert handoff.note["recording_url"] == call.recording_url
    assert voicemails(session)[0].processed_at is not None

    # A second sweep, and a transcript that turns up late, change nothing.
    assert process_ready(engine=engine, now=datetime.now(UTC) + timedelta(hours=1)) == []
    assert_twiml(call.transcribed("please call me back"))
    assert len(handoffs(session)) == 1
    assert len(audits(session, "handoff_opened")) == 1


# ----------------------------------------------------------------------------- call status


@pytest.mark.parametrize("status", ["completed", "busy", "no-answer", "failed", "canceled"])
def test_a_call_that_ends_with_no_recording_is_missed_once(phone_call, session, status):
    call = phone_call()
    call.ring()
    assert_twiml(call.ends("in-progress"))
    assert the_call(session, call).status == CallStatus.RINGING

    for _ in range(2):  # a retried callback records nothing new
        assert_twiml(call.ends(status))

    row = the_call(session, call)
    assert row.status == CallStatus.MISSED
    assert row.ended_at is not None
    [event] = audits(session, "call_missed")
    assert event.subject_id == row.id
    assert voicemails(session) == []


def test_a_call_that_left_a_voicemail_is_not_missed(phone_call, session):
    call = phone_call()
    call.ring()
    call.record_action(duration=30)  # before hang-up; the file and transcript come later
    call.ends("completed")
    call.recording_ready(duration=30)

    row = the_call(session, call)
    assert row.status == CallStatus.VOICEMAIL
    assert row.recording_sid == call.recording_sid
    assert row.ended_at is not None
    assert audits(session, "call_missed") == []


def test_a_silent_recording_is_no_voicemail_and_the_call_is_missed(phone_call, session):
    call = phone_call()
    call.ring()
    assert_twiml(call.record_action(duration=0))
    response = call.post(
        "/twilio/voice/recording",
        {
            "AccountSid": ACCOUNT_SID,
            "CallSid": call.call_sid,
            "RecordingSid": call.recording_sid,
            "RecordingStatus": "absent",
            "RecordingDuration": "0",
        },
    )
    assert_twiml(response)
    call.ends("completed")

    assert voicemails(session) == []
    assert the_call(session, call).status == CallStatus.MISSED


def test_a_status_callback_for_an_unknown_call_still_records_it(phone_call, session):
    call = phone_call()
    assert_twiml(call.ends("no-answer"))
    assert the_call(session, call).status == CallStatus.MISSED


# ----------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "step", ["ring", "record_action", "recording_ready", "transcribed", "ends"]
)
def test_a_forged_signature_is_refused_and_changes_nothing(twilio_post, session, step):
    def forged(path, form):
        return twilio_post(path, form, signature="forged-signature")

    call = PhoneCall(post=forged)
    action = getattr(call, step)
    response = action(CHEST_PAIN) if step == "transcribed" else action()

    assert response.status_code == 403
    for model in (Call, Message, Contact, Handoff, AuditEvent):
        assert count(session, model) == 0


def test_a_signature_for_another_path_is_refused(phone_call, twilio_post, client, session):
    call = phone_call()
    form = call._call_fields("ringing")  # noqa: SLF001 - the same form, signed for /sms
    response = client.post(
        "/twilio/voice",
        data=form,
        headers={"X-Twilio-Signature": sign(f"{PUBLIC_BASE_URL}/twilio/sms", form)},
    )
    assert response.status_code == 403
    assert count(session, Call) == 0


@pytest.mark.parametrize(
    ("path", "missing"),
    [
        ("/twilio/voice", "CallSid"),
        ("/twilio/voice/recorded", "CallSid"),
        ("/twilio/voice/recording", "CallSid"),
        ("/twilio/voice/recording", "RecordingSid"),
        ("/twilio/voice/transcription", "CallSid"),
        ("/twilio/voice/transcription", "RecordingSid"),
        ("/twilio/voice/status", "CallSid"),
    ],
)
@pytest.mark.parametrize("value", [None, "", "CA'; drop table call;--"])
def test_a_missing_or_malformed_sid_is_a_400_never_a_500(
    twilio_post, session, path, missing, value
):
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": new_sid("CA"),
        "RecordingSid": new_sid("RE"),
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "CallStatus": "completed",
        "RecordingDuration": "30",
        "TranscriptionStatus": "completed",
        "TranscriptionText": CHEST_PAIN,
    }
    if value is None:
        del form[missing]
    else:
        form[missing] = value

    response = twilio_post(path, form)

    assert response.status_code == 400
    for model in (Call, Message, Handoff):
        assert count(session, model) == 0


def test_garbage_durations_and_numbers_still_store_the_voicemail(phone_call, session):
    call = phone_call(from_="not a number")
    call.ring()
    response = call.post(
        "/twilio/voice/recording",
        {
            "AccountSid": ACCOUNT_SID,
            "CallSid": call.call_sid,
            "RecordingSid": call.recording_sid,
            "RecordingUrl": call.recording_url,
            "RecordingDuration": "ten",
            "RecordingStatus": "completed",
        },
    )
    assert_twiml(response)
    assert_twiml(call.transcribed(None, status="failed"))
    [voicemail] = voicemails(session)
    assert voicemail.processed_at is not None
    assert len(handoffs(session)) == 1


def test_a_surprise_in_the_pipeline_still_answers_twiml_and_hands_off(
    phone_call, session, monkeypatch
):
    import gateway.conversations

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(gateway.conversations, "decide", explode)
    call = phone_call()
    call.ring()
    call.recording_ready(duration=20)
    assert_twiml(call.transcribed(CHEST_PAIN))

    [voicemail] = voicemails(session)
    assert voicemail.processed_at is not None
    [handoff] = handoffs(session)
    assert handoff.status == HandoffStatus.OPEN


def test_no_log_line_carries_a_transcript_or_a_full_number(phone_call, caplog):
    caplog.set_level(logging.DEBUG)
    call = phone_call()
    call.ring()
    call.record_action(duration=20)
    call.recording_ready(duration=20)
    call.transcribed(CHEST_PAIN)
    call.ends("completed")

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert CHEST_PAIN not in logged
    assert PATIENT_NUMBER not in logged
    assert PATIENT_NUMBER[2:] not in logged
