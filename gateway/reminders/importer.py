"""Appointments in from the practice system: a CSV file or a FHIR R4 Bundle (JSON).

`flask --app gateway import-appointments FILE` reads either (by content: a JSON object is a
Bundle) and upserts by the practice system's ids. Both formats become the same `Row`, and one
function applies a row:

- a contact per phone number: patients sharing a phone (a family) share one contact, and with
  it the consent and the conversation;
- a patient per `patient_id`, an appointment per `appointment_id` (upsert);
- the appointment's reminders are re-planned (`gateway.reminders.planner`): a moved visit moves
  its unsent reminders, a cancelled one cancels them, an empty `forms_missing` stops form
  reminders;
- a visit the patient confirmed by text stays confirmed when the practice system still says
  `scheduled` (it has not synced yet), unless its time changed.

A bad row is reported with its line (CSV; the Bundle entry index for FHIR) and field, and the
good rows still import. Commits every `BATCH` rows.

CSV columns (header row required; order free; extra columns ignored):
appointment_id, patient_id, first_name, last_name, phone, date_of_birth (YYYY-MM-DD or
MM/DD/YYYY), language (en, es, ...), start (local time in `timezone`, e.g. 2026-11-24 09:30),
timezone (IANA, e.g. America/New_York; empty: the clinic's), location, provider, visit_type
(in_person or telehealth), telehealth_url, forms_missing (names separated by `;`), forms_url,
status (scheduled, confirmed, cancelled, completed, no_show), phone_type (mobile or landline,
optional).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlmodel import Session

from gateway.i18n import AVAILABLE_LANGUAGES
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Patient,
    Reminder,
    ReminderStatus,
)
from gateway.phones import normalise_phone
from gateway.reminders.planner import Policy, plan_reminders, policy_for, schedule

logger = logging.getLogger(__name__)

BATCH = 1000
PROGRESS_EVERY = 10_000
REQUIRED = ("appointment_id", "patient_id", "phone", "start")
STATUS_WORDS = {
    "": AppointmentStatus.SCHEDULED,
    "scheduled": AppointmentStatus.SCHEDULED,
    "booked": AppointmentStatus.SCHEDULED,
    "confirmed": AppointmentStatus.CONFIRMED,
    "cancelled": AppointmentStatus.CANCELLED,
    "canceled": AppointmentStatus.CANCELLED,
    "completed": AppointmentStatus.COMPLETED,
    "fulfilled": AppointmentStatus.COMPLETED,
    "no_show": AppointmentStatus.NO_SHOW,
    "noshow": AppointmentStatus.NO_SHOW,
    "no-show": AppointmentStatus.NO_SHOW,
}
#: FHIR R4 Appointment.status -> ours ("proposed", "pending", "waitlist" are not visits yet).
FHIR_STATUS = {
    "booked": AppointmentStatus.SCHEDULED,
    "arrived": AppointmentStatus.COMPLETED,
    "checked-in": AppointmentStatus.COMPLETED,
    "fulfilled": AppointmentStatus.COMPLETED,
    "cancelled": AppointmentStatus.CANCELLED,
    "entered-in-error": AppointmentStatus.CANCELLED,
    "noshow": AppointmentStatus.NO_SHOW,
}
#: Extensions we read from a FHIR Appointment (our own URLs, documented in the README).
EXT_TELEHEALTH_URL = "https://clinic-gateway.org/fhir/telehealth-url"
EXT_FORMS_MISSING = "https://clinic-gateway.org/fhir/forms-missing"
EXT_FORMS_URL = "https://clinic-gateway.org/fhir/forms-url"
EXT_TIMEZONE = "http://hl7.org/fhir/StructureDefinition/timezone"
TELEHEALTH_CODES = {"vr", "virtual", "telehealth", "video"}


class RowError(ValueError):
    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True)
class Row:
    """One appointment as the practice system described it, validated."""

    appointment_id: str
    patient_id: str
    first_name: str
    last_name: str
    phone: str  # E.164
    date_of_birth: date | None
    language: str | None
    starts_at: datetime  # UTC
    time_zone: str
    location: str
    provider: str
    is_telehealth: bool
    telehealth_url: str
    forms_missing: tuple[str, ...]
    forms_url: str
    status: AppointmentStatus
    phone_type: str | None


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    reminders_changed: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (where, field, problem)

    def summary(self) -> str:
        """One line a person reads after an import."""
        good = self.created + self.updated
        return (
            f"imported {good} of {self.rows} rows: {self.created} new, {self.updated} updated, "
            f"{self.cancelled} cancelled, {self.reminders_changed} reminders planned or changed, "
            f"{len(self.errors)} rows with errors"
        )


# ----------------------------------------------------------------------------- parsing


def _zone(value: str, default: str) -> str:
    name = value.strip() or default
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise RowError("timezone", f"unknown time zone {name[:40]!r}") from None
    return name


def _local_start(value: str, zone: str) -> datetime:
    text = value.strip().replace("T", " ")
    if not text:
        raise RowError("start", "missing")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise RowError("start", "not a date and time like 2026-11-24 09:30") from None
    if moment.tzinfo is not None:
        return moment.astimezone(UTC)
    local = moment.replace(tzinfo=ZoneInfo(zone))
    # A wall-clock time skipped by a DST change (02:30 on the spring-forward night) does not
    # exist: refuse it rather than guess an hour. An ambiguous one takes its first occurrence.
    if local.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != moment:
        raise RowError("start", f"{text} does not exist in {zone} (clock change)")
    return local.astimezone(UTC)


def _dob(value: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    try:
        if "/" in text:
            month, day, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise RowError("date_of_birth", "not a date like 1980-03-11") from None


def _language(value: str) -> str | None:
    text = value.strip().lower().replace("_", "-")
    if not text:
        return None
    primary = text.split("-")[0]
    if primary == "fil":
        primary = "tl"
    if primary not in AVAILABLE_LANGUAGES:
        raise RowError("language", f"unsupported language {text[:10]!r}")
    return primary


def _phone(value: str) -> str:
    phone = normalise_phone(value)
    if phone is None:
        raise RowError("phone", "not a dialable phone number")
    return phone


def parse_csv_row(raw: dict[str, str | None], *, default_zone: str) -> Row:
    """Validate one CSV record; raises RowError naming the first bad field."""
    values = {key.strip().lower(): (value or "").strip() for key, value in raw.items() if key}
    for name in REQUIRED:
        if not values.get(name):
            raise RowError(name, "missing")
    zone = _zone(values.get("timezone", ""), default_zone)
    visit_type = values.get("visit_type", "").lower() or "in_person"
    if visit_type not in ("in_person", "telehealth"):
        raise RowError("visit_type", "must be in_person or telehealth")
    status_word = values.get("status", "").lower()
    if status_word not in STATUS_WORDS:
        raise RowError("status", f"unknown status {status_word[:20]!r}")
    phone_type = values.get("phone_type", "").lower() or None
    if phone_type not in (None, "mobile", "landline"):
        raise RowError("phone_type", "must be mobile or landline")
    return Row(
        appointment_id=values["appointment_id"][:100],
        patient_id=values["patient_id"][:100],
        first_name=values.get("first_name", "")[:100],
        last_name=values.get("last_name", "")[:100],
        phone=_phone(values["phone"]),
        date_of_birth=_dob(values.get("date_of_birth", "")),
        language=_language(values.get("language", "")),
        starts_at=_local_start(values["start"], zone),
        time_zone=zone,
        location=values.get("location", "")[:200],
        provider=values.get("provider", "")[:200],
        is_telehealth=visit_type == "telehealth",
        telehealth_url=values.get("telehealth_url", "")[:500],
        forms_missing=tuple(
            name.strip()[:100]
            for name in values.get("forms_missing", "").split(";")
            if name.strip()
        ),
        forms_url=values.get("forms_url", "")[:500],
        status=STATUS_WORDS[status_word],
        phone_type=phone_type,
    )


def read_csv(text: str, *, default_zone: str) -> Iterator[tuple[str, Row | RowError]]:
    """(where, row or error) per record; `where` is "line N" counting the header as line 1."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        yield "line 1", RowError(missing[0], "column missing from the header")
        return
    for raw in reader:
        where = f"line {reader.line_num}"
        try:
            yield where, parse_csv_row(raw, default_zone=default_zone)
        except RowError as error:
            yield where, error


