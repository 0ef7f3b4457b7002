"""Reminders in the demo: a small CSV as a practice system would export it, imported on start.

`flask --app gateway demo-reminders` (run by `scripts/demo.py` after `seed-demo`) writes
`instance/demo_appointments.csv` with visits three days from today and imports it, so the
worker texts their confirmation reminders within seconds: open the simulator, pick
"Sam Rivera" or "Rosa Díaz" and answer C (or sí). Only the demo clinic's policy sends at any
hour and catches up all day (`DEMO_POLICY`); a real clinic keeps 08:00-20:00.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session

from gateway.models import Clinic, ReminderPolicy
from gateway.reminders.importer import ImportResult, import_text

#: Reminders due from midnight, sent at any hour, caught up all day: whenever the demo starts,
#: the confirmation three days out is due now.
DEMO_POLICY = {
    "quiet_end": "00:00",
    "quiet_start": "23:59",
    "grace_hours": 24,
    "send_time": "00:00",
}
COLUMNS = (
    "appointment_id,patient_id,first_name,last_name,phone,date_of_birth,language,start,"
    "timezone,location,provider,visit_type,telehealth_url,forms_missing,forms_url,status"
).split(",")


def demo_csv(*, now: datetime, time_zone: str) -> str:
    """Two fictional visits three days from `now`, one in English and one in Spanish."""
    day = now.astimezone(ZoneInfo(time_zone)).date() + timedelta(days=3)
    rows = [
        ("demo-r1", "demo-r-p1", "Sam", "Rivera", "+12025550115", "1990-05-14", "en",
         time(9, 30), "in_person", "", "Riverside Main St, 2nd floor"),
        ("demo-r2", "demo-r-p2", "Rosa", "Díaz", "+12025550116", "1968-02-03", "es",
         time(15, 0), "in_person", "Consent", "Riverside Main St, 2nd floor"),
    ]  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for key, patient, first, last, phone, born, lang, at, kind, forms, where in rows:
        start = datetime.combine(day, at).strftime("%Y-%m-%d %H:%M")
        writer.writerow(
            [key, patient, first, last, phone, born, lang, start, time_zone, where,
             "Dr. Alvarez", kind, "", forms, "https://forms.example.org/riverside", "scheduled"]
        )  # fmt: skip
    return buffer.getvalue()


def import_demo_reminders(*, session: Session, now: datetime, path) -> ImportResult:
    """Write the demo CSV to `path` and import it for the demo clinic (idempotent)."""
    clinic = session.exec(sa.select(Clinic).where(Clinic.slug == "main")).scalar_one()
    policy = session.exec(
        sa.select(ReminderPolicy).where(ReminderPolicy.clinic_id == clinic.id)
    ).scalar_one_or_none() or ReminderPolicy(clinic_id=clinic.id)
    policy.settings = dict(DEMO_POLICY)
    session.add(policy)
    session.commit()
    text = demo_csv(now=now, time_zone=clinic.time_zone)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return import_text(session=session, clinic=clinic, text=text, now=now)
