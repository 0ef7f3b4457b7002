"""The database engine and sessions: one session per request on `g`, one per job elsewhere.

The same code runs on SQLite (a file, WAL journal, a busy timeout so a web process and the worker
can share it) and PostgreSQL, chosen by `DATABASE_URL`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app, g
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import make_transient, make_transient_to_detached
from sqlmodel import Session, SQLModel

from gateway import models  # noqa: F401 - registers the tables on SQLModel.metadata

SQLITE_BUSY_TIMEOUT_MS = 10_000


def normalise_url(url: str) -> str:
    """Accept `postgres://` and plain `postgresql://` URLs and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str, *, sqlite_busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """Build an engine; SQLite gets WAL, a busy timeout and foreign keys.

    `hide_parameters` keeps phone numbers and message bodies out of database error texts,
    which end up in logs.
    """
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            connect_args={"timeout": sqlite_busy_timeout_ms / 1000, "check_same_thread": False},
            hide_parameters=True,
        )

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            # WAL lets readers and one writer work at once; the busy timeout makes a second
            # writer (the worker beside the web process) wait instead of failing.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(sqlite_busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        sa.event.listen(engine, "handle_error", _drop_unwritable_connection)
        return engine
    engine = sa.create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        hide_parameters=True,
        # A refused or unreachable server fails the request in seconds (a 503 Twilio retries),
        # well inside Twilio's 15 s webhook timeout.
        connect_args={"connect_timeout": 5},
    )
    sa.event.listen(engine, "handle_error", _drop_unwritable_connection)
    return engine


#: Kinds of "the database will not take this write", by SQLite message fragment or SQLSTATE.
_SQLITE_KINDS = (
    ("readonly", "read-only"),
    # What a connection opened before the file became read-only gets (or a failing disk).
    ("disk i/o error", "read-only"),
    ("database or disk is full", "full"),
    ("database is locked", "locked"),
    ("unable to open database file", "unreachable"),
)
_POSTGRES_KINDS = {"25006": "read-only", "53100": "full", "53200": "out of memory"}
#: After one of these a connection stays useless (a read-only session, a file opened read-only):
#: drop it, so the next request opens a fresh one and recovery needs no restart.
_STICKY_KINDS = {"read-only", "full"}


def write_failure_kind(error: BaseException) -> str | None:
    """What kind of database failure `error` is ("read-only", "full", ...), or None."""
    original = getattr(error, "orig", error)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in _POSTGRES_KINDS:
        return _POSTGRES_KINDS[state]
    if state and state.startswith("08"):
        return "unreachable"
    text = str(original).lower()
    if type(original).__module__.startswith("sqlite3"):
        for fragment, kind in _SQLITE_KINDS:
            if fragment in text:
                return kind
    if isinstance(error, sa.exc.OperationalError) and not type(original).__module__.startswith(
        "sqlite3"
    ):
        return "unreachable"
    return None


def _drop_unwritable_connection(context: sa.engine.ExceptionContext) -> None:
    if context.original_exception is not None and (
        write_failure_kind(context.original_exception) in _STICKY_KINDS
    ):
        # Treated like a lost connection: this one is closed, the rest of the pool stays.
        context.is_disconnect = True
        context.invalidate_pool_on_disconnect = False


def create_tables(engine: Engine) -> None:
    """Create every table (tests and the demo; production runs Alembic migrations)."""
    SQLModel.metadata.create_all(engine)


def init_app(app: Flask) -> None:
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["gateway"].engine, expire_on_commit=False)
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def discard_session() -> None:
    """Drop the request's session after a failure (its connection may be broken)."""
    session = g.pop("db_session", None)
    if session is None:
        return
    try:
        session.rollback()
    except Exception:  # noqa: BLE001, S110 - the connection is gone; close releases it
        pass
    finally:
        session.close()