def _extension(resource: dict[str, Any], url: str) -> str:
    for ext in resource.get("extension") or []:
        if ext.get("url") == url:
            for key in ("valueUrl", "valueString", "valueCode", "valueUri"):
                if key in ext:
                    return str(ext[key])
    return ""


def _reference_id(reference: str, kind: str) -> str | None:
    prefix = f"{kind}/"
    return reference[len(prefix) :] if reference.startswith(prefix) else None


def read_fhir(text: str, *, default_zone: str) -> Iterator[tuple[str, Row | RowError]]:
    """Rows from a FHIR R4 Bundle of Appointment and Patient resources."""
    try:
        bundle = json.loads(text)
    except json.JSONDecodeError as error:
        yield f"line {error.lineno}", RowError("bundle", "not valid JSON")
        return
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        yield "bundle", RowError("resourceType", "not a FHIR Bundle")
        return
    entries = [entry.get("resource") or {} for entry in bundle.get("entry") or []]
    patients = {r.get("id"): r for r in entries if r.get("resourceType") == "Patient"}
    for index, resource in enumerate(entries):
        if resource.get("resourceType") != "Appointment":
            continue
        where = f"entry {index}"
        try:
            yield where, _fhir_row(resource, patients, default_zone)
        except RowError as error:
            yield where, error


