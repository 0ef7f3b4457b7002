"""The inbound pipeline: store first, then decide with `flows`, then apply and queue replies.

    store_inbound   -> the web request: one insert and one commit of the raw message, nothing
                       else (no contact, no flows, no Twilio call), so a 2xx means "stored"
    process_inbound -> a worker (gateway.ingest): claimed once across processes, the contact
                       and conversation attached, flows.engine.handle, effects applied, replies
                       queued in the outbox, one commit; a surprise still opens a front-desk
                       handoff so a person sees the message

Texts and voicemail transcripts share this path. `decide` is the part without side effects:
the offline audit command (`flask --app gateway triage`) calls it too, so the webhook and the
audit always agree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, select

from flows.engine import handle
from flows.types import (
    Awaiting,
    CarrierKeyword,
    Channel,
    ClinicInfo,
    Inbound,
    Outcome,
    Situation,
)
from gateway import effects, pumping
from gateway.clinic import clinic_info
from gateway.db import insert_returning
from gateway.i18n import render
from gateway.logs import mask_phone
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Conversation,
    Direction,
    Location,
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
#: (Processing itself is fenced, so even a slow worker's late claim never processes twice.)
STALE_CLAIM = timedelta(minutes=2)
#: The PostgreSQL channel the webhook NOTIFYs and the workers LISTEN on.
NOTIFY_CHANNEL = "gateway_inbound"


# ----------------------------------------------------------------------------- storing


def storable_text(text: str) -> str:
    """Text as both databases can store it: NUL becomes the replacement character."""
    return text.replace("\x00", "\ufffd")


def get_or_create_contact(*, session: Session, clinic: Clinic, phone: str) -> Contact:
    """The contact for a number, created if new. Safe against a concurrent insert."""
    return _contact(session=session, clinic_id=clinic.id, phone=phone)[0]


def _contact(*, session: Session, clinic_id: int, phone: str) -> tuple[Contact, bool]:
    """(contact, created by this transaction). New: one INSERT ... RETURNING; known: one SELECT."""
    query = select(Contact).where(Contact.clinic_id == clinic_id, Contact.phone == phone)
    contact = session.exec(query).first()
    if contact is not None:
        return contact, False
    fresh = Contact(clinic_id=clinic_id, phone=phone)
    created = insert_returning(
        session,
        Contact,
        ("clinic_id", "phone"),
        clinic_id=clinic_id,
        phone=phone,
        is_opted_out=False,
        is_flagged=False,
        created_at=fresh.created_at,
    )
    if created is not None:
        return created, True
    return session.exec(query).one(), False  # a concurrent insert won


def get_or_create_conversation(*, session: Session, contact: Contact) -> Conversation:
    return _conversation(session=session, contact=contact)[0]


def _conversation(
    *, session: Session, contact: Contact, last_inbound_at: datetime | None = None
) -> tuple[Conversation, bool]:
    """(conversation, created by this transaction); a new one starts at `last_inbound_at`."""
    query = select(Conversation).where(
        Conversation.clinic_id == contact.clinic_id, Conversation.contact_id == contact.id
    )
    conversation = session.exec(query).first()
    if conversation is not None:
        return conversation, False
    fresh = Conversation(clinic_id=contact.clinic_id, contact_id=contact.id)
    created = insert_returning(
        session,
        Conversation,
        ("clinic_id", "contact_id"),
        clinic_id=contact.clinic_id,
        contact_id=contact.id,
        data={},
        created_at=fresh.created_at,
        last_inbound_at=last_inbound_at,
    )
    if created is not None:
        return created, True
    return session.exec(query).one(), False


_MESSAGE_COLUMNS = tuple(
    column.name
    for column in Message.__table__.columns  # type: ignore[attr-defined]
    if column.name != "id"
)
_STORE_STATEMENTS: dict[str, Any] = {}
_INBOUND_DEFAULTS: dict[str, Any] = {}


def store_statement(dialect: str, *, notify: bool = True) -> Any:
    """The webhook's one statement, built once: insert unless the sid is stored, return the new
    id; on PostgreSQL, with `notify`, the same statement NOTIFYs the workers (a CTE, one round
    trip). The text webhook's writer NOTIFYs on its own instead (gateway.inbound_writer)."""
    key = f"{dialect}:{notify}"
    statement = _STORE_STATEMENTS.get(key)
    if statement is not None:
        return statement
    table = Message.__table__  # type: ignore[attr-defined]
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    statement = (
        insert(table)
        .values({name: sa.bindparam(name, type_=table.c[name].type) for name in _MESSAGE_COLUMNS})
        .on_conflict_do_nothing(index_elements=["twilio_sid"])
        .returning(table.c.id)
    )
    if dialect == "postgresql" and notify:
        stored = statement.cte("stored")
        statement = sa.select(stored.c.id, sa.func.pg_notify(NOTIFY_CHANNEL, "")).select_from(
            stored
        )
    _STORE_STATEMENTS[key] = statement
    return statement


