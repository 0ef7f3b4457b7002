"""Fault script: patients text the clinic while Twilio misbehaves; every reply must reach them
exactly once.

    python scripts/fault_twilio.py [--database-url postgresql://...] [scenario ...]

Each scenario builds a fresh app (`create_app`, the real Twilio sender, the real `twilio` client)
against the local fake Twilio (`scripts/fake_twilio.py`), posts signed inbound texts to
`/twilio/sms` (one of them an emergency), then runs the worker's pass (`gateway.scheduler.tick`)
at simulated times for three hours while the fake fails on cue. Time is simulated (`now=` and the
fake's clock), so a 30-minute outage takes seconds. At the end the fake answers each text with a
signed `delivered` callback, and the scenario checks:

- every inbound text is stored once;
- every outbound row (replies, emergency guidance, on-call pages) is at Twilio exactly once and
  ends `delivered`; no row is failed or unknown, and no handoff says a reply went missing.

Scenarios: Twilio answering 500 then 429 for 8 minutes; answering every send after the client's
timeout (the text is created, the answer comes late: what makes duplicates in real life); down
(connection refused) for 30 minutes. Prints one PASS/FAIL line each; exits 1 on any FAIL.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402

from gateway import create_app  # noqa: E402
from gateway.clinic import upsert_clinic  # noqa: E402
from gateway.db import create_tables, normalise_url  # noqa: E402
from gateway.models import Direction, Handoff, Message, MessageStatus, utcnow  # noqa: E402
from gateway.scheduler import tick  # noqa: E402
from gateway.twilio.sender import TwilioSender  # noqa: E402
from gateway.twilio.signature import sign_form  # noqa: E402
from scripts.fake_twilio import FakeTwilio  # noqa: E402

ACCOUNT_SID = "AC" + "f" * 32
TOKEN = "fault-auth-token-0123456789"
SERVICE_SID = "MG" + "f" * 32
BASE = "https://gateway.fault"
CLINIC_NUMBER = "+12025550100"
ON_CALL = "+12025550199"
#: The sender's timeout in the scenarios: short, so "answers after the timeout" costs little.
CLIENT_TIMEOUT = 0.5
RUN_FOR = timedelta(hours=3)
TEXTS = [
    "What time do you open on Saturday?",
    "Can I get a copy of my records?",
    "I need to reschedule my appointment",
    "Is there parking at the clinic?",
    "I have crushing chest pain and my left arm is numb",
    "How do I pay my bill online?",
]


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name}: {self.detail}"


def _scenario_500_429(fake: FakeTwilio, start: datetime) -> Callable[[datetime], None]:
    fake.outage("500", until=(start + timedelta(minutes=4)).timestamp())
    fake.outage("429", until=(start + timedelta(minutes=8)).timestamp())
    return lambda now: None


def _scenario_slow(fake: FakeTwilio, start: datetime) -> Callable[[datetime], None]:
    # Every first try is answered after the client gave up, though Twilio created the text.
    fake.outage("slow", calls=len(TEXTS) + 4, api="create", slow_seconds=CLIENT_TIMEOUT * 4)
    return lambda now: None


def _scenario_down(fake: FakeTwilio, start: datetime) -> Callable[[datetime], None]:
    end = start + timedelta(minutes=30)

    def before(now: datetime) -> None:
        if now < end:
            fake.down()
        else:
            fake.up()

    return before


SCENARIOS: dict[str, tuple[str, Callable[[FakeTwilio, datetime], Callable[[datetime], None]]]] = {
    "twilio_500_then_429": ("Twilio answers 500, then 429, for 8 minutes", _scenario_500_429),
    "answers_after_timeout": (
        "Twilio answers every send after the client's timeout",
        _scenario_slow,
    ),
    "down_30_minutes": ("Twilio refuses connections for 30 minutes", _scenario_down),
}


def make_app(database_url: str, fake: FakeTwilio):
    """The gateway as deployed, pointed at the fake, sending only from the worker's pass."""
    settings = {
        "gateway_env": "test",
        "database_url": database_url,
        "secret_key": "fault-secret-key-0123456789",
        "public_base_url": BASE,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": TOKEN,
        "twilio_messaging_service_sid": SERVICE_SID,
        "twilio_api_base_url": fake.base_url,
        "twilio_handles_keywords": False,
        "clinic_config": None,
        "log_level": "CRITICAL",
    }
    app = create_app(settings)
    gateway = app.extensions["gateway"]
    create_tables(gateway.engine)
    # The production sender class, with a short timeout so late answers cost seconds, not minutes.
    gateway.sender = TwilioSender.from_settings(gateway.settings, timeout=CLIENT_TIMEOUT)
    with Session(gateway.engine) as session:
        upsert_clinic(
            session=session,
            data={
                "slug": "main",
                "name": "Riverside Clinic",
                "phone": "(202) 555-0100",
                "on_call_numbers": [ON_CALL],
                "locations": [{"name": "Main St", "twilio_number": CLINIC_NUMBER}],
            },
        )
        session.commit()
    return app


def _post_signed(client, path: str, form: dict[str, str]) -> int:
    signature = sign_form(BASE + path, form, TOKEN)
    return client.post(path, data=form, headers={"X-Twilio-Signature": signature}).status_code


