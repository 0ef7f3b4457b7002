"""The worker's reminder pass: claim due rows, check every rule, queue the text, exactly once.

    claim_due_reminders   pending rows due now (and claims whose lease ran out) become CLAIMED
                          by this worker: `FOR UPDATE SKIP LOCKED` on PostgreSQL, a conditional
                          UPDATE (rowcount 1 wins) on SQLite; the claim is committed
    process_reminder      one transaction per row: cancelled / past / no longer wanted / stale /
                          opted out / undeliverable -> not sent, with the reason; outside quiet
                          hours or over the daily cap -> deferred; else the text is rendered in
                          the patient's language and time zone, queued in the outbox with key
                          `reminder:<id>`, the conversation marked as awaiting its answer, and
                          the row SENT, all in one commit

Exactly once: the outbox row and the SENT status commit together, and that commit is
conditional on this worker still holding the claim. A worker that dies after claiming leaves a
CLAIMED row that another worker re-claims after `LEASE`; one that dies after the commit left a
SENT row. The outbox key makes even a lease overrun harmless.

The daily cap counts per phone number (a family's phone gets at most one reminder a day, so a
bare "C" always answers one visit); the weekly cap counts per patient.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from flows import messages as m
from flows.types import Awaiting, Reply
from gateway.clinic import clinic_info
from gateway.conversations import get_or_create_conversation
from gateway.i18n import render
from gateway.logs import mask_phone
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Conversation,
    MessageKind,
    Patient,
    Reminder,
    ReminderKind,
    ReminderStatus,
)
from gateway.outbox import queue_message
from gateway.phones import is_e164
from gateway.reminders.calls import place_due_calls
from gateway.reminders.planner import (
    Policy,
    deadline_for,
    next_allowed,
    patient_zone,
    policy_for,
    window_closes,
)
from gateway.sending import Caller

logger = logging.getLogger(__name__)

#: A claim older than this belonged to a worker that died: the row is claimed again.
LEASE = timedelta(minutes=5)
BATCH = 200

#: What a landline is called about (form and video links need a screen).
VOICE_KINDS = frozenset(
    {ReminderKind.CONFIRMATION, ReminderKind.CONFIRMATION_NUDGE, ReminderKind.NO_SHOW}
)
#: `Contact.flag_reason` for Twilio error 30006 (gateway/twilio/errors.py).
LANDLINE_FLAG = "landline or unreachable carrier"

AWAITING_BY_KIND = {
    ReminderKind.CONFIRMATION: Awaiting.APPOINTMENT_REMINDER,
    ReminderKind.CONFIRMATION_NUDGE: Awaiting.APPOINTMENT_REMINDER,
    ReminderKind.FORM: Awaiting.FORM_REMINDER,
    ReminderKind.TELEHEALTH_PREP: Awaiting.TELEHEALTH_PREP,
    ReminderKind.NO_SHOW: Awaiting.NO_SHOW,
}


# ----------------------------------------------------------------------------- claiming


def _claimable(now: datetime) -> tuple[sa.ColumnElement[bool], sa.ColumnElement[bool]]:
    due = sa.and_(Reminder.status == ReminderStatus.PENDING, Reminder.due_at <= now)
    expired = sa.and_(Reminder.status == ReminderStatus.CLAIMED, Reminder.claimed_at < now - LEASE)
    return due, expired


def claim_due_reminders(*, engine: Engine, now: datetime, limit: int = BATCH) -> list[int]:
    """Claim up to `limit` due rows for this worker and commit the claim; returns their ids."""
    due, expired = _claimable(now)
    claimed: list[int] = []
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            for condition in (due, expired):
                ids = (
                    session.exec(
                        sa.select(Reminder.id)
                        .where(condition)
                        .order_by(Reminder.due_at)
                        .limit(limit - len(claimed))
                        .with_for_update(skip_locked=True)
                    )
                    .scalars()
                    .all()
                )
                claimed += ids
            if claimed:
                session.execute(
                    sa.update(Reminder)
                    .where(Reminder.id.in_(claimed))  # type: ignore[union-attr]
                    .values(
                        status=ReminderStatus.CLAIMED,
                        claimed_at=now,
                        attempts=Reminder.attempts + 1,
                    )
                )
        else:
            for condition in (due, expired):
                ids = (
                    session.exec(
                        sa.select(Reminder.id)
                        .where(condition)
                        .order_by(Reminder.due_at)
                        .limit(limit - len(claimed))
                    )
                    .scalars()
                    .all()
                )
                for reminder_id in ids:
                    won = session.execute(
                        sa.update(Reminder)
                        .where(Reminder.id == reminder_id, condition)
                        .values(
                            status=ReminderStatus.CLAIMED,
                            claimed_at=now,
                            attempts=Reminder.attempts + 1,
                        )
                    ).rowcount
                    if won == 1:
                        claimed.append(reminder_id)
        session.commit()
    return claimed


# ----------------------------------------------------------------------------- deciding


def _cap_reason(
    *,
    session: Session,
    reminder: Reminder,
    contact: Contact,
    zone: str,
    policy: Policy,
    now: datetime,
) -> str | None:
    """ "day" when the phone already got its reminder today, "week" for the patient's week."""
    local = now.astimezone(ZoneInfo(zone))
    day_start = datetime.combine(local.date(), datetime.min.time(), tzinfo=ZoneInfo(zone))
    sent_today = session.exec(
        sa.select(sa.func.count(Reminder.id))
        .join(Patient, Patient.id == Reminder.patient_id)
        .where(
            Patient.contact_id == contact.id,
            Reminder.status == ReminderStatus.SENT,
            Reminder.sent_at >= day_start,
        )
    ).scalar_one()
    if sent_today >= policy.max_per_day:
        return "day"
    sent_week = session.exec(
        sa.select(sa.func.count(Reminder.id)).where(
            Reminder.patient_id == reminder.patient_id,
            Reminder.status == ReminderStatus.SENT,
            Reminder.sent_at > now - timedelta(days=7),
        )
    ).scalar_one()
    if sent_week >= policy.max_per_week:
        return "week"
    return None


