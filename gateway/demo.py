"""Demo data: one clinic, a few fictional patients and the reminders they are about to answer.

`flask --app gateway seed-demo` (and `scripts/demo.py`) call `seed_demo`. It is idempotent:
every row has a stable key (a clinic slug, a patient or appointment `external_id`, a message
`idempotency_key`), so running it again creates nothing new and changes nothing already there.

Every name is invented and every number is in the 202-555-01xx range kept for fiction. Two
patients already got an automated reminder (stored as delivered outbound messages), so a
newcomer can answer "C" or "DONE" in the simulator and watch the flow finish it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Flask
from sqlmodel import Session, select

from gateway.clinic import upsert_clinic
from gateway.models import (
    Appointment,
    Clinic,
    Contact,
    Conversation,
    Direction,
    Message,
    MessageKind,
    Patient,
)
from gateway.outbox import PROVIDER_STATUS

logger = logging.getLogger(__name__)

DEMO_CLINIC_NUMBER = "+12025550100"
DEMO_ON_CALL_NUMBER = "+12025550199"
DEMO_TIME_ZONE = "America/New_York"
CLINIC_NAME = "Riverside Family Clinic"


@dataclass(frozen=True)
class DemoPatient:
    """One fictional patient and the phone they text from."""

    key: str
    name: str
    phone: str
    born: date
    language: str


@dataclass(frozen=True)
class DemoAppointment:
    """An upcoming visit: `days` after today (clinic time), at `at` local time."""

    key: str
    patient: str
    days: int
    at: time
    provider: str
    is_telehealth: bool = False


PATIENTS = (
    DemoPatient("demo-p1", "Maya Thompson", "+12025550111", date(1986, 4, 2), "en"),
    DemoPatient("demo-p2", "Lucía Ramírez", "+12025550112", date(1971, 9, 18), "es"),
    DemoPatient("demo-p3", "Grace Okafor", "+12025550113", date(1994, 1, 27), "en"),
    # A parent and a child on one phone: the gateway must confirm identity before details.
    DemoPatient("demo-p4", "David Chen", "+12025550114", date(1979, 6, 5), "en"),
    DemoPatient("demo-p5", "Lily Chen", "+12025550114", date(2016, 11, 12), "en"),
)

APPOINTMENTS = (
    DemoAppointment("demo-a1", "demo-p1", 1, time(9, 30), "Dr. Alvarez"),
    DemoAppointment("demo-a2", "demo-p2", 3, time(10, 15), "Dr. Alvarez"),
    DemoAppointment("demo-a3", "demo-p3", 4, time(14, 0), "Dr. Patel"),
    DemoAppointment("demo-a4", "demo-p4", 2, time(11, 0), "Dr. Patel", is_telehealth=True),
    DemoAppointment("demo-a5", "demo-p5", 6, time(15, 30), "Dr. Nguyen"),
)

#: `Conversation.awaiting` -> (patient key, appointment key): the reminders already delivered.
AWAITING = {
    "appointment_reminder": ("demo-p1", "demo-a1"),
    "form_reminder": ("demo-p3", "demo-a3"),
}

FORMS_URL = "https://forms.example.org/riverside"

#: Demo staff accounts (development only): (email, role, name, password), printed by the demo.
DEMO_STAFF = (
    ("nurse@demo.clinic", "clinical", "Nurse Jordan", "demo-nurse-password"),
    ("manager@demo.clinic", "manager", "Manager Sam", "demo-manager-password"),
    ("frontdesk@demo.clinic", "front_desk", "Front desk Alex", "demo-frontdesk-password"),
)


def clinic_data(clinic_number: str) -> dict:
    """The demo clinic as clinic-config data (the same shape as a CLINIC_CONFIG file)."""
    return {
        "slug": "main",
        "name": CLINIC_NAME,
        "phone": "(202) 555-0100",
        "time_zone": DEMO_TIME_ZONE,
        "languages": ["en", "es"],
        "on_call_numbers": [DEMO_ON_CALL_NUMBER],
        "portal_url": "https://portal.example.org/riverside",
        "forms_url": FORMS_URL,
        "telehealth_url": "https://video.example.org/riverside",
        "hours": {str(day): ["08:00", "17:00"] for day in range(5)},
        "locations": [{"name": "Riverside Main St", "twilio_number": clinic_number}],
    }


def reminder_text(kind: str, starts_at: datetime) -> str:
    """The English wording of a demo reminder (C / R / X codes, never CANCEL or STOP)."""
    when = format_datetime(
        starts_at, "EEE, MMM d, h:mm a", tzinfo=ZoneInfo(DEMO_TIME_ZONE), locale="en_US"
    )
    if kind == "appointment_reminder":
        return (
            f"{CLINIC_NAME}: reminder of your visit on {when}. "
            "Reply C to confirm, R to reschedule, X to cancel."
        )
    return (
        f"{CLINIC_NAME}: your intake form for your visit is not complete. "
        f"Finish it at {FORMS_URL} and reply DONE when finished."
    )


def seed_demo(app: Flask, *, now: datetime) -> Clinic:
    """Create the demo clinic, patients, appointments and delivered reminders (idempotent)."""
    gateway = app.extensions["gateway"]
    clinic_number = gateway.settings.twilio_from_number or DEMO_CLINIC_NUMBER
    with Session(gateway.engine, expire_on_commit=False) as session:
        clinic = upsert_clinic(session=session, data=clinic_data(clinic_number))
        patients = {spec.key: _ensure_patient(session, clinic, spec) for spec in PATIENTS}
        appointments = {
            spec.key: _ensure_appointment(session, clinic, patients[spec.patient], spec, now)
            for spec in APPOINTMENTS
        }
        for awaiting, (patient_key, appointment_key) in AWAITING.items():
            _ensure_reminder(
                session,
                clinic,
                patients[patient_key],
                appointments[appointment_key],
                awaiting=awaiting,
                clinic_number=clinic_number,
                now=now,
            )
        if gateway.settings.is_development:
            _ensure_staff(session, now)
        session.commit()
        logger.info("demo data ready for clinic %s", clinic.id)
        return clinic


def _ensure_patient(session: Session, clinic: Clinic, spec: DemoPatient) -> Patient:
    contact = session.exec(
        select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == spec.phone)
    ).first()
    if contact is None:
        contact = Contact(clinic_id=clinic.id, phone=spec.phone, preferred_language=spec.language)
        session.add(contact)
        session.flush()
    patient = session.exec(
        select(Patient).where(Patient.clinic_id == clinic.id, Patient.external_id == spec.key)
    ).first()
    if patient is None:
        patient = Patient(
            clinic_id=clinic.id,
            contact_id=contact.id,
            external_id=spec.key,
            name=spec.name,
            date_of_birth=spec.born,
            preferred_language=spec.language,
            time_zone=DEMO_TIME_ZONE,
        )
        session.add(patient)
        session.flush()
    return patient


def _ensure_appointment(
    session: Session, clinic: Clinic, patient: Patient, spec: DemoAppointment, now: datetime
) -> Appointment:
    appointment = session.exec(
        select(Appointment).where(
            Appointment.clinic_id == clinic.id, Appointment.external_id == spec.key
        )
    ).first()
    if appointment is not None:
        return appointment
    zone = ZoneInfo(DEMO_TIME_ZONE)
    day = now.astimezone(zone).date() + timedelta(days=spec.days)
    appointment = Appointment(
        clinic_id=clinic.id,
        patient_id=patient.id,
        external_id=spec.key,
        starts_at=datetime.combine(day, spec.at, tzinfo=zone),
        provider=spec.provider,
        is_telehealth=spec.is_telehealth,
    )
    session.add(appointment)
    session.flush()
    return appointment


def _ensure_reminder(
    session: Session,
    clinic: Clinic,
    patient: Patient,
    appointment: Appointment,
    *,
    awaiting: str,
    clinic_number: str,
    now: datetime,
) -> None:
    contact = session.get(Contact, patient.contact_id)
    assert contact is not None  # _ensure_patient always links one
    conversation = session.exec(
        select(Conversation).where(
            Conversation.clinic_id == clinic.id, Conversation.contact_id == contact.id
        )
    ).first()
    if conversation is None:
        sent_at = now - timedelta(minutes=20)
        conversation = Conversation(
            clinic_id=clinic.id,
            contact_id=contact.id,
            awaiting=awaiting,
            awaiting_appointment_id=appointment.id,
            awaiting_set_at=sent_at,
            last_outbound_at=sent_at,
        )
        session.add(conversation)
        session.flush()
    key = f"demo:{awaiting}:{appointment.external_id}"
    if session.exec(select(Message).where(Message.idempotency_key == key)).first() is not None:
        return
    sent_at = conversation.awaiting_set_at or now
    session.add(
        Message(
            clinic_id=clinic.id,
            conversation_id=conversation.id,
            direction=Direction.OUTBOUND,
            kind=MessageKind.REMINDER,
            from_number=clinic_number,
            to_number=contact.phone,
            body=reminder_text(awaiting, appointment.starts_at),
            lang="en",
            twilio_sid=f"SMdemo{appointment.external_id.replace('-', '')}{awaiting[:4]}",
            idempotency_key=key,
            # Stored as the outbox would leave it once Twilio reported delivery.
            status=PROVIDER_STATUS["delivered"][0],
            status_rank=PROVIDER_STATUS["delivered"][1],
            attempts=1,
            created_at=sent_at,
            sent_at=sent_at,
        )
    )
    session.flush()


def _ensure_staff(session: Session, now: datetime) -> None:
    """The demo's staff accounts, with the known passwords the demo prints (never outside
    development: a known password on a real deployment would be an open door)."""
    from gateway.models import StaffRole, StaffUser
    from gateway.staff.auth import create_staff

    for email, role, name, password in DEMO_STAFF:
        if session.exec(select(StaffUser).where(StaffUser.email == email)).first() is None:
            create_staff(
                session=session,
                email=email,
                password=password,
                role=StaffRole(role),
                name=name,
                now=now,
            )
