"""The webhook's raw writer stores exactly the row the ORM would, once, and survives a dropped
connection without a restart."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from gateway.conversations import inbound_values, store_inbound
from gateway.inbound_writer import writer_for
from gateway.models import Message, MessageChannel

NOW = datetime(2026, 11, 23, 15, 0, 30, 123456, tzinfo=UTC)


def values(clinic, sid: str, body: str = "Necesito mi receta \u2014 gracias \U0001f64f") -> dict:
    return inbound_values(
        clinic_id=clinic.id,
        from_number="+12025550123",
        to_number="+12025550100",
        body=body,
        channel=MessageChannel.SMS,
        twilio_sid=sid,
        now=NOW,
        signals={"opt_out_type": "STOP"},
    )


def columns(message: Message) -> dict:
    row = message.model_dump()
    row.pop("id")
    row.pop("twilio_sid")
    return row


def test_the_row_is_the_one_the_orm_writes(app, session: Session, clinic):
    orm, _ = store_inbound(
        session=session,
        values=inbound_values(
            clinic_id=clinic.id,
            from_number="+12025550123",
            to_number="+12025550100",
            body="Necesito mi receta \u2014 gracias \U0001f64f",
            channel=MessageChannel.SMS,
            twilio_sid="SM" + "1" * 32,
            now=NOW,
            signals={"opt_out_type": "STOP"},
        ),
    )
    engine = app.extensions["gateway"].engine
    new_id, stored = writer_for(engine).insert(values(clinic, "SM" + "2" * 32))
    assert stored
    session.expire_all()
    raw = session.get(Message, new_id)
    assert columns(raw) == columns(session.get(Message, orm.id))
    assert raw.created_at == NOW and raw.created_at.tzinfo is not None
    assert raw.triage == {"signals": {"opt_out_type": "STOP"}}


def test_a_retry_returns_the_stored_row_and_adds_nothing(app, session: Session, clinic):
    writer = writer_for(app.extensions["gateway"].engine)
    first = writer.insert(values(clinic, "SM" + "3" * 32))
    again = writer.insert(values(clinic, "SM" + "3" * 32, body="a different body"))
    assert first[1] and again == (first[0], False)
    rows = session.exec(select(Message).where(Message.twilio_sid == "SM" + "3" * 32)).all()
    assert [m.body for m in rows] == ["Necesito mi receta \u2014 gracias \U0001f64f"]


def test_threads_each_store_their_own_rows(app, session: Session, clinic):
    writer = writer_for(app.extensions["gateway"].engine)
    results: list[tuple[int, bool]] = []

    def post(start: int) -> None:
        for n in range(start, start + 25):
            results.append(writer.insert(values(clinic, f"SM{n:032d}")))

    threads = [threading.Thread(target=post, args=(k * 100,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({new_id for new_id, _ in results}) == 100 and all(new for _, new in results)
    assert session.exec(sa.select(sa.func.count()).select_from(Message)).one()[0] == 100


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_connection_the_server_dropped_is_replaced_on_the_next_request(
    app, session: Session, clinic
):
    """A server-side disconnect (a restart, a failover) is PostgreSQL's."""
    engine = app.extensions["gateway"].engine
    writer = writer_for(engine)
    writer.insert(values(clinic, "SM" + "4" * 32))
    # The server ends the writer's kept connection, as a restart or failover would.
    backend = writer.local.connection.info.backend_pid
    with engine.connect() as admin:
        assert admin.execute(
            sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": backend}
        ).scalar()
    new_id, stored = writer.insert(values(clinic, "SM" + "5" * 32))
    assert stored
    session.rollback()
    assert session.get(Message, new_id) is not None


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_every_stored_text_is_followed_by_a_notify_but_a_burst_sends_few(app, clinic):
    """The workers wake for every text (a NOTIFY after its commit), yet 200 texts do not cost
    200 NOTIFYs, which would serialise the webhooks' commits on the server."""
    import time

    import psycopg

    engine = app.extensions["gateway"].engine
    writer = writer_for(engine)
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN gateway_inbound")
        for n in range(200):
            writer.insert(values(clinic, f"SM{7_000_000 + n:032d}"))
        burst = list(listener.notifies(timeout=0.5))
        # One more text right after the burst's NOTIFYs: it gets its own, at once.
        writer.insert(values(clinic, "SM" + "8" * 32))
        started = time.monotonic()
        after = list(listener.notifies(timeout=1.0, stop_after=1))
        waited = time.monotonic() - started
    assert 1 <= len(burst) < 100, len(burst)
    assert after and waited < 0.5
