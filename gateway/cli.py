"""Admin commands: `flask --app gateway <command>` (or the `clinic-gateway` console script).

Commands import their modules lazily so `flask --app gateway --help` stays fast.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import Flask, current_app
from flask.cli import with_appcontext


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
    """Run one pass of the worker's job: due reminders, then due outbox rows."""
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


# --- staff app ------------------------------------------------------------------------------


@click.command("create-staff")
@click.argument("email")
@click.option(
    "--role",
    required=True,
    type=click.Choice(
        [
            "front_desk",
            "clinical",
            "refills",
            "billing",
            "records",
            "scheduling",
            "manager",
            "admin",
        ]
    ),
)
@click.option("--name", default="", help="the name other staff see (default: from the email)")
@click.option(
    "--clinic",
    default=None,
    help="clinic slug the account works in (default: the only clinic); 'all' for an admin or manager",
)
@with_appcontext
def create_staff_command(email: str, role: str, name: str, clinic: str | None) -> None:
    """Create a staff account; the password is read twice from a prompt or stdin, never an argument."""
    from gateway.staff.cli import create_staff_account

    create_staff_account(
        current_app._get_current_object(),  # noqa: SLF001
        email=email,
        role=role,
        name=name,
        clinic=clinic,
    )


# --- reminders ---------------------------------------------------------------------------


@click.command("import-appointments")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--clinic", "clinic_slug", default=None, help="clinic slug (default: the first)")
@click.option("--now", "now_", default=None, help="ISO time to plan as of (default: the clock)")
@with_appcontext
def import_appointments_command(path: str, clinic_slug: str | None, now_: str | None) -> None:
    """Import appointments from a CSV file or a FHIR R4 Bundle (JSON) and plan reminders."""
    from pathlib import Path

    import sqlalchemy as sa
    from sqlmodel import Session

    from gateway.models import Clinic
    from gateway.reminders.importer import import_text

    engine = current_app.extensions["gateway"].engine
    text = Path(path).read_text(encoding="utf-8-sig")
    with Session(engine, expire_on_commit=False) as session:
        query = sa.select(Clinic).order_by(Clinic.id)
        if clinic_slug:
            query = query.where(Clinic.slug == clinic_slug)
        clinic = session.exec(query).scalars().first()
        if clinic is None:
            raise click.ClickException(f"no clinic {clinic_slug or ''}".strip())
        result = import_text(
            session=session,
            clinic=clinic,
            text=text,
            now=_parse_now(now_),
            progress=lambda rows: click.echo(f"... {rows} rows", err=True),
        )
    for where, field, problem in result.errors:
        click.echo(f"{where}, field {field}: {problem}", err=True)
    click.echo(result.summary())


@click.command("demo-reminders")
@with_appcontext
def demo_reminders_command() -> None:
    """Demo only: import a small CSV of visits three days out, so reminders go out now."""
    from pathlib import Path

    from sqlmodel import Session

    from gateway.reminders.demo import import_demo_reminders

    path = Path(current_app.instance_path) / "demo_appointments.csv"
    engine = current_app.extensions["gateway"].engine
    with Session(engine, expire_on_commit=False) as session:
        result = import_demo_reminders(session=session, now=_parse_now(None), path=path)
    click.echo(f"{path}: {result.summary()}")


@click.command("create-api-key")
@click.option("--clinic", "clinic_slug", default="main", help="clinic slug (default: main)")
@click.option("--label", default="", help="who uses it, e.g. the practice system's name")
@with_appcontext
def create_api_key_command(clinic_slug: str, label: str) -> None:
    """Make a reminders API key for a clinic; it is printed once and only its hash is kept."""
    import sqlalchemy as sa
    from sqlmodel import Session

    from gateway.models import Clinic
    from gateway.reminders.api import create_api_key

    with Session(current_app.extensions["gateway"].engine) as session:
        clinic = session.exec(sa.select(Clinic).where(Clinic.slug == clinic_slug)).scalars().first()
        if clinic is None:
            raise click.ClickException(f"no clinic {clinic_slug}")
        key = create_api_key(session=session, clinic=clinic, label=label)
        session.commit()
    click.echo(key)


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
    create_staff_command,
    import_appointments_command,
    demo_reminders_command,
    create_api_key_command,
    stats_command,
)


def init_app(app: Flask) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)
