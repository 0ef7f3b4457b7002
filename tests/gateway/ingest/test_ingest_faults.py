"""Acknowledge only what is stored: a failure before the commit is a 503 Twilio retries.

Two real failures: PostgreSQL refusing connections (the app pointed at a closed port) and a
SQLite file whose write lock another connection holds (a short busy timeout keeps it quick).
A caller on the line still hears the greeting, the 911 line and the beep.
"""

from __future__ import annotations

import socket
import sqlite3
import uuid
import xml.etree.ElementTree as ET

import pytest
from sqlmodel import Session, select

from gateway import create_app
from gateway.clinic import upsert_clinic
from gateway.db import create_tables
from gateway.models import Message
from tests.conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    CLINIC_NUMBER,
    DEMO_CLINIC,
    PATIENT_NUMBER,
    PUBLIC_BASE_URL,
    sign,
)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nobody listens


def make_app(database_url: str, **overrides):
    return create_app(
        {
            "gateway_env": "test",
            "database_url": database_url,
            "secret_key": "test-secret-key-0123456789",
            "public_base_url": PUBLIC_BASE_URL,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": AUTH_TOKEN,
            "twilio_api_base_url": "http://127.0.0.1:9",
            "twilio_messaging_service_sid": "MG" + "1" * 32,
            "clinic_config": None,
            **overrides,
        }
    )


def post(app, path: str, form: dict[str, str]):
    signature = sign(PUBLIC_BASE_URL + path, form)
    return app.test_client().post(path, data=form, headers={"X-Twilio-Signature": signature})


def sms_form(sid: str | None = None) -> dict[str, str]:
    return {
        "MessageSid": sid or "SM" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "Body": "my chest hurts",
    }


def call_form() -> dict[str, str]:
    return {
        "CallSid": "CA" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "CallStatus": "ringing",
    }


def assert_retry_later(response) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert response.mimetype == "text/xml"
    assert ET.fromstring(response.get_data()).tag == "Response"  # noqa: S314 - our own TwiML


def assert_greeting_with_911_and_record(response) -> None:
    assert response.status_code == 200 and response.mimetype == "text/xml"
    root = ET.fromstring(response.get_data())  # noqa: S314 - our own TwiML
    said = " ".join(element.text or "" for element in root.iter("Say"))
    assert "911" in said
    record = root.find("Record")
    assert record is not None
    assert record.get("recordingStatusCallback") == PUBLIC_BASE_URL + "/twilio/voice/recording"


@pytest.fixture
def refused_app():
    app = make_app(f"postgresql://postgres@127.0.0.1:{closed_port()}/gateway")
    yield app
    app.extensions["gateway"].engine.dispose()


def test_postgresql_refusing_connections_gets_a_503_never_a_200(refused_app):
    for _ in range(4):
        assert_retry_later(post(refused_app, "/twilio/sms", sms_form()))


def test_a_call_while_postgresql_refuses_still_hears_the_greeting_911_and_the_beep(refused_app):
    assert_greeting_with_911_and_record(post(refused_app, "/twilio/voice", call_form()))


def test_a_transcript_while_postgresql_refuses_is_a_503_so_twilio_retries(refused_app):
    form = call_form() | {
        "RecordingSid": "RE" + uuid.uuid4().hex,
        "TranscriptionStatus": "completed",
        "TranscriptionText": "my chest hurts",
    }
    assert_retry_later(post(refused_app, "/twilio/voice/transcription", form))


@pytest.fixture
def sqlite_app(tmp_path):
    path = tmp_path / "locked.db"
    app = make_app(f"sqlite:///{path}", sqlite_busy_timeout_ms=200)
    engine = app.extensions["gateway"].engine
    create_tables(engine)
    with Session(engine) as session:
        upsert_clinic(session=session, data=DEMO_CLINIC)
        session.commit()
    yield app, path
    engine.dispose()


def stored(app) -> list[Message]:
    with Session(app.extensions["gateway"].engine) as session:
        return list(session.exec(select(Message)).all())


def test_a_locked_sqlite_file_gets_a_503_and_the_retry_is_stored_once(sqlite_app):
    app, path = sqlite_app
    form = sms_form()
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        assert_retry_later(post(app, "/twilio/sms", form))
        assert_greeting_with_911_and_record(post(app, "/twilio/voice", call_form()))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert stored(app) == []

    # Twilio retries the same MessageSid once the lock is gone: stored, once.
    assert post(app, "/twilio/sms", form).status_code == 200
    assert post(app, "/twilio/sms", form).status_code == 200
    assert [m.twilio_sid for m in stored(app)] == [form["MessageSid"]]