def _fhir_row(appointment: dict[str, Any], patients: dict[str, Any], default_zone: str) -> Row:
    if not appointment.get("id"):
        raise RowError("Appointment.id", "missing")
    patient_id = location = provider = None
    for participant in appointment.get("participant") or []:
        actor = participant.get("actor") or {}
        reference = actor.get("reference", "")
        patient_id = patient_id or _reference_id(reference, "Patient")
        if reference.startswith("Location/"):
            location = actor.get("display") or location
        if reference.startswith("Practitioner/"):
            provider = actor.get("display") or provider
    if patient_id is None:
        raise RowError("Appointment.participant", "no Patient participant")
    patient = patients.get(patient_id)
    if patient is None:
        raise RowError("Appointment.participant", f"Patient/{patient_id[:40]} not in the bundle")
    name = (patient.get("name") or [{}])[0]
    phones = [t for t in patient.get("telecom") or [] if t.get("system") in ("phone", "sms")]
    if not phones:
        raise RowError("Patient.telecom", "no phone number")
    # The mobile number if the record marks one; a "home" number is a landline.
    phone_entry = next((t for t in phones if t.get("use") == "mobile"), phones[0])
    phone_type = {"mobile": "mobile", "home": "landline"}.get(phone_entry.get("use", ""))
    language = ""
    for communication in patient.get("communication") or []:
        codings = (communication.get("language") or {}).get("coding") or [{}]
        language = codings[0].get("code", "") or language
        if communication.get("preferred"):
            break
    zone = _zone(_extension(appointment, EXT_TIMEZONE), default_zone)
    start = appointment.get("start", "")
    if not start:
        raise RowError("Appointment.start", "missing")
    try:
        starts_at = datetime.fromisoformat(start.replace("Z", "+00:00"))
    except ValueError:
        raise RowError("Appointment.start", "not a FHIR instant") from None
    if starts_at.tzinfo is None:
        raise RowError("Appointment.start", "needs a time zone offset")
    status_word = appointment.get("status", "")
    if status_word not in FHIR_STATUS:
        raise RowError("Appointment.status", f"not a visit to remind of: {status_word[:20]!r}")
    codes = {
        (coding.get("code") or "").lower()
        for concept in [appointment.get("appointmentType") or {}]
        + list(appointment.get("serviceType") or [])
        for coding in concept.get("coding") or []
    }
    forms = _extension(appointment, EXT_FORMS_MISSING)
    try:
        language_code = _language(language)
    except RowError:
        raise RowError("Patient.communication", f"unsupported language {language[:10]!r}") from None
    try:
        dob = _dob(patient.get("birthDate", ""))
        phone = _phone(phone_entry.get("value", ""))
    except RowError as error:
        raise RowError(
            f"Patient.{'birthDate' if error.field != 'phone' else 'telecom'}", error.problem
        ) from None
    return Row(
        appointment_id=str(appointment["id"])[:100],
        patient_id=str(patient_id)[:100],
        first_name=" ".join(name.get("given") or [])[:100],
        last_name=(name.get("family") or "")[:100],
        phone=phone,
        date_of_birth=dob,
        language=language_code,
        starts_at=starts_at.astimezone(UTC),
        time_zone=zone,
        location=(location or "")[:200],
        provider=(provider or "")[:200],
        is_telehealth=bool(codes & TELEHEALTH_CODES),
        telehealth_url=_extension(appointment, EXT_TELEHEALTH_URL)[:500],
        forms_missing=tuple(n.strip() for n in forms.split(";") if n.strip()),
        forms_url=_extension(appointment, EXT_FORMS_URL)[:500],
        status=FHIR_STATUS[status_word],
        phone_type=phone_type,
    )