def _text(
    reminder: Reminder, appointment: Appointment, clinic: Clinic, lang: str, zone: str
) -> str | None:
    """The reminder as the patient reads it; None when it needs a link nobody configured."""
    info = clinic_info(clinic)
    params: list[tuple[str, str | datetime]] = [("when", appointment.starts_at)]
    if reminder.kind in (ReminderKind.CONFIRMATION, ReminderKind.CONFIRMATION_NUDGE):
        if reminder.kind == ReminderKind.CONFIRMATION_NUDGE:
            msgid = m.REMINDER_NUDGE
        elif appointment.is_telehealth:
            msgid = m.REMINDER_CONFIRMATION_VIDEO
        else:
            msgid = m.REMINDER_CONFIRMATION
            params.append(("location", appointment.location or clinic.name))
    elif reminder.kind == ReminderKind.FORM:
        link = appointment.forms_url or clinic.forms_url
        if not link:
            return None
        msgid = m.REMINDER_FORMS
        params += [("forms", ", ".join(appointment.forms_missing)), ("link", link)]
    elif reminder.kind == ReminderKind.TELEHEALTH_PREP:
        link = appointment.telehealth_url or clinic.telehealth_url
        if not link:
            return None
        soon = reminder.slot == "hour_before"
        msgid = m.REMINDER_TELEHEALTH_SOON if soon else m.REMINDER_TELEHEALTH_DAY_BEFORE
        params.append(("link", link))
    else:
        msgid = m.REMINDER_NO_SHOW
    return render(Reply(msgid, tuple(params)), lang=lang, clinic=info, time_zone=zone)


def _finish(
    session: Session, reminder: Reminder, status: ReminderStatus, reason: str, now: datetime
) -> None:
    reminder.status, reminder.reason, reminder.updated_at = status, reason, now
    reminder.claimed_at = None
    session.add(reminder)


def _defer(session: Session, reminder: Reminder, until: datetime, reason: str, now: datetime):
    reminder.status, reminder.reason, reminder.due_at = ReminderStatus.PENDING, reason, until
    reminder.claimed_at, reminder.updated_at = None, now
    session.add(reminder)


