"""The staff app's part of the worker's tick: one call, and it never stops the tick.

A failure here is logged (its type only: no PHI) and the rest of the tick (sending the outbox)
goes on, so a bad photo or a database hiccup in re-paging can never hold back patients' texts.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.engine import Engine

from gateway.staff.alerts import page_unacknowledged_emergencies
from gateway.staff.media import fetch_pending_media

logger = logging.getLogger(__name__)


def run_staff_jobs(*, engine: Engine, settings, now: datetime) -> None:
    """Re-page unopened emergencies, then fetch pending MMS media."""
    for job in (page_unacknowledged_emergencies, fetch_pending_media):
        try:
            job(engine=engine, settings=settings, now=now)
        except Exception as error:  # noqa: BLE001 - the outbox pass must still run
            logger.error("staff job %s failed: %s", job.__name__, type(error).__name__)
