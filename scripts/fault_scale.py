"""Faults at scale: SIGKILLed processes, PostgreSQL restarting, many processes, a read-only database.

    python scripts/fault_scale.py [--database-url postgresql://postgres@127.0.0.1:5432/test]
                                  [--texts 300] [--reminders 300] [--port 5900] [--lease 4]
                                  [--only kill,web-kill,scale,restart,read-only]

Real processes on this machine, as production runs them: the gateway under gunicorn, worker
processes (`flask --app gateway worker`), the fake Twilio (scripts/fake_twilio.py), signed
webhooks (the load driver of scripts/bench_load.py). One PASS/FAIL line per fault, exit 1 on any
FAIL. Each fault runs on SQLite and, with --database-url, on a scratch PostgreSQL database:

- kill: a worker SIGKILLed while it processes a backlog of texts and dispatches/sends due
  reminders; a new worker after it: every text processed once, every reply and reminder at the
  fake Twilio exactly once (the claims are taken again after the lease);
- web-kill: a gunicorn worker SIGKILLed mid-load: every 2xx is stored, the rest are retried
  (same MessageSid) and stored once;
- scale: four web processes (gunicorn --workers 4) and two workers for --texts texts and
  --reminders due reminders: zero duplicates, zero lost;
- restart (PostgreSQL only, needs the `postgres` user and its binaries): a private cluster on
  --pg-port (5439) is made, restarted mid-load and removed: every 2xx stored, the rest 5xx, no row
  half-written, the retries stored once, all processed;
- read-only: runs tests/gateway/ingest/test_read_only.py (a chmod/chattr'ed SQLite file and
  `default_transaction_read_only` on PostgreSQL): 503 + Retry-After, one log line, recovery.

The leases (2 to 5 minutes in production) are shortened to --lease seconds in the workers the
kill fault starts (the other faults run production leases) (it sets the lease constants before running the worker command:
there is no setting for them), so a killed worker's claims come back in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from gateway.db import normalise_url  # noqa: E402
from gateway.models import Appointment, Reminder, ReminderKind, ReminderStatus  # noqa: E402
from scripts.bench_load import (  # noqa: E402
    ACCOUNT_SID,
    CLINIC_NUMBER,
    SERVICE_SID,
    TEXTS,
    TOKEN,
    Processes,
    drive,
    form_for,
    wait_http,
)
from scripts.bench_reminders import NOW, make_csv  # noqa: E402

results: list[bool] = []
#: Run as the worker command with leases of `seconds` (see the module docstring).
WORKER = (
    "import sys; from datetime import timedelta as t; s = t(seconds=float(sys.argv[1]));"
    "import gateway.ingest as i, gateway.conversations as c, gateway.outbox as o;"
    "import gateway.reminders.dispatch as d;"
    "i.LEASE = c.STALE_CLAIM = o.CLAIM_LEASE = o.STUCK_AFTER = d.LEASE = s;"
    "from flask.cli import main; sys.argv = ['flask', '--app', 'gateway', 'worker']; main()"
)


def line(ok: bool, name: str, detail: str) -> None:
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)


def daytime_zone(now: datetime | None = None) -> str:
    """An IANA zone (Etc/GMT+-N) where the local hour is about noon at `now`."""
    hour = (now or datetime.now(UTC)).hour
    offset = (12 - hour + 12) % 24 - 12  # -12..+11 hours from UTC
    # Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


class Stack:
    """A scratch database, the fake Twilio, gunicorn and worker processes."""

    def __init__(self, url: str, port: int, lease: float | None, web_workers: int = 2) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="fault-scale-"))
        self.lease = lease
        self.admin = None
        self.scratch = None
        if url == "sqlite":
            url = f"sqlite:///{self.workdir}/gateway.db"
        else:
            self.scratch = f"fault_scale_{uuid.uuid4().hex[:8]}"
            self.admin = sa.create_engine(
                normalise_url(url), isolation_level="AUTOCOMMIT", pool_pre_ping=True
            )
            with self.admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{self.scratch}"'))
            url = (
                sa.engine.make_url(normalise_url(url))
                .set(database=self.scratch)
                .render_as_string(hide_password=False)
            )
        self.url = url
        self.port = port
        self.twilio_port = port + 1
        self.base_url = f"http://127.0.0.1:{port}"
        self.bin = Path(sys.executable).parent
        self.env = dict(
            os.environ,
            GATEWAY_ENV="production",
            DATABASE_URL=url,
            SECRET_KEY=secrets.token_hex(16),
            PUBLIC_BASE_URL=self.base_url,
            TWILIO_ACCOUNT_SID=ACCOUNT_SID,
            TWILIO_AUTH_TOKEN=TOKEN,
            TWILIO_MESSAGING_SERVICE_SID=SERVICE_SID,
            TWILIO_API_BASE_URL=f"http://127.0.0.1:{self.twilio_port}",
            TWILIO_FROM_NUMBER="",
            LOG_LEVEL="CRITICAL",
            PYTHONPATH=str(ROOT),
        )
        self.procs = Processes(self.env)
        self.engine = sa.create_engine(normalise_url(url))
        subprocess.run(  # noqa: S603 - our own command
            [str(self.bin / "flask"), "--app", "gateway", "migrate"],
            env=self.env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seed = (
            "from gateway import create_app; from gateway.clinic import upsert_clinic;"
            "from sqlmodel import Session; app = create_app();"
            "s = Session(app.extensions['gateway'].engine);"
            "upsert_clinic(session=s, data={'slug': 'main', 'name': 'Fault Clinic',"
            "'phone': '(202) 555-0100', 'on_call_numbers': ['+12025550199'],"
            f"'locations': [{{'name': 'Main', 'twilio_number': '{CLINIC_NUMBER}'}}]}});"
            "s.commit()"
        )
        subprocess.run([sys.executable, "-c", seed], env=self.env, cwd=ROOT, check=True)  # noqa: S603
        self.procs.start(
            "twilio",
            [
                sys.executable,
                "scripts/fake_twilio.py",
                "--port",
                str(self.twilio_port),
                "--account-sid",
                ACCOUNT_SID,
                "--auth-token",
                TOKEN,
            ],
        )
        self.web_workers = web_workers
        self.due_reminders = 0
        self.due_ids = "0"
        wait_http(f"http://127.0.0.1:{self.twilio_port}/_fake/messages")

    def start_web(self) -> None:
        self.procs.start(
            "web",
            [
                str(self.bin / "gunicorn"),
                "--workers",
                str(self.web_workers),
                "--threads",
                "4",
                "--log-level",
                "critical",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--control-socket",
                str(self.workdir / "gunicorn.ctl"),
                "gateway:create_app()",
            ],
        )
        wait_http(f"{self.base_url}/healthz")

    def start_worker(self, name: str) -> subprocess.Popen[bytes]:
        if self.lease is None:  # production leases
            self.procs.start(name, [str(self.bin / "flask"), "--app", "gateway", "worker"])
        else:
            self.procs.start(name, [sys.executable, "-c", WORKER, str(self.lease)])
        return self.procs.running[name]

    def kill(self, name: str) -> None:
        process = self.procs.running.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def post(self, forms, concurrency: int = 16):
        return drive(self.port, self.base_url, forms, concurrency)

    def import_reminders(self, count: int) -> None:
        """`count` appointments, each with its confirmation due now (one per patient)."""
        if not count:
            return
        csv_path = self.workdir / "appointments.csv"
        # The patients' zone is one where it is midday now, so quiet hours (8-20 local) never
        # hold the reminders back, whatever the hour this runs (CI runs at any hour).
        csv_path.write_text(make_csv(count).replace("America/New_York", daytime_zone()))
        subprocess.run(  # noqa: S603 - our own command
            [str(self.bin / "flask"), "--app", "gateway", "import-appointments", str(csv_path),
             "--now", NOW.isoformat()],
            env=self.env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            # Only each visit's first confirmation is due (one text per patient), from now on.
            conn.execute(sa.update(Reminder).values(due_at=now + timedelta(days=400)))
            conn.execute(sa.update(Appointment).values(starts_at=now + timedelta(days=3)))
            firsts = (
                conn.execute(
                    sa.select(Reminder.id).where(
                        Reminder.kind == ReminderKind.CONFIRMATION.value, Reminder.slot == "0"
                    )
                )
                .scalars()
                .all()
            )
            conn.execute(
                sa.update(Reminder)
                .where(Reminder.id.in_(firsts))
                .values(
                    status=ReminderStatus.PENDING.value,
                    reason=None,
                    due_at=now - timedelta(minutes=1),
                )
            )
        self.due_reminders = len(firsts)
        self.due_ids = ",".join(str(i) for i in firsts) or "0"

    def reminders_sent_once(self) -> int:
        """Due reminders sent, each with exactly one text in the outbox."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.text(
                    "SELECT count(*) FROM reminder r WHERE r.id IN ("  # noqa: S608 - our own ids
                    + self.due_ids
                    + ") "
                    "AND r.status = 'sent' AND (SELECT count(*) FROM message m WHERE "
                    "m.idempotency_key = 'reminder:' || r.id AND m.twilio_sid IS NOT NULL) = 1"
                )
            ).scalar_one()

    def fake_messages(self) -> list[dict]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.twilio_port}/_fake/messages") as r:  # noqa: S310
            return json.load(r)["messages"]

    def state(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.text(
                    "SELECT "  # noqa: S608 - our own reminder ids
                    "(SELECT count(*) FROM message WHERE direction = 'inbound'),"
                    "(SELECT count(*) FROM message WHERE direction = 'inbound' "
                    "AND processed_at IS NULL),"
                    "(SELECT count(*) FROM message WHERE direction = 'outbound' AND status IN "
                    "  ('queued', 'sending')),"
                    "(SELECT count(*) FROM message WHERE direction = 'outbound'),"
                    "(SELECT count(*) FROM reminder WHERE id IN (" + self.due_ids + ") AND "
                    "status IN ('pending', 'claimed'))"
                ),
            ).one()
        return dict(zip(("inbound", "unprocessed", "unsent", "outbound", "due"), row, strict=True))

    def wait_settled(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.state()
            if not s["unprocessed"] and not s["unsent"] and not s["due"]:
                return True
            time.sleep(0.5)
        return False

    def exactly_once(self) -> tuple[int, int, int, int]:
        """(outbox rows sent, at the fake Twilio, duplicates there, outbox rows not there)."""
        with self.engine.connect() as conn:
            sent = (
                conn.execute(
                    sa.text(
                        "SELECT id FROM message WHERE direction = 'outbound' AND twilio_sid IS NOT NULL"
                    )
                )
                .scalars()
                .all()
            )
        seen: dict[str, int] = {}
        for m in self.fake_messages():
            key = (m.get("StatusCallback") or "").rpartition("outbox_id=")[2] or m["sid"]
            seen[key] = seen.get(key, 0) + 1
        dupes = sum(n - 1 for n in seen.values() if n > 1)
        missing = sum(1 for i in sent if str(i) not in seen)
        return len(sent), len(seen), dupes, missing

    def close(self) -> None:
        self.procs.stop_all()
        self.engine.dispose()
        if self.admin is not None:
            with self.admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.scratch}" WITH (FORCE)'))
            self.admin.dispose()
        shutil.rmtree(self.workdir, ignore_errors=True)


