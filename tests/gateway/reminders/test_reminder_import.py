"""Importing appointments (CSV and FHIR R4) and planning their reminders."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from gateway.models import Appointment, AppointmentStatus, Contact, Patient, ReminderStatus
from tests.gateway.reminders.conftest import row, to_csv

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
CONFIRMATION_DUE = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)  # Sat 10:00 in New York


def test_csv_import_creates_the_visit_and_plans_its_reminders(import_csv, reminders_of, session):
    result = import_csv(
        [row(forms_missing="Health history; Consent", forms_url="https://f.example/x")], now=NOW
    )
    assert (result.created, result.errors) == (1, [])
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.starts_at == datetime(2026, 11, 24, 14, 30, tzinfo=UTC)
    assert appointment.forms_missing == ["Health history", "Consent"]
    assert appointment.location == "Main St, Suite 200"
    patient = session.get(Patient, appointment.patient_id)
    assert patient.name == "Ana Lopez" and patient.time_zone == "America/New_York"
    assert session.get(Contact, patient.contact_id).phone == "+12025550123"
    planned = reminders_of("A1")
    assert planned[("confirmation", "0")].due_at == CONFIRMATION_DUE
    assert planned[("confirmation_nudge", "0")].due_at == CONFIRMATION_DUE + timedelta(days=1)
    assert {slot for kind, slot in planned if kind == "form"} == {"d7", "d4", "d2"}
    assert ("telehealth_prep", "day_before") not in planned


def test_telehealth_visit_gets_prep_the_day_before_and_an_hour_before(import_csv, reminders_of):
    import_csv([row(visit_type="telehealth", telehealth_url="https://v.example/j")], now=NOW)
    planned = reminders_of("A1")
    assert planned[("telehealth_prep", "day_before")].due_at == datetime(
        2026, 11, 23, 15, 0, tzinfo=UTC
    )
    assert planned[("telehealth_prep", "hour_before")].due_at == datetime(
        2026, 11, 24, 13, 30, tzinfo=UTC
    )


def test_row_errors_name_line_and_field_and_good_rows_still_import(import_csv, session):
    result = import_csv(
        [
            row(appointment_id="A1", patient_id="P1"),
            row(appointment_id="A2", patient_id="P2", phone="12"),
            row(appointment_id="A3", patient_id="P3", start="next tuesday"),
            row(appointment_id="A4", patient_id="P4", timezone="Mars/Olympus"),
            row(appointment_id="A5", patient_id="P5", visit_type="drive_through"),
            row(appointment_id="A6", patient_id="P6", start="2026-03-08 02:30"),
            row(appointment_id="A7", patient_id="P7"),
        ],
        now=NOW,
    )
    assert result.errors == [
        ("line 3", "phone", "not a dialable phone number"),
        ("line 4", "start", "not a date and time like 2026-11-24 09:30"),
        ("line 5", "timezone", "unknown time zone 'Mars/Olympus'"),
        ("line 6", "visit_type", "must be in_person or telehealth"),
        ("line 7", "start", "2026-03-08 02:30 does not exist in America/New_York (clock change)"),
    ]
    assert result.created == 2
    assert "imported 2 of 7 rows" in result.summary()
    ids = set(session.exec(sa.select(Appointment.external_id)).scalars())
    assert ids == {"A1", "A7"}


def test_family_sharing_a_phone_shares_one_contact(import_csv, session):
    import_csv(
        [
            row(appointment_id="A1", patient_id="MOM", first_name="Rosa"),
            row(appointment_id="A2", patient_id="KID", first_name="Leo", phone="202-555-0123"),
        ],
        now=NOW,
    )
    contacts = session.exec(sa.select(Contact)).scalars().all()
    patients = session.exec(sa.select(Patient)).scalars().all()
    assert len(contacts) == 1 and len(patients) == 2
    assert {p.contact_id for p in patients} == {contacts[0].id}


def test_reimport_is_idempotent(import_csv, reminders_of):
    import_csv([row()], now=NOW)
    before = {key: (r.id, r.due_at, r.status) for key, r in reminders_of("A1").items()}
    result = import_csv([row()], now=NOW + timedelta(hours=1))
    after = {key: (r.id, r.due_at, r.status) for key, r in reminders_of("A1").items()}
    assert (result.created, result.updated, result.reminders_changed) == (0, 1, 0)
    assert before == after


def test_moved_visit_moves_its_unsent_reminders(import_csv, reminders_of):
    import_csv([row()], now=NOW)
    import_csv([row(start="2026-11-27 09:30")], now=NOW)
    confirmation = reminders_of("A1")[("confirmation", "0")]
    assert confirmation.status == ReminderStatus.PENDING
    assert confirmation.due_at == datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def test_cancelled_visit_cancels_its_reminders_with_the_reason(import_csv, reminders_of, session):
    import_csv([row()], now=NOW)
    result = import_csv([row(status="cancelled")], now=NOW)
    assert result.cancelled == 1
    planned = reminders_of("A1").values()
    assert {(r.status, r.reason) for r in planned} == {(ReminderStatus.CANCELLED, "cancelled")}
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.status == AppointmentStatus.CANCELLED


def test_completed_forms_stop_form_reminders(import_csv, reminders_of):
    import_csv([row(forms_missing="Consent", forms_url="https://f.example/x")], now=NOW)
    import_csv([row(forms_missing="")], now=NOW)
    forms = [r for (kind, _), r in reminders_of("A1").items() if kind == "form"]
    assert forms and {(r.status, r.reason) for r in forms} == {
        (ReminderStatus.CANCELLED, "form_done")
    }


def test_a_visit_confirmed_by_text_stays_confirmed_until_the_practice_system_syncs(
    import_csv, session
):
    import_csv([row()], now=NOW)
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    appointment.status = AppointmentStatus.CONFIRMED
    session.add(appointment)
    session.commit()
    import_csv([row(status="scheduled")], now=NOW)
    assert session.exec(sa.select(Appointment.status)).scalar_one() == AppointmentStatus.CONFIRMED


def test_past_visit_gets_no_reminders(import_csv, reminders_of):
    import_csv([row(start="2026-11-10 09:30")], now=NOW)
    assert reminders_of("A1") == {}


def test_no_show_gets_a_recovery_text_the_next_business_day(import_csv, reminders_of):
    # Friday's missed visit: recovery on Monday at 10:00.
    import_csv([row(start="2026-11-20 09:30", status="no_show")], now=NOW)
    planned = reminders_of("A1")
    assert list(planned) == [("no_show", "0")]
    assert planned[("no_show", "0")].due_at == datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def fhir_bundle() -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "resource": {
                    "resourceType": "Patient",
                    "id": "p-77",
                    "name": [{"family": "Reyes", "given": ["Marta"]}],
                    "telecom": [{"system": "phone", "value": "+1 202 555 0144", "use": "mobile"}],
                    "birthDate": "1975-06-02",
                    "communication": [
                        {"language": {"coding": [{"code": "es"}]}, "preferred": True}
                    ],
                }
            },
            {
                "resource": {
                    "resourceType": "Appointment",
                    "id": "appt-9",
                    "status": "booked",
                    "start": "2026-11-24T09:30:00-05:00",
                    "appointmentType": {"coding": [{"code": "VR"}]},
                    "extension": [
                        {
                            "url": "https://clinic-gateway.org/fhir/telehealth-url",
                            "valueUrl": "https://v.example/9",
                        }
                    ],
                    "participant": [
                        {"actor": {"reference": "Patient/p-77"}},
                        {"actor": {"reference": "Practitioner/d1", "display": "Dr. Kim"}},
                        {"actor": {"reference": "Location/l1", "display": "Main St"}},
                    ],
                }
            },
            {
                "resource": {
                    "resourceType": "Appointment",
                    "id": "appt-10",
                    "status": "booked",
                    "start": "2026-11-25T09:30:00-05:00",
                    "participant": [{"actor": {"reference": "Patient/unknown"}}],
                }
            },
        ],
    }


def test_fhir_bundle_imports_appointments_and_patients(session, clinic, reminders_of):
    from gateway.reminders.importer import import_text

    result = import_text(session=session, clinic=clinic, text=json.dumps(fhir_bundle()), now=NOW)
    assert result.created == 1
    assert result.errors == [
        ("entry 2", "Appointment.participant", "Patient/unknown not in the bundle")
    ]
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.is_telehealth and appointment.telehealth_url == "https://v.example/9"
    assert (appointment.provider, appointment.location) == ("Dr. Kim", "Main St")
    patient = session.get(Patient, appointment.patient_id)
    assert (patient.name, patient.preferred_language) == ("Marta Reyes", "es")
    assert ("telehealth_prep", "hour_before") in reminders_of("appt-9")


def test_import_command_prints_errors_and_a_summary(runner, tmp_path):
    path = tmp_path / "today.csv"
    path.write_text(to_csv([row(), row(appointment_id="A2", phone="")]), encoding="utf-8")
    result = runner.invoke(
        args=["import-appointments", str(path), "--now", "2026-11-15T12:00:00+00:00"]
    )
    assert result.exit_code == 0, result.output
    assert "line 3, field phone: missing" in result.output
    assert "imported 1 of 2 rows: 1 new" in result.output
