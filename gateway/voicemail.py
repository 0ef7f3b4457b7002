"""Calls and voicemails: the call row, the voicemail message, its transcript, and the sweep.

A voicemail is an inbound `Message` (channel `voicemail`) keyed on its RecordingSid, so every
retried or reordered Twilio callback finds the same row. The callbacks only store it; a worker
processes it exactly once (gateway.ingest claims it, `process_inbound` runs it) when it is
ready, which `next_attempt_at` says:

- with its transcript, when Twilio's transcription completes (ready at once);
- without one, when the recording is outside what Twilio transcribes (over 2 s and under
  120 s) or the transcription failed (ready at once): the pipeline turns an empty voicemail
  into a "voicemail, no transcript" handoff carrying the recording link;
- without one after TRANSCRIPT_WAIT, when a transcript never comes (stored held until then).

A failed recording is not a voicemail: one stored early by the Record action is withdrawn.
A withheld caller's voicemail gets a sender of its own per call (`anonymous:<call id>`), so
withheld callers never share a contact, a consent or a handoff.

Nothing here knows Twilio's form fields: `gateway.twilio.voice` parses them. Functions flush;
the caller commits (`store_inbound` and `process_inbound` commit on their own, by contract).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from gateway.conversations import (
    get_or_create_contact,
    inbound_values,
    storable_text,
    store_inbound,
)
from gateway.db import savepoint
from gateway.effects import audit
from gateway.logs import mask_phone
from gateway.models import (
    Call,
    CallStatus,
    Clinic,
    Contact,
    Message,
    MessageChannel,
    MessageStatus,
)

logger = logging.getLogger(__name__)

#: Twilio transcribes recordings longer than this and shorter than MAX_TRANSCRIBED_SECONDS.
MIN_TRANSCRIBED_SECONDS = 2
MAX_TRANSCRIBED_SECONDS = 120
#: How long a voicemail waits for its transcript before it goes to staff without one.
TRANSCRIPT_WAIT = timedelta(minutes=10)
#: The sender of a voicemail from a withheld number, followed by ":<call id>". Not a phone
#: number, so nothing is ever texted to it; it gives each anonymous call its own conversation,
#: which the staff queue needs, and no withheld caller shares another's consent or handoff.
ANONYMOUS_CALLER = "anonymous"


def anonymous_sender(call: Call) -> str:
    """The stored sender of a withheld caller's voicemail: one per call."""
    return f"{ANONYMOUS_CALLER}:{call.id}"


@dataclass(frozen=True)
class Recording:
    """A finished recording, transport-neutral."""

    call_sid: str
    recording_sid: str
    url: str | None
    duration: int | None  # seconds; None when not reported


def is_transcribable(duration: int | None) -> bool:
    """Whether Twilio will try to transcribe a recording this long (unknown: assume yes)."""
    if duration is None:
        return True
    return MIN_TRANSCRIBED_SECONDS < duration < MAX_TRANSCRIBED_SECONDS


# ----------------------------------------------------------------------------- calls


def upsert_call(
    *,
    session: Session,
    call_sid: str,
    clinic: Clinic,
    contact: Contact | None,
    now: datetime,
) -> tuple[Call, bool]:
    """The call row for a CallSid, created if new (safe against a concurrent insert). Flushes."""
    query = select(Call).where(Call.call_sid == call_sid)
    call = session.exec(query).first()
    if call is not None:
        return call, False
    call = Call(
        clinic_id=clinic.id,
        contact_id=contact.id if contact else None,
        call_sid=call_sid,
        status=CallStatus.RINGING,
        started_at=now,
    )
    try:
        with savepoint(session):
            session.add(call)
    except IntegrityError:
        # The same webhook, retried while the first was still running: the first one wins.
        return session.exec(query).one(), False
    return call, True


def caller_contact(*, session: Session, clinic: Clinic, phone: str | None) -> Contact | None:
    """The caller's contact, created if new; None for a withheld or invalid number."""
    if not phone:
        return None
    return get_or_create_contact(session=session, clinic=clinic, phone=phone)


