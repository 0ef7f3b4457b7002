"""The reminders JSON API: a clinic's key, imports in, patients' answers out (JSON and CSV)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from gateway.models import ApiKey
from gateway.reminders.api import create_api_key
from tests.conftest import PATIENT_NUMBER
from tests.gateway.reminders.conftest import row


def make_key(session, clinic) -> str:
    key = create_api_key(session=session, clinic=clinic, label="EHR")
    session.commit()
    return key


def test_requests_without_a_valid_key_are_refused(client, session, clinic):
    assert client.post("/api/v1/appointments", json={"appointments": []}).status_code == 401
    bad = {"Authorization": "Bearer rk_not-a-key"}
    assert client.get("/api/v1/appointments/changes", headers=bad).status_code == 401
    key = make_key(session, clinic)
    stored = session.exec(sa.select(ApiKey.key_hash)).scalar_one()
    assert key not in stored and len(stored) == 64  # only the hash is kept


def test_import_by_api_reports_row_errors_and_imports_the_rest(client, session, clinic):
    headers = {"Authorization": f"Bearer {make_key(session, clinic)}"}
    response = client.post(
        "/api/v1/appointments",
        json={"appointments": [row(), row(appointment_id="A2", phone="nope")]},
        headers=headers,
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["created"] == 1
    assert body["errors"] == [
        {"where": "row 2", "field": "phone", "problem": "not a dialable phone number"}
    ]


def test_patient_answers_are_readable_back_as_json_and_csv(
    client, session, clinic, run_worker, send_sms, fake_twilio
):
    headers = {"Authorization": f"Bearer {make_key(session, clinic)}"}
    zone = ZoneInfo("America/New_York")
    day = datetime.now(UTC).astimezone(zone).date() + timedelta(days=1)
    due = datetime.combine(day, time(10), tzinfo=zone)
    start = (due + timedelta(days=3)).strftime("%Y-%m-%d 09:30")
    client.post(
        "/api/v1/appointments",
        json={"appointments": [row(phone=PATIENT_NUMBER, start=start)]},
        headers=headers,
    )
    run_worker(due.astimezone(UTC))
    send_sms("C")
    run_worker(due.astimezone(UTC) + timedelta(minutes=1))
    changes = client.get("/api/v1/appointments/changes", headers=headers).get_json()["changes"]
    assert [(c["change"], c["appointment_id"], c["patient_id"]) for c in changes] == [
        ("confirmed", "A1", "P1")
    ]
    exported = client.get(
        "/api/v1/appointments/changes", query_string={"format": "csv"}, headers=headers
    )
    assert exported.mimetype == "text/csv"
    lines = exported.get_data(as_text=True).splitlines()
    assert lines[0] == "at,change,appointment_id,patient_id,start,preferred_times"
    assert ",confirmed,A1,P1," in lines[1]
