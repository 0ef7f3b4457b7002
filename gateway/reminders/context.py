"""What the reminder flows may know about a conversation, read from the database.

`gateway.conversations.build_situation` adds these fields to the engine's `Situation`: the
visit being discussed, how many patients share the number, each one's date of birth and next
visit (for the date-of-birth check on a shared phone), and whether a person has claimed the
open handoff.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from flows.types import Visit
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Conversation,
    Handoff,
    HandoffStatus,
    Patient,
)

UPCOMING = (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)


def visit_of(appointment: Appointment, *, zone: str) -> Visit:
    """An appointment as a flow may speak of it."""
    return Visit(
        starts_at=appointment.starts_at,
        time_zone=zone,
        location=appointment.location,
        is_telehealth=appointment.is_telehealth,
        telehealth_url=appointment.telehealth_url,
        forms_missing=tuple(appointment.forms_missing),
        forms_url=appointment.forms_url,
    )


def _next_visit(session: Session, patient: Patient, now: datetime) -> Appointment | None:
    return (
        session.exec(
            sa.select(Appointment)
            .where(
                Appointment.patient_id == patient.id,
                Appointment.starts_at > now,
                Appointment.status.in_(UPCOMING),  # type: ignore[attr-defined]
            )
            .order_by(Appointment.starts_at)
        )
        .scalars()
        .first()
    )


def reminder_context(
    *,
    session: Session,
    contact: Contact,
    patients: list[Patient],
    appointment: Appointment | None,
    now: datetime,
) -> dict[str, Any]:
    """Keyword arguments for `Situation` (the reminder fields)."""
    clinic = session.get(Clinic, contact.clinic_id)
    default_zone = clinic.time_zone if clinic else "America/New_York"

    def zone_of(patient: Patient | None, visit: Appointment) -> str:
        return (patient.time_zone if patient else None) or visit.time_zone or default_zone

    visit = None
    if appointment is not None:
        owner = next((p for p in patients if p.id == appointment.patient_id), None)
        visit = visit_of(appointment, zone=zone_of(owner, appointment))
    candidates = []
    if len(patients) > 1:
        for patient in patients:
            upcoming = _next_visit(session, patient, now)
            candidates.append(
                (
                    patient.date_of_birth,
                    visit_of(upcoming, zone=zone_of(patient, upcoming)) if upcoming else None,
                )
            )
    conversation_ids = sa.select(Conversation.id).where(Conversation.contact_id == contact.id)
    claimed = session.exec(
        sa.select(Handoff.id).where(
            Handoff.conversation_id.in_(conversation_ids),  # type: ignore[attr-defined]
            Handoff.status.in_([HandoffStatus.CLAIMED, HandoffStatus.WAITING]),  # type: ignore[attr-defined]
        )
    ).first()
    return {
        "visit": visit,
        "patients_on_number": len(patients),
        "candidates": tuple(candidates),
        "is_handoff_claimed": claimed is not None,
    }
