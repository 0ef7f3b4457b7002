"""Reminder calls to landlines: placed after the dispatch commit, answered by keypad.

dispatch (one commit)   a landline's due confirmation or no-show reminder becomes
                        CALL_QUEUED, after the same quiet hours, caps and opt-out checks
                        as a text, and the conversation awaits its answer
place_due_calls         CALL_QUEUED -> CALLING (a conditional update, committed), then the
                        Calls API (`Caller`, the real twilio client in gateway/twilio/), then
                        SENT with the CallSid. A worker that dies between the claim and the
                        answer leaves CALLING, which is never retried: a person sees it
                        (`reason` "call_unknown" after `STUCK_AFTER`), because a second
                        robocall is worse than a missing one
keypress                1 confirm, 2 reschedule, 3 cancel (9 repeats, in the TwiML): run
                        through the same flows as a texted C / R / X, stored as a KEYPAD
                        message deduplicated on (CallSid, digit), effects applied in one
                        commit; what the patient hears is a spoken reply, never a text
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from flows import messages as m
from flows.types import Awaiting, Inbound, Reply
from gateway.clinic import clinic_info
from gateway.i18n import render
from gateway.logs import mask_phone
from gateway.models import (
    Appointment,
    Clinic,
    Contact,
    Direction,
    Location,
    Message,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Patient,
    Reminder,
    ReminderStatus,
)
from gateway.reminders.planner import patient_zone

logger = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=10)
KEYPAD_CODES = {"1": "C", "2": "R", "3": "X"}
SPOKEN_ANSWER = {"1": m.VOICE_CONFIRMED, "2": m.VOICE_RESCHEDULE, "3": m.VOICE_CANCELLED}


class CallError(Exception):
    """The provider refused or never answered the call request."""


class Caller(Protocol):
    def call(self, *, to: str, from_: str, url: str) -> str:
        """Place a call whose TwiML is at `url`; returns the CallSid or raises CallError."""
        ...


def _from_number(session: Session, clinic_id: int, default: str) -> str:
    number = session.exec(
        sa.select(Location.twilio_number).where(
            Location.clinic_id == clinic_id,
            Location.twilio_number.is_not(None),  # type: ignore[union-attr]
        )
    ).first()
    return (number[0] if number else None) or default


def place_due_calls(*, engine: Engine, caller: Caller, now: datetime) -> int:
    """Place every queued reminder call once; returns how many were placed."""
    placed = 0
    public_base_url = getattr(caller, "public_base_url", "")
    default_from = getattr(caller, "from_number", "")
    with Session(engine, expire_on_commit=False) as session:
        session.execute(
            sa.update(Reminder)
            .where(
                Reminder.status == ReminderStatus.CALLING,
                Reminder.updated_at < now - STUCK_AFTER,
                Reminder.call_sid.is_(None),  # type: ignore[union-attr]
            )
            .values(status=ReminderStatus.SKIPPED, reason="call_unknown", updated_at=now)
        )
        session.commit()
        queued = (
            session.exec(
                sa.select(Reminder.id).where(Reminder.status == ReminderStatus.CALL_QUEUED)
            )
            .scalars()
            .all()
        )
        for reminder_id in queued:
            won = session.execute(
                sa.update(Reminder)
                .where(Reminder.id == reminder_id, Reminder.status == ReminderStatus.CALL_QUEUED)
                .values(status=ReminderStatus.CALLING, updated_at=now)
            ).rowcount
            session.commit()
            if won != 1:
                continue  # another worker has it
            reminder = session.get(Reminder, reminder_id)
            patient = session.get(Patient, reminder.patient_id)
            contact = session.get(Contact, patient.contact_id)
            url = f"{public_base_url}/twilio/voice/reminder?reminder_id={reminder_id}"
            try:
                sid = caller.call(
                    to=contact.phone,
                    from_=_from_number(session, reminder.clinic_id, default_from),
                    url=url,
                )
            except CallError as error:
                reminder.status, reminder.reason = ReminderStatus.SKIPPED, "call_failed"
                logger.warning("reminder call %s failed: %s", reminder_id, error)
            else:
                reminder.status, reminder.call_sid, reminder.sent_at = (
                    ReminderStatus.SENT,
                    sid,
                    now,
                )
                placed += 1
                logger.info(
                    "reminder %s: call placed to %s", reminder_id, mask_phone(contact.phone)
                )
            reminder.updated_at = now
            session.add(reminder)
            session.commit()
    return placed


@dataclasses.dataclass(frozen=True)
class Spoken:
    text: str
    lang: str


def _parts(session: Session, reminder: Reminder):
    appointment = session.get(Appointment, reminder.appointment_id)
    patient = session.get(Patient, reminder.patient_id)
    clinic = session.get(Clinic, reminder.clinic_id)
    contact = session.get(Contact, patient.contact_id)
    lang = contact.preferred_language or patient.preferred_language or "en"
    zone = patient_zone(patient=patient, appointment=appointment, clinic=clinic)
    return appointment, patient, clinic, contact, lang, zone


def reminder_speech(*, session: Session, reminder: Reminder, machine: bool) -> Spoken:
    """What the call says: the menu to a person, a short message to an answering machine."""
    appointment, _patient, clinic, _contact, lang, zone = _parts(session, reminder)
    msgid = m.VOICE_REMINDER_MACHINE if machine else m.VOICE_REMINDER
    params = (("when", appointment.starts_at), ("location", appointment.location or clinic.name))
    text = render(Reply(msgid, params), lang=lang, clinic=clinic_info(clinic), time_zone=zone)
    return Spoken(text, lang)


def keypress(
    *, session: Session, reminder: Reminder, digit: str, call_sid: str, now: datetime
) -> Spoken:
    """Apply a key pressed during a reminder call through the flows; returns what to say."""
    from gateway import effects
    from gateway.conversations import Decision, build_situation, decide, get_or_create_conversation

    appointment, _patient, clinic, contact, lang, _zone = _parts(session, reminder)
    info = clinic_info(clinic)
    spoken = render(Reply(SPOKEN_ANSWER[digit]), lang=lang, clinic=info)
    conversation = get_or_create_conversation(session=session, contact=contact)
    message = Message(
        clinic_id=clinic.id,
        conversation_id=conversation.id,
        direction=Direction.INBOUND,
        channel=MessageChannel.KEYPAD,
        kind=MessageKind.PATIENT,
        from_number=contact.phone,
        body=f"[keypad {digit}]",
        twilio_sid=f"{call_sid}:{digit}"[:64],
        call_sid=call_sid,
        status=MessageStatus.RECEIVED,
        created_at=now,
        processing_started_at=now,
    )
    try:
        session.add(message)
        session.flush()
    except IntegrityError:
        session.rollback()  # Twilio retried the same keypress: it counted once
        return Spoken(spoken, lang)
    # The key answers the visit this call was about, whatever was texted since.
    conversation.awaiting = (
        Awaiting.NO_SHOW.value
        if reminder.kind == "no_show"
        else Awaiting.APPOINTMENT_REMINDER.value
    )
    conversation.awaiting_appointment_id = appointment.id
    conversation.awaiting_set_at = now
    situation, found, _zone = build_situation(
        session=session,
        contact=contact,
        conversation=conversation,
        now=now,
        carrier_answers_keywords=False,
    )
    decision = decide(
        inbound=Inbound(KEYPAD_CODES[digit]), situation=situation, clinic=info, now=now
    )
    if digit == "2":
        # A landline cannot text its preferred times: the flow's next step hands it to a
        # scheduler now, who calls back.
        situation = dataclasses.replace(situation, awaiting=Awaiting.RESCHEDULE_TIMES)
        decision = decide(
            inbound=Inbound("by phone: please call back"), situation=situation, clinic=info, now=now
        )
    silent = Decision(outcome=dataclasses.replace(decision.outcome, replies=()), texts=())
    effects.apply_decision(
        session=session,
        decision=silent,
        message=message,
        conversation=conversation,
        contact=contact,
        clinic=clinic,
        appointment=found,
        now=now,
    )
    session.commit()
    return Spoken(spoken, lang)


def reminder_for_call(*, session: Session, reminder_id: int) -> Reminder | None:
    reminder = session.get(Reminder, reminder_id)
    if reminder is None or reminder.call_sid is None and reminder.status != ReminderStatus.CALLING:
        return None
    return reminder
