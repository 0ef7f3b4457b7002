"""The text webhook's one write: a raw DBAPI INSERT on a connection each request thread keeps.

The webhook's whole database work is one statement (gateway.conversations.store_statement:
insert unless the MessageSid is stored, return the new id, NOTIFY the workers on PostgreSQL).
Run through SQLAlchemy, the statement is cheap but its execution path is not: a pool checkout
(with a ping on PostgreSQL), the parameter machinery, a result object and a commit cost more
CPU than the insert itself, on the path every acknowledgement waits on. So the statement is
compiled once per engine by SQLAlchemy, with the columns' own bind processors (so the row is
byte for byte what the ORM would write), and executed on a DBAPI connection that each request
thread opens once and keeps, in autocommit: one statement, one implicit transaction, one
round trip. Nothing else in the project talks to the database this way.

On PostgreSQL the workers are woken by NOTIFY, and a NOTIFY in every webhook's transaction
serialises their commits on the server's one notification-queue lock (measured here: 8 request
threads stored 351 texts/s with it, 994 without). So the insert does not NOTIFY; a small
thread per web process (`_Notifier`) does, after the commit: at once when it was quiet, and
then at most once per `NOTIFY_INTERVAL` however many texts arrive, so every stored text is
followed within a few milliseconds by a NOTIFY sent after its commit. If that NOTIFY fails,
the workers' own fallback look (gateway.ingest.loop, every 2 s) still finds the text.

Failures: a DBAPI error closes the thread's connection (the next request opens a fresh one, so
recovery needs no restart: a restarted PostgreSQL, a file that was read-only) and is raised as
SQLAlchemy's own exception type, so the blueprint answers Twilio a 503 it retries and logs the
kind in one line, exactly as for the ORM paths. `dispose()` of the engine closes every thread's
connection.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from gateway.conversations import NOTIFY_CHANNEL, store_statement
from gateway.models import Message

logger = logging.getLogger(__name__)

#: SQLite has one write lock, and a writer that finds it taken sleeps in growing steps (1, 2, 5,
#: 10 ms ...): the request threads of one process queue here instead, each woken the moment the
#: one before commits.
_SQLITE_WRITE = threading.Lock()

_WRITERS: weakref.WeakKeyDictionary[Engine, InboundWriter] = weakref.WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


class _Statement:
    """One statement compiled for one dialect, with the bind processors of its parameters."""

    def __init__(self, statement: Any, dialect: Any) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.positional = bool(compiled.positional)
        binds = {name: bind for bind, name in compiled.bind_names.items()}
        #: The names the SQL text uses, in order for a positional paramstyle.
        self.names: tuple[str, ...] = tuple(compiled.positiontup if self.positional else binds)
        #: Where each value comes from: the caller's key, or the statement's own literal.
        self.sources = tuple((binds[name].key, binds[name].value) for name in self.names)
        self.processors = tuple(
            binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in self.names
        )

    def parameters(self, values: dict[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        bound = tuple(
            value if process is None else process(value)
            for process, value in zip(
                self.processors,
                (values[key] if key in values else literal for key, literal in self.sources),
                strict=True,
            )
        )
        return bound if self.positional else dict(zip(self.names, bound, strict=True))


#: The most often one web process NOTIFYs the workers during a burst.
NOTIFY_INTERVAL = 0.02


class _Notifier:
    """One thread per web process sending `NOTIFY gateway_inbound` after texts are stored."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.wanted = threading.Event()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.pid = 0
        self.stopping = False

    def stop(self) -> None:
        """End the thread and close its connection (the engine was disposed)."""
        self.stopping = True
        self.wanted.set()

    def poke(self) -> None:
        """A text was stored and committed: make sure a NOTIFY follows."""
        self.wanted.set()
        if self.thread is None or self.pid != os.getpid():
            with self.lock:
                if self.thread is None or self.pid != os.getpid():
                    self.pid = os.getpid()  # a forked web process starts its own thread
                    self.thread = threading.Thread(
                        target=self._run, name="inbound-notify", daemon=True
                    )
                    self.thread.start()

    def _run(self) -> None:
        connection = None
        while True:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                if connection is not None:
                    _close_quietly(connection)
                return
            connection = self._notify(connection)
            time.sleep(NOTIFY_INTERVAL)

    def _notify(self, connection: Any) -> Any:
        """Send one NOTIFY; a connection the server dropped is replaced once. A failure costs
        only latency (the workers look every 2 s anyway), so it is logged at INFO."""
        for attempt in (1, 2):
            try:
                if connection is None:
                    connection = _autocommit_connection(self.engine)
                connection.execute("SELECT pg_notify(%s, '')", (NOTIFY_CHANNEL,))
                return connection
            except Exception as error:  # noqa: BLE001 - the workers' fallback look covers it
                if connection is not None:
                    _close_quietly(connection)
                connection = None
                if attempt == 2:
                    logger.info("inbound notify failed (%s); workers poll", type(error).__name__)
        return None


