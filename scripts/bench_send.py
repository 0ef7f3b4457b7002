"""Benchmark: outbound sends per second through the outbox vs the raw `twilio` client.

    python scripts/bench_send.py [--messages 500] [--database-url postgresql://...] [--port 5201]

Starts the local fake Twilio (`scripts/fake_twilio.py`) as its own process, so it does not share
this process's interpreter lock, then, one thread each, against that same server:

- **raw**: `twilio.rest.Client.messages.create(...)` in a loop, the same parameters the outbox
  sends (Messaging Service, status-callback URL), nothing else;
- **outbox**: `gateway.outbox.send_pending` over rows queued beforehand (claim a batch, check
  suppression, send each with the real `TwilioSender`, record the sids, statuses and audit rows:
  three commits per batch of up to 50 on the given database).

The two run in interleaved rounds (raw, outbox, raw, ...) so a busy neighbour on the machine
slows both alike.

Prints both rates and their ratio (target: the outbox at least 0.7 of raw). Queueing the rows is
timed too and printed on its own line; it belongs to the transaction that caused each text.

With `--rate R` it then sends five seconds' worth of texts through the outbox paced at R a second
(`SEND_RATE_PER_SECOND`) and prints the rate achieved and its distance from R (target: within 5%).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402
from twilio.rest import Client  # noqa: E402

from gateway.clinic import upsert_clinic  # noqa: E402
from gateway.config import Settings  # noqa: E402
from gateway.db import create_tables, make_engine, normalise_url  # noqa: E402
from gateway.models import Clinic, MessageKind, utcnow  # noqa: E402
from gateway.outbox import queue_message, send_pending  # noqa: E402
from gateway.sending import Pacer  # noqa: E402
from gateway.twilio.sender import BaseUrlHttpClient, TwilioSender  # noqa: E402

ACCOUNT_SID = "AC" + "b" * 32
TOKEN = "bench-send-token-0123456789"
SERVICE_SID = "MG" + "b" * 32
BASE = "https://gateway.bench"
BODY = "Riverside Clinic: your visit is Tue Mar 4 at 3:00 PM. Reply C to confirm, R to reschedule."


def start_fake(port: int, latency_ms: float = 0) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(ROOT / "scripts" / "fake_twilio.py"),
            "--port",
            str(port),
            "--account-sid",
            ACCOUNT_SID,
            "--auth-token",
            TOKEN,
            "--latency-ms",
            str(latency_ms),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.readline()  # "fake Twilio listening on ..."
    urllib.request.urlopen(f"http://127.0.0.1:{port}/_fake/messages", timeout=5).close()  # noqa: S310
    return process


class Raw:
    """The bare official client, the same parameters the outbox sends."""

    def __init__(self, base_url: str) -> None:
        self.client = Client(
            ACCOUNT_SID, TOKEN, http_client=BaseUrlHttpClient(base_url, timeout=10)
        )
        self.sent = 0

    def run(self, count: int) -> float:
        """Send `count` texts; the seconds it took."""
        started = time.perf_counter()
        for _ in range(count):
            self.sent += 1
            self.client.messages.create(
                to=f"+1202555{self.sent % 10000:04d}",
                body=BODY,
                messaging_service_sid=SERVICE_SID,
                status_callback=f"{BASE}/twilio/status?outbox_id={self.sent}",
            )
        return time.perf_counter() - started


class Outbox:
    """`send_pending` with the real TwilioSender over rows queued beforehand."""

    def __init__(self, base_url: str, database_url: str, concurrency: int) -> None:
        self.engine = make_engine(database_url)
        create_tables(self.engine)
        self.sender = TwilioSender(
            account_sid=ACCOUNT_SID,
            auth_token=TOKEN,
            public_base_url=BASE,
            messaging_service_sid=SERVICE_SID,
            api_base_url=base_url,
            concurrency=concurrency,
        )
        with Session(self.engine) as session:
            upsert_clinic(session=session, data={"name": "Bench Clinic", "phone": "(202) 555-0100"})
            session.commit()
            self.clinic_id = session.exec(sa.select(Clinic.id)).scalars().first()
        self.queued = 0
        self.queue_seconds = 0.0

    def queue(self, count: int) -> None:
        started = time.perf_counter()
        now = utcnow()
        with Session(self.engine) as session:
            for _ in range(count):
                self.queued += 1
                queue_message(
                    session=session,
                    clinic_id=self.clinic_id,
                    to_number=f"+1202557{self.queued % 10000:04d}",
                    body=BODY,
                    kind=MessageKind.AUTOMATED,
                    now=now,
                    idempotency_key=f"bench:{self.queued}",
                )
            session.commit()
        self.queue_seconds += time.perf_counter() - started

    def run(self, count: int, pacer: Pacer | None = None) -> float:
        """Queue `count` rows (not timed here), send them; the seconds sending took."""
        self.queue(count)
        started = time.perf_counter()
        sent = send_pending(
            engine=self.engine, sender=self.sender, now=utcnow(), limit=count, pacer=pacer
        )
        elapsed = time.perf_counter() - started
        if sent != count:
            raise SystemExit(f"outbox sent {sent} of {count}")
        return elapsed


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks against one fake Twilio process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--port", type=int, default=5201)
    parser.add_argument("--rate", type=float, default=0, help="also measure pacing at this rate")
    parser.add_argument(
        "--latency-ms", type=float, default=0, help="the fake answers each send this late"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=Settings.model_fields["send_concurrency"].default,
        help="the outbox's sends in flight (SEND_CONCURRENCY; default the setting's)",
    )
    args = parser.parse_args(argv)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-send-')}/bench.db"
    scratch, admin = None, None
    if url.startswith("postgres"):
        scratch = f"bench_send_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{scratch}"'))
        url = (
            sa.engine.make_url(normalise_url(url))
            .set(database=scratch)
            .render_as_string(hide_password=False)
        )
    fake = start_fake(args.port, args.latency_ms)
    base_url = f"http://127.0.0.1:{args.port}"
    try:
        raw, outbox = Raw(base_url), Outbox(base_url, url, args.concurrency)
        raw.run(20)  # warm-up: connections, imports, statement caches
        outbox.run(20)
        outbox.queue_seconds = 0.0
        # Interleaved rounds, so a neighbour's load on this machine hits both sides alike.
        rounds, raw_seconds, outbox_seconds = 10, 0.0, 0.0
        per_round = max(1, args.messages // rounds)
        for _ in range(rounds):
            raw_seconds += raw.run(per_round)
            outbox_seconds += outbox.run(per_round)
        total = per_round * rounds
        paced = None
        if args.rate > 0:
            count = max(20, int(args.rate * 5))
            # The first text goes at once, each next one an interval later.
            paced = (count - 1) / outbox.run(count, pacer=Pacer(args.rate)), count
        outbox.engine.dispose()
    finally:
        fake.terminate()
        fake.wait(timeout=10)
        if fake.stdout:
            fake.stdout.close()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
            admin.dispose()
    raw_rate, outbox_rate = total / raw_seconds, total / outbox_seconds
    print(f"database:        {url.split(':')[0]}")
    print(f"messages:        {total} each, in {rounds} interleaved rounds")
    print(f"fake latency:    {args.latency_ms:.0f} ms per send")
    print(f"raw client:      {raw_rate:.0f} sends/s (one thread)")
    print(f"outbox:          {outbox_rate:.0f} sends/s ({args.concurrency} in flight)")
    print(f"ratio:           {outbox_rate / raw_rate:.2f} (target >= 0.70)")
    print(f"queueing:        {total / outbox.queue_seconds:.0f} rows/s (one transaction a round)")
    if paced is not None:
        achieved, count = paced
        off = abs(achieved - args.rate) / args.rate
        verdict = "PASS" if off <= 0.05 else "FAIL"
        print(
            f"paced:           {achieved:.1f} sends/s for {count} texts at --rate {args.rate:g} "
            f"({off:.1%} off; {verdict}, target within 5%)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
