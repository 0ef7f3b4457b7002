"""Emergencies are acknowledged: page the next on-call number while nobody opens one.

The first page goes out with the emergency itself (`gateway.effects.page_on_call`). This job,
run by the worker's tick, looks for open emergency handoffs that no staff member has opened
(`HandoffWork.emergency_viewed_at`) for `STAFF_ACK_MINUTES` since they became emergencies, and
pages the next number of `STAFF_ESCALATION_NUMBERS` (the clinic's on-call numbers again when
none are set), one more number each further `STAFF_ACK_MINUTES`. The text is PHI-free (a masked
number, no words of the patient's) and goes through the outbox with a unique key per round, so
a second worker or a retried tick never pages twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from gateway.effects import audit
from gateway.logs import mask_phone
from gateway.models import (
    Clinic,
    Contact,
    Conversation,
    Handoff,
    HandoffStatus,
    HandoffWork,
    MessageKind,
)
from gateway.outbox import queue_message
from gateway.staff.cases import work_for

logger = logging.getLogger(__name__)

#: Staff-facing English, like the first page: no name, no words of the patient's.
UNACKNOWLEDGED_PAGE = (
    "URGENT {clinic}: an emergency from patient {masked} has not been opened by staff for "
    "{minutes} min. Open the staff queue now."
)


def emergency_since(handoff: Handoff) -> datetime:
    """When the handoff became an emergency (it may have opened as something milder)."""
    stamp = (handoff.note or {}).get("emergency_at")
    if stamp:
        try:
            return datetime.fromisoformat(stamp)
        except ValueError:
            pass
    return handoff.opened_at


def escalation_numbers(settings, clinic: Clinic) -> list[str]:
    numbers = [n.strip() for n in settings.staff_escalation_numbers.split(",") if n.strip()]
    return numbers or list(clinic.on_call_numbers or [])


def page_unacknowledged_emergencies(*, engine: Engine, settings, now: datetime) -> list[int]:
    """Queue the next escalation page for each unopened emergency; returns the outbox ids."""
    wait = timedelta(minutes=settings.staff_ack_minutes)
    ids: list[int] = []
    with Session(engine, expire_on_commit=False) as session:
        rows = session.exec(
            select(Handoff, HandoffWork)
            .join(HandoffWork, HandoffWork.handoff_id == Handoff.id, isouter=True)
            .where(
                Handoff.is_emergency.is_(True),  # type: ignore[attr-defined]
                Handoff.status != HandoffStatus.RESOLVED,
            )
        ).all()
        for handoff, work in rows:
            if work is not None and work.emergency_viewed_at is not None:
                continue
            pages = work.ack_pages if work is not None else 0
            elapsed = now - emergency_since(handoff)
            if elapsed < wait * (pages + 1):
                continue
            clinic = session.get(Clinic, handoff.clinic_id)
            conversation = session.get(Conversation, handoff.conversation_id)
            contact = session.get(Contact, conversation.contact_id) if conversation else None
            if clinic is None or contact is None:
                continue
            numbers = escalation_numbers(settings, clinic)
            if not numbers:
                logger.warning("emergency handoff %s unopened and no number to page", handoff.id)
                continue
            number = numbers[pages % len(numbers)]
            body = UNACKNOWLEDGED_PAGE.format(
                clinic=clinic.name,
                masked=mask_phone(contact.phone),
                minutes=int(elapsed.total_seconds() // 60),
            )
            row = queue_message(
                session=session,
                clinic_id=clinic.id,
                to_number=number,
                body=body,
                kind=MessageKind.PAGE,
                now=now,
                idempotency_key=f"ack-page:{handoff.id}:{pages + 1}",
                lang="en",
            )
            work = work or work_for(session=session, handoff=handoff, now=now)
            work.ack_pages = pages + 1
            work.last_ack_page_at = now
            work.updated_at = now
            session.add(work)
            audit(
                session,
                clinic_id=clinic.id,
                action="emergency_unacknowledged_paged",
                subject_type="handoff",
                subject_id=handoff.id,
                now=now,
                round=pages + 1,
                to=mask_phone(number),
            )
            session.commit()
            if row is not None:
                ids.append(row.id)
            logger.warning(
                "emergency handoff %s unopened for %s; paged %s (round %s)",
                handoff.id,
                elapsed,
                mask_phone(number),
                pages + 1,
            )
    return ids
