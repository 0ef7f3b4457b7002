"""Applying what the engine decided: database changes and outbox rows, flushed, not committed.

Each `flows.types` effect has one function here. The caller commits once; the outbox sends
after that commit. Audit events carry ids only, never a message body, a phrase or a name.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from flows import messages as m
from flows.types import (
    AppendToHandoff,
    CancelAppointment,
    ConfirmAppointment,
    Emergency,
    HandoffNote,
    Intent,
    MarkFormDone,
    OpenHandoff,
    OptIn,
    OptOut,
    PageOnCall,
    Queue,
    RecordTriage,
    ReplyKind,
    RequestReschedule,
    SetAwaiting,
    SetLanguage,
    Urgency,
)
from gateway.clinic import clinic_info
from gateway.db import column_values, insert_returning
from gateway.i18n import render_text
from gateway.logs import mask_phone
from gateway.models import (
    OPEN_HANDOFF,
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Clinic,
    Contact,
    Conversation,
    Handoff,
    HandoffStatus,
    Location,
    Message,
    MessageKind,
    MessageStatus,
)
from gateway.outbox import queue_message
from gateway.phones import is_e164

logger = logging.getLogger(__name__)

PRIORITY = {Urgency.EMERGENCY: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2, Urgency.LOW: 3}
KIND_BY_REPLY = {
    ReplyKind.EMERGENCY: MessageKind.EMERGENCY,
    ReplyKind.COMPLIANCE: MessageKind.COMPLIANCE,
    ReplyKind.AUTOMATED: MessageKind.AUTOMATED,
}
#: How many recent messages a handoff note carries as its transcript.
TRANSCRIPT_LENGTH = 10


def audit(
    session: Session,
    *,
    clinic_id: int | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    now: datetime,
    actor: str = "system",
    **detail: Any,
) -> None:
    session.add(
        AuditEvent(
            clinic_id=clinic_id,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
            created_at=now,
        )
    )


def apply_decision(
    *,
    session: Session,
    decision: Any,  # gateway.conversations.Decision
    message: Message,
    conversation: Conversation,
    contact: Contact,
    clinic: Clinic,
    appointment: Appointment | None,
    now: datetime,
) -> list[int]:
    """Apply every effect, queue every reply; returns the outbox ids to send after commit."""
    outcome = decision.outcome
    handoff: Handoff | None = None
    outbox_ids: list[int] = []
    for effect in outcome.effects:
        match effect:
            case RecordTriage(triage=result):
                message.triage = {
                    "intent": str(result.intent),
                    "queue": str(result.queue),
                    "emergency": str(result.emergency) if result.emergency else None,
                    "upset": result.is_upset,
                    "lang": result.lang,
                    "urgency": str(result.urgency),
                    "evidence": list(result.evidence),
                    "summary": result.summary,
                    "decided_by": outcome.decided_by,
                }
                message.lang = result.lang
            case OpenHandoff(note=note):
                handoff = open_handoff(
                    session=session,
                    conversation=conversation,
                    message=message,
                    note=note,
                    now=now,
                    bot_said=[text for _, text in decision.texts],
                )
            case AppendToHandoff():
                handoff = append_to_handoff(
                    session=session, conversation=conversation, message=message, now=now
                )
            case PageOnCall(emergency=kind):
                outbox_ids += page_on_call(
                    session=session,
                    clinic=clinic,
                    contact=contact,
                    message=message,
                    kind=kind,
                    now=now,
                )
            case OptOut(keyword=keyword):
                if not contact.is_opted_out:
                    contact.is_opted_out = True
                    contact.opted_out_at = now
                    contact.opt_out_message_id = message.id
                    contact.opt_out_keyword = keyword[:100]
                    session.add(contact)
                    audit(
                        session,
                        clinic_id=clinic.id,
                        action="opt_out",
                        subject_type="contact",
                        subject_id=contact.id,
                        now=now,
                        message_id=message.id,
                    )
            case OptIn():
                if contact.is_opted_out:
                    contact.is_opted_out = False
                    contact.opted_in_at = now
                    session.add(contact)
                    audit(
                        session,
                        clinic_id=clinic.id,
                        action="opt_in",
                        subject_type="contact",
                        subject_id=contact.id,
                        now=now,
                        message_id=message.id,
                    )
            case ConfirmAppointment():
                _set_appointment(session, appointment, AppointmentStatus.CONFIRMED, message, now)
            case CancelAppointment():
                _set_appointment(session, appointment, AppointmentStatus.CANCELLED, message, now)
            case MarkFormDone():
                conversation.data = {**conversation.data, "form_done_at": now.isoformat()}
                audit(
                    session,
                    clinic_id=clinic.id,
                    action="form_done",
                    subject_type="conversation",
                    subject_id=conversation.id,
                    now=now,
                    message_id=message.id,
                )
            # --- reminders: the reminder flows' state and a reschedule request
            case SetAwaiting(awaiting=awaiting):
                conversation.awaiting = str(awaiting) if awaiting else None
                conversation.awaiting_set_at = now
            case RequestReschedule(preferred=preferred):
                if appointment is not None:
                    appointment.status = AppointmentStatus.RESCHEDULE_REQUESTED
                    appointment.status_note = preferred[:500]
                    appointment.updated_at = now
                    session.add(appointment)
                    audit(
                        session,
                        clinic_id=appointment.clinic_id,
                        action="appointment_reschedule_requested",
                        subject_type="appointment",
                        subject_id=appointment.id,
                        now=now,
                        message_id=message.id,
                    )
            case SetLanguage(lang=lang):
                contact.preferred_language = lang
                session.add(contact)
                audit(
                    session,
                    clinic_id=clinic.id,
                    action="set_language",
                    subject_type="contact",
                    subject_id=contact.id,
                    now=now,
                    lang=lang,
                )

    can_text = is_e164(contact.phone)
    for index, (reply, (lang, text)) in enumerate(
        zip(outcome.replies, decision.texts, strict=True)
    ):
        if not can_text:
            continue
        row = queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=contact.phone,
            body=text,
            kind=KIND_BY_REPLY[reply.kind],
            now=now,
            idempotency_key=f"reply:{message.id}:{index}",
            conversation_id=conversation.id,
            handoff_id=handoff.id if handoff else None,
            lang=lang,
        )
        if row is not None:
            outbox_ids.append(row.id)
    if outbox_ids:
        conversation.last_outbound_at = now
    message.status = MessageStatus.PROCESSED
    message.processed_at = now
    session.add_all([message, conversation])
    session.flush()
    return outbox_ids


def _set_appointment(
    session: Session,
    appointment: Appointment | None,
    status: AppointmentStatus,
    message: Message,
    now: datetime,
) -> None:
    if appointment is None:
        return
    appointment.status = status
    if status == AppointmentStatus.CONFIRMED:
        appointment.confirmed_at = now
    else:
        appointment.cancelled_at = now
    session.add(appointment)
    audit(
        session,
        clinic_id=appointment.clinic_id,
        action=f"appointment_{status}",
        subject_type="appointment",
        subject_id=appointment.id,
        now=now,
        message_id=message.id,
    )


# ----------------------------------------------------------------------------- handoffs


def note_json(note: HandoffNote) -> dict[str, Any]:
    data = asdict(note)
    data["due_at"] = note.due_at.isoformat()
    for key in ("intent", "queue", "urgency", "emergency", "answering"):
        data[key] = str(data[key]) if data[key] is not None else None
    data["reason"] = list(note.reason)
    data["bot_said"] = list(note.bot_said)
    return data


def _transcript(session: Session, conversation: Conversation) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Message)
        .where(Message.conversation_id == conversation.id)
        .order_by(Message.created_at.desc(), Message.id.desc())  # type: ignore[attr-defined]
        .limit(TRANSCRIPT_LENGTH)
    ).all()
    return [
        {
            "message_id": row.id,
            "direction": str(row.direction),
            "channel": str(row.channel),
            "at": row.created_at.isoformat(),
            "body": row.body,
            "recording_url": row.recording_url,
        }
        for row in reversed(rows)
    ]


def open_handoff(
    *,
    session: Session,
    conversation: Conversation,
    message: Message,
    note: HandoffNote,
    now: datetime,
    bot_said: list[str] | None = None,
) -> Handoff:
    """Open a handoff, or escalate the conversation's open one if this is more urgent.

    `bot_said` is what the patient was just told, as they read it; the note keeps it so staff
    never contradict the bot's promise (who answers, by when).
    """
    priority = PRIORITY[note.urgency]
    data = note_json(note)
    if bot_said is not None:
        data["bot_said"] = bot_said
    session.flush()
    data["transcript"] = _transcript(session, conversation)
    data["message_id"] = message.id
    if message.recording_url:
        data["recording_url"] = message.recording_url
    existing = open_handoff_for(session=session, conversation_id=conversation.id)
    if existing is None:
        fresh = Handoff(
            clinic_id=conversation.clinic_id,
            conversation_id=conversation.id,
            queue=str(note.queue),
            priority=priority,
            urgency=str(note.urgency),
            is_emergency=note.emergency is not None,
            due_at=note.due_at,
            note=data,
            opened_at=now,
        )
        # One open handoff per conversation (a partial unique index): a racing transaction
        # that opened one first wins, and this message joins it.
        handoff = insert_returning(
            session,
            Handoff,
            ("conversation_id",),
            index_where=OPEN_HANDOFF,
            **column_values(fresh),
        )
        if handoff is None:
            existing = open_handoff_for(session=session, conversation_id=conversation.id)
        else:
            message.handoff_id = handoff.id
            audit(
                session,
                clinic_id=conversation.clinic_id,
                action="handoff_opened",
                subject_type="handoff",
                subject_id=handoff.id,
                now=now,
                queue=str(note.queue),
                message_id=message.id,
            )
            return handoff
    assert existing is not None
    previous_queue = existing.queue
    if _outranks(note.queue, existing.queue):
        previous = existing.queue
        existing.queue = str(note.queue)
        existing.priority = min(priority, existing.priority)
        existing.urgency = str(note.urgency)
        existing.is_emergency = existing.is_emergency or note.emergency is not None
        existing.due_at = min(existing.due_at or note.due_at, note.due_at)
        audit(
            session,
            clinic_id=conversation.clinic_id,
            action="handoff_escalated",
            subject_type="handoff",
            subject_id=existing.id,
            now=now,
            queue=str(note.queue),
            previous=previous,
            message_id=message.id,
        )
    history = list(existing.note.get("updates", []))
    history.append(data)
    note_now = {**existing.note, "updates": history, "transcript": data["transcript"]}
    if _outranks(note.queue, previous_queue):
        # The headline is the most urgent thing said: the escalating note moves to the top and
        # the earlier reason stays below it, for the staff app.
        earlier = {k: v for k, v in existing.note.items() if k not in ("updates", "earlier")}
        earlier.pop("transcript", None)
        earlier["escalated_at"] = now.isoformat()
        top = {k: v for k, v in data.items() if k != "transcript"}
        note_now = {**note_now, **top, "earlier": [*existing.note.get("earlier", []), earlier]}
        if note.emergency is not None and not earlier.get("emergency"):
            note_now["emergency_at"] = now.isoformat()
    existing.note = note_now
    session.add(existing)
    message.handoff_id = existing.id
    return existing


def _outranks(new: Queue, current: str) -> bool:
    """True when `new` comes first in the routing rules (emergency, clinical, manager, ...)."""
    order = list(Queue)
    try:
        return order.index(new) < order.index(Queue(current))
    except ValueError:
        return True


def open_handoff_for(*, session: Session, conversation_id: int) -> Handoff | None:
    """The conversation's handoff that is not resolved yet (at most one, by a unique index)."""
    return session.exec(
        select(Handoff).where(
            Handoff.conversation_id == conversation_id,
            Handoff.status != HandoffStatus.RESOLVED,
        )
    ).first()


