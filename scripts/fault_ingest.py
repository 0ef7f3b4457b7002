"""Fault script for the inbound path: every acknowledged text is stored, whatever the database does.

    python scripts/fault_ingest.py [--database-url postgresql://...] [--texts 40]

Drives signed `POST /twilio/sms` requests through the real app (the WSGI app in this process,
real databases) and prints one PASS/FAIL line per fault:

- SQLite locked: another connection holds the write lock while texts arrive (busy timeout
  0.2 s): each gets 503 + Retry-After; Twilio's retries after the lock is released are stored,
  each exactly once, and none of the refused ones was stored half-way;
- PostgreSQL refusing connections (the app pointed at a closed port): every text gets 503, and
  a call still hears the greeting with the 911 line and the recording;
- PostgreSQL back (with --database-url): texts sent while it was away are retried by "Twilio"
  and stored exactly once; every text that got a 200 is stored and then processed by one
  worker pass.

Exit status 1 if any line is FAIL.
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from gateway import create_app  # noqa: E402
from gateway.clinic import upsert_clinic  # noqa: E402
from gateway.db import create_tables, normalise_url  # noqa: E402
from gateway.ingest import process_ready  # noqa: E402
from gateway.models import Direction, Message, utcnow  # noqa: E402
from gateway.twilio.signature import sign_form  # noqa: E402

ACCOUNT_SID = "AC" + "d" * 32
TOKEN = "fault-auth-token-0123456789"
BASE = "https://gateway.fault"
CLINIC = {
    "slug": "main",
    "name": "Fault Clinic",
    "phone": "(202) 555-0100",
    "locations": [{"name": "Main", "twilio_number": "+12025550100"}],
}
results: list[bool] = []


def line(ok: bool, name: str, detail: str) -> None:
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)


def make_app(url: str, **extra):
    return create_app(
        {
            "gateway_env": "test",
            "database_url": url,
            "secret_key": "fault-secret-key-0123456789",
            "public_base_url": BASE,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": TOKEN,
            "twilio_messaging_service_sid": "MG" + "e" * 32,
            "twilio_api_base_url": "http://127.0.0.1:9",
            "clinic_config": None,
            **extra,
        }
    )


def prepare(app) -> None:
    engine = app.extensions["gateway"].engine
    create_tables(engine)
    with Session(engine) as session:
        upsert_clinic(session=session, data=CLINIC)
        session.commit()


def text(n: int) -> dict[str, str]:
    return {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": f"+1202555{2000 + n:04d}",
        "To": "+12025550100",
        "Body": "my chest hurts" if n % 10 == 0 else "I need a refill please",
    }


def post(app, path: str, form: dict[str, str]):
    signature = sign_form(BASE + path, form, TOKEN)
    return app.test_client().post(path, data=form, headers={"X-Twilio-Signature": signature})


def stored_sids(app) -> list[str]:
    with Session(app.extensions["gateway"].engine) as session:
        return [
            m.twilio_sid or ""
            for m in session.exec(select(Message).where(Message.direction == Direction.INBOUND))
        ]


def all_processed(app) -> bool:
    with app.app_context():
        process_ready(engine=app.extensions["gateway"].engine, now=utcnow())
    with Session(app.extensions["gateway"].engine) as session:
        rows = session.exec(select(Message).where(Message.direction == Direction.INBOUND)).all()
        return all(m.processed_at is not None for m in rows)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sqlite_locked(count: int, workdir: Path) -> None:
    path = workdir / "locked.db"
    app = make_app(f"sqlite:///{path}", sqlite_busy_timeout_ms=200)
    prepare(app)
    forms = [text(n) for n in range(count)]
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        during = [post(app, "/twilio/sms", form) for form in forms]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    refused = [r for r in during if r.status_code == 503 and r.headers.get("Retry-After")]
    acked_during = [
        f["MessageSid"] for f, r in zip(forms, during, strict=True) if r.status_code == 200
    ]
    half_written = [sid for sid in stored_sids(app) if sid not in acked_during]
    retries = [post(app, "/twilio/sms", form) for form in forms]  # Twilio retries every one
    stored = stored_sids(app)
    once = all(stored.count(f["MessageSid"]) == 1 for f in forms)
    ok = (
        len(refused) + len(acked_during) == count
        and not half_written
        and all(r.status_code == 200 for r in retries)
        and once
        and all_processed(app)
    )
    line(
        ok,
        "sqlite locked",
        f"{len(refused)} of {count} got 503 + Retry-After during the lock, {len(half_written)} "
        f"half-written; after it, {len(stored)} stored, each once, all processed",
    )
    app.extensions["gateway"].engine.dispose()


def postgres_refused(count: int) -> None:
    app = make_app(f"postgresql://postgres@127.0.0.1:{closed_port()}/gateway")
    answers = [post(app, "/twilio/sms", text(n)).status_code for n in range(count)]
    call = post(
        app,
        "/twilio/voice",
        {"CallSid": "CA" + uuid.uuid4().hex, "From": "+12025550123", "To": "+12025550100"},
    )
    body = call.get_data(as_text=True)
    line(
        all(a == 503 for a in answers),
        "postgresql refused",
        f"{answers.count(503)} of {count} texts got 503, {answers.count(200)} got 200",
    )
    line(
        call.status_code == 200 and "911" in body and "<Record" in body,
        "postgresql refused, a call",
        f"HTTP {call.status_code}, greeting with 911: {'911' in body}, recording: "
        f"{'<Record' in body}",
    )
    app.extensions["gateway"].engine.dispose()


def postgres_back(url: str, count: int) -> None:
    scratch = f"fault_ingest_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{scratch}"'))
    live = sa.engine.make_url(normalise_url(url)).set(database=scratch)
    live_url = live.render_as_string(hide_password=False)
    try:
        forms = [text(n) for n in range(count)]
        away = make_app(f"postgresql://postgres@127.0.0.1:{closed_port()}/{scratch}")
        first = [post(away, "/twilio/sms", form).status_code for form in forms]
        away.extensions["gateway"].engine.dispose()
        back = make_app(live_url)
        prepare(back)
        retried = [post(back, "/twilio/sms", form).status_code for form in forms]
        again = [post(back, "/twilio/sms", form).status_code for form in forms[: count // 2]]
        stored = stored_sids(back)
        ok = (
            all(a == 503 for a in first)
            and all(a == 200 for a in retried + again)
            and sorted(stored) == sorted(f["MessageSid"] for f in forms)
            and all_processed(back)
        )
        line(
            ok,
            "postgresql back",
            f"{first.count(503)} refused while away; retried: {retried.count(200)} of {count} "
            f"acknowledged, {len(stored)} stored (each once), all processed",
        )
        back.extensions["gateway"].engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server to test on")
    parser.add_argument("--texts", type=int, default=40)
    args = parser.parse_args()
    import logging

    logging.disable(logging.CRITICAL)  # the 503s log on purpose; the PASS lines are the output
    with tempfile.TemporaryDirectory(prefix="fault-ingest-") as workdir:
        sqlite_locked(args.texts, Path(workdir))
    postgres_refused(args.texts)
    if args.database_url:
        postgres_back(args.database_url, args.texts)
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
