"""Shared fixtures: the database on both backends, the app, signed Twilio requests, factories.

Every test that takes `app` (or anything built on it) runs twice: on SQLite and on PostgreSQL.
PostgreSQL comes from `TEST_POSTGRES_URL` (default: the local server, database `test`); each
test session makes its own database and drops it afterwards. When PostgreSQL is unreachable,
those runs skip with the reason, except under `CI=true`, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, SQLModel
from twilio.request_validator import RequestValidator

from gateway import create_app
from gateway.clinic import upsert_clinic
from gateway.db import create_tables, make_engine
from gateway.models import Appointment, Clinic, Contact, Conversation, MessageKind, Patient
from gateway.outbox import queue_message
from scripts.fake_twilio import FakeTwilio

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token-0123456789"
MESSAGING_SERVICE_SID = "MG" + "1" * 32
PUBLIC_BASE_URL = "https://gateway.test"
CLINIC_NUMBER = "+12025550100"
ON_CALL_NUMBER = "+12025550199"
PATIENT_NUMBER = "+12025550123"

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")

#: A fixed time and an automated text for outbox tests.
SAMPLE_NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
SAMPLE_TEXT = "Riverside Clinic: your visit is Tue Mar 4 at 3:00 PM. Reply C to confirm."

DEMO_CLINIC = {
    "slug": "main",
    "name": "Riverside Clinic",
    "phone": "(202) 555-0100",
    "time_zone": "America/New_York",
    "languages": ["en", "es"],
    "on_call_numbers": [ON_CALL_NUMBER],
    "portal_url": "https://portal.example.org",
    "forms_url": "https://forms.example.org/intake",
    "telehealth_url": "https://video.example.org/join",
    "hours": {str(day): ["08:00", "17:00"] for day in range(5)},
    "locations": [{"name": "Main St", "twilio_number": CLINIC_NUMBER}],
}


# ----------------------------------------------------------------------------- databases


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str | None]:
    """A fresh PostgreSQL database for this test session, or None when unreachable."""
    admin_url = POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text("select 1"))
    except Exception as error:  # noqa: BLE001 - any failure means "not available here"
        yield None if os.environ.get("CI") != "true" else f"!{error}"
        return
    name = f"gateway_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    create_tables(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """Each database-backed test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'gateway.db'}"
        engine = make_engine(url)
        create_tables(engine)
        engine.dispose()
        return url
    url = request.getfixturevalue("postgres_database")
    if url is None:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} (set TEST_POSTGRES_URL)")
    if url.startswith("!"):
        pytest.fail(f"CI=true but PostgreSQL is not reachable at {POSTGRES_URL}: {url[1:]}")
    engine = make_engine(url)
    with engine.begin() as conn:
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


# ----------------------------------------------------------------------------- Twilio


@pytest.fixture(scope="session")
def fake_twilio_server() -> Iterator[FakeTwilio]:
    server = FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fake_twilio(fake_twilio_server: FakeTwilio) -> FakeTwilio:
    """The local Twilio-compatible server the real client talks to, emptied for each test."""
    fake_twilio_server.reset()
    return fake_twilio_server


# ----------------------------------------------------------------------------- app


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """Override in a test module to change settings for its app."""
    return {}


@pytest.fixture
def app(database_url: str, fake_twilio: FakeTwilio, settings_overrides) -> Iterator[Flask]:
    settings: dict[str, Any] = {
        "gateway_env": "test",
        "database_url": database_url,
        "secret_key": "test-secret-key-0123456789",
        "public_base_url": PUBLIC_BASE_URL,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": AUTH_TOKEN,
        "twilio_messaging_service_sid": MESSAGING_SERVICE_SID,
        "twilio_api_base_url": fake_twilio.base_url,
        "twilio_handles_keywords": False,
        "clinic_config": None,
    }
    settings.update(settings_overrides)
    app = create_app(settings)
    with Session(app.extensions["gateway"].engine) as session:
        upsert_clinic(session=session, data=DEMO_CLINIC)
        session.commit()
    yield app
    app.extensions["gateway"].engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """A session for arranging and checking data (expire_on_commit off, refresh to re-read)."""
    with Session(app.extensions["gateway"].engine, expire_on_commit=False) as db:
        yield db


def sign(url: str, form: dict[str, Any]) -> str:
    return RequestValidator(AUTH_TOKEN).compute_signature(url, form)


@pytest.fixture
def process_stored(app: Flask) -> Callable[..., list[int]]:
    """What a worker process does the moment a webhook commits: process every stored message
    that is ready (gateway.ingest.process_ready), without sending. Returns the outbox ids."""
    from gateway.ingest import process_ready

    def process(now: datetime | None = None) -> list[int]:
        with app.app_context():
            return process_ready(
                engine=app.extensions["gateway"].engine, now=now or datetime.now(UTC)
            )

    return process


