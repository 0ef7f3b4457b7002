"""Benchmark: signed inbound texts through the whole SMS webhook (store, triage, effects, outbox).

    python scripts/bench_webhook.py [--messages 500] [--database-url sqlite:///...|postgresql://...]

Posts real signed Twilio forms with the Flask test client (no network in the way), one process,
one thread, after a warm-up. Replies are queued but not sent (the sender is the worker's job), so
the figures are the webhook's own cost. Prints p50/p99/max latency, messages per second and the
peak resident memory. Message texts cycle through ../shared/triage/dev.jsonl when present.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402

from gateway import create_app, warm_up  # noqa: E402
from gateway.clinic import upsert_clinic  # noqa: E402
from gateway.db import create_tables, normalise_url  # noqa: E402
from gateway.twilio.signature import sign_form  # noqa: E402

TOKEN = "bench-auth-token"
BASE = "https://gateway.bench"
FALLBACK_TEXTS = ["C", "I need a refill", "what's the portal link", "can I reschedule", "thanks!"]


def load_texts() -> list[str]:
    corpus = ROOT.parent / "shared" / "triage" / "dev.jsonl"
    if not corpus.exists():
        return FALLBACK_TEXTS
    return [json.loads(line)["text"] for line in corpus.read_text().splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-webhook-")
    url = args.database_url or f"sqlite:///{workdir}/bench.db"
    scratch = None
    if url.startswith("postgres"):
        # A scratch database beside the given one, dropped afterwards: the bench never
        # writes into a database someone uses.
        scratch = f"bench_webhook_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{scratch}"'))
        url = (
            sa.engine.make_url(normalise_url(url))
            .set(database=scratch)
            .render_as_string(hide_password=False)
        )
    try:
        run(url, args.messages)
    finally:
        if scratch:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))


def run(url: str, messages: int) -> None:
    """Post `messages` signed texts to a fresh app on `url` and print the figures."""
    app = create_app(
        {
            "gateway_env": "test",
            "database_url": url,
            "public_base_url": BASE,
            "twilio_account_sid": "AC" + "0" * 32,
            "twilio_auth_token": TOKEN,
            "twilio_from_number": "+12025550100",
            "twilio_api_base_url": "http://127.0.0.1:9",  # never called: sending is off
            "log_level": "WARNING",
        }
    )
    engine = app.extensions["gateway"].engine
    create_tables(engine)
    with Session(engine) as session:
        upsert_clinic(session=session, data={"name": "Bench Clinic", "phone": "(202) 555-0100"})
        session.commit()
    warm_up()  # as a production start does
    client = app.test_client()
    texts = load_texts()

    def post(index: int) -> float:
        form = {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "From": f"+1202555{index % 10000:04d}",
            "To": "+12025550100",
            "Body": texts[index % len(texts)],
        }
        signature = sign_form(BASE + "/twilio/sms", form, TOKEN)
        started = time.perf_counter()
        response = client.post("/twilio/sms", data=form, headers={"X-Twilio-Signature": signature})
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"webhook answered {response.status_code}")
        return elapsed

    for index in range(20):
        post(10_000 + index)
    timings = sorted(post(index) for index in range(messages))
    total = sum(timings)
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(f"database: {url.split(':')[0]}")
    print(f"messages: {len(timings)}")
    print(f"p50 ms:   {statistics.median(timings) * 1000:.2f}")
    print(f"p99 ms:   {p99 * 1000:.2f}")
    print(f"max ms:   {timings[-1] * 1000:.2f}")
    print(f"per sec:  {len(timings) / total:.0f} (one thread)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    engine.dispose()


if __name__ == "__main__":
    main()
