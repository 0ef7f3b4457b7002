"""The Alembic environment, configured in code by `gateway.migrate` (no alembic.ini needed).

The database comes from `config.attributes`: an open `connection` (tests, callers that manage
their own transaction) or a `database_url`; failing both, from `sqlalchemy.url` or the
`DATABASE_URL` setting. Revisions are rendered in batch mode so the same file runs on SQLite
(which rebuilds a table to alter it) and PostgreSQL (where batch ops are plain ALTERs).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context
from sqlmodel import SQLModel

import gateway.models  # noqa: F401 - registers every table on SQLModel.metadata
from gateway.db import make_engine, normalise_url
from gateway.migrate import migration_options

config = context.config
#: What autogenerate compares the database with (see `gateway.migrate.migration_options`).
target_metadata = SQLModel.metadata

#: Serialises concurrent `migrate` runs (two release processes) on PostgreSQL.
MIGRATION_LOCK_ID = 0x6761_7465  # "gate"


def _url() -> str:
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    if not url:
        from gateway.config import Settings

        url = Settings().database_url
    return normalise_url(url)


def run_migrations_offline() -> None:
    """Emit SQL to stdout (`alembic upgrade --sql`) without a database."""
    context.configure(url=_url(), literal_binds=True, **migration_options())
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: sa.Connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    if is_sqlite:
        # A batch op copies a table and drops the old one: foreign keys must be off meanwhile
        # (the pragma is ignored inside a transaction, so it comes first).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    context.configure(connection=connection, **migration_options())
    try:
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_ID}
                )
            context.run_migrations()
    finally:
        if is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def run_migrations_online() -> None:
    """Run against a live database: the given connection, or a new engine."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