@pytest.fixture
def twilio_post(client: FlaskClient, process_stored) -> Callable[..., Any]:
    """POST a form to a Twilio webhook with a real signature, as Twilio would.

    The webhook only stores; after a 2xx the worker's processing pass runs (as the ingest loop
    would within a fraction of a second), so transcripts read "text in, reply queued". Pass
    `process=False` to see the state the webhook alone leaves. Nothing is sent: `run_worker`.
    """

    def post(
        path: str, form: dict[str, Any], *, signature: str | None = None, process: bool = True
    ):
        url = PUBLIC_BASE_URL + path
        headers = {"X-Twilio-Signature": signature if signature is not None else sign(url, form)}
        response = client.post(path, data=form, headers=headers)
        if process and 200 <= response.status_code < 300:
            process_stored()
        return response

    return post


@pytest.fixture
def send_sms(twilio_post) -> Callable[..., Any]:
    """Text the clinic as a patient: `send_sms("C", sid="SM1")`."""
    counter = iter(range(1, 1_000_000))

    def send(
        body: str,
        *,
        sid: str | None = None,
        from_: str = PATIENT_NUMBER,
        process: bool = True,
        **extra: Any,
    ):
        form = {
            "MessageSid": sid or f"SM{uuid.uuid4().hex}",
            "AccountSid": ACCOUNT_SID,
            "From": from_,
            "To": CLINIC_NUMBER,
            "Body": body,
            "NumSegments": "1",
            "NumMedia": "0",
            "SmsStatus": "received",
            "ApiVersion": "2010-04-01",
        }
        form.update(extra)
        next(counter)
        return twilio_post("/twilio/sms", form, process=process)

    return send


@pytest.fixture
def run_worker(app: Flask) -> Callable[..., int]:
    """Do one pass of what the worker processes do, as of `now` (default: the real clock).

    It processes every stored inbound message not yet processed, dispatches due scheduled work
    and sends what is queued; returns how many texts went out. Tests call it after posting
    webhooks and before asserting what the patient got, so they hold whether a message is
    processed inside the request or by a worker after it.
    """
    from gateway.scheduler import tick

    def run(now: datetime | None = None) -> int:
        with app.app_context():
            return tick(app, now or datetime.now(UTC))

    return run


# ----------------------------------------------------------------------------- factories


@pytest.fixture
def clinic(session: Session) -> Clinic:
    return session.exec(sa.select(Clinic).where(Clinic.slug == "main")).scalar_one()


@pytest.fixture
def create_contact(session: Session, clinic: Clinic) -> Callable[..., Contact]:
    def create(phone: str = PATIENT_NUMBER, **fields: Any) -> Contact:
        contact = Contact(clinic_id=clinic.id, phone=phone, **fields)
        session.add(contact)
        session.commit()
        return contact

    return create


@pytest.fixture
def create_patient(session: Session, clinic: Clinic, create_contact) -> Callable[..., Patient]:
    def create(phone: str = PATIENT_NUMBER, locale: str | None = None, **fields: Any) -> Patient:
        contact = session.exec(
            sa.select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == phone)
        ).scalar_one_or_none() or create_contact(phone, preferred_language=locale)
        patient = Patient(
            clinic_id=clinic.id,
            contact_id=contact.id,
            name=fields.pop("name", "Ana Test"),
            date_of_birth=fields.pop("date_of_birth", date(1980, 3, 11)),
            preferred_language=locale,
            **fields,
        )
        session.add(patient)
        session.commit()
        return patient

    return create


@pytest.fixture
def create_appointment(session: Session, clinic: Clinic) -> Callable[..., Appointment]:
    def create(patient: Patient, *, starts_at: datetime | None = None, **fields: Any):
        appointment = Appointment(
            clinic_id=clinic.id,
            patient_id=patient.id,
            starts_at=starts_at or datetime.now(UTC) + timedelta(days=2),
            **fields,
        )
        session.add(appointment)
        session.commit()
        return appointment

    return create


@pytest.fixture
def queue(session: Session, clinic: Clinic):
    """Queue an outbound text and commit, as a request would; returns the row id."""

    def add(
        body: str = SAMPLE_TEXT,
        *,
        to: str = PATIENT_NUMBER,
        kind: MessageKind = MessageKind.AUTOMATED,
        key: str | None = None,
        now: datetime = SAMPLE_NOW,
    ) -> int:
        message = queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=to,
            body=body,
            kind=kind,
            now=now,
            idempotency_key=key,
        )
        session.commit()
        assert message is not None
        return message.id

    return add


@pytest.fixture
def awaiting_reply(session: Session, clinic: Clinic) -> Callable[..., Conversation]:
    """Record that the patient's last automated message was, e.g., an appointment reminder."""

    def mark(contact: Contact, awaiting: str, appointment: Appointment | None = None):
        conversation = session.exec(
            sa.select(Conversation).where(Conversation.contact_id == contact.id)
        ).scalar_one_or_none() or Conversation(clinic_id=clinic.id, contact_id=contact.id)
        conversation.awaiting = awaiting
        conversation.awaiting_appointment_id = appointment.id if appointment else None
        conversation.awaiting_set_at = datetime.now(UTC)
        session.add(conversation)
        session.commit()
        return conversation

    return mark
