"""Load benchmark: signed `/twilio/sms` under gunicorn, against a bare Flask endpoint, same run.

    python scripts/bench_load.py [--requests 3000] [--concurrency 32] [--database-url URL]
                                 [--port 5150] [--process-messages 1000] [--workers 1,2]
                                 [--worker-nice 0] [--no-worker] [--twilio-latency-ms 0]

Starts, on this machine (ports from --port up):

- the fake Twilio server (scripts/fake_twilio.py) that the worker's real `twilio` client sends to;
- the gateway under gunicorn with the Procfile's web config (`--workers 2 --threads 4`), in
  production mode, on a scratch SQLite file (default) or a scratch PostgreSQL database made
  beside `--database-url` and dropped afterwards;
- one worker process (`flask --app gateway worker`), at `os.nice(--worker-nice)` (default 0:
  the worker paces itself during a burst, gateway.ingest.loop.BurstPacer; a nice worker
  holding SQLite's write lock only makes the web tier wait longer);
- a bare Flask app answering fixed TwiML, under the same gunicorn config.

Then a pure-Python driver (threads, a new connection per request as Twilio makes) posts
`--requests` signed texts with unique MessageSids from unique patients at `--concurrency`, to
the bare app and to the gateway, and prints requests/s, p50/p95/p99, errors, the ratio of the
two rates, how long the worker took to drain the backlog after the last request, how long an
emergency sent mid-load waited for its 911 reply, and whether every acknowledged message is
stored exactly once and processed. Finally it stops the worker, stores `--process-messages`
texts, and times K worker processes (`--workers`) draining them: messages/s per worker count.
Exit status 1 if any check fails.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from gateway.db import normalise_url  # noqa: E402
from gateway.twilio.signature import sign_form  # noqa: E402

ACCOUNT_SID = "AC" + "b" * 32
TOKEN = "bench-auth-token-0123456789"
SERVICE_SID = "MG" + "c" * 32
CLINIC_NUMBER = "+12025550100"
TEXTS = ["C", "yes", "I need a refill of my lisinopril", "what's the portal link", "thanks!"]
EMERGENCY = "my chest is crushing and my left arm is numb"
GUNICORN = ["--workers", "2", "--threads", "4", "--log-level", "warning"]


def bare_app():
    """The yardstick: a Flask endpoint that answers fixed TwiML and does nothing else."""
    from flask import Flask, Response

    app = Flask("bare")

    @app.post("/twilio/sms")
    def sms() -> Response:
        return Response('<?xml version="1.0" encoding="UTF-8"?><Response />', mimetype="text/xml")

    return app


# ----------------------------------------------------------------------------- processes


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered at {url} within {timeout:.0f} s")


class Processes:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str], nice: int = 0) -> None:
        """Start a process; `nice` lowers its CPU priority (the workers beside the web tier)."""
        self.running[name] = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            preexec_fn=(lambda: os.nice(nice)) if nice else None,  # noqa: PLW1509 - no threads yet
        )

    def stop(self, name: str) -> None:
        process = self.running.pop(name, None)
        if process is None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)


# ----------------------------------------------------------------------------- load


def form_for(n: int, body: str) -> dict[str, str]:
    return {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": f"+1202{5550000 + n % 4_000_000 + 1000:07d}",
        "To": CLINIC_NUMBER,
        "Body": body,
        "NumSegments": "1",
        "NumMedia": "0",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }


def drive(
    port: int, base_url: str, forms: list[dict[str, str]], concurrency: int
) -> tuple[list[float], list[str], list[str], float]:
    """POST every form at `concurrency`; (latencies, errors, acknowledged sids, seconds)."""
    latencies: list[float] = []
    errors: list[str] = []
    acked: list[str] = []
    lock = threading.Lock()
    work = iter(forms)

    def run() -> None:
        while True:
            with lock:
                form = next(work, None)
            if form is None:
                return
            body = urllib.parse.urlencode(form)
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": sign_form(base_url + "/twilio/sms", form, TOKEN),
            }
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            try:
                connection.request("POST", "/twilio/sms", body, headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                # A refused connection, a timeout, or a server killed mid-answer (IncompleteRead):
                # Twilio would retry it; the caller counts it as not acknowledged.
                status = type(error).__name__
            finally:
                connection.close()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status == 200:
                    acked.append(form["MessageSid"])
                else:
                    errors.append(str(status))

    threads = [threading.Thread(target=run) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, acked, time.perf_counter() - began


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children now running (gunicorn's
    master and its workers), from /proc; 0 where /proc is not there."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    except OSError:
        return 0.0
    total = 0
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def report(
    name: str, latencies: list[float], errors: list[str], seconds: float, cpu: float = 0.0
) -> float:
    rate = len(latencies) / seconds
    per_request = f"  server CPU {cpu / len(latencies) * 1000:.2f} ms/req" if cpu else ""
    print(
        f"{name:<10} {rate:8.0f} req/s  p50 {percentile(latencies, 0.50):6.1f} ms  "
        f"p95 {percentile(latencies, 0.95):6.1f} ms  p99 {percentile(latencies, 0.99):6.1f} ms  "
        f"errors {len(errors)}"
        + (f" ({', '.join(sorted(set(errors))[:3])})" if errors else "")
        + per_request,
        flush=True,
    )
    return rate


# ----------------------------------------------------------------------------- checks


def counts(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        total, pending = connection.execute(
            sa.text(
                "SELECT count(*), count(*) FILTER (WHERE processed_at IS NULL) "
                "FROM message WHERE direction = 'inbound'"
            )
        ).one()
    return int(total), int(pending)


def wait_drained(engine: sa.Engine, timeout: float) -> float | None:
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if counts(engine)[1] == 0:
            return time.perf_counter() - began
        time.sleep(0.05)
    return None


def drain_rate(engine: sa.Engine, backlog: int, timeout: float) -> float | None:
    """Messages/s from the moment the first one is processed until none is left."""
    began = time.perf_counter()
    first: tuple[float, int] | None = None
    while time.perf_counter() - began < timeout:
        pending = counts(engine)[1]
        now = time.perf_counter()
        if first is None and pending < backlog:
            first = (now, pending)
        if pending == 0:
            if first is None or now <= first[0]:
                return float(backlog) / max(now - began, 1e-6)
            return first[1] / (now - first[0])
        time.sleep(0.02)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--port", type=int, default=5150, help="first of four ports used")
    parser.add_argument("--process-messages", type=int, default=1000)
    parser.add_argument(
        "--twilio-latency-ms",
        type=float,
        default=0,
        help="the fake Twilio answers each send this late (the real API: about 100-300 ms)",
    )
    parser.add_argument("--workers", default="1,2", help="worker counts for the processing run")
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=0,
        help="os.nice for the worker beside the web tier during the load (0: same priority)",
    )
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="diagnosis: the load with no worker beside the web tier (the backlog waits)",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    url = args.database_url or f"sqlite:///{workdir}/bench.db"
    scratch = None
    admin = None
    if url.startswith("postgres"):
        scratch = f"bench_load_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{scratch}"'))
        url = sa.engine.make_url(normalise_url(url)).set(database=scratch)
        url = url.render_as_string(hide_password=False)
    web_port, bare_port, twilio_port = args.port, args.port + 1, args.port + 2
    base_url = f"http://127.0.0.1:{web_port}"
    bin_dir = Path(sys.executable).parent
    env = dict(
        os.environ,
        GATEWAY_ENV="production",
        DATABASE_URL=url,
        SECRET_KEY=secrets.token_hex(16),
        PUBLIC_BASE_URL=base_url,
        TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        TWILIO_AUTH_TOKEN=TOKEN,
        TWILIO_MESSAGING_SERVICE_SID=SERVICE_SID,
        TWILIO_API_BASE_URL=f"http://127.0.0.1:{twilio_port}",
        TWILIO_FROM_NUMBER="",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    procs = Processes(env)
    engine = sa.create_engine(normalise_url(url))
    failed = False
    try:
        subprocess.run(  # noqa: S603 - our own command
            [str(bin_dir / "flask"), "--app", "gateway", "migrate"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seed = (
            "from gateway import create_app; from gateway.clinic import upsert_clinic;"
            "from sqlmodel import Session; app = create_app();"
            "s = Session(app.extensions['gateway'].engine);"
            "upsert_clinic(session=s, data={'slug': 'main', 'name': 'Bench Clinic',"
            f"'phone': '(202) 555-0100', 'on_call_numbers': ['+12025550199'],"
            f"'locations': [{{'name': 'Main', 'twilio_number': '{CLINIC_NUMBER}'}}]}});"
            "s.commit()"
        )
        subprocess.run([sys.executable, "-c", seed], env=env, cwd=ROOT, check=True)  # noqa: S603
        procs.start(
            "twilio",
            [
                sys.executable,
                "scripts/fake_twilio.py",
                "--port",
                str(twilio_port),
                "--account-sid",
                ACCOUNT_SID,
                "--auth-token",
                TOKEN,
                "--latency-ms",
                str(args.twilio_latency_ms),
            ],
        )
        gunicorn = str(bin_dir / "gunicorn")
        for name, port, target in (
            ("web", web_port, "gateway:create_app()"),
            ("bare", bare_port, "scripts.bench_load:bare_app()"),
        ):
            bind = ["--bind", f"127.0.0.1:{port}", "--control-socket", str(workdir / name)]
            procs.start(name, [gunicorn, *GUNICORN, *bind, target])
        worker = [str(bin_dir / "flask"), "--app", "gateway", "worker"]
        if not args.no_worker:
            procs.start("worker", worker, nice=args.worker_nice)
        wait_http(f"{base_url}/healthz")
        wait_http(f"http://127.0.0.1:{bare_port}/twilio/sms")
        wait_http(f"http://127.0.0.1:{twilio_port}/_fake/messages")
        time.sleep(2)  # the worker warms up its language detector

        database = "PostgreSQL" if scratch else "SQLite"
        print(
            f"== {database}: {args.requests} signed texts at concurrency {args.concurrency}, "
            f"worker at nice {args.worker_nice}, load average {os.getloadavg()[0]:.1f}"
        )
        warm = [form_for(n, "hello") for n in range(64)]
        drive(bare_port, base_url, warm, 8)
        drive(web_port, base_url, [form_for(10_000 + n, "hello") for n in range(64)], 8)
        if not args.no_worker:
            wait_drained(engine, 60)

        forms = [form_for(100_000 + n, TEXTS[n % len(TEXTS)]) for n in range(args.requests)]
        emergency = form_for(999_999, EMERGENCY)
        forms.insert(len(forms) // 2, emergency)
        bare_pid, web_pid = procs.running["bare"].pid, procs.running["web"].pid
        cpu = cpu_seconds(bare_pid)
        lat, err, _, secs = drive(bare_port, base_url, [dict(f) for f in forms], args.concurrency)
        bare_rate = report("bare Flask", lat, err, secs, cpu_seconds(bare_pid) - cpu)
        cpu = cpu_seconds(web_pid)
        lat, err, acked, secs = drive(web_port, base_url, forms, args.concurrency)
        rate = report("gateway", lat, err, secs, cpu_seconds(web_pid) - cpu)
        print(f"ratio      {rate / bare_rate:.2f} (gateway / bare)")
        if args.no_worker:
            procs.start("worker", worker)
        drained = wait_drained(engine, 600)
        if drained is None:
            print("drain      FAIL: backlog not drained in 600 s")
            failed = True
        else:
            print(
                f"drain      {drained:.1f} s after the last request (1 worker process), "
                f"load average {os.getloadavg()[0]:.1f}"
            )
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT twilio_sid, processed_at IS NOT NULL FROM message "
                    "WHERE direction = 'inbound'"
                )
            ).all()
            wait = connection.execute(
                sa.text(
                    "SELECT i.created_at, o.sent_at FROM message i JOIN message o "
                    "ON o.idempotency_key = 'reply:' || i.id || :first WHERE i.twilio_sid = :sid"
                ),
                {"sid": emergency["MessageSid"], "first": ":0"},
            ).first()
        by_sid: dict[str, int] = {}
        for sid, _processed in rows:
            by_sid[sid] = by_sid.get(sid, 0) + 1
        missing = [sid for sid in acked if by_sid.get(sid) != 1]
        unprocessed = sum(1 for _sid, processed in rows if not processed)
        ok = not missing and not unprocessed and not err
        failed |= not ok
        print(
            f"stored     {'PASS' if ok else 'FAIL'}: {len(acked)} acknowledged, "
            f"{len(missing)} not stored exactly once, {unprocessed} unprocessed, "
            f"{len(err)} errors"
        )
        if wait is not None and wait[1] is not None:
            created, sent = wait
            seconds = (_aware(sent) - _aware(created)).total_seconds()
            print(f"emergency  911 reply sent {seconds:.2f} s after its text was stored")
        else:
            with engine.connect() as connection:
                found = connection.execute(
                    sa.text(
                        "SELECT o.status, o.kind, o.attempts, o.error_code FROM message i "
                        "JOIN message o ON o.idempotency_key LIKE 'reply:' || i.id || '%' "
                        "WHERE i.twilio_sid = :sid"
                    ),
                    {"sid": emergency["MessageSid"]},
                ).all()
            print(f"emergency  FAIL: no 911 reply sent (replies: {[tuple(r) for r in found]})")
            failed = True

        # Processing alone: a stored backlog, then K worker processes drain it.
        procs.stop("worker")
        counts = [int(k) for k in args.workers.split(",") if k.strip()]
        for workers in counts if args.process_messages > 0 else []:
            batch = [
                form_for(2_000_000 + workers * 100_000 + n, TEXTS[n % len(TEXTS)])
                for n in range(args.process_messages)
            ]
            cpu = cpu_seconds(web_pid)
            lat, err, _, secs = drive(web_port, base_url, batch, args.concurrency)
            report("gateway*", lat, err, secs, cpu_seconds(web_pid) - cpu)
            print("           (* the same webhook with no worker running beside it)")
            for k in range(workers):
                procs.start(f"worker{k}", [str(bin_dir / "flask"), "--app", "gateway", "worker"])
            steady = drain_rate(engine, args.process_messages, timeout=900)
            for k in range(workers):
                procs.stop(f"worker{k}")
            if steady is None:
                print(f"processing {workers} worker(s): FAIL, not drained")
                failed = True
                continue
            print(
                f"processing {workers} worker process(es): {steady:6.0f} messages/s "
                f"({steady / workers:.0f} per worker), from the first message processed"
            )
    finally:
        procs.stop_all()
        engine.dispose()
        if scratch and admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
            admin.dispose()
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def _aware(moment):
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


if __name__ == "__main__":
    raise SystemExit(main())
