"""Start the whole demo on one machine: `python3 scripts/dev.py demo [--port 5000] [--reset]`.

It prepares an embedded SQLite database (`instance/demo.db`: migrations, then the demo clinic,
patients and reminders), and runs three processes until Ctrl-C:

- a local Twilio-compatible server (`scripts/fake_twilio.py`) that takes the gateway's outbound
  texts and reports them delivered a second later, as Twilio's status callbacks would;
- the web app (`flask --app gateway run`), serving the Twilio webhooks and `/simulator`;
- the worker (`flask --app gateway worker`), which sends whatever the web app left queued.

Then open the printed simulator URL, pick a demo patient and text the clinic.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "instance" / "demo.db"
CLINIC_NUMBER = "+12025550100"
DEMO_ACCOUNT_SID = "AC" + "de" * 16
DEMO_AUTH_TOKEN = "demo-auth-token-not-secret"  # noqa: S105 - a local demo, nothing real
STARTUP_SECONDS = 30
STOP_SECONDS = 5


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=5000, help="web app port (default 5000)")
    parser.add_argument(
        "--twilio-port", type=int, default=8099, help="fake Twilio port (default 8099)"
    )
    parser.add_argument(
        "--reset", action="store_true", help="start from fresh demo data (deletes the demo db)"
    )
    return parser.parse_args(argv)


def demo_env(port: int, twilio_port: int) -> dict[str, str]:
    """The environment every demo process runs with."""
    env = dict(os.environ)
    env.update(
        GATEWAY_ENV="development",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        TWILIO_ACCOUNT_SID=DEMO_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN=DEMO_AUTH_TOKEN,
        TWILIO_FROM_NUMBER=CLINIC_NUMBER,
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        TWILIO_API_BASE_URL=f"http://127.0.0.1:{twilio_port}",
        TWILIO_HANDLES_KEYWORDS="false",
        PYTHONUNBUFFERED="1",
    )
    for name in ("TWILIO_MESSAGING_SERVICE_SID", "CLINIC_CONFIG", "FLASK_APP", "FLASK_DEBUG"):
        env.pop(name, None)
    return env


def is_port_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:port (bound the way the servers bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def flask(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "gateway", *args]


def has_migrations() -> bool:
    """True once the project ships Alembic revisions (else the demo creates the tables)."""
    versions = ROOT / "gateway" / "migrations" / "versions"
    return (ROOT / "gateway" / "migrate.py").exists() and any(versions.glob("[0-9]*.py"))


def prepare_database(env: dict[str, str], *, reset: bool) -> None:
    """Migrate (or create) the demo database and load the demo data."""
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    if has_migrations():
        step = flask("migrate")
    else:
        step = [
            sys.executable,
            "-c",
            "from gateway import create_app; from gateway.db import create_tables; "
            "create_tables(create_app().extensions['gateway'].engine)",
        ]
    steps = (
        (step, "preparing the database"),
        (flask("seed-demo"), "demo data"),
        # reminders: a small CSV of visits three days out; the worker texts them right away.
        (flask("demo-reminders"), "importing demo appointments (reminders)"),
    )
    for command, what in steps:
        print(f"demo: {what} ...", flush=True)
        result = subprocess.run(command, env=env, cwd=ROOT, check=False)  # noqa: S603
        if result.returncode != 0:
            sys.exit(f"demo: {what} failed (exit {result.returncode}); see the lines above")


def wait_until(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def is_listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def is_healthy(port: int) -> bool:
    try:
        url = f"http://127.0.0.1:{port}/healthz"
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 - local URL
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


class Children:
    """The demo's child processes. They share our terminal, so one Ctrl-C reaches them all."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(command, env=self.env, cwd=ROOT)  # noqa: S603 - our own scripts
        self.processes[name] = process
        return process

    def exited(self) -> tuple[str, int] | None:
        for name, process in self.processes.items():
            code = process.poll()
            if code is not None:
                return name, code
        return None

    def _wait(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if all(p.poll() is not None for p in self.processes.values()):
                return True
            time.sleep(0.1)
        return False

    def stop(self, *, interrupted: bool) -> None:
        """Stop every child: Ctrl-C, then SIGTERM, then SIGKILL whatever still runs.

        After a Ctrl-C in the terminal the children got it too; give them a moment first
        rather than interrupting their shutdown with a second one.
        """
        if interrupted and self._wait(2):
            return
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            for process in self.processes.values():
                if process.poll() is None:
                    process.send_signal(sig)
            if self._wait(STOP_SECONDS):
                return


def staff_lines() -> list[str]:
    """The demo staff accounts' sign-ins (demo-only passwords, made by `seed-demo`)."""
    from gateway.demo import DEMO_STAFF

    return [
        f"    {role:<11} {email:<24} password: {password}"
        for email, role, _name, password in DEMO_STAFF
    ]


def banner(port: int, twilio_port: int) -> str:
    rule = "=" * 72
    return "\n".join(
        [
            rule,
            "  The clinic gateway demo is running.",
            "",
            f"  Open the patient phone simulator:  http://127.0.0.1:{port}/simulator",
            f"  Staff app (sign in):               http://127.0.0.1:{port}/staff/login",
            *staff_lines(),
            "",
            f"  Clinic number {CLINIC_NUMBER} | fake Twilio on port {twilio_port} | "
            f"database {DATABASE.relative_to(ROOT)}",
            "  Press Ctrl-C to stop everything.",
            rule,
        ]
    )


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    for port, option in ((args.port, "--port"), (args.twilio_port, "--twilio-port")):
        if not is_port_free(port):
            print(
                f"demo: port {port} is busy (another program listens on it); "
                f"stop it or pick another with {option} N",
                file=sys.stderr,
            )
            return 1
    env = demo_env(args.port, args.twilio_port)
    prepare_database(env, reset=args.reset)

    children = Children(env)
    stopping = False
    interrupted = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping, interrupted
        stopping = True
        interrupted = interrupted or signum == signal.SIGINT

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        children.start(
            "fake Twilio",
            [
                sys.executable,
                str(ROOT / "scripts" / "fake_twilio.py"),
                "--port",
                str(args.twilio_port),
                "--account-sid",
                DEMO_ACCOUNT_SID,
                "--auth-token",
                DEMO_AUTH_TOKEN,
                "--auto-deliver",
                "1",
            ],
        )
        if not wait_until(lambda: is_listening(args.twilio_port) or stopping, STARTUP_SECONDS):
            print("demo: the fake Twilio server did not start", file=sys.stderr)
            return 1
        children.start(
            "web app",
            flask("run", "--host", "127.0.0.1", "--port", str(args.port), "--no-reload"),
        )
        children.start("worker", flask("worker"))
        if not wait_until(lambda: is_healthy(args.port) or stopping, STARTUP_SECONDS):
            print("demo: the web app did not answer /healthz in time", file=sys.stderr)
            return 1
        if not stopping:
            print("\n" + banner(args.port, args.twilio_port) + "\n", flush=True)
        while not stopping:
            ended = children.exited()
            if ended is not None:
                name, code = ended
                print(f"demo: the {name} stopped (exit {code}); stopping the rest", file=sys.stderr)
                return 1
            time.sleep(0.3)
        print("\ndemo: stopping ...", flush=True)
        return 0
    finally:
        children.stop(interrupted=interrupted)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
