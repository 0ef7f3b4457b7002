"""The inbound pipeline: store first, then decide with `flows`, then apply and queue replies.

    store_inbound   -> the raw message is committed before anything else can fail
    process_inbound -> claimed once (across processes), flows.engine.handle, effects applied,
                       replies queued in the outbox, one commit; a surprise still opens a
                       front-desk handoff so a person sees the message

Texts and voicemail transcripts share this path. `decide` is the part without side effects:
the offline audit command (`flask --app gateway triage`) calls it too, so the webhook and the
audit always agree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from flows.engine import handle
from flows.types import (
    Awaiting,
    Channel,
    ClinicInfo,
    Inbound,
    Outcome,
    Situation,
)
from gateway import effects
from gateway.clinic import clinic_info
from gateway.db import savepoint
from gateway.i18n import render
from gateway.logs import mask_phone
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Conversation,
    Direction,
    Message,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Patient,
)
from gateway.reminders.context import reminder_context

logger = logging.getLogger(__name__)

#: A reminder's context stops applying to replies after this long.
AWAITING_TTL = timedelta(days=7)
#: A claim older than this belonged to a process that died; the message is processed again.
STALE_CLAIM = timedelta(minutes=2)


# ----------------------------------------------------------------------------- storing


def storable_text(text: str) -> str:
    """Text as both databases can store it: NUL becomes the replacement character."""
    return text.replace("\x00", "\ufffd")


def get_or_create_contact(*, session: Session, clinic: Clinic, phone: str) -> Contact:
    """The contact for a number, created if new. Safe against a concurrent insert."""
    query = select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == phone)
    contact = session.exec(query).first()
    if contact is not None:
        return contact
    try:
        with savepoint(session):
            contact = Contact(clinic_id=clinic.id, phone=phone)
            session.add(contact)
    except IntegrityError:
        contact = session.exec(query).one()
    return contact


def get_or_create_conversation(*, session: Session, contact: Contact) -> Conversation:
    query = select(Conversation).where(
        Conversation.clinic_id == contact.clinic_id, Conversation.contact_id == contact.id
    )
    conversation = session.exec(query).first()
    if conversation is not None:
        return conversation
    try:
        with savepoint(session):
            conversation = Conversation(clinic_id=contact.clinic_id, contact_id=contact.id)
            session.add(conversation)
    except IntegrityError:
        conversation = session.exec(query).one()
    return conversation


def store_inbound(
    *,
    session: Session,
    clinic: Clinic,
    from_number: str,
    to_number: str,
    body: str,
    channel: MessageChannel,
    twilio_sid: str,
    now: datetime,
    call_sid: str | None = None,
    recording_url: str | None = None,
    claim: bool = False,
) -> tuple[Message, bool]:
    """Insert the raw message and commit. A duplicate `twilio_sid` returns the stored row.

    With `claim`, a new message is stored already claimed for processing by this caller (one
    commit fewer than claiming it afterwards); a process that dies holding the claim loses
    nothing, as the claim goes stale and the worker's sweep processes the message.
    NUL characters, which PostgreSQL text cannot hold, become U+FFFD; nothing else changes.
    """
    body = storable_text(body)
    from_number = storable_text(from_number)
    existing = session.exec(select(Message).where(Message.twilio_sid == twilio_sid)).first()
    if existing is not None:
        return existing, False
    contact = get_or_create_contact(session=session, clinic=clinic, phone=from_number)
    conversation = get_or_create_conversation(session=session, contact=contact)
    message = Message(
        clinic_id=clinic.id,
        conversation_id=conversation.id,
        direction=Direction.INBOUND,
        channel=channel,
        kind=MessageKind.PATIENT,
        from_number=from_number,
        to_number=to_number,
        body=body,
        twilio_sid=twilio_sid,
        call_sid=call_sid,
        recording_url=recording_url,
        status=MessageStatus.RECEIVED,
        created_at=now,
        processing_started_at=now if claim else None,
    )
    try:
        with savepoint(session):
            session.add(message)
        conversation.last_inbound_at = now
        session.add(conversation)
        session.commit()
    except IntegrityError:
        # Another process stored the same retry first: theirs is the one.
        session.rollback()
        stored = session.exec(select(Message).where(Message.twilio_sid == twilio_sid)).one()
        return stored, False
    logger.info(
        "stored inbound %s message %s from %s", channel, message.id, mask_phone(from_number)
    )
    return message, True


# ----------------------------------------------------------------------------- deciding


@dataclass(frozen=True)
class Decision:
    """The engine's outcome plus each reply rendered as the patient will read it."""

    outcome: Outcome
    texts: tuple[tuple[str, str], ...]  # (language, rendered text) per reply


def decide(
    *,
    inbound: Inbound,
    situation: Situation,
    clinic: ClinicInfo,
    now: datetime,
    time_zone: str | None = None,
) -> Decision:
    """Run the flows and render their replies: no database, no sending."""
    outcome = handle(inbound, situation, clinic, now)
    texts = []
    for reply in outcome.replies:
        lang = reply.lang or situation.language or "en"
        texts.append((lang, render(reply, lang=lang, clinic=clinic, time_zone=time_zone)))
    return Decision(outcome=outcome, texts=tuple(texts))