def ensure_transaction(*, session: Session) -> None:
    """Make sure a real transaction is open before a SAVEPOINT.

    pysqlite opens its transaction only at the first INSERT/UPDATE/DELETE; a SAVEPOINT issued
    before that becomes the outermost transaction and its RELEASE commits, behind the caller's
    back. Opening it explicitly keeps "written in the caller's transaction" true on SQLite.
    """
    session.flush()
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    dbapi = connection.connection.dbapi_connection
    if dbapi is not None and not dbapi.in_transaction:
        connection.exec_driver_sql("BEGIN")


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """A SAVEPOINT inside the caller's transaction, on SQLite too (see `ensure_transaction`).

    Used where a unique key decides a race: the losing insert rolls back to the savepoint and
    the caller reads the winner's row, without losing the rest of its transaction.
    """
    ensure_transaction(session=session)
    with session.begin_nested():
        yield


def insert_returning(
    session: Session,
    model: Any,
    keys: tuple[str, ...],
    *,
    index_where: Any = None,
    **values: Any,
) -> Any | None:
    """INSERT ... ON CONFLICT (keys) DO NOTHING RETURNING id, in the caller's transaction: the
    new row as a persistent ORM object, or None when the key exists already (then the caller
    reads the winner's row). One statement where a check, a SAVEPOINT, the insert and its
    RELEASE took four. `index_where` names a partial unique index's condition (a constant:
    statements are kept by its identity).

    The object is built first (`model(**values)`, so the model's defaults fill what `values`
    leave out) and every column of it is inserted, so the row and the object agree. A Core
    statement, not the ORM's bulk insert: this is the worker's most frequent write, and the
    ORM path cost more CPU than the database did. Unlike an ORM statement it does not flush
    the session's pending changes first; nothing inserted here depends on them.
    """
    row = model(**values)
    insert_values = column_values(row)
    dialect = session.get_bind().dialect.name
    key = (dialect, model, keys, id(index_where), *insert_values)
    statement = _INSERTS.get(key)
    if statement is None:
        # Built once per shape, values bound as parameters: building the statement anew per
        # call costs more CPU than running it.
        table = model.__table__
        insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
        statement = _INSERTS[key] = (
            insert(table)
            .values({name: sa.bindparam(name, type_=table.c[name].type) for name in insert_values})
            .on_conflict_do_nothing(index_elements=keys, index_where=index_where)
            .returning(table.c.id)
        )
    new_id = session.execute(statement, insert_values).scalar_one_or_none()
    if new_id is None:
        return None
    row.id = new_id
    make_transient_to_detached(row)
    session.add(row)
    # A flushed object is forgotten when its transaction rolls back; one made persistent by
    # hand is not, and would later be refreshed from a row that no longer exists. Remember
    # which transaction wrote it, so `_forget_rolled_back` can do what a flush would have.
    written = session.get_nested_transaction() or session.get_transaction()
    root = session.get_transaction()
    if session.info.get(_INSERTED_IN) is not root:
        # Left over from a transaction the session closed without committing or rolling back.
        session.info[_INSERTED_IN] = root
        session.info[_INSERTED] = []
    session.info[_INSERTED].append((row, written))
    return row


_INSERTS: dict[tuple[Any, ...], Any] = {}
_INSERTED = "gateway.inserted_rows"
_INSERTED_IN = "gateway.inserted_rows.transaction"


@sa.event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction: Any) -> None:
    """Expunge the rows `insert_returning` wrote inside the transaction (or savepoint) that
    just rolled back, as the session does for rows its own flush inserted."""
    inserted = session.info.get(_INSERTED)
    if not inserted:
        return
    kept = []
    for row, written in inserted:
        transaction = written
        while transaction is not None and transaction is not previous_transaction:
            transaction = transaction.parent
        if transaction is None:
            kept.append((row, written))
        elif row in session:
            session.expunge(row)
            make_transient(row)
    session.info[_INSERTED] = kept


@sa.event.listens_for(Session, "after_commit")
def _forget_committed(session: Session) -> None:
    """Committed rows are ordinary persistent objects: stop tracking them."""
    session.info.pop(_INSERTED, None)
    session.info.pop(_INSERTED_IN, None)


def column_values(row: SQLModel) -> dict[str, Any]:
    """A new model object's column values (its defaults filled in), without the unset id."""
    table = type(row).__table__  # type: ignore[attr-defined]
    return {
        column.name: getattr(row, column.name)
        for column in table.columns
        if not (column.primary_key and getattr(row, column.name) is None)
    }


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session for a job: commits on success, rolls back on error."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