def inbound_values(
    *,
    clinic_id: int,
    from_number: str,
    to_number: str,
    body: str,
    channel: MessageChannel,
    twilio_sid: str,
    now: datetime,
    call_sid: str | None = None,
    recording_url: str | None = None,
    claim: bool = False,
    ready_at: datetime | None = None,
    signals: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every column of a new inbound `Message` row, the model's defaults for the rest.

    `ready_at` holds a message back until then (a voicemail waiting for its transcript; stored
    in `next_attempt_at`, which inbound rows use for nothing else). `signals` are what Twilio
    told us beside the text (its opt-out type), kept in `triage` until processing reads them.
    With `claim`, a new message is stored already claimed by the caller. NUL characters, which
    PostgreSQL text cannot hold, become U+FFFD; nothing else changes.

    The defaults are read once from a model instance, so the row is the one `Message(...)`
    would make, without building an ORM object on the webhook's hot path.
    """
    if not _INBOUND_DEFAULTS:
        template = Message(clinic_id=0, direction=Direction.INBOUND)
        _INBOUND_DEFAULTS.update({name: getattr(template, name) for name in _MESSAGE_COLUMNS})
    values = dict(_INBOUND_DEFAULTS)
    values.update(
        clinic_id=clinic_id,
        direction=Direction.INBOUND,
        channel=channel,
        kind=MessageKind.PATIENT,
        from_number=storable_text(from_number),
        to_number=to_number,
        body=storable_text(body),
        twilio_sid=twilio_sid,
        call_sid=call_sid,
        recording_url=recording_url,
        status=MessageStatus.RECEIVED,
        created_at=now,
        next_attempt_at=ready_at,
        triage={"signals": signals} if signals else {},
        processing_started_at=now if claim else None,
    )
    return values


def store_inbound(*, session: Session, values: dict[str, Any]) -> tuple[Message, bool]:
    """Insert the raw message (`values` from `inbound_values`) and commit: one insert, one
    commit. A duplicate `twilio_sid` returns the stored row.

    The contact and conversation are attached by the worker that processes the message, so
    the request does nothing a worker could do later. On PostgreSQL the same transaction
    NOTIFYs the workers, delivered only if the commit succeeds. (The text webhook stores
    through gateway.inbound_writer instead, without a session.)
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql" and not session.in_transaction():
        # One statement in its own transaction, as the webhook's writer runs it.
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    new_id = session.execute(store_statement(dialect), values).scalar_one_or_none()
    if new_id is None:
        # A retry (or the same webhook racing itself): the stored row is the one.
        session.rollback()
        stored = session.exec(
            select(Message).where(Message.twilio_sid == values["twilio_sid"])
        ).one()
        return stored, False
    session.commit()
    message = Message(id=new_id, **values)
    make_transient_to_detached(message)
    session.add(message)
    logger.info(
        "stored inbound %s message %s from %s",
        values["channel"],
        new_id,
        mask_phone(values["from_number"]),
    )
    return message, True


def attach_conversation(*, session: Session, message: Message) -> tuple[Contact, Conversation]:
    """The contact and conversation of a stored inbound message, created on first use.

    On PostgreSQL the conversation row is locked (before the message row is touched, the one
    lock order every worker follows) for the rest of the transaction, so two workers holding
    two texts from one patient process them one after the other, each seeing what the other
    did. SQLite's single write lock gives the same for free.
    """
    fresh = False
    if message.conversation_id is not None:
        conversation = session.get(Conversation, message.conversation_id)
        assert conversation is not None
        contact = session.get(Contact, conversation.contact_id)
    else:
        contact, _ = _contact(
            session=session, clinic_id=message.clinic_id, phone=message.from_number
        )
        conversation, fresh = _conversation(
            session=session, contact=contact, last_inbound_at=message.created_at
        )
    assert contact is not None
    if session.get_bind().dialect.name == "postgresql" and not fresh:
        # A conversation this transaction inserted is invisible to everyone else until the
        # commit (a racing insert waits on its key), so only an existing one needs the lock.
        # The locking read also reloads the row, as another worker may just have changed it.
        session.execute(
            select(Conversation)
            .where(Conversation.id == conversation.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        session.refresh(contact)
    if message.conversation_id is None:
        message.conversation_id = conversation.id
        if (
            conversation.last_inbound_at is None
            or conversation.last_inbound_at < message.created_at
        ):
            conversation.last_inbound_at = message.created_at
        session.add_all([message, conversation])
        session.flush()
    return contact, conversation


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
    carrier_answers_keywords: bool | None = None,
    is_claimed: bool = False,
) -> list[int]:
    """Run the pipeline once for a stored message; returns the outbox ids to send.

    `is_claimed` says the caller holds the claim already (a worker's batch claim). Whoever
    calls, the work itself is fenced: a conditional update of the still-unprocessed row, in the
    same transaction as the effects (SQLite: its first statement; PostgreSQL: right after the
    conversation's row lock), so two processes that both believe they hold the message (a
    lease taken over from a slow worker) apply it once.
    `carrier_answers_keywords` defaults to the app's TWILIO_HANDLES_KEYWORDS.
    """
    if carrier_answers_keywords is None:
        carrier_answers_keywords = _carrier_answers_keywords()
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
        return ids or []
    except Exception as error:
        session.rollback()
        logger.exception(
            "processing inbound message %s failed (%s); handing it to the front desk",
            message_id,
            type(error).__name__,
        )
        message = session.get(Message, message_id)
        if message is None or message.processed_at is not None:
            return []
        attach_conversation(session=session, message=message)
        if not _fence(session=session, message_id=message_id, now=now):
            session.rollback()
            return []
        ids = effects.open_error_handoff(session=session, message_id=message_id, now=now)
        session.commit()
        return ids


def _carrier_answers_keywords() -> bool:
    from flask import current_app, has_app_context

    if not has_app_context():
        return False
    return bool(current_app.extensions["gateway"].settings.twilio_handles_keywords)


def _fence(*, session: Session, message_id: int, now: datetime) -> bool:
    """Lock the unprocessed row for this transaction; False if it is processed already."""
    result = session.execute(
        sa.update(Message)
        .where(Message.id == message_id, Message.processed_at.is_(None))  # type: ignore[union-attr]
        .values(processing_started_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


#: How long a process trusts its list of our own numbers (a location added shows within it).
OWN_NUMBERS_SECONDS = 30.0


def own_numbers(*, session: Session) -> frozenset[str]:
    """The clinic's own sending numbers (every location's Twilio number and the from-number),
    remembered per app for OWN_NUMBERS_SECONDS.

    On-call numbers are people, not ours: their texts are answered like anyone's.
    """
    import time

    from flask import current_app, has_app_context

    cache = current_app.extensions.setdefault("own_numbers_cache", {}) if has_app_context() else {}
    hit = cache.get("numbers")
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    numbers = {
        number
        for number in session.exec(
            select(Location.twilio_number).where(
                Location.twilio_number.is_not(None)  # type: ignore[union-attr]
            )
        ).all()
        if number
    }
    if has_app_context():
        from_number = current_app.extensions["gateway"].settings.twilio_from_number
        if from_number:
            numbers.add(from_number)
    found = frozenset(numbers)
    cache["numbers"] = (time.monotonic() + OWN_NUMBERS_SECONDS, found)
    return found


def _process(
    *, session: Session, message_id: int, now: datetime, carrier_answers_keywords: bool
) -> list[int] | None:
    if session.get_bind().dialect.name == "postgresql":
        # Locks in one order: the conversation, then the message (the fence).
        message = session.get(Message, message_id, populate_existing=True)
        assert message is not None
        if message.processed_at is not None:
            return None
        # Held for the whole transaction: the identity map keeps only referenced rows.
        clinic = session.get(Clinic, message.clinic_id)
        contact, conversation = attach_conversation(session=session, message=message)
        # The fence reloads the locked row in the same statement (UPDATE ... RETURNING).
        fenced = session.scalars(
            sa.update(Message)
            .where(Message.id == message_id, Message.processed_at.is_(None))  # type: ignore[union-attr]
            .values(processing_started_at=now)
            .returning(Message)
            .execution_options(populate_existing=True)
        ).first()
        if fenced is None:
            logger.info("inbound message %s was processed by another worker", message_id)
            return None
    else:
        # First statement of the transaction: the fence, which is also SQLite's write lock,
        # taken before any read so the transaction never upgrades a stale snapshot.
        if not _fence(session=session, message_id=message_id, now=now):
            logger.info("inbound message %s was processed by another worker", message_id)
            return None
        message = session.get(Message, message_id, populate_existing=True)
        assert message is not None
        clinic = session.get(Clinic, message.clinic_id)
        contact, conversation = attach_conversation(session=session, message=message)
    assert clinic is not None
    signals = dict((message.triage or {}).get("signals") or {})
    if message.from_number in own_numbers(session=session):
        # A loop through a sender pool or a misrouted number: answering would text ourselves.
        message.status = MessageStatus.PROCESSED
        message.processed_at = now
        message.triage = {"decided_by": "own_number", "signals": signals}
        session.add(message)
        effects.audit(
            session,
            clinic_id=clinic.id,
            action="inbound_from_own_number",
            subject_type="message",
            subject_id=message.id,
            now=now,
        )
        logger.warning("inbound message %s came from one of our own numbers", message.id)
        return []
    situation, appointment, time_zone = build_situation(
        session=session,
        contact=contact,
        conversation=conversation,
        now=now,
        carrier_answers_keywords=carrier_answers_keywords,
    )
    channel = Channel.VOICEMAIL if message.channel == MessageChannel.VOICEMAIL else Channel.SMS
    keyword = signals.get("opt_out_type")
    decision = decide(
        inbound=Inbound(
            message.body,
            channel,
            carrier_keyword=CarrierKeyword(keyword) if keyword in CARRIER_SIGNALS else None,
        ),
        situation=situation,
        clinic=clinic_info(clinic),
        now=now,
        time_zone=time_zone,
    )
    decision = _guard_replies(
        session=session, decision=decision, message=message, contact=contact, now=now
    )
    ids = effects.apply_decision(
        session=session,
        decision=decision,
        message=message,
        conversation=conversation,
        contact=contact,
        clinic=clinic,
        appointment=appointment,
        now=now,
    )
    if signals:
        message.triage = {**message.triage, "signals": signals}
        session.add(message)
        session.flush()
    return ids


def _guard_replies(
    *, session: Session, decision: Decision, message: Message, contact: Contact, now: datetime
) -> Decision:
    """The SMS-pumping guard (gateway.pumping) with the app's settings; audited when it bites."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return decision
    settings = current_app.extensions["gateway"].settings
    guarded, reason = pumping.guard(
        session=session,
        decision=decision,
        conversation_id=message.conversation_id,
        phone=contact.phone,
        now=now,
        countries=settings.reply_country_codes,
        per_hour=settings.max_replies_per_hour,
    )
    if reason is not None:
        effects.audit(
            session,
            clinic_id=message.clinic_id,
            action="reply_withheld",
            subject_type="message",
            subject_id=message.id,
            now=now,
            reason=reason,
        )
    return guarded


#: Twilio's `OptOutType` values that flows understand.
CARRIER_SIGNALS = frozenset(member.value for member in CarrierKeyword)