def read_rows(text: str, *, default_zone: str) -> Iterator[tuple[str, Row | RowError]]:
    """CSV or a FHIR Bundle, decided by the content."""
    if text.lstrip().startswith("{"):
        return read_fhir(text, default_zone=default_zone)
    return read_csv(text.lstrip("\ufeff"), default_zone=default_zone)


# ----------------------------------------------------------------------------- applying


class _Cache:
    """Rows looked up once per import (a family's phone, a patient with several visits)."""

    def __init__(self) -> None:
        self.contacts: dict[str, Contact] = {}
        self.patients: dict[str, Patient] = {}


def apply_row(
    *,
    session: Session,
    clinic: Clinic,
    row: Row,
    policy: Policy,
    now: datetime,
    result: ImportResult,
    cache: _Cache | None = None,
) -> None:
    """Upsert one row's contact, patient and appointment and re-plan its reminders."""
    cache = cache or _Cache()
    contact = (
        cache.contacts.get(row.phone)
        or session.exec(
            sa.select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == row.phone)
        ).scalar_one_or_none()
    )
    if contact is None:
        contact = Contact(
            clinic_id=clinic.id,
            phone=row.phone,
            preferred_language=row.language,
            phone_type=row.phone_type,
            created_at=now,
        )
        session.add(contact)
        session.flush()
    elif row.phone_type and contact.phone_type != row.phone_type:
        contact.phone_type = row.phone_type
        session.add(contact)
    cache.contacts[row.phone] = contact

    patient = (
        cache.patients.get(row.patient_id)
        or session.exec(
            sa.select(Patient).where(
                Patient.clinic_id == clinic.id, Patient.external_id == row.patient_id
            )
        ).scalar_one_or_none()
    )
    name = f"{row.first_name} {row.last_name}".strip()
    if patient is None:
        patient = Patient(clinic_id=clinic.id, external_id=row.patient_id, created_at=now)
    patient.contact_id = contact.id
    patient.name = name or patient.name
    patient.date_of_birth = row.date_of_birth or patient.date_of_birth
    patient.preferred_language = row.language or patient.preferred_language
    patient.time_zone = row.time_zone
    session.add(patient)
    session.flush()
    cache.patients[row.patient_id] = patient

    appointment = session.exec(
        sa.select(Appointment).where(
            Appointment.clinic_id == clinic.id, Appointment.external_id == row.appointment_id
        )
    ).scalar_one_or_none()
    existing: list[Reminder] | None = None
    if appointment is None:
        appointment = Appointment(
            clinic_id=clinic.id,
            patient_id=patient.id,
            external_id=row.appointment_id,
            starts_at=row.starts_at,
            status=row.status,
            created_at=now,
        )
        result.created += 1
        existing = []  # a new appointment has no reminders yet: skip the query
    else:
        result.updated += 1
        moved = appointment.starts_at != row.starts_at
        keep = appointment.status in (
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.RESCHEDULE_REQUESTED,
        )
        if row.status == AppointmentStatus.SCHEDULED and keep and not moved:
            pass  # the patient's confirmation by text wins until the practice system syncs
        else:
            appointment.status = row.status
        appointment.starts_at = row.starts_at
    if row.status == AppointmentStatus.CANCELLED:
        result.cancelled += 1
        appointment.cancelled_at = appointment.cancelled_at or now
    appointment.patient_id = patient.id
    appointment.time_zone = row.time_zone
    appointment.location = row.location
    appointment.provider = row.provider
    appointment.is_telehealth = row.is_telehealth
    appointment.telehealth_url = row.telehealth_url
    appointment.forms_missing = list(row.forms_missing)
    appointment.forms_url = row.forms_url
    appointment.updated_at = now
    session.add(appointment)
    session.flush()
    changed = plan_reminders(
        session=session,
        appointment=appointment,
        patient=patient,
        clinic=clinic,
        policy=policy,
        now=now,
        existing=existing,
    )
    result.reminders_changed += len(changed)


