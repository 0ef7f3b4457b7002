"""The patient phone simulator: a strict page, texts through the real webhook, demo data."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from gateway import create_app
from gateway.demo import seed_demo
from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Contact,
    Conversation,
    Direction,
    Message,
    MessageKind,
    MessageStatus,
    Patient,
)
from gateway.simulator.views import CONTENT_SECURITY_POLICY
from tests.conftest import CLINIC_NUMBER

HOSTILE = "<script>alert(1)</script> hi"
NEW_NUMBER = "+12025550177"
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday, 10 a.m. in New York


def simulate(client, body: str, phone: str = NEW_NUMBER):
    return client.post("/simulator/send", json={"phone": phone, "body": body})


def thread_of(client, phone: str = NEW_NUMBER) -> dict:
    response = client.get("/simulator/api/thread", query_string={"phone": phone})
    assert response.status_code == 200
    return response.get_json()


def test_page_renders_with_a_strict_content_security_policy(client):
    response = client.get("/simulator/")

    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    html = response.get_data(as_text=True)
    assert "Patient phone simulator" in html
    assert CLINIC_NUMBER in html
    # Nothing inline for the CSP to block: scripts and styles are files of our own.
    assert re.findall(r"<script\b[^>]*>", html) == [
        '<script src="/simulator/static/simulator.js" defer>'
    ]
    assert "<style" not in html and " style=" not in html and " on" + "click=" not in html


def test_static_files_are_served_under_the_same_policy(client):
    for name in ("simulator.js", "simulator.css", "favicon.svg"):
        with client.get(f"/simulator/static/{name}") as response:
            assert response.status_code == 200
            assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    with client.get("/simulator/static/simulator.js") as response:
        script = response.get_data(as_text=True)
    # Patient text reaches the page only through textContent.
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


def test_a_simulated_text_goes_through_the_webhook_and_comes_back_as_data(
    client, session, fake_twilio
):
    response = simulate(client, HOSTILE)

    assert response.status_code == 200, response.get_json()
    sid = response.get_json()["message_sid"]
    stored = session.exec(sa.select(Message).where(Message.twilio_sid == sid)).scalar_one()
    assert stored.body == HOSTILE
    assert stored.direction == Direction.INBOUND
    assert (stored.from_number, stored.to_number) == (NEW_NUMBER, CLINIC_NUMBER)
    assert stored.processed_at is not None  # triage ran on it, as for a text from Twilio

    messages = thread_of(client)["messages"]
    assert messages[0]["body"] == HOSTILE
    assert messages[0]["direction"] == "inbound"
    # The bot answered through the outbox and the (fake) Twilio API, within the request.
    replies = [m for m in messages if m["direction"] == "outbound"]
    assert replies and all("Riverside Clinic" in m["body"] for m in replies)
    assert {m["To"] for m in fake_twilio.messages} == {NEW_NUMBER}

    page = client.get("/simulator/").get_data(as_text=True)
    assert "<script>alert(1)" not in page


def test_patient_names_are_escaped_in_the_page(client, create_patient):
    create_patient(phone="+12025550155", name='<img src=x onerror="alert(1)">')

    page = client.get("/simulator/").get_data(as_text=True)

    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (None, "send JSON"),
        ({"phone": "not a number", "body": "hi"}, "not a phone number"),
        ({"phone": NEW_NUMBER, "body": "   "}, "type a message"),
        ({"phone": NEW_NUMBER, "body": "x" * 1601}, "at most 1600"),
    ],
)
def test_send_refuses_what_twilio_would_never_deliver(client, session, payload, error):
    if payload is None:  # a cross-site form post: refused, nothing stored
        response = client.post("/simulator/send", data={"phone": NEW_NUMBER, "body": "hi"})
    else:
        response = client.post("/simulator/send", json=payload)

    assert response.status_code == 400
    assert error in response.get_json()["error"]
    assert session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one() == 0


def test_thread_needs_a_phone_number(client):
    assert client.get("/simulator/api/thread?phone=abc").status_code == 400


def test_an_emergency_text_tops_the_staff_queue(client):
    simulate(client, "routine question about my bill", phone="+12025550166")
    simulate(client, "my chest hurts and my left arm is numb")

    items = client.get("/simulator/api/queue").get_json()["items"]

    assert items[0]["is_emergency"] is True
    assert items[0]["phone"] == NEW_NUMBER
    assert items[0]["priority"] == 0
    assert items[0]["due_at"]
    emergency = [m for m in thread_of(client)["messages"] if m["kind"] == "emergency"]
    assert emergency and "911" in emergency[0]["body"]


def test_seed_demo_twice_creates_each_row_once(app, session):
    def counts() -> dict[str, int]:
        with app.extensions["gateway"].engine.connect() as conn:
            return {
                table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in SQLModel.metadata.sorted_tables
            }

    seed_demo(app, now=NOW)
    first = counts()
    seed_demo(app, now=NOW.replace(day=25))

    assert counts() == first
    clinic = session.exec(sa.select(Clinic).where(Clinic.slug == "main")).scalar_one()
    assert clinic.name == "Riverside Family Clinic"
    assert clinic.languages == ["en", "es"]
    patients = session.exec(sa.select(Patient)).scalars().all()
    assert len(patients) == 5
    assert sum(p.preferred_language == "es" for p in patients) == 1
    phones = [session.get(Contact, p.contact_id).phone for p in patients]
    assert all(re.fullmatch(r"\+120255501\d\d", phone) for phone in phones)
    assert len(set(phones)) == 4  # a parent and a child share one phone
    appointments = session.exec(sa.select(Appointment)).scalars().all()
    assert any(a.is_telehealth for a in appointments)
    assert all(a.starts_at > NOW for a in appointments)
    awaiting = session.exec(sa.select(Conversation.awaiting)).scalars().all()
    assert sorted(awaiting) == ["appointment_reminder", "form_reminder"]


def test_seeded_reminders_are_delivered_and_ask_for_short_codes(app, session):
    seed_demo(app, now=NOW)

    reminders = (
        session.exec(sa.select(Message).where(Message.kind == MessageKind.REMINDER)).scalars().all()
    )

    assert len(reminders) == 2
    for reminder in reminders:
        assert reminder.status == MessageStatus.DELIVERED
        assert reminder.direction == Direction.OUTBOUND
        assert reminder.body.startswith("Riverside Family Clinic: ")
        assert len(reminder.body) <= 160
        assert not re.search(r"\b(CANCEL|STOP|END|QUIT)\b", reminder.body)
    appointment_reminder = next(r for r in reminders if "visit on" in r.body)
    assert appointment_reminder.body.endswith("Reply C to confirm, R to reschedule, X to cancel.")
    assert "Tue, Nov 24, 9:30 AM" in appointment_reminder.body  # tomorrow, clinic time


def test_a_demo_patient_confirms_the_reminder_from_the_simulator(app, client, session):
    seed_demo(app, now=datetime.now(UTC))
    maya = session.exec(sa.select(Patient).where(Patient.name == "Maya Thompson")).scalar_one()
    phone = session.get(Contact, maya.contact_id).phone

    assert simulate(client, "C", phone=phone).status_code == 200

    appointment = session.exec(
        sa.select(Appointment).where(Appointment.patient_id == maya.id)
    ).scalar_one()
    assert appointment.status == AppointmentStatus.CONFIRMED
    last = thread_of(client, phone)["messages"][-1]
    assert last["direction"] == "outbound" and "confirmed" in last["body"]


def test_the_simulator_is_not_served_in_production(tmp_path):
    app = create_app(
        {
            "gateway_env": "production",
            "database_url": f"sqlite:///{tmp_path / 'prod.db'}",
            "secret_key": "a-real-secret-key-0123456789",
            "public_base_url": "https://gateway.example.org",
            "twilio_account_sid": "AC" + "0" * 32,
            "twilio_auth_token": "token-0123456789",
            "twilio_from_number": CLINIC_NUMBER,
            "clinic_config": None,
        }
    )
    try:
        assert "simulator" not in app.blueprints
        assert app.test_client().get("/simulator/").status_code == 404
    finally:
        app.extensions["gateway"].engine.dispose()
