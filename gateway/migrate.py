"""Database migrations with Alembic, configured in code: `upgrade(url)`, `current(url)`.

`flask --app gateway migrate` (the Procfile's release step) calls `upgrade`. New revisions are
made with `python scripts/make_migration.py "what changed"` after editing `gateway/models.py`;
review the generated file by hand before committing it.

Revision files live in `gateway/migrations/versions/` as `<number>_<slug>.py` and never import
`gateway`: a revision must keep working after the code it was generated from has moved on.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from gateway import models  # noqa: F401 - registers the tables on SQLModel.metadata
from gateway.db import make_engine, normalise_url

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
_REVISION_FILE = re.compile(r"^(\d{4})_.+\.py$")


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render project column types by their stored type, so revisions never import `gateway`."""
    if type_ == "type" and isinstance(obj, sa.types.TypeDecorator):
        # UTCDateTime only converts values in Python; the database sees its impl.
        impl = obj.impl_instance
        if isinstance(impl, sa.DateTime):
            return f"sa.DateTime(timezone={impl.timezone!r})"
        return f"sa.{impl!r}"
    return False


def migration_options() -> dict[str, Any]:
    """Options for running, autogenerating and comparing migrations (tests use the same)."""
    return {
        "target_metadata": SQLModel.metadata,
        # Always batch: every revision must run on SQLite too, where batch ops rebuild the
        # table; on PostgreSQL they are plain ALTERs.
        "render_as_batch": True,
        "compare_type": True,
        "render_item": render_item,
    }


def make_config(
    database_url: str | None = None, *, connection: sa.Connection | None = None
) -> Config:
    """An Alembic config pointing at our migrations and the given database (or connection)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if database_url:
        # Passed as an attribute, not a main option: ConfigParser would choke on a "%" in a
        # password.
        config.attributes["database_url"] = normalise_url(database_url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate the database up to `revision` (default: the latest); a no-op when already there."""
    logger.info("migrating database up to %s", revision)
    command.upgrade(make_config(database_url), revision)


def current(database_url: str) -> str | None:
    """The revision the database is at, or None for a database never migrated."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head() -> str | None:
    """The latest revision in `gateway/migrations/versions`."""
    return ScriptDirectory.from_config(make_config()).get_current_head()


def next_revision_id() -> str:
    """The next sequential revision id: "0002" after "0001_initial.py"."""
    numbers = [
        int(match.group(1))
        for path in VERSIONS_DIR.glob("*.py")
        if (match := _REVISION_FILE.match(path.name))
    ]
    return f"{max(numbers, default=0) + 1:04d}"


def make_revision(message: str, *, database_url: str, autogenerate: bool = True) -> str:
    """Write a new revision comparing the models with `database_url` (which must be at head)."""
    config = make_config(database_url)
    if autogenerate and current(database_url) != head():
        raise RuntimeError("the database is not at the latest revision; migrate it first")
    script = command.revision(
        config, message=message, autogenerate=autogenerate, rev_id=next_revision_id()
    )
    scripts = script if isinstance(script, list) else [script]
    return ", ".join(str(Path(s.path)) for s in scripts if s is not None)