def texts(count: int, offset: int) -> list[dict[str, str]]:
    return [form_for(offset + n, TEXTS[n % len(TEXTS)]) for n in range(count)]


def stored_once(stack: Stack, sids: list[str]) -> tuple[int, int]:
    """(how many of `sids` are stored exactly once, stored rows that are incomplete)."""
    with stack.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT twilio_sid, body IS NULL OR from_number IS NULL OR to_number IS NULL "
                "FROM message WHERE direction = 'inbound'"
            )
        ).all()
    by_sid: dict[str, int] = {}
    for sid, _ in rows:
        by_sid[sid] = by_sid.get(sid, 0) + 1
    return sum(1 for s in sids if by_sid.get(s) == 1), sum(1 for _, bad in rows if bad)


def fault_kill(db: str, url: str, args) -> None:
    stack = Stack(url, args.port, args.lease)
    try:
        stack.start_web()
        forms = texts(args.texts, 100_000)
        _, errors, acked, _ = stack.post(forms)
        stack.import_reminders(args.reminders)
        stack.start_worker("a")
        total = args.texts
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # kill it mid-backlog
            s = stack.state()
            if s["unprocessed"] <= total * 0.6 and s["outbound"] > 0:
                break
            time.sleep(0.05)
        before = stack.state()
        stack.kill("a")
        stack.start_worker("b")
        # Then the next one, mid-reminders: some dispatched or sent, not all.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stack.due_reminders:
            if stack.reminders_sent_once() > 0 or stack.state()["due"] < stack.due_reminders:
                break
            time.sleep(0.02)
        middle = stack.state()
        middle_sent = stack.reminders_sent_once()
        stack.kill("b")
        stack.start_worker("c")
        # And the third mid-send: some reminders at Twilio, not all.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stack.due_reminders:
            if stack.reminders_sent_once() > 0:
                break
            time.sleep(0.02)
        late_sent = stack.reminders_sent_once()
        stack.kill("c")
        stack.start_worker("d")
        settled = stack.wait_settled(300 + args.lease)
        after = stack.state()
        sent, at_twilio, dupes, missing = stack.exactly_once()
        once, _ = stored_once(stack, acked)
        ok = settled and not errors and once == total and not dupes and not missing
        ok = ok and stack.reminders_sent_once() == stack.due_reminders
        line(
            ok,
            f"{db} worker SIGKILL mid-work",
            f"killed with {before['unprocessed']} of {total} texts unprocessed and "
            f"{before['due']} of {stack.due_reminders} reminders undispatched; the next with "
            f"{middle['unprocessed']} texts unprocessed, {middle['due']} reminders undispatched "
            f"and {middle_sent} sent; the third with {late_sent} of them sent; after a fourth "
            f"worker: {after['unprocessed']} unprocessed, {after['due']} due, {sent} sent, "
            f"{at_twilio} at Twilio, {dupes} duplicates, {missing} missing",
        )
    finally:
        stack.close()


