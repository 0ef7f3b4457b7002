"""Admin commands: `flask --app gateway <command>` (or the `clinic-gateway` console script).

Commands import their modules lazily so `flask --app gateway --help` stays fast.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext


def _parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Apply database migrations (Alembic) up to the latest revision."""
    from gateway.migrate import upgrade

    upgrade(current_app.extensions["gateway"].settings.database_url)
    click.echo("database is at the latest revision")


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Create the demo clinic, patients and upcoming appointments (idempotent)."""
    from gateway.demo import seed_demo

    seed_demo(current_app, now=datetime.now(UTC))
    click.echo("demo data ready")


@click.command("tick")
@click.option("--now", "now_", default=None, help="ISO time to act as now (default: the clock)")
@with_appcontext
def tick_command(now_: str | None) -> None:
    """Run one pass of the worker's job: send due outbox rows (and, later, reminders)."""
    from gateway.scheduler import tick

    sent = tick(current_app._get_current_object(), _parse_now(now_))  # noqa: SLF001
    click.echo(f"tick done: {sent} sent")


@click.command("worker")
@with_appcontext
def worker_command() -> None:
    """Run the single scheduler process (the Procfile's `worker`)."""
    from gateway.scheduler import run_worker

    run_worker(current_app._get_current_object())  # noqa: SLF001


@click.command("triage")
@click.option("--eval", "eval_path", type=click.Path(exists=True, dir_okay=False), default=None)
@click.option("--now", "now_", default=None, help="ISO time used for due times in replies")
@with_appcontext
def triage_command(eval_path: str | None, now_: str | None) -> None:
    """Replay messages through triage: JSON Lines on stdin, one JSON line out per message.

    Runs the same decision code as the SMS webhook, without writing to the database.
    With --eval FILE, reads the labelled FILE instead and prints the evaluation report.
    """
    from gateway.audit import run_audit, run_eval

    now = _parse_now(now_)
    if eval_path:
        click.echo(run_eval(current_app._get_current_object(), eval_path, now=now))  # noqa: SLF001
        return
    run_audit(current_app._get_current_object(), sys.stdin, sys.stdout, now=now)  # noqa: SLF001


# --- ingest ---------------------------------------------------------------------------------


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="one JSON line (the only format so far)")
@with_appcontext
def stats_command(as_json: bool) -> None:
    """Print the inbound backlog, unsent outbox rows and open handoffs as one JSON line."""
    import json

    from sqlmodel import Session

    from gateway.ingest.ops import collect_stats

    del as_json  # JSON is the format; the flag says so in scripts and cron lines
    with Session(current_app.extensions["gateway"].engine) as session:
        stats = collect_stats(session=session, now=datetime.now(UTC))
    click.echo(json.dumps(stats, sort_keys=True))


COMMANDS = (
    migrate_command,
    seed_demo_command,
    tick_command,
    worker_command,
    triage_command,
    stats_command,
)


def init_app(app: Flask) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)


def main() -> None:
    """`clinic-gateway <command>`: the same commands without typing `flask --app gateway`."""
    from gateway import create_app

    FlaskGroup(create_app=create_app)(prog_name="clinic-gateway")