def append_to_handoff(
    *, session: Session, conversation: Conversation, message: Message, now: datetime
) -> Handoff | None:
    """A person owns the conversation: the message joins their handoff, the bot says nothing."""
    handoff = open_handoff_for(session=session, conversation_id=conversation.id)
    if handoff is None:
        return None
    message.handoff_id = handoff.id
    session.flush()
    handoff.note = {**handoff.note, "transcript": _transcript(session, conversation)}
    session.add(handoff)
    audit(
        session,
        clinic_id=conversation.clinic_id,
        action="handoff_appended",
        subject_type="handoff",
        subject_id=handoff.id,
        now=now,
        message_id=message.id,
    )
    return handoff


def open_error_handoff(*, session: Session, message_id: int, now: datetime) -> list[int]:
    """After a surprise in the pipeline: make sure a person sees the stored message."""
    message = session.get(Message, message_id)
    if message is None or message.conversation_id is None:
        return []
    conversation = session.get(Conversation, message.conversation_id)
    assert conversation is not None
    note = HandoffNote(
        summary="Message could not be processed automatically: please read it",
        intent=Intent.OTHER,
        queue=Queue.FRONT_DESK,
        reason=("processing error",),
        urgency=Urgency.HIGH,
        due_at=now,
        lang=message.lang or "en",
        emergency=None,
        is_upset=False,
        answering=None,
        bot_said=(),
    )
    open_handoff(session=session, conversation=conversation, message=message, note=note, now=now)
    message.status = MessageStatus.PROCESSED
    message.processed_at = now
    message.triage = {"error": True, "decided_by": "error"}
    session.add(message)
    session.flush()
    return []


