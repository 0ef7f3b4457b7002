"""The worker's scheduler: one APScheduler job that polls for due work, in one process only.

APScheduler inside gunicorn runs once per web worker and sends duplicates, so the scheduler
lives in the `worker` process (`flask --app gateway worker`, the Procfile's `worker`). Its one
interval job runs `tick` every POLL_SECONDS with `coalesce=True` (missed runs collapse into
one), `max_instances=1` (a slow pass is never overlapped by the next) and an explicit
`misfire_grace_time`. Even two workers by mistake never double-send: rows are claimed with
`FOR UPDATE SKIP LOCKED` / a conditional update (see `gateway.outbox`).

`tick(app, now)` is one pass, also run by `flask --app gateway tick --now ...` and tests: it
processes every stored inbound message that is ready (not only stale ones), then sends.

Besides the scheduler, `run_worker` starts the ingest loop (gateway.ingest.loop), a plain
thread that processes stored texts within a fraction of a second; it is not a scheduler, so
the rule of one scheduler per worker process holds, and several worker processes are safe.
"""

from __future__ import annotations

import logging
import signal
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from gateway.ingest import process_ready
from gateway.models import utcnow
from gateway.outbox import send_pending
from gateway.reminders.dispatch import dispatch_due_reminders
from gateway.staff.worker import run_staff_jobs

logger = logging.getLogger(__name__)

POLL_SECONDS = 5
MISFIRE_GRACE_SECONDS = 30
JOB_ID = "poll"


def tick(app: Flask, now: datetime, *, ingest: bool = True) -> int:
    """One pass of the worker: due work at `now`; returns how many texts went out.

    `ingest=False` leaves stored inbound messages to the worker process's ingest loop, which
    paces itself during a burst (a second, unpaced drain here would undo that)."""
    gateway = app.extensions["gateway"]
    # Every stored inbound message that is ready comes first (emergencies first within each
    # batch; voicemails once their transcript came or stopped being awaited). Its replies go
    # out batch by batch, an emergency's at once: under a long backlog this pass must not sit
    # on an emergency reply until the backlog is gone.
    counts = {"sent": 0}
    if ingest:
        process_ready(
            engine=gateway.engine,
            now=now,
            carrier_answers_keywords=gateway.settings.twilio_handles_keywords,
            sender=gateway.sender,
            counts=counts,
        )
    # Staff app: re-page unopened emergencies (before the outbox pass sends the pages), MMS media.
    run_staff_jobs(engine=gateway.engine, settings=gateway.settings, now=now)
    # Reminders: queued BEFORE the outbox pass, so they are sent in this same tick.
    dispatch_due_reminders(engine=gateway.engine, now=now, caller=gateway.caller)
    if gateway.sender is None:
        logger.debug("tick: no sender configured; queued texts wait")
        return 0
    return counts["sent"] + send_pending(
        engine=gateway.engine,
        sender=gateway.sender,
        public_base_url=gateway.settings.public_base_url,
        now=now,
        pacer=gateway.pacer,
    )


def _poll(app: Flask, ingest: bool = True) -> None:
    """The interval job: a tick at the current time; a failure is logged, the next poll runs."""
    try:
        with app.app_context():
            tick(app, utcnow(), ingest=ingest)
    except Exception as error:  # noqa: BLE001 - keep polling; the type only (no PHI)
        logger.error("worker tick failed: %s", type(error).__name__)


def build_scheduler(app: Flask, *, ingest: bool = True) -> BlockingScheduler:
    """The worker's scheduler with its single polling job (not started); `ingest=False` when
    an ingest loop in the same process processes the stored inbound messages."""
    scheduler = BlockingScheduler(timezone=UTC)
    scheduler.add_job(
        _poll,
        "interval",
        seconds=POLL_SECONDS,
        args=[app, ingest],
        id=JOB_ID,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=MISFIRE_GRACE_SECONDS,
        next_run_time=datetime.now(UTC),  # first pass at start-up, not after 5 s
        replace_existing=True,
    )
    return scheduler


def run_worker(app: Flask) -> None:
    """Run the ingest loop and the scheduler in the foreground until SIGTERM or Ctrl-C."""
    from gateway.ingest.loop import IngestLoop

    scheduler = build_scheduler(app, ingest=False)
    loop = IngestLoop(app)

    def _stop(signum: int, _frame: Any) -> None:
        logger.info("worker stopping on signal %s", signum)
        loop.stop_event.set()
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, _stop)
    loop.start()
    logger.info("worker polling every %ss", POLL_SECONDS)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        loop.stop()
