"""Reminder benchmarks: `python scripts/bench_reminders.py [--database-url URL] [--rows N]`.

Prints three figures (the README's "Reminders" table):

1. import N appointments (default 100,000) from a CSV through `import_text` (goal < 60 s);
2. with 1,000,000 pending reminder rows, one claim of the due ones (goal < 100 ms);
3. two worker processes racing over 10,000 due reminders: duplicates and lost rows (goal 0, 0).

By default it works in a throwaway SQLite file; `--database-url postgresql://...` makes (and
drops) a scratch database on that server instead. Nothing is sent: the race measures the
reminder pass into the outbox, which is where exactly-once is decided.
"""

from __future__ import annotations

import argparse
import csv
import io
import multiprocessing
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402

from gateway.clinic import upsert_clinic  # noqa: E402
from gateway.db import create_tables, make_engine  # noqa: E402
from gateway.models import (  # noqa: E402
    Appointment,
    Clinic,
    Message,
    MessageKind,
    Reminder,
    ReminderKind,
    ReminderStatus,
)
from gateway.reminders.dispatch import claim_due_reminders, dispatch_due_reminders  # noqa: E402
from gateway.reminders.importer import import_text  # noqa: E402

NOW = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York
COLUMNS = (
    "appointment_id,patient_id,first_name,last_name,phone,date_of_birth,language,start,"
    "timezone,location,provider,visit_type,telehealth_url,forms_missing,forms_url,status"
).split(",")


def make_csv(rows: int) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for i in range(rows):
        day = 3 + i % 20
        start = (NOW + timedelta(days=day)).strftime("%Y-%m-%d") + f" {8 + i % 9:02d}:30"
        writer.writerow(
            [f"A{i}", f"P{i}", "Pat", f"Bench{i}", f"+1202{2000000 + i:07d}", "1980-01-01",
             "es" if i % 3 == 0 else "en", start, "America/New_York", "Main St", "Dr. X",
             "telehealth" if i % 5 == 0 else "in_person", "https://v.example/x",
             "Consent" if i % 4 == 0 else "", "https://f.example/x", "scheduled"]
        )  # fmt: skip
    return buffer.getvalue()


def scratch_database(url: str | None) -> tuple[str, callable]:
    """A fresh database URL and a function that drops it."""
    if not url:
        folder = tempfile.mkdtemp(prefix="bench_reminders_")
        return f"sqlite:///{folder}/bench.db", lambda: None
    admin_url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"bench_reminders_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    scratch = sa.engine.make_url(admin_url).set(database=name).render_as_string(False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return scratch, drop


def bench_import(engine: sa.Engine, rows: int) -> float:
    text = make_csv(rows)
    with Session(engine, expire_on_commit=False) as session:
        clinic = session.exec(sa.select(Clinic)).scalars().one()
        started = time.perf_counter()
        result = import_text(session=session, clinic=clinic, text=text, now=NOW)
        elapsed = time.perf_counter() - started
    assert result.created == rows and not result.errors, result.summary()
    return elapsed


def fill_pending(engine: sa.Engine, total: int) -> None:
    """Top the reminder table up to `total` pending rows, all due in the future."""
    with engine.begin() as conn:
        have = conn.execute(sa.select(sa.func.count(Reminder.id))).scalar_one()
        appointments = conn.execute(
            sa.select(Appointment.id, Appointment.patient_id, Appointment.clinic_id)
        ).all()
    batch, needed, n = [], total - have, 0
    future = NOW + timedelta(days=30)
    while n < needed:
        appointment_id, patient_id, clinic_id = appointments[n % len(appointments)]
        batch.append(
            {
                "clinic_id": clinic_id,
                "appointment_id": appointment_id,
                "patient_id": patient_id,
                "kind": ReminderKind.FORM.value,
                "slot": f"bench{n}",
                "status": ReminderStatus.PENDING.value,
                "due_at": future + timedelta(seconds=n),
                "planned_at": future + timedelta(seconds=n),
                "attempts": 0,
                "created_at": NOW,
            }
        )
        n += 1
        if len(batch) == 20_000 or n == needed:
            with engine.begin() as conn:
                conn.execute(sa.insert(Reminder.__table__), batch)
            batch = []