def _insert_returning(session: Session, model: Any, rows: list[dict[str, Any]], key: Any):
    """Bulk insert rows and return {key: id}: COPY then one SELECT on PostgreSQL (several
    times faster than a multi-row INSERT there), INSERT ... RETURNING on SQLite."""
    if not rows:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, model, rows)
        keys = [row[key.key] for row in rows]
        found = session.execute(
            sa.select(key, model.id).where(model.clinic_id == rows[0]["clinic_id"], key.in_(keys))
        )
        return dict(found.all())
    result = session.execute(sa.insert(model).returning(model.id, key), rows)
    return {found_key: found_id for found_id, found_key in result}


def _insert_all(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, model, rows)
    else:
        session.execute(sa.insert(model), rows)


def _copy(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY ... FROM STDIN of dict rows (JSON and enum columns as their text)."""
    table = model.__table__
    columns = list(rows[0])
    json_columns = {name for name in columns if isinstance(table.c[name].type, sa.JSON)}
    cursor = session.connection().connection.dbapi_connection.cursor()
    names = ", ".join(f'"{name}"' for name in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[name])
                    if name in json_columns
                    else (row[name].value if isinstance(row[name], StrEnum) else row[name])
                    for name in columns
                ]
            )


def _insert_new(
    session: Session,
    clinic: Clinic,
    rows: list[Row],
    policy: Policy,
    now: datetime,
    result: ImportResult,
) -> None:
    """New patients with new appointments, in bulk: a few statements for a whole batch.

    The same outcome as `apply_row` (contacts shared by phone, the policy's reminders), without
    an ORM object per row, which is what makes a 100,000-row file import in seconds.
    """
    if not rows:
        return
    phones = {row.phone for row in rows}
    contact_ids = dict(
        session.execute(
            sa.select(Contact.phone, Contact.id).where(
                Contact.clinic_id == clinic.id,
                Contact.phone.in_(phones),  # type: ignore[attr-defined]
            )
        ).all()
    )
    new_contacts: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.phone not in contact_ids and row.phone not in new_contacts:
            new_contacts[row.phone] = {
                "clinic_id": clinic.id,
                "phone": row.phone,
                "preferred_language": row.language,
                "is_opted_out": False,
                "is_flagged": False,
                "phone_type": row.phone_type,
                "created_at": now,
            }
    contact_ids.update(
        _insert_returning(session, Contact, list(new_contacts.values()), Contact.phone)
    )
    patient_ids = _insert_returning(
        session,
        Patient,
        [
            {
                "clinic_id": clinic.id,
                "contact_id": contact_ids[row.phone],
                "external_id": row.patient_id,
                "name": f"{row.first_name} {row.last_name}".strip(),
                "date_of_birth": row.date_of_birth,
                "preferred_language": row.language,
                "time_zone": row.time_zone,
                "created_at": now,
            }
            for row in rows
        ],
        Patient.external_id,
    )
    appointment_rows = [
        {
            "clinic_id": clinic.id,
            "patient_id": patient_ids[row.patient_id],
            "external_id": row.appointment_id,
            "starts_at": row.starts_at,
            "provider": row.provider,
            "is_telehealth": row.is_telehealth,
            "status": row.status,
            "location": row.location,
            "time_zone": row.time_zone,
            "telehealth_url": row.telehealth_url,
            "forms_missing": list(row.forms_missing),
            "forms_url": row.forms_url,
            "status_note": "",
            "updated_at": now,
            "created_at": now,
            "cancelled_at": now if row.status == AppointmentStatus.CANCELLED else None,
        }
        for row in rows
    ]
    appointment_ids = _insert_returning(
        session, Appointment, appointment_rows, Appointment.external_id
    )
    reminders = []
    for row, values in zip(rows, appointment_rows, strict=True):
        visit = SimpleNamespace(**values)
        for item in schedule(appointment=visit, zone=row.time_zone, policy=policy):  # type: ignore[arg-type]
            if item.deadline <= now:
                continue
            reminders.append(
                {
                    "clinic_id": clinic.id,
                    "appointment_id": appointment_ids[row.appointment_id],
                    "patient_id": values["patient_id"],
                    "kind": item.kind,
                    "slot": item.slot,
                    "status": ReminderStatus.PENDING,
                    "due_at": max(item.due_at, now),
                    "planned_at": item.due_at,
                    "attempts": 0,
                    "created_at": now,
                }
            )
        if row.status == AppointmentStatus.CANCELLED:
            result.cancelled += 1
    _insert_all(session, Reminder, reminders)
    result.created += len(rows)
    result.reminders_changed += len(reminders)


def _apply_batch(
    session: Session,
    clinic: Clinic,
    rows: list[Row],
    policy: Policy,
    now: datetime,
    result: ImportResult,
) -> None:
    """New patients' new visits go in bulk; anything already on file goes row by row."""
    if session.get_bind().dialect.name == "postgresql":
        # An import is an idempotent upsert: a crash that loses the last batches' commits is
        # undone by importing the file again, so this transaction need not wait for its fsync.
        session.execute(sa.text("SET LOCAL synchronous_commit TO OFF"))
        batches = result.rows // BATCH
        if batches and batches & (batches - 1) == 0:  # after batch 1, 2, 4, 8, ...
            # Fresh tables grow fast during a big import; without fresh statistics the
            # planner keeps choosing sequential scans for the batch lookups (quadratic time).
            session.execute(sa.text("ANALYZE contact, patient, appointment, reminder"))
    patient_keys = {row.patient_id for row in rows}
    appointment_keys = {row.appointment_id for row in rows}
    known_patients = set(
        session.exec(
            sa.select(Patient.external_id).where(
                Patient.clinic_id == clinic.id,
                Patient.external_id.in_(patient_keys),  # type: ignore[union-attr]
            )
        ).scalars()
    )
    known_appointments = set(
        session.exec(
            sa.select(Appointment.external_id).where(
                Appointment.clinic_id == clinic.id,
                Appointment.external_id.in_(appointment_keys),  # type: ignore[union-attr]
            )
        ).scalars()
    )
    cache = _Cache()
    fresh: list[Row] = []
    for row in rows:
        if row.patient_id in known_patients or row.appointment_id in known_appointments:
            # Order matters (a later row may update an earlier one): bulk-insert what came
            # before, then apply this row on its own.
            _insert_new(session, clinic, fresh, policy, now, result)
            fresh = []
            apply_row(
                session=session,
                clinic=clinic,
                row=row,
                policy=policy,
                now=now,
                result=result,
                cache=cache,
            )
        else:
            fresh.append(row)
        known_patients.add(row.patient_id)
        known_appointments.add(row.appointment_id)
    _insert_new(session, clinic, fresh, policy, now, result)


def import_rows(
    *,
    session: Session,
    clinic: Clinic,
    rows: Iterable[tuple[str, Row | RowError]],
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Apply validated rows, collect errors; commits every BATCH rows and at the end."""
    policy = policy_for(session=session, clinic=clinic)
    result = ImportResult()
    batch: list[Row] = []
    for where, item in rows:
        result.rows += 1
        if isinstance(item, RowError):
            result.errors.append((where, item.field, item.problem))
        else:
            batch.append(item)
        if len(batch) >= BATCH:
            _apply_batch(session, clinic, batch, policy, now, result)
            session.commit()
            batch = []
        if progress is not None and result.rows % PROGRESS_EVERY == 0:
            progress(result.rows)
    _apply_batch(session, clinic, batch, policy, now, result)
    session.commit()
    logger.info(
        "import: %s rows, %s new, %s updated, %s errors",
        result.rows,
        result.created,
        result.updated,
        len(result.errors),
    )
    return result


def import_text(
    *,
    session: Session,
    clinic: Clinic,
    text: str,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import a CSV or FHIR Bundle given as text."""
    rows = read_rows(text, default_zone=clinic.time_zone)
    return import_rows(session=session, clinic=clinic, rows=rows, now=now, progress=progress)