def run_scenario(name: str, *, database_url: str, fake: FakeTwilio) -> Outcome:
    """Run one scenario on a fresh app and database; the outcome with its evidence."""
    description, arrange = SCENARIOS[name]
    fake.reset()
    app = make_app(database_url, fake)
    engine = app.extensions["gateway"].engine
    client = app.test_client()
    start = utcnow()
    clock = {"now": start}
    fake.clock = lambda: clock["now"].timestamp()
    try:
        before = arrange(fake, start)
        sids = []
        for index, body in enumerate(TEXTS):
            sid = "SM" + uuid.uuid4().hex
            sids.append(sid)
            form = {
                "MessageSid": sid,
                "AccountSid": ACCOUNT_SID,
                "From": f"+1202555{1000 + index:04d}",
                "To": CLINIC_NUMBER,
                "Body": body,
                "NumSegments": "1",
                "NumMedia": "0",
            }
            status = _post_signed(client, "/twilio/sms", form)
            if status != 200:
                return Outcome(name, False, f"inbound text answered {status}")

        now, passes = start, 0
        while now <= start + RUN_FOR:
            clock["now"] = now
            before(now)
            tick(app, now)
            passes += 1
            with Session(engine) as session:
                due = session.exec(
                    sa.select(sa.func.min(Message.next_attempt_at)).where(
                        Message.direction == Direction.OUTBOUND,
                        Message.status == MessageStatus.QUEUED,
                    )
                ).scalar_one()
            if due is None and passes > 2:
                break
            now = max(due or now, now + timedelta(seconds=5))
        fake.up()
        callbacks = Counter(
            _post_signed(client, *_callback(fake, m["sid"])) for m in list(fake.messages)
        )
        return _check(name, description, engine, fake, sids, passes, callbacks)
    finally:
        fake.up()
        engine.dispose()


def _callback(fake: FakeTwilio, sid: str) -> tuple[str, dict[str, str]]:
    url, form, _signature = fake.status_callback(sid, "delivered")
    return url.removeprefix(BASE), form


def _check(name, description, engine, fake, sids, passes, callbacks) -> Outcome:
    with Session(engine) as session:
        inbound = session.exec(
            sa.select(Message.twilio_sid).where(Message.direction == Direction.INBOUND)
        ).scalars()
        stored = Counter(inbound)
        outbound = list(
            session.exec(
                sa.select(Message).where(Message.direction == Direction.OUTBOUND)
            ).scalars()
        )
        handoff_notes = [h.note for h in session.exec(sa.select(Handoff)).scalars()]
    problems = []
    if any(stored[sid] != 1 for sid in sids):
        problems.append("an inbound text not stored exactly once")
    at_twilio = Counter((m["To"], m["Body"]) for m in fake.messages)
    rows = Counter((m.to_number, m.body) for m in outbound)
    for message in outbound:
        copies = at_twilio[(message.to_number, message.body)]
        if copies != rows[(message.to_number, message.body)]:
            problems.append(f"message {message.id} ({message.kind}) at Twilio {copies} times")
        if message.status != MessageStatus.DELIVERED:
            problems.append(f"message {message.id} ({message.kind}) ended {message.status}")
    if any(str(note.get("reason", "")).find("outbox:") >= 0 for note in handoff_notes):
        problems.append("a handoff says a reply went missing")
    if callbacks and set(callbacks) != {200}:
        problems.append(f"status callbacks answered {dict(callbacks)}")
    if not outbound:
        problems.append("no replies were queued")
    kinds = Counter(str(m.kind) for m in outbound)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    detail = (
        f"{description}: {len(sids)} texts stored once; {len(outbound)} outbound ({summary}) "
        f"each at Twilio once and delivered; {passes} worker passes"
    )
    if problems:
        return Outcome(name, False, f"{description}: " + "; ".join(sorted(set(problems))[:6]))
    return Outcome(name, True, detail)


def scratch_database(url: str) -> tuple[str, Callable[[], None]]:
    """A throwaway PostgreSQL database beside `url` (dropped by the returned function)."""
    name = f"fault_twilio_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    scratch = sa.engine.make_url(normalise_url(url)).set(database=name)
    return scratch.render_as_string(hide_password=False), drop


def main(argv: list[str] | None = None) -> int:
    """Run every scenario (or those named) and print one PASS/FAIL line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("scenarios", nargs="*", choices=[[], *SCENARIOS], default=[])
    args = parser.parse_args(argv)
    fake = FakeTwilio(ACCOUNT_SID, TOKEN).start()
    failed = 0
    try:
        for name in args.scenarios or list(SCENARIOS):
            drop = None
            if args.database_url and args.database_url.startswith("postgres"):
                url, drop = scratch_database(args.database_url)
            else:
                url = f"sqlite:///{tempfile.mkdtemp(prefix='fault-twilio-')}/gateway.db"
            try:
                outcome = run_scenario(name, database_url=url, fake=fake)
            finally:
                if drop:
                    drop()
            print(outcome.line(), flush=True)
            failed += not outcome.ok
    finally:
        fake.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
