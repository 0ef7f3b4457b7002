"""Migrations: an empty database migrated to head has exactly the models' schema, on both backends.

These tests make their own empty databases (a new SQLite file, a new PostgreSQL database): the
shared fixtures' databases are built with `create_all` and would hide a missing revision.
"""

from __future__ import annotations

import ast
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from gateway import migrate
from gateway.db import make_engine

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A brand-new empty database: no tables, no alembic_version."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrated.db'}"
        return
    admin_url = POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("select 1"))
    except Exception as error:  # noqa: BLE001 - any failure means "not available here"
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} (set TEST_POSTGRES_URL)")
    name = f"gateway_migrate_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def schema_differences(url: str) -> list:
    """What autogenerate would still write for this database: [] when it matches the models."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts=migrate.migration_options())
            return compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_an_empty_database_migrated_to_head_matches_the_models(empty_database_url):
    assert table_names(empty_database_url) == set()
    assert migrate.current(empty_database_url) is None

    migrate.upgrade(empty_database_url)

    assert migrate.current(empty_database_url) == migrate.head()
    assert schema_differences(empty_database_url) == []
    assert table_names(empty_database_url) == set(SQLModel.metadata.tables) | {"alembic_version"}


def test_upgrading_twice_is_a_no_op_and_keeps_the_data(empty_database_url):
    migrate.upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO clinic (slug, name, phone, time_zone, languages, hours,"
                    " on_call_numbers, response_minutes, portal_url, forms_url, telehealth_url,"
                    " quiet_start, quiet_end, created_at) VALUES ('main', 'Riverside', '555',"
                    " 'America/New_York', '[]', '{}', '[]', '{}', '', '', '', '20:00', '08:00',"
                    " :now)"
                ),
                {"now": NOW.replace(tzinfo=None)},
            )

        migrate.upgrade(empty_database_url)

        assert migrate.current(empty_database_url) == migrate.head()
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT slug FROM clinic")).scalars().all() == ["main"]
            assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        engine.dispose()
    assert schema_differences(empty_database_url) == []


def test_downgrade_to_base_and_back_up(empty_database_url):
    """A revision that cannot be undone cleanly (say, a leftover PostgreSQL enum type) fails here."""
    migrate.upgrade(empty_database_url)
    from alembic import command

    command.downgrade(migrate.make_config(empty_database_url), "base")
    assert table_names(empty_database_url) == {"alembic_version"}
    assert migrate.current(empty_database_url) is None

    migrate.upgrade(empty_database_url)
    assert schema_differences(empty_database_url) == []


def test_only_one_open_handoff_per_conversation_after_migrating(empty_database_url):
    """The partial unique index comes from the migration, and allows reopening after resolve."""
    from sqlmodel import Session

    from gateway.models import Clinic, Contact, Conversation, Handoff, HandoffStatus

    migrate.upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with Session(engine) as session:
            clinic = Clinic(slug="main", name="Riverside", phone="555")
            session.add(clinic)
            session.flush()
            contact = Contact(clinic_id=clinic.id, phone="+12025550123")
            session.add(contact)
            session.flush()
            conversation = Conversation(clinic_id=clinic.id, contact_id=contact.id)
            session.add(conversation)
            session.flush()

            def handoff(status: HandoffStatus) -> Handoff:
                return Handoff(
                    clinic_id=clinic.id,
                    conversation_id=conversation.id,
                    queue="front_desk",
                    status=status,
                )

            session.add(handoff(HandoffStatus.RESOLVED))
            session.add(handoff(HandoffStatus.RESOLVED))
            session.add(handoff(HandoffStatus.OPEN))
            session.commit()

            session.add(handoff(HandoffStatus.CLAIMED))
            with pytest.raises(sa.exc.IntegrityError):
                session.commit()
    finally:
        engine.dispose()


def test_revisions_form_one_line_and_never_import_gateway():
    """A revision must keep working after the models it came from have changed or moved."""
    scripts = ScriptDirectory.from_config(migrate.make_config())
    assert len(scripts.get_heads()) == 1
    for revision in scripts.walk_revisions():
        tree = ast.parse(Path(revision.path).read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] in ("gateway", "flows")], (
            revision.path
        )


def test_next_revision_id_follows_the_files():
    numbers = [
        int(rev.revision.split("_")[0])  # "0003_reminders": the number leads the id
        for rev in ScriptDirectory.from_config(migrate.make_config()).walk_revisions()
    ]
    assert migrate.next_revision_id() == f"{max(numbers) + 1:04d}"
