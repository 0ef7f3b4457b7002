"""A database that stops taking writes (read-only, or full): Twilio gets a retryable 503 with
Retry-After, the log says so in one line per failure kind with no PHI, and the webhook recovers
by itself, without a restart, once the database is writable again.

SQLite: the file and its folder are made read-only (chmod; as root, which chmod does not stop,
also `chattr +i`). PostgreSQL: `ALTER DATABASE ... SET default_transaction_read_only = on` on
this test's own scratch database, and the app's connections dropped so new ones see it.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from gateway.clinic import upsert_clinic
from gateway.db import create_tables, make_engine, normalise_url
from gateway.models import Direction, Message
from tests.conftest import DEMO_CLINIC, PATIENT_NUMBER, POSTGRES_URL
from tests.gateway.ingest.test_ingest_faults import assert_retry_later, make_app, post, sms_form

TEXTS = 4


def set_sqlite_writable(path: Path, writable: bool) -> None:
    """chmod the database, its WAL files and its folder; as root, chattr too."""
    # Not the -shm file: it is memory-mapped, and an immutable mapping is a bus error.
    files = [
        p
        for p in path.parent.iterdir()
        if p.name.startswith(path.name) and p.suffix != ".db-shm" and not p.name.endswith("-shm")
    ]
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if not writable:
        for file in files:
            file.chmod(stat.S_IRUSR | stat.S_IRGRP)
            if as_root:
                subprocess.run(["chattr", "+i", str(file)], check=True)  # noqa: S603, S607
        path.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
        if as_root:
            subprocess.run(["chattr", "+i", str(path.parent)], check=True)  # noqa: S603, S607
        return
    if as_root:
        subprocess.run(["chattr", "-i", str(path.parent)], check=True)  # noqa: S603, S607
    path.parent.chmod(stat.S_IRWXU)
    for file in files:
        if as_root:
            subprocess.run(["chattr", "-i", str(file)], check=True)  # noqa: S603, S607
        file.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.fixture(params=["sqlite", "postgresql"])
def read_only_database(request, tmp_path):
    """(url, make_read_only, make_writable) on a database of this test's own."""
    if request.param == "sqlite":
        if shutil.which("chattr") is None and os.geteuid() == 0:
            pytest.skip("root without chattr: chmod alone does not stop root writing")
        folder = tmp_path / "db"
        folder.mkdir()
        path = folder / "gateway.db"
        url = f"sqlite:///{path}"
        yield url, lambda: set_sqlite_writable(path, False), lambda: set_sqlite_writable(path, True)
        set_sqlite_writable(path, True)
        return
    admin_url = normalise_url(os.environ.get("TEST_POSTGRES_URL", POSTGRES_URL))
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text("select 1"))
    except Exception:  # noqa: BLE001 - not reachable here
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("PostgreSQL not reachable")
    name = f"gateway_ro_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def set_read_only(on: bool) -> None:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    f'ALTER DATABASE "{name}" SET default_transaction_read_only = '
                    + ("on" if on else "off")
                )
            )
            # The setting reaches new sessions only: end the app's, as a failover would.
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )

    yield url, lambda: set_read_only(True), lambda: set_read_only(False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def stored(engine) -> list[str]:
    with Session(engine) as session:
        return [
            m.twilio_sid or ""
            for m in session.exec(select(Message).where(Message.direction == Direction.INBOUND))
        ]


def test_a_read_only_database_gets_a_503_one_log_line_and_recovers_without_a_restart(
    read_only_database, caplog
):
    url, make_read_only, make_writable = read_only_database
    engine = make_engine(url)
    create_tables(engine)
    with Session(engine) as session:
        upsert_clinic(session=session, data=DEMO_CLINIC)
        session.commit()
    engine.dispose()
    app = make_app(url)
    engine = app.extensions["gateway"].engine
    try:
        before = sms_form()
        assert post(app, "/twilio/sms", before).status_code == 200  # the pool holds a connection

        make_read_only()
        refused = [sms_form() for _ in range(TEXTS)]
        with caplog.at_level(logging.INFO):
            for form in refused:
                assert_retry_later(post(app, "/twilio/sms", form))
            failures = [r for r in caplog.records if r.levelno >= logging.WARNING]
            assert len(failures) == 1, [r.getMessage() for r in failures]
            line = failures[0].getMessage()
            assert "read-only" in line
            assert "\n" not in line and failures[0].exc_info is None
            assert PATIENT_NUMBER not in line and "chest" not in line

            make_writable()
            caplog.clear()
            # Twilio's retries, with no restart: every one stored once, and the log says so.
            for form in refused:
                assert post(app, "/twilio/sms", form).status_code == 200
            assert any("writable again" in r.getMessage() for r in caplog.records)
        sids = stored(engine)
        assert sorted(sids) == sorted([before["MessageSid"]] + [f["MessageSid"] for f in refused])
    finally:
        engine.dispose()
