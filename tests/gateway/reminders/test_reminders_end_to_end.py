"""End to end: import a CSV, the worker texts the reminder through the real Twilio client to the
local Twilio-compatible server, the patient answers by a signed webhook, the visit is confirmed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from gateway.models import Appointment, AppointmentStatus
from tests.conftest import PATIENT_NUMBER
from tests.gateway.reminders.conftest import row

ZONE = ZoneInfo("America/New_York")


def next_morning() -> datetime:
    """10:00 in New York, a day or more after the real clock (webhooks use the real clock)."""
    day = datetime.now(UTC).astimezone(ZONE).date() + timedelta(days=1)
    return datetime.combine(day, time(10), tzinfo=ZONE)


@pytest.mark.parametrize(
    ("lang", "answer", "reminder_says", "reply_says"),
    [
        ("en", "C", "Reply C to confirm, R to reschedule, X to cancel.", "is confirmed"),
        ("es", "sí", "Responda C para confirmar", "queda confirmada"),
    ],
)
def test_import_tick_text_reply_confirms_the_visit(
    lang, answer, reminder_says, reply_says, import_csv, run_worker, send_sms, fake_twilio, session
):
    due = next_morning()
    start = (due + timedelta(days=3)).replace(hour=9, minute=30)
    import_csv(
        [row(phone=PATIENT_NUMBER, language=lang, start=start.strftime("%Y-%m-%d %H:%M"))],
        now=datetime.now(UTC),
    )
    run_worker(due.astimezone(UTC))
    (reminder,) = fake_twilio.messages
    assert reminder["To"] == PATIENT_NUMBER and reminder_says in reminder["Body"]

    response = send_sms(answer)
    assert response.status_code == 200 and response.mimetype == "text/xml"
    run_worker(due.astimezone(UTC) + timedelta(minutes=5))

    session.expire_all()
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert len(fake_twilio.messages) == 2
    assert reply_says in fake_twilio.messages[1]["Body"]


def test_reschedule_by_text_reaches_scheduling_with_the_preferred_times(
    import_csv, run_worker, send_sms, fake_twilio, session
):
    from gateway.models import Handoff

    due = next_morning()
    start = (due + timedelta(days=3)).replace(hour=9, minute=30)
    import_csv(
        [row(phone=PATIENT_NUMBER, start=start.strftime("%Y-%m-%d %H:%M"))], now=datetime.now(UTC)
    )
    run_worker(due.astimezone(UTC))
    send_sms("can we move it")
    run_worker(due.astimezone(UTC) + timedelta(minutes=1))
    assert "What days and times" in fake_twilio.messages[-1]["Body"]
    send_sms("Thursday afternoon")
    run_worker(due.astimezone(UTC) + timedelta(minutes=2))
    session.expire_all()
    handoff = session.exec(sa.select(Handoff)).scalar_one()
    assert handoff.queue == "scheduling" and "Thursday afternoon" in handoff.note["summary"]
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.status == AppointmentStatus.RESCHEDULE_REQUESTED
    assert appointment.status_note == "Thursday afternoon"


def test_reminder_reply_is_honoured_while_an_unclaimed_question_waits_for_staff(
    import_csv, run_worker, send_sms, fake_twilio, session
):
    from gateway.models import Handoff, Message

    due = next_morning()
    start = (due + timedelta(days=3)).replace(hour=9, minute=30)
    import_csv(
        [row(phone=PATIENT_NUMBER, start=start.strftime("%Y-%m-%d %H:%M"))], now=datetime.now(UTC)
    )
    send_sms("I have a question about my bill")
    run_worker()
    session.expire_all()
    handoff = session.exec(sa.select(Handoff)).scalar_one()
    assert handoff.status == "open" and handoff.queue == "billing"

    run_worker(due.astimezone(UTC))
    send_sms("C")
    run_worker(due.astimezone(UTC) + timedelta(minutes=1))
    session.expire_all()
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert "is confirmed" in fake_twilio.messages[-1]["Body"]
    recorded = (
        session.exec(
            sa.select(Message.body).where(Message.handoff_id == handoff.id, Message.body == "C")
        )
        .scalars()
        .all()
    )
    assert recorded == ["C"]


def test_done_after_a_form_reminder_stops_the_next_ones(
    import_csv, run_worker, send_sms, fake_twilio, session
):
    first = next_morning()  # 7 days before the visit, 10:00
    start = (first + timedelta(days=7)).replace(hour=9, minute=30)
    import_csv(
        [
            row(
                phone=PATIENT_NUMBER,
                start=start.strftime("%Y-%m-%d %H:%M"),
                forms_missing="Health history; Consent",
                forms_url="https://forms.example.org/x",
            )
        ],
        now=datetime.now(UTC),
    )
    run_worker(first.astimezone(UTC))
    (reminder,) = fake_twilio.messages
    assert (
        "please complete: Health history, Consent. https://forms.example.org/x"
        in (reminder["Body"])
    )
    send_sms("ya lo llené")
    run_worker(first.astimezone(UTC) + timedelta(minutes=1))
    assert len(fake_twilio.messages) == 2  # the thank-you
    run_worker((first + timedelta(days=3)).astimezone(UTC))  # the next form reminder's time
    forms = [m for m in fake_twilio.messages if "please complete" in m["Body"]]
    assert len(forms) == 1
    session.expire_all()
    from gateway.models import Reminder

    later = session.exec(sa.select(Reminder).where(Reminder.slot == "d4")).scalar_one()
    assert (later.status, later.reason) == ("cancelled", "form_done")


def test_a_fhir_bundle_through_the_command_to_a_spanish_confirmation(
    runner, run_worker, send_sms, fake_twilio, session, tmp_path
):
    import json

    due = next_morning()
    start = (due + timedelta(days=3)).replace(hour=9, minute=30)
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "resource": {
                    "resourceType": "Patient",
                    "id": "p-1",
                    "name": [{"family": "Reyes", "given": ["Marta"]}],
                    "telecom": [{"system": "phone", "value": PATIENT_NUMBER, "use": "mobile"}],
                    "birthDate": "1975-06-02",
                    "communication": [
                        {"language": {"coding": [{"code": "es"}]}, "preferred": True}
                    ],
                }
            },
            {
                "resource": {
                    "resourceType": "Appointment",
                    "id": "appt-1",
                    "status": "booked",
                    "start": start.isoformat(),
                    "participant": [
                        {"actor": {"reference": "Patient/p-1"}},
                        {"actor": {"reference": "Location/l1", "display": "Main St"}},
                    ],
                }
            },
        ],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    result = runner.invoke(args=["import-appointments", str(path)])
    assert result.exit_code == 0 and "1 new" in result.output, result.output

    run_worker(due.astimezone(UTC))
    (reminder,) = fake_twilio.messages
    assert reminder["To"] == PATIENT_NUMBER and "Responda C para confirmar" in reminder["Body"]
    send_sms("Sí, ahí estaré")
    run_worker(due.astimezone(UTC) + timedelta(minutes=5))

    session.expire_all()
    appointment = session.exec(sa.select(Appointment)).scalar_one()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert "queda confirmada" in fake_twilio.messages[-1]["Body"]