def process_reminder(
    *,
    session: Session,
    reminder_id: int,
    now: datetime,
    policies: dict[int, Policy] | None = None,
) -> int | None:
    """Send, defer or skip one claimed reminder and commit; returns the outbox id if queued."""
    policies = policies if policies is not None else {}
    # The first statement writes and locks the row (on SQLite, the database) until the commit
    # below, so no other worker can re-claim it meanwhile and the cap counts cannot race; and
    # a row another worker already finished (after a lease overrun) is no longer CLAIMED.
    held = session.execute(
        sa.update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.status == ReminderStatus.CLAIMED)
        .values(updated_at=now)
    ).rowcount
    if held != 1:
        session.rollback()
        return None
    reminder = session.get(Reminder, reminder_id)
    assert reminder is not None
    appointment = session.get(Appointment, reminder.appointment_id)
    patient = session.get(Patient, reminder.patient_id)
    clinic = session.get(Clinic, reminder.clinic_id)
    assert appointment is not None and patient is not None and clinic is not None
    contact = session.get(Contact, patient.contact_id) if patient.contact_id else None
    if contact is not None and session.get_bind().dialect.name == "postgresql":
        # One worker at a time per phone number, so two reminders for a family's phone cannot
        # both pass the daily cap.
        session.execute(sa.select(Contact.id).where(Contact.id == contact.id).with_for_update())
    if clinic.id not in policies:
        policies[clinic.id] = policy_for(session=session, clinic=clinic)
    policy = policies[clinic.id]
    zone = patient_zone(patient=patient, appointment=appointment, clinic=clinic)
    outbox_id = _decide_and_apply(
        session, reminder, appointment, patient, contact, clinic, policy, zone, now
    )
    session.commit()
    return outbox_id


def _decide_and_apply(
    session: Session,
    reminder: Reminder,
    appointment: Appointment,
    patient: Patient,
    contact: Contact | None,
    clinic: Clinic,
    policy: Policy,
    zone: str,
    now: datetime,
) -> int | None:
    skipped, cancelled = ReminderStatus.SKIPPED, ReminderStatus.CANCELLED
    if appointment.status == AppointmentStatus.CANCELLED:
        _finish(session, reminder, cancelled, "cancelled", now)
        return None
    if reminder.kind != ReminderKind.NO_SHOW and appointment.starts_at <= now:
        _finish(session, reminder, skipped, "past", now)
        return None
    deadline = deadline_for(reminder, appointment=appointment, zone=zone, policy=policy)
    if deadline is None:
        # The policy no longer wants it: confirmed before the nudge, forms done, no-show cleared.
        reason = "answered"
        if reminder.kind == ReminderKind.FORM:
            reason = "form_done"
        elif reminder.kind == ReminderKind.TELEHEALTH_PREP:
            reason = "cancelled"
        _finish(session, reminder, cancelled, reason, now)
        return None
    if now >= deadline or now > reminder.due_at + timedelta(hours=policy.grace_hours):
        # A worker that was down too long: a late reminder can confuse more than it helps.
        _finish(session, reminder, skipped, "stale", now)
        logger.warning("reminder %s skipped: stale (due %s)", reminder.id, reminder.due_at)
        return None
    conversation = None
    if contact is not None:
        conversation = get_or_create_conversation(session=session, contact=contact)
        if reminder.kind == ReminderKind.FORM:
            done_at = (conversation.data or {}).get("form_done_at")
            if done_at and datetime.fromisoformat(done_at) >= reminder.created_at:
                _finish(session, reminder, cancelled, "form_done", now)
                return None
    if contact is None or contact.is_opted_out:
        _finish(session, reminder, skipped, "opted_out" if contact else "undeliverable", now)
        return None
    by_voice = is_landline(contact)
    if (contact.is_flagged and not by_voice) or not is_e164(contact.phone):
        _finish(session, reminder, skipped, "undeliverable", now)
        return None
    if by_voice and reminder.kind not in VOICE_KINDS:
        # A landline cannot open a link: only the visit itself is worth a call.
        _finish(session, reminder, skipped, "undeliverable", now)
        return None
    allowed = next_allowed(now, zone=zone, policy=policy)
    if allowed != now:
        if allowed >= deadline:
            _finish(session, reminder, skipped, "quiet_hours", now)
        else:
            _defer(session, reminder, allowed, "quiet_hours", now)
        return None
    cap = _cap_reason(
        session=session, reminder=reminder, contact=contact, zone=zone, policy=policy, now=now
    )
    if cap == "day":
        local_day = now.astimezone(ZoneInfo(zone)).date() + timedelta(days=1)
        tomorrow = next_allowed(
            datetime.combine(local_day, datetime.min.time(), tzinfo=ZoneInfo(zone)),
            zone=zone,
            policy=policy,
        )
        if tomorrow < deadline:
            _defer(session, reminder, tomorrow, "cap_reached", now)
        else:
            _finish(session, reminder, skipped, "cap_reached", now)
        return None
    if cap == "week":
        _finish(session, reminder, skipped, "cap_reached", now)
        return None
    lang = contact.preferred_language or patient.preferred_language or "en"
    assert conversation is not None
    if by_voice:
        # The call is placed after this commit (gateway.reminders.calls), never inside it.
        reminder.status, reminder.reason, reminder.updated_at = (
            ReminderStatus.CALL_QUEUED,
            None,
            now,
        )
        session.add(reminder)
        _await_answer(session, conversation, reminder, appointment, now)
        return None
    text = _text(reminder, appointment, clinic, lang, zone)
    if text is None:
        _finish(session, reminder, skipped, "no_link", now)
        return None
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=contact.phone,
        body=text,
        kind=MessageKind.REMINDER,
        now=now,
        idempotency_key=f"reminder:{reminder.id}",
        conversation_id=conversation.id,
        lang=lang,
        # A retry never lands after the visit's deadline or outside tonight's quiet hours.
        not_after=min(deadline, window_closes(now, zone=zone, policy=policy)),
    )
    if message is None:
        # Queued before by a holder whose commit we cannot see: never a second text.
        _finish(session, reminder, ReminderStatus.SENT, "already_queued", now)
        return None
    _await_answer(session, conversation, reminder, appointment, now)
    reminder.status, reminder.reason, reminder.sent_at = ReminderStatus.SENT, None, now
    reminder.message_id, reminder.updated_at = message.id, now
    session.add(reminder)
    logger.info(
        "reminder %s (%s) queued as outbox %s to %s",
        reminder.id,
        reminder.kind,
        message.id,
        mask_phone(contact.phone),
    )
    return message.id


