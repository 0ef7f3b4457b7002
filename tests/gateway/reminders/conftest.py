"""Fixtures for the reminder tests: CSV files as a practice system exports them, and imports."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from gateway.models import Appointment, Clinic, Reminder
from gateway.reminders.importer import ImportResult, import_text

COLUMNS = (
    "appointment_id",
    "patient_id",
    "first_name",
    "last_name",
    "phone",
    "date_of_birth",
    "language",
    "start",
    "timezone",
    "location",
    "provider",
    "visit_type",
    "telehealth_url",
    "forms_missing",
    "forms_url",
    "status",
    "phone_type",
)


def row(**fields: Any) -> dict[str, str]:
    """One CSV record with sensible defaults (an in-person visit in New York)."""
    values = {
        "appointment_id": "A1",
        "patient_id": "P1",
        "first_name": "Ana",
        "last_name": "Lopez",
        "phone": "(202) 555-0123",
        "date_of_birth": "1980-03-11",
        "language": "en",
        "start": "2026-11-24 09:30",
        "timezone": "America/New_York",
        "location": "Main St, Suite 200",
        "provider": "Dr. Patel",
        "visit_type": "in_person",
        "telehealth_url": "",
        "forms_missing": "",
        "forms_url": "",
        "status": "scheduled",
        "phone_type": "",
    }
    values.update({key: str(value) for key, value in fields.items()})
    return values


def to_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


@pytest.fixture
def import_csv(session: Session, clinic: Clinic) -> Callable[..., ImportResult]:
    """Import CSV records as of `now`, as `flask --app gateway import-appointments` does."""

    def run(rows: list[dict[str, str]], *, now: datetime) -> ImportResult:
        result = import_text(session=session, clinic=clinic, text=to_csv(rows), now=now)
        session.expire_all()
        return result

    return run


@pytest.fixture
def reminders_of(session: Session) -> Callable[[str], dict[tuple[str, str], Reminder]]:
    """The reminder rows of an appointment by its external id, keyed (kind, slot)."""

    def get(external_id: str) -> dict[tuple[str, str], Reminder]:
        session.expire_all()
        appointment = session.exec(
            sa.select(Appointment).where(Appointment.external_id == external_id)
        ).scalar_one()
        rows = session.exec(
            sa.select(Reminder).where(Reminder.appointment_id == appointment.id)
        ).scalars()
        return {(str(r.kind), r.slot): r for r in rows}

    return get