def gunicorn_children(master: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)],  # noqa: S603, S607
        capture_output=True,
        text=True,
    ).stdout
    return [int(p) for p in out.split()]


def fault_web_kill(db: str, url: str, args) -> None:
    stack = Stack(url, args.port, None)
    try:
        stack.start_web()
        stack.start_worker("a")
        forms = texts(max(args.texts, 400), 200_000)
        master = stack.procs.running["web"].pid
        killed: list[int] = []

        def killer() -> None:
            time.sleep(0.5)
            children = gunicorn_children(master)
            if children:
                os.kill(children[0], signal.SIGKILL)
                killed.append(children[0])

        thread = threading.Thread(target=killer)
        thread.start()
        _, errors, acked, _ = stack.post(forms)
        thread.join()
        once_acked, _ = stored_once(stack, acked)
        refused = [f for f in forms if f["MessageSid"] not in set(acked)]
        time.sleep(2)  # gunicorn replaced its worker
        _, retry_errors, retried, _ = stack.post(refused)
        once, bad = stored_once(stack, [f["MessageSid"] for f in forms])
        settled = stack.wait_settled(120)
        ok = (
            bool(killed)
            and once_acked == len(acked)
            and not retry_errors
            and once == len(forms)
            and not bad
            and settled
        )
        line(
            ok,
            f"{db} web worker SIGKILL mid-request",
            f"killed pid {killed}; {len(acked)} of {len(forms)} got 2xx, all stored; "
            f"{len(errors)} failed ({', '.join(sorted(set(errors))[:2])}) and were retried "
            f"with the same MessageSid: {len(retried)} acknowledged; {once} of {len(forms)} "
            f"stored exactly once, {bad} incomplete, all processed: {settled}",
        )
    finally:
        stack.close()


