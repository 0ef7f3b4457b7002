"""Property: whatever signed voice callback arrives, on SQLite and PostgreSQL, the answer is
TwiML or a clear 4xx, never a 500, and a transcript with a usable sid is never lost."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from gateway.models import Handoff, Message, MessageChannel
from tests.conftest import ACCOUNT_SID, CLINIC_NUMBER, PATIENT_NUMBER

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
urls = st.one_of(
    st.none(),
    texts,
    st.builds(lambda n: "https://api.twilio.com/" + "a" * n, st.integers(400, 900)),
    st.just("https://api.twilio.com/rec\x00ording"),
)
durations = st.one_of(st.none(), texts, st.integers(-5, 10**12).map(str))


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(transcript=texts, url=urls, duration=durations, from_=st.one_of(st.none(), texts))
def test_a_transcription_callback_never_fails_and_never_loses_the_transcript(
    twilio_post, session, transcript, url, duration, from_
):
    call_sid, recording_sid = "CA" + uuid.uuid4().hex, "RE" + uuid.uuid4().hex
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": call_sid,
        "RecordingSid": recording_sid,
        "To": CLINIC_NUMBER,
        "TranscriptionStatus": "completed",
        "TranscriptionText": transcript,
    }
    for key, value in (("RecordingUrl", url), ("RecordingDuration", duration), ("From", from_)):
        if value is not None:
            form[key] = value

    response = twilio_post("/twilio/voice/transcription", form)

    assert response.status_code == 200, response.status_code
    session.expire_all()
    [voicemail] = session.exec(select(Message).where(Message.twilio_sid == recording_sid)).all()
    assert voicemail.body == transcript.strip().replace("\x00", "\ufffd")
    assert voicemail.processed_at is not None
    assert voicemail.recording_url is None or (
        len(voicemail.recording_url) <= 500 and "\x00" not in voicemail.recording_url
    )


def test_a_chest_pain_voicemail_with_an_unusable_recording_url_reaches_the_emergency_path(
    twilio_post, session
):
    recording_sid = "RE" + uuid.uuid4().hex
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": "CA" + uuid.uuid4().hex,
        "RecordingSid": recording_sid,
        "RecordingUrl": "https://api.twilio.com/" + "x" * 600 + "\x00",
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "TranscriptionStatus": "completed",
        "TranscriptionText": "my chest hurts and my left arm is numb",
    }
    assert twilio_post("/twilio/voice/transcription", form).status_code == 200
    [voicemail] = session.exec(
        select(Message).where(Message.channel == MessageChannel.VOICEMAIL)
    ).all()
    # Rebuilt from the sids, so staff can still play it.
    assert voicemail.recording_url == (
        f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/{recording_sid}"
    )
    [handoff] = session.exec(select(Handoff)).all()
    assert handoff.is_emergency


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(call_sid=st.one_of(texts, st.builds(lambda: "CA" + uuid.uuid4().hex + "\n")))
def test_a_malformed_call_sid_is_a_clear_400(twilio_post, session, call_sid):
    form = {"CallSid": call_sid, "From": PATIENT_NUMBER, "To": CLINIC_NUMBER}
    response = twilio_post("/twilio/voice", form)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(call_sid) == 34 and "\n" not in call_sid


def test_a_duration_in_superscript_digits_is_not_a_duration(twilio_post, session):
    """Found by the property above: "²" passes str.isdigit() and breaks int()."""
    form = {
        "AccountSid": ACCOUNT_SID,
        "CallSid": "CA" + uuid.uuid4().hex,
        "RecordingSid": "RE" + uuid.uuid4().hex,
        "RecordingDuration": "²",
        "To": CLINIC_NUMBER,
        "TranscriptionStatus": "completed",
        "TranscriptionText": "please call me back",
    }
    assert twilio_post("/twilio/voice/transcription", form).status_code == 200
