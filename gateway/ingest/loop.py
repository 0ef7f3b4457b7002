"""The worker's fast processing loop: one thread per worker process, beside the scheduler.

The scheduler (gateway.scheduler) keeps its one polling job every few seconds; this loop makes
a stored text wait well under a second instead. It is not a second scheduler: a plain thread
that runs `process_ready` whenever there may be work.

- PostgreSQL: a dedicated connection LISTENs on `gateway_inbound`; the webhook's insert
  NOTIFYs in its own transaction, so a worker wakes the moment a text is committed. It also
  looks every PG_FALLBACK_SECONDS in case a notification was missed (a reconnect).
- SQLite: a cheap poll every SQLITE_POLL_SECONDS.

Several worker processes are safe: each one's claims skip the others' rows (see
gateway.ingest), and every worker wakes on the same notification.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from datetime import datetime, timedelta
from typing import Any

from flask import Flask

from gateway.conversations import NOTIFY_CHANNEL
from gateway.ingest import BATCH_SIZE, Lookout, process_ready, send_replies
from gateway.models import utcnow

logger = logging.getLogger(__name__)

SQLITE_POLL_SECONDS = 0.25
PG_FALLBACK_SECONDS = 2.0


class BurstPacer:
    """Web first during a burst: while texts arrive faster than `rate` a second, this worker
    spends at most `share` of a core on routine messages, one claim at a time.

    Store-and-acknowledge means a burst (10,000 reminder replies at once) is absorbed by the
    web tier and drained by the workers afterwards. On one machine the web processes and the
    workers share the cores (and, on SQLite, the write lock), and the web tier must answer each
    webhook before Twilio's timeout, or Twilio retries and the load doubles. So during a burst a
    worker rests after each routine message (`share` 0.25: three times as long as the message
    took), waking at once for an emergency the lookout spots; an emergency is never paced. With
    workers on machines of their own, set INGEST_BURST_SHARE=1 (never rest). The pacer counts
    the claim and the lookout's pre-screen as work too. A burst that goes on longer than
    `max_seconds` (INGEST_BURST_MAX_SECONDS, 60) is the load itself: the worker stops resting,
    so routine replies never fall behind without bound.
    """

    WINDOW = 1.0
    NAP = 0.05

    def __init__(
        self,
        *,
        rate: float,
        share: float,
        stop: threading.Event,
        urgent_waiting: Any,
        clock: Any = time.monotonic,
        max_seconds: float = 60.0,
    ) -> None:
        self.rate, self.share, self.stop = rate, share, stop
        self.urgent_waiting, self.clock = urgent_waiting, clock
        self.max_seconds = max_seconds
        self.arrivals: deque[tuple[float, int]] = deque()
        #: When the burst now under way began (None: not bursting).
        self.since: float | None = None

    def arrived(self, stored_at: list[datetime]) -> None:
        """New rows the lookout found, by when the web tier stored them: only those stored
        within the window count, so a backlog found at start-up is not a burst."""
        since = utcnow() - timedelta(seconds=self.WINDOW)
        recent = sum(1 for moment in stored_at if moment is not None and moment >= since)
        if recent:
            self.arrivals.append((self.clock(), recent))

    def bursting(self) -> bool:
        horizon = self.clock() - self.WINDOW
        while self.arrivals and self.arrivals[0][0] < horizon:
            self.arrivals.popleft()
        bursting = sum(count for _, count in self.arrivals) >= self.rate * self.WINDOW
        if not bursting:
            self.since = None
        elif self.since is None:
            self.since = self.clock()
        return bursting

    def resting(self) -> bool:
        """Whether routine work yields now: a burst under way, and not for too long."""
        if self.share >= 1 or not self.bursting():
            return False
        return self.since is None or self.clock() - self.since <= self.max_seconds

    def batch_size(self) -> int:
        return 1 if self.resting() else BATCH_SIZE

    def processed(self, *, urgent: bool, seconds: float) -> None:
        if urgent or not self.resting():
            return
        deadline = self.clock() + seconds * (1 / self.share - 1)
        while not self.stop.is_set():
            left = deadline - self.clock()
            if left <= 0 or self.urgent_waiting():
                return
            self.stop.wait(min(self.NAP, left))


class BackgroundSender:
    """Sends routine replies on a thread of their own, so processing does not wait on Twilio.

    Twilio's API answers each send in a tenth of a second or more; sent in line, a batch's
    replies would hold up the next batch. The rows are already committed to the outbox, so
    this thread is only a shortcut: if it is slow, stopped or fails, the scheduler's poll
    sends them (and an emergency's replies never come here: the loop sends those at once).
    """

    def __init__(self, send: Any, stop: threading.Event) -> None:
        self.send, self.stop = send, stop
        self.waiting: deque[int] = deque()
        self.wake = threading.Event()
        self.thread = threading.Thread(target=self._run, name="ingest-send", daemon=True)
        self.thread.start()

    def __call__(self, ids: list[int]) -> None:
        if ids:
            self.waiting.extend(ids)
            self.wake.set()

    def _run(self) -> None:
        while not self.stop.is_set():
            self.wake.wait(0.5)
            self.wake.clear()
            ids = []
            while self.waiting:
                ids.append(self.waiting.popleft())
            if not ids:
                continue
            try:
                self.send(ids)
            except Exception as error:  # noqa: BLE001 - the scheduler's poll sends them later
                logger.error("background send failed: %s", type(error).__name__)

    def join(self, timeout: float) -> None:
        self.wake.set()
        self.thread.join(timeout)


class _Sleeper:
    def __init__(self, stop: threading.Event, seconds: float) -> None:
        self.stop, self.seconds = stop, seconds

    def wait(self) -> None:
        self.stop.wait(self.seconds)

    def close(self) -> None:
        pass


class _Listener:
    """LISTEN on the inbound channel; `wait` returns on a notification or after the fallback."""

    def __init__(self, url: str, stop: threading.Event) -> None:
        self.url, self.stop = url, stop
        self.connection: Any = None

    def _connect(self) -> Any:
        import psycopg

        connection = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
        connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return connection

    def wait(self) -> None:
        try:
            if self.connection is None or self.connection.closed:
                self.connection = self._connect()
            # Whatever arrived while we were processing first: one pass covers all of it.
            if not sum(1 for _ in self.connection.notifies(timeout=0)):
                for _ in self.connection.notifies(timeout=PG_FALLBACK_SECONDS, stop_after=1):
                    break
        except Exception as error:  # noqa: BLE001 - fall back to polling until it reconnects
            logger.warning("ingest listener: %s; polling instead", type(error).__name__)
            self.close()
            self.stop.wait(PG_FALLBACK_SECONDS / 4)

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:  # noqa: BLE001, S110 - closing a broken connection
                pass
            self.connection = None


class IngestLoop:
    """Process stored inbound messages as they arrive, until `stop`."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None
        settings = app.extensions["gateway"].settings
        self.pacer = BurstPacer(
            rate=settings.ingest_burst_rate,
            share=settings.ingest_burst_share,
            max_seconds=settings.ingest_burst_max_seconds,
            stop=self.stop_event,
            urgent_waiting=self._urgent_waiting,
        )
        self.lookout = Lookout(on_arrivals=self.pacer.arrived)
        self.sender: BackgroundSender | None = None

    def _urgent_waiting(self) -> bool:
        """Look for new arrivals while resting: an emergency ends the rest."""
        self.lookout.scan(engine=self.app.extensions["gateway"].engine)
        return bool(self.lookout.urgent)

    def _waiter(self) -> _Sleeper | _Listener:
        engine = self.app.extensions["gateway"].engine
        if engine.dialect.name == "postgresql":
            url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            return _Listener(url, self.stop_event)
        return _Sleeper(self.stop_event, SQLITE_POLL_SECONDS)

    def run_once(self) -> int:
        """One pass: process everything ready now and send its replies; how many replies."""
        gateway = self.app.extensions["gateway"]
        ids = process_ready(
            engine=gateway.engine,
            now=utcnow(),
            carrier_answers_keywords=gateway.settings.twilio_handles_keywords,
            sender=gateway.sender,
            clock=utcnow,
            lookout=self.lookout,
            pace=self.pacer,
            send_later=self.sender,
        )
        return len(ids)

    def run(self) -> None:
        waiter = self._waiter()
        with self.app.app_context():
            while not self.stop_event.is_set():
                try:
                    self.run_once()
                except Exception as error:  # noqa: BLE001 - keep going; the type only (no PHI)
                    logger.error("ingest pass failed: %s", type(error).__name__)
                    self.stop_event.wait(1.0)
                    continue
                waiter.wait()
        waiter.close()

    def _send_now(self, ids: list[int]) -> None:
        gateway = self.app.extensions["gateway"]
        with self.app.app_context():
            send_replies(engine=gateway.engine, sender=gateway.sender, ids=ids, now=utcnow())

    def start(self) -> None:
        if self.app.extensions["gateway"].sender is not None:
            self.sender = BackgroundSender(self._send_now, self.stop_event)
        self.thread = threading.Thread(target=self.run, name="ingest", daemon=True)
        self.thread.start()
        logger.info("ingest loop started")

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        if self.thread is not None:
            self.thread.join(timeout)
        if self.sender is not None:
            self.sender.join(timeout)


def wait_until(predicate: Any, timeout: float, step: float = 0.02) -> bool:
    """Poll `predicate` until true or `timeout` seconds (tests and scripts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())