class InboundWriter:
    """Insert inbound rows for one engine: `insert(values)` -> (message id, newly stored)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        dialect = engine.dialect
        self.sqlite = dialect.name == "sqlite"
        self.store = _Statement(store_statement(dialect.name, notify=False), dialect)
        self.notifier = None if self.sqlite else _Notifier(engine)
        table = Message.__table__  # type: ignore[attr-defined]
        self.lookup = _Statement(
            sa.select(table.c.id).where(
                table.c.twilio_sid == sa.bindparam("twilio_sid", type_=table.c.twilio_sid.type)
            ),
            dialect,
        )
        self.dbapi_error = dialect.loaded_dbapi.Error
        self.local = threading.local()
        self.open: set[Any] = set()
        self.lock = threading.Lock()
        sa.event.listen(engine, "engine_disposed", self._close_all)

    def insert(self, values: dict[str, Any]) -> tuple[int, bool]:
        """Store one inbound row, or find the one already stored under its `twilio_sid`.

        A kept connection the server dropped since the last request (a restart, a failover)
        is replaced and the insert tried once more on the fresh one: what the pool's ping
        would have caught, paid only when it happens. A try that reached the server is no
        risk: the second finds the row the first stored.
        """
        connection, reused = self._connection()
        try:
            return self._insert(connection, values)
        except self.dbapi_error as error:
            self._discard(connection)
            if reused and self.engine.dialect.is_disconnect(error, connection, None):
                connection, _ = self._connection()
                try:
                    return self._insert(connection, values)
                except self.dbapi_error as again:
                    self._discard(connection)
                    raise self._wrapped(again) from again
            raise self._wrapped(error) from error

    def _insert(self, connection: Any, values: dict[str, Any]) -> tuple[int, bool]:
        cursor = connection.cursor()
        try:
            # Read to the end: in autocommit, SQLite commits when the statement is done, and
            # the next thread must not find the write lock still held.
            if self.sqlite:
                with _SQLITE_WRITE:
                    cursor.execute(self.store.sql, self.store.parameters(values))
                    rows = cursor.fetchall()
            else:
                cursor.execute(self.store.sql, self.store.parameters(values))
                rows = cursor.fetchall()
            if rows:
                if self.notifier is not None:
                    self.notifier.poke()
                return int(rows[0][0]), True
            # A retry of a stored message (Twilio's, or the same webhook racing itself).
            cursor.execute(self.lookup.sql, self.lookup.parameters(values))
            return int(cursor.fetchone()[0]), False
        finally:
            cursor.close()

    def _wrapped(self, error: Exception) -> sa.exc.DBAPIError:
        """The DBAPI error as SQLAlchemy's type for it, parameters hidden (they hold PHI)."""
        return sa.exc.DBAPIError.instance(
            self.store.sql,
            None,
            error,
            self.dbapi_error,
            hide_parameters=True,
            dialect=self.engine.dialect,
        )

    def _connection(self) -> tuple[Any, bool]:
        """This thread's connection, and whether it was kept from an earlier request."""
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            return connection, True
        connection = _autocommit_connection(self.engine)
        self.local.connection = connection
        with self.lock:
            self.open.add(connection)
        return connection, False

    def _discard(self, connection: Any) -> None:
        self.local.connection = None
        with self.lock:
            self.open.discard(connection)
        _close_quietly(connection)

    def _close_all(self, _engine: Any = None) -> None:
        if self.notifier is not None:
            self.notifier.stop()
            self.notifier = _Notifier(self.engine)  # a disposed engine may be used again
        with self.lock:
            connections, self.open = list(self.open), set()
        for connection in connections:
            _close_quietly(connection)
        self.local = threading.local()


def _autocommit_connection(engine: Engine) -> Any:
    """A DBAPI connection of the engine's, detached from its pool for good and in autocommit:
    the engine's connect events (SQLite's pragmas) have run on it, and the pool no longer
    counts or resets it. Each statement on it is its own transaction."""
    proxied = engine.raw_connection()
    proxied.detach()
    connection = proxied.dbapi_connection
    if engine.dialect.name == "sqlite":
        connection.isolation_level = None
    else:
        connection.autocommit = True
    return connection


def _close_quietly(connection: Any) -> None:
    try:
        connection.close()
    except Exception:  # noqa: BLE001, S110 - closing a broken connection
        pass


def writer_for(engine: Engine) -> InboundWriter:
    """The engine's writer, made on first use."""
    writer = _WRITERS.get(engine)
    if writer is None:
        with _WRITERS_LOCK:
            writer = _WRITERS.get(engine)
            if writer is None:
                writer = _WRITERS[engine] = InboundWriter(engine)
    return writer