def find_call(*, session: Session, call_sid: str) -> Call | None:
    """The call row for a CallSid, if the incoming-call webhook stored one."""
    return session.exec(select(Call).where(Call.call_sid == call_sid)).first()


def on_missed_call(*, session: Session, call: Call, contact: Contact | None, now: datetime) -> None:
    """Hook for a call that ended with no voicemail: records it and queues the text-back
    (`gateway.reminders.missed_call`) in the caller's transaction."""
    audit(
        session,
        clinic_id=call.clinic_id,
        action="call_missed",
        subject_type="call",
        subject_id=call.id,
        now=now,
        actor="twilio",
        contact_id=contact.id if contact else None,
    )
    # --- reminders: the missed-call text-back (at most once a day per number, quiet hours)
    from gateway.reminders.missed_call import text_back

    text_back(session=session, call=call, contact=contact, now=now)
    logger.info(
        "call %s from %s ended with no voicemail",
        call.id,
        mask_phone(contact.phone) if contact else "-",
    )


def end_call(*, session: Session, call: Call, now: datetime) -> bool:
    """The call is over: MISSED if no recording reached us, else done. True when newly missed."""
    if call.ended_at is not None or call.status in (CallStatus.MISSED, CallStatus.COMPLETED):
        return False  # a retried or late status callback changes nothing
    call.ended_at = now
    has_voicemail = call.recording_sid is not None or (
        session.exec(
            select(Message.id).where(
                Message.call_sid == call.call_sid, Message.channel == MessageChannel.VOICEMAIL
            )
        ).first()
        is not None
    )
    if has_voicemail:
        call.status = CallStatus.VOICEMAIL
        session.add(call)
        session.flush()
        return False
    call.status = CallStatus.MISSED
    session.add(call)
    session.flush()
    contact = session.get(Contact, call.contact_id) if call.contact_id else None
    on_missed_call(session=session, call=call, contact=contact, now=now)
    return True


# ----------------------------------------------------------------------------- voicemails


def _mark_voicemail(*, session: Session, call: Call, recording_sid: str, now: datetime) -> None:
    if call.recording_sid == recording_sid and call.status == CallStatus.VOICEMAIL:
        return
    if call.status == CallStatus.MISSED:
        # The call's end was reported before its recording: it was not missed after all.
        audit(
            session,
            clinic_id=call.clinic_id,
            action="call_voicemail_late",
            subject_type="call",
            subject_id=call.id,
            now=now,
            actor="twilio",
        )
    call.recording_sid = call.recording_sid or recording_sid
    call.status = CallStatus.VOICEMAIL
    session.add(call)
    session.flush()


def store_voicemail(
    *,
    session: Session,
    call: Call,
    recording: Recording,
    from_number: str | None,
    to_number: str,
    transcript: str,
    now: datetime,
    ready_at: datetime | None = None,
) -> tuple[Message, bool]:
    """Store the voicemail once per RecordingSid (commits). Returns (message, created)."""
    _mark_voicemail(session=session, call=call, recording_sid=recording.recording_sid, now=now)
    clinic = session.get(Clinic, call.clinic_id)
    assert clinic is not None
    if from_number is None and call.contact_id is not None:
        contact = session.get(Contact, call.contact_id)
        from_number = contact.phone if contact else None
    message, created = store_inbound(
        session=session,
        values=inbound_values(
            clinic_id=clinic.id,
            from_number=from_number or anonymous_sender(call),
            to_number=to_number,
            body=transcript,
            channel=MessageChannel.VOICEMAIL,
            twilio_sid=recording.recording_sid,
            now=now,
            call_sid=call.call_sid,
            recording_url=recording.url,
            ready_at=ready_at,
        ),
    )
    if not created and recording.url and not message.recording_url:
        message.recording_url = recording.url
        session.add(message)
        session.commit()
    return message, created