def fault_scale(db: str, url: str, args) -> None:
    # Production leases: nothing is killed here, and a 4 s outbox lease under send pacing would
    # send thousands of healthy claims to the reconcile-before-resend path.
    stack = Stack(url, args.port, None, web_workers=4)
    try:
        stack.start_web()
        stack.import_reminders(args.reminders)
        began = time.perf_counter()
        stack.start_worker("a")
        stack.start_worker("b")
        forms = texts(args.texts, 300_000)
        _, errors, acked, seconds = stack.post(forms, concurrency=32)
        settled = stack.wait_settled(1800)
        elapsed = time.perf_counter() - began
        sent, at_twilio, dupes, missing = stack.exactly_once()
        once, bad = stored_once(stack, acked)
        s = stack.state()
        ok = (
            settled
            and not errors
            and once == args.texts
            and not dupes
            and not missing
            and not bad
            and stack.reminders_sent_once() == stack.due_reminders
        )
        line(
            ok,
            f"{db} 4 web + 2 workers, {args.texts} texts + {stack.due_reminders} reminders",
            f"{len(acked)} acknowledged in {seconds:.1f} s ({len(acked) / seconds:.0f}/s), "
            f"{once} stored once, {s['unprocessed']} unprocessed, {s['due']} reminders left; "
            f"{sent} sent, {at_twilio} at Twilio, {dupes} duplicates, {missing} lost; "
            f"all done {elapsed:.0f} s after the workers started",
        )
    finally:
        stack.close()


def pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def fault_restart(args) -> None:
    binaries = pg_bin()
    if binaries is None:
        line(
            False, "postgresql restart mid-load", "no PostgreSQL binaries under /usr/lib/postgresql"
        )
        return
    data = Path(tempfile.mkdtemp(prefix="fault-pg-"))
    shutil.chown(data, "postgres")
    port = args.pg_port
    as_pg = ["runuser", "-u", "postgres", "--"]
    ctl = [
        *as_pg,
        str(binaries / "pg_ctl"),
        "-D",
        str(data / "c"),
        "-o",
        f"-p {port} -k /tmp",
        "-l",
        str(data / "log"),
        "-w",
    ]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    subprocess.run(
        [*as_pg, str(binaries / "initdb"), "-D", str(data / "c"), "-A", "trust"], **quiet
    )  # noqa: S603
    subprocess.run([*ctl, "start"], **quiet)  # noqa: S603
    stack = None
    try:
        stack = Stack(f"postgresql://postgres@127.0.0.1:{port}/postgres", args.port, None)
        stack.start_web()
        stack.start_worker("a")
        forms = texts(max(args.texts, 600), 400_000)
        restarted: list[float] = []

        def restart() -> None:
            time.sleep(1.0)
            began = time.perf_counter()
            subprocess.run([*ctl, "-m", "fast", "restart"], **quiet)  # noqa: S603
            restarted.append(time.perf_counter() - began)

        thread = threading.Thread(target=restart)
        thread.start()
        _, errors, acked, _ = stack.post(forms)
        thread.join()
        once_acked, bad = stored_once(stack, acked)
        non_5xx = [e for e in errors if not e.startswith("5")]
        refused = [f for f in forms if f["MessageSid"] not in set(acked)]
        _, retry_errors, _, _ = stack.post(refused)
        once, bad_after = stored_once(stack, [f["MessageSid"] for f in forms])
        settled = stack.wait_settled(120)
        ok = (
            bool(restarted)
            and once_acked == len(acked)
            and not non_5xx
            and not bad
            and not retry_errors
            and once == len(forms)
            and not bad_after
            and settled
        )
        line(
            ok,
            "postgresql restart mid-load",
            f"restart took {restarted[0] if restarted else 0:.1f} s; {len(acked)} of "
            f"{len(forms)} got 2xx, all stored; {len(errors)} got "
            f"{', '.join(sorted(set(errors))) or 'nothing else'} ({len(non_5xx)} not a 5xx); "
            f"{bad} rows half-written; after retries {once} stored once, all processed: {settled}",
        )
    finally:
        try:
            if stack is not None:
                stack.close()
        finally:
            subprocess.run(  # noqa: S603 - our own cluster
                [*ctl, "-m", "immediate", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            shutil.rmtree(data, ignore_errors=True)


def fault_read_only(postgres_url: str | None) -> None:
    env = dict(os.environ, **({"TEST_POSTGRES_URL": postgres_url} if postgres_url else {}))
    out = subprocess.run(  # noqa: S603 - our own tests
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-rA",
            "tests/gateway/ingest/test_read_only.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    for db in ("sqlite", "postgresql") if postgres_url else ("sqlite",):
        passed = "PASSED tests/gateway/ingest/test_read_only.py::" in out and any(
            ln.startswith("PASSED") and f"[{db}]" in ln for ln in out.splitlines()
        )
        line(
            passed,
            f"{db} read-only database",
            "503 + Retry-After, one log line, no PHI, recovered without a restart"
            if passed
            else "see tests/gateway/ingest/test_read_only.py",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server to test on")
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--reminders", type=int, default=300)
    parser.add_argument("--port", type=int, default=5900)
    parser.add_argument("--pg-port", type=int, default=5439, help="the private cluster's port")
    parser.add_argument("--lease", type=float, default=4.0, help="seconds, in these workers")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--only", default="kill,web-kill,scale,restart,read-only")
    args = parser.parse_args()
    only = set(args.only.split(","))
    databases = [("sqlite", "sqlite")] if "sqlite" in args.databases else []
    if args.database_url and "postgresql" in args.databases:
        databases.append(("postgresql", args.database_url))
    for db, url in databases:
        if "kill" in only:
            fault_kill(db, url, args)
        if "web-kill" in only:
            fault_web_kill(db, url, args)
        if "scale" in only:
            fault_scale(db, url, args)
    if "restart" in only:
        fault_restart(args)
    if "read-only" in only:
        fault_read_only(args.database_url)
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