# ----------------------------------------------------------------------------- on-call


def page_on_call(
    *,
    session: Session,
    clinic: Clinic,
    contact: Contact,
    message: Message,
    kind: Emergency,
    now: datetime,
) -> list[int]:
    """Text every on-call number a PHI-minimal alert: no name, no message, a masked number."""
    numbers = list(clinic.on_call_numbers or [])
    for location in session.exec(select(Location).where(Location.clinic_id == clinic.id)).all():
        numbers += [n for n in location.on_call_numbers or [] if n not in numbers]
    if not numbers:
        logger.warning(
            "emergency in message %s but clinic %s has no on-call number", message.id, clinic.id
        )
        return []
    msgid = m.PAGE_MENTAL_HEALTH if kind is Emergency.MENTAL_HEALTH else m.PAGE_MEDICAL
    body = render_text(
        msgid, lang="en", clinic=clinic_info(clinic), params={"masked": mask_phone(contact.phone)}
    )
    ids = []
    for number in numbers:
        row = queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=number,
            body=body,
            kind=MessageKind.PAGE,
            now=now,
            idempotency_key=f"page:{message.id}:{number}",
            lang="en",
        )
        if row is not None:
            ids.append(row.id)
    audit(
        session,
        clinic_id=clinic.id,
        action="on_call_paged",
        subject_type="message",
        subject_id=message.id,
        now=now,
        count=len(ids),
        kind=str(kind),
    )
    return ids