def bench_claim(engine: sa.Engine) -> tuple[float, float, int]:
    """Worst of five: finding the due rows among the pending ones, and claiming them."""
    with engine.begin() as conn:
        ids = (
            conn.execute(
                sa.select(Reminder.id).where(Reminder.kind == ReminderKind.CONFIRMATION).limit(100)
            )
            .scalars()
            .all()
        )
    find = claim = 0.0
    claimed = 0
    for _ in range(5):
        with engine.begin() as conn:  # the same 100 rows due again for each round
            conn.execute(
                sa.update(Reminder)
                .where(Reminder.status != ReminderStatus.PENDING.value)
                .values(status=ReminderStatus.CANCELLED.value, reason="bench")
            )
            conn.execute(
                sa.update(Reminder)
                .where(Reminder.id.in_(ids))
                .values(
                    status=ReminderStatus.PENDING.value,
                    claimed_at=None,
                    due_at=NOW - timedelta(days=1),
                )
            )
        with engine.connect() as conn:  # what a tick asks first: which rows are due
            started = time.perf_counter()
            conn.execute(
                sa.select(Reminder.id)
                .where(Reminder.status == ReminderStatus.PENDING.value, Reminder.due_at <= NOW)
                .order_by(Reminder.due_at)
                .limit(200)
            ).all()
            find = max(find, time.perf_counter() - started)
        started = time.perf_counter()
        claimed = len(claim_due_reminders(engine=engine, now=NOW - timedelta(hours=12)))
        claim = max(claim, time.perf_counter() - started)
    with engine.begin() as conn:
        conn.execute(
            sa.update(Reminder)
            .where(Reminder.status == ReminderStatus.CLAIMED.value)
            .values(status=ReminderStatus.CANCELLED.value, reason="bench")
        )
    return find, claim, claimed


def _race_worker(url: str, now: datetime, out: multiprocessing.Queue) -> None:
    engine = make_engine(url)
    out.put(len(dispatch_due_reminders(engine=engine, now=now, max_batches=10_000)))
    engine.dispose()


def bench_race(engine: sa.Engine, url: str, count: int) -> tuple[int, int, int, float]:
    """Make `count` confirmations due (one per patient) and race two worker processes."""
    race_now = NOW + timedelta(days=60)
    with engine.begin() as conn:
        conn.execute(
            sa.update(Reminder)
            .where(Reminder.status == ReminderStatus.PENDING.value)
            .values(due_at=race_now + timedelta(days=365))
        )
        # Visits far enough out that the confirmation is neither past nor stale at race_now.
        conn.execute(sa.update(Appointment).values(starts_at=race_now + timedelta(days=3)))
        firsts = (
            conn.execute(
                sa.select(Reminder.id)
                .where(Reminder.kind == ReminderKind.CONFIRMATION.value, Reminder.slot == "0")
                .limit(count)
            )
            .scalars()
            .all()
        )
        conn.execute(
            sa.update(Reminder)
            .where(Reminder.id.in_(firsts))
            .values(status=ReminderStatus.PENDING.value, due_at=race_now, reason=None)
        )
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    workers = [context.Process(target=_race_worker, args=(url, race_now, out)) for _ in range(2)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    queued = sum(out.get() for _ in workers)
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    with Session(engine) as session:
        keys = (
            session.exec(
                sa.select(Message.idempotency_key).where(Message.kind == MessageKind.REMINDER)
            )
            .scalars()
            .all()
        )
        left = session.exec(
            sa.select(sa.func.count(Reminder.id)).where(
                Reminder.id.in_(firsts), Reminder.status != ReminderStatus.SENT
            )
        ).scalar_one()
    # Outbox keys are unique, so a duplicate would show as a worker counting a text twice.
    duplicates = max(0, queued - len(set(keys)))
    return len(set(keys)), duplicates, left, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL server to make a scratch db on")
    parser.add_argument("--rows", type=int, default=100_000, help="appointments to import")
    parser.add_argument("--pending", type=int, default=1_000_000, help="pending reminder rows")
    parser.add_argument("--race", type=int, default=10_000, help="due reminders to race over")
    args = parser.parse_args(argv)
    url, drop = scratch_database(args.database_url)
    engine = make_engine(url)
    try:
        create_tables(engine)
        with Session(engine) as session:
            upsert_clinic(session=session, data={"slug": "main", "name": "Bench", "phone": "1"})
            session.commit()
        kind = engine.dialect.name
        seconds = bench_import(engine, args.rows)
        print(f"{kind}: import {args.rows:,} appointments: {seconds:.1f} s "
              f"({args.rows / seconds:,.0f} rows/s)")  # fmt: skip
        fill_pending(engine, args.pending)
        find, claim, claimed = bench_claim(engine)
        print(
            f"{kind}: among {args.pending:,} pending rows, finding the due ones: "
            f"{find * 1000:.1f} ms; claiming {claimed}: {claim * 1000:.1f} ms (worst of 5)"
        )
        sent, duplicates, lost, elapsed = bench_race(engine, url, args.race)
        print(f"{kind}: two workers over {args.race:,} due: {sent:,} queued, "
              f"{duplicates} duplicates, {lost} lost, {elapsed:.1f} s")  # fmt: skip
    finally:
        engine.dispose()
        drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