def build_situation(
    *,
    session: Session,
    contact: Contact,
    conversation: Conversation,
    now: datetime,
    carrier_answers_keywords: bool,
) -> tuple[Situation, Appointment | None, str | None]:
    """What the engine may know, read from the database. Also returns the appointment a
    confirm or cancel would apply to, and the patient's time zone if set."""
    patients = session.exec(select(Patient).where(Patient.contact_id == contact.id)).all()
    language = contact.preferred_language or next(
        (p.preferred_language for p in patients if p.preferred_language), None
    )
    time_zone = next((p.time_zone for p in patients if p.time_zone), None)
    awaiting = None
    if conversation.awaiting and conversation.awaiting_set_at:
        if now - conversation.awaiting_set_at <= AWAITING_TTL:
            awaiting = Awaiting(conversation.awaiting)
    appointment = None
    if awaiting and conversation.awaiting_appointment_id:
        appointment = session.get(Appointment, conversation.awaiting_appointment_id)
    elif len(patients) == 1:
        # A shared phone never gets a guess: with several patients, only a reminder's own
        # appointment is acted on.
        appointment = session.exec(
            select(Appointment)
            .where(
                Appointment.patient_id == patients[0].id,
                Appointment.starts_at > now,
                Appointment.status.in_(  # type: ignore[attr-defined]
                    [AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED]
                ),
            )
            .order_by(Appointment.starts_at)
        ).first()
    if appointment is not None and (
        appointment.starts_at <= now or appointment.status == AppointmentStatus.CANCELLED
    ):
        appointment = None
    situation = Situation(
        language=language,
        is_opted_out=contact.is_opted_out,
        is_human_owned=effects.open_handoff_for(session=session, conversation_id=conversation.id)
        is not None,
        awaiting=awaiting,
        appointment_at=appointment.starts_at if appointment else None,
        carrier_answers_keywords=carrier_answers_keywords,
        **reminder_context(
            session=session, contact=contact, patients=patients, appointment=appointment, now=now
        ),
    )
    return situation, appointment, time_zone


# ----------------------------------------------------------------------------- processing


def claim_for_processing(*, session: Session, message_id: int, now: datetime) -> bool:
    """Mark the message as being processed by us; False if another process has it or did it."""
    result = session.execute(
        sa.update(Message)
        .where(
            Message.id == message_id,
            Message.processed_at.is_(None),  # type: ignore[union-attr]
            sa.or_(
                Message.processing_started_at.is_(None),  # type: ignore[union-attr]
                Message.processing_started_at < now - STALE_CLAIM,
            ),
        )
        .values(processing_started_at=now)
    )
    session.commit()
    return result.rowcount == 1


def process_inbound(
    *,
    session: Session,
    message_id: int,
    now: datetime,
    carrier_answers_keywords: bool = False,
    is_claimed: bool = False,
) -> list[int]:
    """Run the pipeline once for a stored message; returns the outbox ids to send.

    `is_claimed` says the caller stored the message with `claim=True` just now.
    """
    if not is_claimed and not claim_for_processing(session=session, message_id=message_id, now=now):
        return []
    try:
        ids = _process(
            session=session,
            message_id=message_id,
            now=now,
            carrier_answers_keywords=carrier_answers_keywords,
        )
        session.commit()
        return ids
    except Exception as error:
        session.rollback()
        logger.exception(
            "processing inbound message %s failed (%s); handing it to the front desk",
            message_id,
            type(error).__name__,
        )
        ids = effects.open_error_handoff(session=session, message_id=message_id, now=now)
        session.commit()
        return ids


def _process(
    *, session: Session, message_id: int, now: datetime, carrier_answers_keywords: bool
) -> list[int]:
    message = session.get(Message, message_id)
    assert message is not None and message.conversation_id is not None
    conversation = session.get(Conversation, message.conversation_id)
    assert conversation is not None
    contact = session.get(Contact, conversation.contact_id)
    clinic = session.get(Clinic, message.clinic_id)
    assert contact is not None and clinic is not None
    situation, appointment, time_zone = build_situation(
        session=session,
        contact=contact,
        conversation=conversation,
        now=now,
        carrier_answers_keywords=carrier_answers_keywords,
    )
    channel = Channel.VOICEMAIL if message.channel == MessageChannel.VOICEMAIL else Channel.SMS
    decision = decide(
        inbound=Inbound(message.body, channel),
        situation=situation,
        clinic=clinic_info(clinic),
        now=now,
        time_zone=time_zone,
    )
    return effects.apply_decision(
        session=session,
        decision=decision,
        message=message,
        conversation=conversation,
        contact=contact,
        clinic=clinic,
        appointment=appointment,
        now=now,
    )


def sweep_unprocessed_texts(
    *, engine: sa.Engine, now: datetime, carrier_answers_keywords: bool = False
) -> list[int]:
    """Process texts that were stored but never finished (a process died mid-request).

    Voicemails are left to `gateway.voicemail`, which waits for their transcripts first.
    Returns the outbox ids queued.
    """
    outbox_ids: list[int] = []
    with Session(engine, expire_on_commit=False) as session:
        stuck = session.exec(
            select(Message.id).where(
                Message.direction == Direction.INBOUND,
                Message.channel == MessageChannel.SMS,
                Message.processed_at.is_(None),  # type: ignore[union-attr]
                Message.created_at < now - STALE_CLAIM,
            )
        ).all()
        for message_id in stuck:
            logger.warning("processing stored text %s that was never finished", message_id)
            outbox_ids += process_inbound(
                session=session,
                message_id=message_id,
                now=now,
                carrier_answers_keywords=carrier_answers_keywords,
            )
    return outbox_ids
