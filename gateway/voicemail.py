"""Calls and voicemails: the call row, the voicemail message, its transcript, and the sweep.

A voicemail is an inbound `Message` (channel `voicemail`) keyed on its RecordingSid, so every
retried or reordered Twilio callback finds the same row. It is processed exactly once by the
inbound pipeline (`gateway.conversations.process_inbound` claims it):

- with its transcript, when Twilio's transcription completes;
- at once without one, when the recording is outside what Twilio transcribes (over 2 s and
  under 120 s) or the transcription failed: the pipeline turns an empty voicemail into a
  "voicemail, no transcript" handoff carrying the recording link;
- by `sweep_stale_voicemails` (the worker) when a transcript never comes.

Nothing here knows Twilio's form fields: `gateway.twilio.voice` parses them. Functions flush;
the caller commits (`store_inbound` and `process_inbound` commit on their own, by contract).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from gateway.conversations import (
    get_or_create_contact,
    process_inbound,
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
    Direction,
    Message,
    MessageChannel,
)

logger = logging.getLogger(__name__)

#: Twilio transcribes recordings longer than this and shorter than MAX_TRANSCRIBED_SECONDS.
MIN_TRANSCRIBED_SECONDS = 2
MAX_TRANSCRIBED_SECONDS = 120
#: How long a voicemail waits for its transcript before it goes to staff without one.
TRANSCRIPT_WAIT = timedelta(minutes=10)
#: The sender of a voicemail from a withheld number. Not a phone number, so nothing is ever
#: texted to it; it gives anonymous voicemails a conversation, which the staff queue needs.
ANONYMOUS_CALLER = "anonymous"


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
        clinic=clinic,
        from_number=from_number or ANONYMOUS_CALLER,
        to_number=to_number,
        body=transcript,
        channel=MessageChannel.VOICEMAIL,
        twilio_sid=recording.recording_sid,
        now=now,
        call_sid=call.call_sid,
        recording_url=recording.url,
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


def receive_recording(
    *,
    session: Session,
    call: Call,
    recording: Recording,
    from_number: str | None,
    to_number: str,
    now: datetime,
) -> list[int]:
    """A recording finished: store it; process now if no transcript will come. Outbox ids."""
    message, created = store_voicemail(
        session=session,
        call=call,
        recording=recording,
        from_number=from_number,
        to_number=to_number,
        transcript="",
        now=now,
    )
    if created:
        logger.info("voicemail %s stored (%ss)", message.id, recording.duration)
    if message.processed_at is not None or is_transcribable(recording.duration):
        return []  # done already, or the transcription callback (or the sweep) will process it
    return process_inbound(session=session, message_id=message.id, now=now)


def receive_transcription(
    *,
    session: Session,
    call: Call,
    recording: Recording,
    transcript: str | None,
    from_number: str | None,
    to_number: str,
    now: datetime,
) -> list[int]:
    """A transcription finished (`transcript` None when it failed): store, then process."""
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
    if (
        not created
        and text
        and update_voicemail_transcript(session=session, message=message, transcript=text)
    ):
        session.commit()
    if transcript is None:
        logger.info("transcription failed for voicemail %s; sending it on without", message.id)
    return process_inbound(session=session, message_id=message.id, now=now)


def sweep_stale_voicemails(
    *, engine: Engine, now: datetime, older_than: timedelta = TRANSCRIPT_WAIT
) -> list[int]:
    """Process voicemails still waiting for a transcript after `older_than`; outbox ids to send."""
    with Session(engine, expire_on_commit=False) as session:
        stale = session.exec(
            select(Message.id)
            .where(
                Message.direction == Direction.INBOUND,
                Message.channel == MessageChannel.VOICEMAIL,
                Message.processed_at.is_(None),  # type: ignore[union-attr]
                Message.created_at <= now - older_than,
            )
            .order_by(Message.id)  # type: ignore[arg-type]
        ).all()
    outbox_ids: list[int] = []
    for message_id in stale:
        # One session per voicemail: one that fails must not hold up the others.
        with Session(engine, expire_on_commit=False) as session:
            try:
                outbox_ids += process_inbound(session=session, message_id=message_id, now=now)
            except Exception as error:  # noqa: BLE001 - the next sweep tries again
                session.rollback()
                logger.error("sweeping voicemail %s failed (%s)", message_id, type(error).__name__)
    if stale:
        logger.info("swept %d voicemail(s) that had no transcript", len(stale))
    return outbox_ids
