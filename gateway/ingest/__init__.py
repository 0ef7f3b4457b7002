"""Processing stored inbound messages off the request path, in the worker processes.

The webhook only stores (`gateway.conversations.store_inbound`: one insert, one commit) and
answers Twilio. Everything else happens here, in any number of worker processes:

    claim_batch    -> up to BATCH_SIZE ready, unprocessed inbound rows, claimed with a lease:
                      `UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)` on
                      PostgreSQL, the same conditional update on SQLite (one writer at a time)
    order          -> the emergency screen (pure, in flows) puts emergencies first in each
                      batch; in the worker loop a `Lookout` pre-screens every new arrival once,
                      so a known emergency is claimed ahead of an older backlog
    process_inbound-> per message, its own transaction, fenced (see gateway.conversations)
    send           -> an emergency's replies go out at once, the rest after the batch

A claim is a timestamp (`processing_started_at`); a worker that dies holding one loses
nothing: after LEASE another worker claims the row again. A message is "ready" when it has no
hold (`next_attempt_at`, which a voicemail uses to wait for its transcript) or the hold passed.

`IngestLoop` (gateway.ingest.loop) runs `process_ready` in a fast loop in each worker process,
woken by LISTEN/NOTIFY on PostgreSQL and by a short poll on SQLite; the scheduler's tick runs it
too, so `flask --app gateway tick` means "process everything stored, then send".
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from flows.triage import detect_language, screen_emergency
from gateway.conversations import STALE_CLAIM, process_inbound
from gateway.models import Direction, Message, MessageStatus

logger = logging.getLogger(__name__)

#: Rows claimed at once: small, so an emergency arriving behind a batch waits for little.
BATCH_SIZE = 20
#: How long a claim holds before another worker may take the row again.
LEASE = STALE_CLAIM


def ready_condition(now: datetime) -> Any:
    """Inbound, unprocessed, not held back, and not claimed by a live worker."""
    return sa.and_(
        Message.direction == Direction.INBOUND,
        Message.status == MessageStatus.RECEIVED,
        Message.processed_at.is_(None),  # type: ignore[union-attr]
        sa.or_(
            Message.next_attempt_at.is_(None),  # type: ignore[union-attr]
            Message.next_attempt_at <= now,
        ),
        sa.or_(
            Message.processing_started_at.is_(None),  # type: ignore[union-attr]
            Message.processing_started_at < now - LEASE,
        ),
    )


class Lookout:
    """Per worker process: every newly stored message is pre-screened once, so an emergency
    is claimed ahead of an older backlog, not only ahead of its own batch.

    It reads rows above a watermark (new arrivals), runs the cheap emergency screen on each,
    and remembers the emergencies until they are claimed. Several worker processes each keep
    their own; whichever claims an emergency first answers it.
    """

    def __init__(self, on_arrivals: Any = None) -> None:
        self.watermark = 0
        self.urgent: set[int] = set()
        #: Called with when each new row was stored (the loop's burst meter), per scan.
        self.on_arrivals = on_arrivals

    def scan(self, *, engine: Engine, limit: int = 2000) -> None:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(Message.id, Message.body, Message.created_at)
                .where(
                    Message.id > self.watermark,
                    Message.direction == Direction.INBOUND,
                    Message.status == MessageStatus.RECEIVED,
                )
                .order_by(Message.id)
                .limit(limit)
            ).all()
        for message_id, body, _stored_at in rows:
            if is_emergency(body or ""):
                self.urgent.add(message_id)
            self.watermark = max(self.watermark, message_id)
        if self.on_arrivals is not None and rows:
            self.on_arrivals([stored_at for _, _, stored_at in rows])


def claim_batch(
    *,
    engine: Engine,
    now: datetime,
    limit: int = BATCH_SIZE,
    lookout: Lookout | None = None,
) -> list[tuple[int, str, str]]:
    """Claim up to `limit` ready messages for this process: [(id, body, channel)], committed.

    With a `lookout`, known emergencies are claimed first, wherever they sit in the backlog.
    """
    claimed: list[tuple[int, str, str]] = []
    if lookout is not None:
        lookout.scan(engine=engine)
        if lookout.urgent:
            urgent = sorted(lookout.urgent)[:limit]
            claimed = _claim(engine=engine, now=now, limit=limit, only=urgent)
            lookout.urgent.difference_update(urgent)  # claimed now, or by someone else
    if len(claimed) < limit:
        claimed += _claim(engine=engine, now=now, limit=limit - len(claimed))
    return sorted(claimed, key=lambda row: row[0])


def _claim(
    *, engine: Engine, now: datetime, limit: int, only: list[int] | None = None
) -> list[tuple[int, str, str]]:
    candidates = sa.select(Message.id).where(ready_condition(now))
    if only is not None:
        candidates = candidates.where(Message.id.in_(only))  # type: ignore[union-attr]
    candidates = candidates.order_by(Message.id).limit(limit)
    if engine.dialect.name == "postgresql":
        # A materialised CTE: inside `IN (...)` PostgreSQL may run a LIMIT ... SKIP LOCKED
        # subquery more than once and claim more rows than asked for.
        chosen = candidates.with_for_update(skip_locked=True).cte("chosen")
        chosen = chosen.prefix_with("MATERIALIZED")  # type: ignore[assignment]
        where = Message.id == chosen.c.id
    else:
        # One statement under SQLite's single write lock: nobody else claims in between.
        where = Message.id.in_(candidates.scalar_subquery())  # type: ignore[union-attr]
    statement = (
        sa.update(Message)
        # The condition again: a row re-checked after a lock wait must still be ready.
        .where(where, ready_condition(now))
        .values(processing_started_at=now)
        .returning(Message.id, Message.body, Message.channel)
        .execution_options(synchronize_session=False)
    )
    with engine.begin() as connection:
        rows = connection.execute(statement).all()
    return [(row[0], row[1] or "", str(row[2])) for row in rows]


def is_emergency(body: str) -> bool:
    """The cheap pre-screen that orders a batch; the full screen runs again in the engine.

    Remembered by a digest of the text (not the text), a few thousand at a time: a burst is
    mostly the same few replies to one reminder ("C", "yes", "👍"), and the screen is pure,
    so each distinct text is screened once while it keeps coming.
    """
    if not body.strip():
        return False
    digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    with _SCREENED_LOCK:
        known = _SCREENED.get(digest)
        if known is not None:
            _SCREENED.move_to_end(digest)
            return known
    try:
        kind, _ = screen_emergency(body[:2000], detect_language(body[:2000], None))
    except Exception:  # noqa: BLE001 - ordering is an optimisation; processing screens again
        return False
    with _SCREENED_LOCK:
        _SCREENED[digest] = kind is not None
        if len(_SCREENED) > _SCREENED_MAX:
            _SCREENED.popitem(last=False)
    return kind is not None


_SCREENED: OrderedDict[bytes, bool] = OrderedDict()
_SCREENED_MAX = 4096
_SCREENED_LOCK = threading.Lock()


def emergencies_first(batch: list[tuple[int, str, str]]) -> list[tuple[int, bool]]:
    """[(message id, is emergency)], emergencies first, each group oldest first."""
    flagged = [(message_id, is_emergency(body)) for message_id, body, _channel in batch]
    return sorted(flagged, key=lambda item: (not item[1], item[0]))


def process_ready(
    *,
    engine: Engine,
    now: datetime,
    carrier_answers_keywords: bool | None = None,
    sender: Any = None,
    max_batches: int | None = None,
    clock: Any = None,
    lookout: Lookout | None = None,
    counts: dict[str, int] | None = None,
    pace: Any = None,
    send_later: Any = None,
) -> list[int]:
    """Claim and process every ready inbound message; returns the outbox ids queued.

    With a `sender`, replies go out as they are queued (an emergency's at once, the rest after
    each batch); without one (the scheduler's tick) the caller sends. `clock` (a callable)
    re-reads the time per batch in the long-running loop; `now` is the first batch's time.
    `counts["sent"]` (when given) adds up the texts Twilio accepted. `pace` (the worker loop's
    `BurstPacer`) is asked before each claim how many rows to take, and told after each message
    whether it was urgent and how long it took, so it can yield the cores to the web tier.
    `send_later` (the worker loop's background sender) takes each batch's routine replies, so
    the next batch is processed while they are on the network; an emergency's go out here.
    """
    queued: list[int] = []
    batches = 0
    while max_batches is None or batches < max_batches:
        limit = BATCH_SIZE if pace is None else pace.batch_size()
        claiming = time.perf_counter()
        batch = claim_batch(engine=engine, now=now, lookout=lookout, limit=limit)
        if not batch:
            break
        batches += 1
        later: list[int] = []
        # The claim (and the lookout's pre-screen in it) is work the pacer counts too, with
        # the first routine message: never as a rest before an emergency.
        carried = time.perf_counter() - claiming
        for message_id, urgent in emergencies_first(batch):
            started = time.perf_counter()
            with Session(engine, expire_on_commit=False) as session:
                try:
                    ids = process_inbound(
                        session=session,
                        message_id=message_id,
                        now=now,
                        carrier_answers_keywords=carrier_answers_keywords,
                        is_claimed=True,
                    )
                except Exception as error:  # noqa: BLE001 - the lease brings it back later
                    session.rollback()
                    logger.error(
                        "processing message %s failed (%s); retried after the lease",
                        message_id,
                        type(error).__name__,
                    )
                    continue
            queued += ids
            if sender is not None and urgent:
                sent = send_replies(engine=engine, sender=sender, ids=ids, now=now)
                if counts is not None:
                    counts["sent"] = counts.get("sent", 0) + sent
            else:
                later += ids
            if pace is not None:
                seconds = time.perf_counter() - started
                if not urgent:
                    seconds, carried = seconds + carried, 0.0
                pace.processed(urgent=urgent, seconds=seconds)
        if sender is not None and send_later is not None:
            send_later(later)
        elif sender is not None:
            sent = send_replies(engine=engine, sender=sender, ids=later, now=now)
            if counts is not None:
                counts["sent"] = counts.get("sent", 0) + sent
        if clock is not None:
            now = clock()
    return queued


def send_replies(*, engine: Engine, sender: Any, ids: list[int], now: datetime) -> int:
    """Send these queued replies now; how many Twilio took (a failure leaves them queued)."""
    if not ids:
        return 0
    from gateway.outbox import send_pending

    try:
        return send_pending(engine=engine, sender=sender, now=now, message_ids=list(ids))
    except Exception as error:  # noqa: BLE001 - the rows stay queued; the poll job sends them
        logger.error("sending %d queued replies failed (%s)", len(ids), type(error).__name__)
        return 0


def backlog(*, session: Session, now: datetime) -> dict[str, Any]:
    """Counts for /readyz and `stats`: stored, unprocessed, the oldest unprocessed age."""
    inbound = Message.direction == Direction.INBOUND
    unprocessed = sa.and_(inbound, Message.processed_at.is_(None))  # type: ignore[union-attr]
    total = session.execute(sa.select(sa.func.count()).where(inbound)).scalar_one()
    pending = session.execute(sa.select(sa.func.count()).where(unprocessed)).scalar_one()
    oldest = session.execute(
        sa.select(sa.func.min(Message.created_at)).where(
            unprocessed,
            # A voicemail waiting for its transcript is not late yet.
            sa.or_(
                Message.next_attempt_at.is_(None),  # type: ignore[union-attr]
                Message.next_attempt_at <= now,
            ),
        )
    ).scalar_one()
    if oldest is not None and oldest.tzinfo is None:
        from datetime import UTC

        oldest = oldest.replace(tzinfo=UTC)
    return {
        "inbound_total": int(total),
        "inbound_unprocessed": int(pending),
        "oldest_unprocessed_seconds": round(max(0.0, (now - oldest).total_seconds()), 3)
        if oldest is not None
        else 0.0,
    }
