"""Profile the two hot paths in-process: one signed `/twilio/sms` request, one `process_inbound`.

    python scripts/profile_hot_paths.py [--database-url URL] [--requests 500] [--messages 300]
                                        [--profile] [--statements] [--sort KEY]

With the Flask test client and a real signature, against a bare Flask endpoint in the same
process: CPU ms per request (process time, so other jobs on the machine do not count), then
SQL statements, CPU ms and wall ms per processed message. `--profile` prints cProfile's top
functions for each path. A scratch SQLite file (default) or a scratch PostgreSQL database made
beside `--database-url` and dropped afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from gateway.db import normalise_url  # noqa: E402
from gateway.twilio.signature import sign_form  # noqa: E402
from scripts.bench_load import (  # noqa: E402
    ACCOUNT_SID,
    CLINIC_NUMBER,
    SERVICE_SID,
    TEXTS,
    TOKEN,
    bare_app,
    form_for,
)

BASE = "http://127.0.0.1:5799"


def post_all(client, forms) -> None:
    for form in forms:
        signature = sign_form(BASE + "/twilio/sms", form, TOKEN)
        response = client.post("/twilio/sms", data=form, headers={"X-Twilio-Signature": signature})
        assert response.status_code == 200, response.status_code


def cpu_per_call(fn, n: int) -> tuple[float, float]:
    """(CPU ms, wall ms) per call."""
    began, wall = time.process_time(), time.perf_counter()
    fn()
    return (time.process_time() - began) / n * 1000, (time.perf_counter() - wall) / n * 1000


def top(profile: cProfile.Profile, lines: int = 25, sort: str = "cumulative") -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(lines)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--statements", action="store_true", help="print the SQL run")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key (tottime...)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="profile-hot-"))
    url = args.database_url or f"sqlite:///{workdir}/profile.db"
    scratch = admin = None
    if url.startswith("postgres"):
        scratch = f"profile_hot_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{scratch}"'))
        url = sa.engine.make_url(normalise_url(url)).set(database=scratch)
        url = url.render_as_string(hide_password=False)
    try:
        return run(url, args)
    finally:
        if scratch and admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
            admin.dispose()
        shutil.rmtree(workdir, ignore_errors=True)


def run(url: str, args) -> int:
    from sqlmodel import Session

    from gateway import create_app
    from gateway.clinic import upsert_clinic
    from gateway.conversations import process_inbound
    from gateway.db import create_tables
    from gateway.models import Direction, Message

    app = create_app(
        {
            "gateway_env": "production",
            "database_url": url,
            "secret_key": "x" * 32,
            "public_base_url": BASE,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": TOKEN,
            "twilio_messaging_service_sid": SERVICE_SID,
            "twilio_api_base_url": "http://127.0.0.1:9",
            "log_level": "WARNING",
        }
    )
    engine = app.extensions["gateway"].engine
    create_tables(engine)
    with Session(engine) as session:
        upsert_clinic(
            session=session,
            data={
                "slug": "main",
                "name": "Bench Clinic",
                "phone": "(202) 555-0100",
                "on_call_numbers": ["+12025550199"],
                "locations": [{"name": "Main", "twilio_number": CLINIC_NUMBER}],
            },
        )
        session.commit()
    database = engine.dialect.name
    bare = bare_app().test_client()
    client = app.test_client()
    # Warm both (imports, caches, the language detector).
    post_all(bare, [form_for(n, "hi") for n in range(20)])
    post_all(client, [form_for(n, "hi") for n in range(20)])

    n = args.requests
    bare_forms = [form_for(1000 + i, "yes") for i in range(n)]
    web_forms = [form_for(1000 + i, "yes") for i in range(n)]
    bare_ms = cpu_per_call(lambda: post_all(bare, bare_forms), n)
    profile = cProfile.Profile()
    if args.profile:
        profile.enable()
    web_ms = cpu_per_call(lambda: post_all(client, web_forms), n)
    profile.disable()
    print(f"== {database}: webhook, {n} requests, CPU per request (test client, signed)")
    print(f"bare Flask  {bare_ms[0]:6.2f} ms CPU  {bare_ms[1]:6.2f} ms wall")
    print(
        f"gateway     {web_ms[0]:6.2f} ms CPU  {web_ms[1]:6.2f} ms wall  "
        f"(+{web_ms[0] - bare_ms[0]:.2f} ms CPU beyond the bare endpoint)"
    )
    if args.profile:
        print(top(profile, sort=args.sort))

    # Processing: store messages, then process each in its own session as a worker does.
    m = args.messages
    with engine.connect() as connection:
        first_id = connection.execute(sa.select(sa.func.max(Message.id))).scalar_one()
    post_all(client, [form_for(500_000 + i, TEXTS[i % len(TEXTS)]) for i in range(m + 20)])
    with engine.connect() as connection:
        ids = [
            row[0]
            for row in connection.execute(
                sa.select(Message.id)
                .where(Message.direction == Direction.INBOUND, Message.id > first_id)
                .order_by(Message.id)
            )
        ]
    warm, ids = ids[:20], ids[20:]
    statements = [0]
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args, **_kwargs) -> None:
        statements[0] += 1
        if args.statements and len(seen) < 60:
            seen.append(" ".join(statement.split())[:110])

    sa.event.listen(engine, "before_cursor_execute", count)
    with app.app_context():
        for message_id in warm:
            with Session(engine, expire_on_commit=False) as session:
                process_inbound(session=session, message_id=message_id, now=datetime.now(UTC))
        statements[0] = 0
        profile = cProfile.Profile()
        if args.profile:
            profile.enable()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for message_id in ids:
            with Session(engine, expire_on_commit=False) as session:
                process_inbound(session=session, message_id=message_id, now=datetime.now(UTC))
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        profile.disable()
    sa.event.remove(engine, "before_cursor_execute", count)
    k = len(ids)
    print(f"== {database}: process_inbound, {k} messages ({', '.join(TEXTS)} in turn)")
    print(
        f"per message {statements[0] / k:5.1f} statements  {cpu / k * 1000:6.2f} ms CPU  "
        f"{wall / k * 1000:6.2f} ms wall  ({k / wall:.0f} msg/s in one process)"
    )
    if args.statements:
        print(f"the statements of the first {len(seen)} executed (of message {ids[0]} on):")
        print("".join(f"  {line}\n" for line in seen), end="")
    if args.profile:
        print(top(profile, 40, sort=args.sort))
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
