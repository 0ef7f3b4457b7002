"""Operations views: `/readyz` (the backlog), `/metrics` (Prometheus), `stats` (one JSON line).

- `GET /readyz`: 200 with the backlog as JSON while the database answers, 503 when it does not.
  A load balancer can route on it; the web process keeps storing texts while workers are down,
  so a growing `inbound_unprocessed` is the sign that the workers are.
- `GET /metrics`: off unless METRICS_TOKEN is set; then it needs `Authorization: Bearer
  <token>` (403 otherwise) and answers the Prometheus text format: the same gauges as `stats`
  plus stored-message counters per channel (their rate is the inbound rate), open handoffs by
  queue and overdue handoffs. Gauges are read from the database on each scrape, so every web
  process answers the same and no multiprocess registry is needed.
- `flask --app gateway stats --json`: the same numbers on one line.
"""

from __future__ import annotations

import hmac
import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Response, abort, current_app, request
from sqlmodel import Session

from gateway.ingest import backlog
from gateway.models import (
    Direction,
    Handoff,
    HandoffStatus,
    Message,
    MessageStatus,
    utcnow,
)

bp = Blueprint("ops", __name__)

#: Outbound statuses that mean "not yet handed to Twilio".
UNSENT = (MessageStatus.QUEUED, MessageStatus.SENDING)


def collect_stats(*, session: Session, now: datetime) -> dict[str, Any]:
    """Inbound backlog, unsent outbox rows, open and overdue handoffs by queue."""
    stats = backlog(session=session, now=now)
    stats["outbox_unsent"] = int(
        session.execute(
            sa.select(sa.func.count()).where(
                Message.direction == Direction.OUTBOUND,
                Message.status.in_(UNSENT),  # type: ignore[attr-defined]
            )
        ).scalar_one()
    )
    is_open = Handoff.status != HandoffStatus.RESOLVED
    rows = session.execute(
        sa.select(Handoff.queue, sa.func.count()).where(is_open).group_by(Handoff.queue)
    ).all()
    stats["handoffs_open_by_queue"] = {queue: int(count) for queue, count in rows}
    stats["handoffs_overdue"] = int(
        session.execute(
            sa.select(sa.func.count()).where(is_open, Handoff.due_at < now)
        ).scalar_one()
    )
    by_channel = session.execute(
        sa.select(Message.channel, sa.func.count())
        .where(Message.direction == Direction.INBOUND)
        .group_by(Message.channel)
    ).all()
    stats["inbound_by_channel"] = {str(channel): int(count) for channel, count in by_channel}
    return stats


@bp.get("/readyz")
def readyz() -> Response:
    """200 and the backlog while the database answers; 503 when it does not."""
    engine = current_app.extensions["gateway"].engine
    try:
        with Session(engine) as session:
            stats = backlog(session=session, now=utcnow())
    except Exception as error:  # noqa: BLE001 - any database failure means "not ready"
        body = json.dumps({"status": "unavailable", "error": type(error).__name__})
        return Response(body, status=503, mimetype="application/json")
    return Response(json.dumps({"status": "ok", **stats}), status=200, mimetype="application/json")


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus text format, behind METRICS_TOKEN (404 when unset)."""
    token = current_app.extensions["gateway"].settings.metrics_token
    if not token:
        abort(404)
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        abort(403)
    engine = current_app.extensions["gateway"].engine
    with Session(engine) as session:
        stats = collect_stats(session=session, now=utcnow())
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return Response(generate_latest(_registry(stats)), mimetype=CONTENT_TYPE_LATEST)


def _registry(stats: dict[str, Any]) -> Any:
    """A fresh registry holding this scrape's values (read from the database just now)."""
    from prometheus_client import CollectorRegistry
    from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

    class _Snapshot:
        def collect(self) -> Any:
            for name, help_text in (
                ("inbound_unprocessed", "Stored inbound messages not processed yet"),
                ("outbox_unsent", "Outbound texts queued or being sent"),
                ("oldest_unprocessed_seconds", "Age of the oldest ready unprocessed message"),
                ("handoffs_overdue", "Open handoffs past their due time"),
            ):
                yield GaugeMetricFamily(f"gateway_{name}", help_text, value=stats[name])
            inbound = CounterMetricFamily(
                "gateway_inbound", "Inbound messages stored", labels=["channel"]
            )
            for channel, count in sorted(stats["inbound_by_channel"].items()):
                inbound.add_metric([channel], count)
            yield inbound
            handoffs = GaugeMetricFamily(
                "gateway_handoffs_open", "Open handoffs by queue", labels=["queue"]
            )
            for queue, count in sorted(stats["handoffs_open_by_queue"].items()):
                handoffs.add_metric([queue], count)
            yield handoffs

    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Snapshot())
    return registry