def _await_answer(
    session: Session,
    conversation: Conversation,
    reminder: Reminder,
    appointment: Appointment,
    now: datetime,
) -> None:
    """A short reply (or a key pressed) from now on answers this reminder's visit."""
    conversation.awaiting = AWAITING_BY_KIND[reminder.kind].value
    conversation.awaiting_appointment_id = appointment.id
    conversation.awaiting_set_at = now
    conversation.last_outbound_at = now
    session.add(conversation)


def is_landline(contact: Contact) -> bool:
    """A number that gets reminder calls: a landline on file, or Twilio's 30006 flag."""
    return contact.phone_type == "landline" or (
        contact.is_flagged and contact.flag_reason == LANDLINE_FLAG
    )


def dispatch_due_reminders(
    *, engine: Engine, now: datetime, max_batches: int = 50, caller: Caller | None = None
) -> list[int]:
    """The worker's pass: claim and process due reminders, then place due reminder calls
    (with `caller`); returns the outbox ids queued."""
    queued: list[int] = []
    policies: dict[int, Policy] = {}
    for _ in range(max_batches):
        ids = claim_due_reminders(engine=engine, now=now)
        if not ids:
            break
        with Session(engine, expire_on_commit=False) as session:
            for reminder_id in ids:
                try:
                    outbox_id = process_reminder(
                        session=session, reminder_id=reminder_id, now=now, policies=policies
                    )
                except Exception as error:  # noqa: BLE001 - one bad row must not stop the pass
                    session.rollback()
                    logger.error(
                        "reminder %s failed (%s); retried after the lease",
                        reminder_id,
                        type(error).__name__,
                    )
                    continue
                if outbox_id is not None:
                    queued.append(outbox_id)
    if caller is not None:
        place_due_calls(engine=engine, caller=caller, now=now)
    return queued
