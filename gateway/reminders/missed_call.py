"""Missed-call text-back: one text soon after a call that ended with no voicemail.

Called from `gateway.voicemail.on_missed_call` in the caller's transaction. At most one a day
per number (the outbox key `missed_call:<contact>:<local date>`), never to an opted-out,
flagged, landline or non-dialable number, and inside the clinic's allowed hours in the
caller's time zone (a call at 21:00 is answered at 08:00). Replies route to scheduling
(`flows/reminders/missed_call.py`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session

from flows import messages as m
from flows.types import Awaiting, Reply
from gateway.clinic import clinic_info
from gateway.conversations import get_or_create_conversation
from gateway.i18n import render
from gateway.logs import mask_phone
from gateway.models import Call, Clinic, Contact, MessageKind, Patient
from gateway.outbox import queue_message
from gateway.phones import is_e164
from gateway.reminders.planner import next_allowed, policy_for, window_closes

logger = logging.getLogger(__name__)

RECENT = timedelta(days=2)


def text_back(
    *, session: Session, call: Call, contact: Contact | None, now: datetime
) -> int | None:
    """Queue the text-back for a missed call; returns the outbox id, or None if not sent."""
    if contact is None or contact.is_opted_out or contact.is_flagged:
        return None
    if contact.phone_type == "landline" or not is_e164(contact.phone):
        return None
    clinic = session.get(Clinic, call.clinic_id)
    assert clinic is not None
    patients = session.exec(sa.select(Patient).where(Patient.contact_id == contact.id)).scalars()
    zone = next((p.time_zone for p in patients if p.time_zone), None) or clinic.time_zone
    policy = policy_for(session=session, clinic=clinic)
    send_at = next_allowed(now, zone=zone, policy=policy)
    # Retries stay inside the allowed hours of the day it goes out; after them it expires.
    not_after = window_closes(send_at, zone=zone, policy=policy)
    day = send_at.astimezone(ZoneInfo(zone)).date().isoformat()
    lang = contact.preferred_language or "en"
    conversation = get_or_create_conversation(session=session, contact=contact)
    text = render(Reply(m.MISSED_CALL_TEXT_BACK), lang=lang, clinic=clinic_info(clinic))
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=contact.phone,
        body=text,
        kind=MessageKind.REMINDER,
        now=now,
        idempotency_key=f"missed_call:{contact.id}:{day}",
        conversation_id=conversation.id,
        lang=lang,
        retry_for=not_after - now,
        not_after=not_after,
    )
    if message is None:
        return None  # this number already got one today
    message.next_attempt_at = send_at  # quiet hours: the outbox sends it from then on
    session.add(message)
    recent = conversation.awaiting_set_at and now - conversation.awaiting_set_at < RECENT
    if not (recent and conversation.awaiting == Awaiting.APPOINTMENT_REMINDER.value):
        # A visit reminder sent in the last two days keeps its context: "C" still confirms.
        conversation.awaiting = Awaiting.MISSED_CALL.value
        conversation.awaiting_set_at = now
    session.add(conversation)
    session.flush()
    logger.info("missed-call text-back queued as outbox %s to %s", message.id,
                mask_phone(contact.phone))  # fmt: skip
    return message.id