def update_voicemail_transcript(*, session: Session, message: Message, transcript: str) -> bool:
    """Set the transcript while no one has started processing the voicemail. Flushes."""
    transcript = storable_text(transcript)
    if not transcript or message.body == transcript:
        return False
    # Conditional, so a transcript never changes a voicemail the pipeline has already read.
    result = session.execute(
        sa.update(Message)
        .where(
            Message.id == message.id,
            Message.processed_at.is_(None),  # type: ignore[union-attr]
            Message.processing_started_at.is_(None),  # type: ignore[union-attr]
        )
        .values(body=transcript)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        logger.info(
            "transcript for voicemail %s came after processing; kept the recording only", message.id
        )
        return False
    session.flush()
    session.refresh(message)
    return True


def release_voicemail(*, session: Session, message: Message, now: datetime) -> None:
    """Nothing more will come for this voicemail: a worker may process it now. Flushes."""
    session.execute(
        sa.update(Message)
        .where(
            Message.id == message.id,
            Message.processed_at.is_(None),  # type: ignore[union-attr]
            sa.or_(
                Message.next_attempt_at.is_(None),  # type: ignore[union-attr]
                Message.next_attempt_at > now,
            ),
        )
        .values(next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    session.flush()


def receive_recording(
    *,
    session: Session,
    call: Call,
    recording: Recording,
    from_number: str | None,
    to_number: str,
    now: datetime,
) -> Message:
    """A recording finished: store it (commits), held for its transcript if one will come."""
    waits = is_transcribable(recording.duration)
    message, created = store_voicemail(
        session=session,
        call=call,
        recording=recording,
        from_number=from_number,
        to_number=to_number,
        transcript="",
        now=now,
        ready_at=now + TRANSCRIPT_WAIT if waits else None,
    )
    if created:
        logger.info("voicemail %s stored (%ss)", message.id, recording.duration)
    elif not waits and message.processed_at is None and not message.body:
        # Stored earlier while a transcript still seemed possible; none will come.
        release_voicemail(session=session, message=message, now=now)
        session.commit()
    return message


def receive_transcription(
    *,
    session: Session,
    call: Call,
    recording: Recording,
    transcript: str | None,
    from_number: str | None,
    to_number: str,
    now: datetime,
) -> Message:
    """A transcription finished (`transcript` None when it failed): store it, ready now."""
    text = (transcript or "").strip()
    message, created = store_voicemail(
        session=session,
        call=call,
        recording=recording,
        from_number=from_number,
        to_number=to_number,
        transcript=text,
        now=now,
    )
    if not created:
        if text:
            update_voicemail_transcript(session=session, message=message, transcript=text)
        release_voicemail(session=session, message=message, now=now)
        session.commit()
    if transcript is None:
        logger.info("transcription failed for voicemail %s; sending it on without", message.id)
    return message


def withdraw_recording(*, session: Session, call: Call, recording_sid: str, now: datetime) -> bool:
    """A recording Twilio reports failed or absent is no voicemail: withdraw one stored early.

    Only while nobody has processed it and no transcript came (which would prove a message).
    The call then ends as missed, so the missed-call path (text-back, staff) applies. Flushes.
    """
    result = session.execute(
        sa.update(Message)
        .where(
            Message.twilio_sid == recording_sid,
            Message.channel == MessageChannel.VOICEMAIL,
            Message.processed_at.is_(None),  # type: ignore[union-attr]
            Message.processing_started_at.is_(None),  # type: ignore[union-attr]
            Message.body == "",
        )
        .values(
            status=MessageStatus.PROCESSED,
            processed_at=now,
            triage={"decided_by": "recording_failed"},
            call_sid=None,
        )
        .execution_options(synchronize_session=False)
    )
    withdrawn = result.rowcount == 1
    if call.recording_sid == recording_sid:
        call.recording_sid = None
        session.add(call)
    if withdrawn and call.status == CallStatus.VOICEMAIL:
        if call.ended_at is None:
            call.status = CallStatus.RECORDING  # the call's end decides: missed
        else:
            call.status = CallStatus.MISSED
            session.add(call)
            session.flush()
            contact = session.get(Contact, call.contact_id) if call.contact_id else None
            on_missed_call(session=session, call=call, contact=contact, now=now)
        session.add(call)
    audit(
        session,
        clinic_id=call.clinic_id,
        action="recording_not_a_voicemail",
        subject_type="call",
        subject_id=call.id,
        now=now,
        actor="twilio",
        withdrawn=withdrawn,
    )
    session.flush()
    return withdrawn
