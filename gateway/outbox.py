"""The outbox: outbound texts are `Message` rows, queued in the caller's transaction, sent after
it commits, retried with backoff, and never sent twice.

Life of an outbound row::

    queue_message (QUEUED, next_attempt_at=now)          -- the caller commits
      -> send_pending claims it (SENDING, attempts+1)    -- committed before any network call
      -> suppression check (opted out / flagged)  -> SUPPRESSED
      -> Sender.send
           ok                       -> ACCEPTED / TWILIO_QUEUED (+ twilio_sid), callbacks move it on
           retryable (429, 5xx, timeout, connection, 30003 once)
                                    -> QUEUED again, next_attempt_at = now + backoff with jitter;
                                       FAILED after MAX_ATTEMPTS
           anything else            -> FAILED (21610 opts the contact out, 21211/21614/21635/
                                       30005/30006 flag it, see gateway/twilio/errors.py)

Claiming is safe across processes: `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, a
conditional `UPDATE ... WHERE status = queued` (rowcount 1 wins) on SQLite.

**Rows stuck in SENDING are never resent.** A row still SENDING, with no Twilio sid, more than
`STUCK_AFTER` after its claim means a process died between claiming and recording the answer:
Twilio may or may not have the message. Sending again could text a patient twice, so such rows
become UNKNOWN, are audited (`outbox.unknown`) and wait for a person. A late status callback
carrying the row's `outbox_id` still attaches to it and shows what really happened.

A timed-out send is retried although Twilio may have created it (the policy: a lost text is
worse than a rare duplicate). If both reach Twilio, the first one's status callback names a
second sid for the row and is audited (`outbox.second_sid`) for staff.

Suppression is checked right before each send, not at queueing: an opt-out that arrives while a
text waits still stops it. Opted-out numbers get only EMERGENCY and COMPLIANCE texts; flagged
numbers get only EMERGENCY texts; PAGE rows go to on-call staff and skip both checks.

Provider-agnostic: the sender is passed in (`gateway.sending.Sender`; the Twilio one is built in
`create_app`), and a refusal arrives as a `SendError` carrying its policy. The outbox never
imports `gateway.twilio`. Logs carry ids and masked numbers, never a body.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from gateway.db import savepoint
from gateway.logs import mask_phone
from gateway.models import (
    AuditEvent,
    Contact,
    Direction,
    Message,
    MessageKind,
    MessageStatus,
    utcnow,
)
from gateway.segments import count_segments
from gateway.sending import (
    Action,
    Policy,
    Sender,
    SendError,
    SendResult,
    apply_to_contact,
    policy_for,
)

if TYPE_CHECKING:
    from flask import Flask

logger = logging.getLogger(__name__)

#: Attempts before a retryable error becomes FAILED.
MAX_ATTEMPTS = 6
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
#: The floor under a jittered delay, so a retry is never "now" again.
BACKOFF_FLOOR = timedelta(seconds=1)
#: 30003 (handset unreachable) is tried once more, this much later (plus jitter).
RETRY_LATER = timedelta(minutes=15)
#: A claim older than this with no Twilio answer recorded is UNKNOWN, never resent.
STUCK_AFTER = timedelta(minutes=10)

#: Kinds that still go to an opted-out number: emergency guidance and the STOP/START/HELP answers.
OPT_OUT_EXEMPT = frozenset({MessageKind.EMERGENCY, MessageKind.COMPLIANCE})

# ----------------------------------------------------------------------------- lifecycle

#: Ranks of our own states (Twilio's come from PROVIDER_STATUS). A status only moves up.
RANK_QUEUED = 0
RANK_CLAIMED = 5
RANK_UNKNOWN = 6  # below every Twilio status, so a late callback still shows what happened
RANK_FINAL = 40

#: Twilio's message statuses -> (our status, rank). Delivery outcomes share a rank: the first
#: one reported wins; only "read" comes after them.
PROVIDER_STATUS: dict[str, tuple[MessageStatus, int]] = {
    "accepted": (MessageStatus.ACCEPTED, 10),
    "scheduled": (MessageStatus.SCHEDULED, 10),
    "queued": (MessageStatus.TWILIO_QUEUED, 10),
    "sending": (MessageStatus.SENDING, 20),
    "sent": (MessageStatus.SENT, 30),
    "delivered": (MessageStatus.DELIVERED, RANK_FINAL),
    "undelivered": (MessageStatus.UNDELIVERED, RANK_FINAL),
    "failed": (MessageStatus.FAILED, RANK_FINAL),
    "canceled": (MessageStatus.FAILED, RANK_FINAL),
    "read": (MessageStatus.READ, 50),
}


def provider_status(name: str) -> tuple[MessageStatus, int] | None:
    """Map a Twilio status name ("delivered") to our status and its rank; None if unknown."""
    return PROVIDER_STATUS.get((name or "").strip().lower())


# ----------------------------------------------------------------------------- queueing


def queue_message(
    *,
    session: Session,
    clinic_id: int,
    to_number: str,
    body: str,
    kind: MessageKind,
    now: datetime,
    idempotency_key: str | None,
    conversation_id: int | None = None,
    handoff_id: int | None = None,
    lang: str | None = None,
    from_number: str = "",
) -> Message | None:
    """Add an outbound row (QUEUED, due now) and flush; None if the idempotency key exists."""
    if not body:
        raise ValueError("an outbound text needs a body")
    if idempotency_key is not None:
        exists = session.exec(
            sa.select(Message.id).where(Message.idempotency_key == idempotency_key)
        ).first()
        if exists is not None:
            return None
    message = Message(
        clinic_id=clinic_id,
        conversation_id=conversation_id,
        handoff_id=handoff_id,
        direction=Direction.OUTBOUND,
        kind=kind,
        from_number=from_number,
        to_number=to_number,
        body=body,
        lang=lang,
        idempotency_key=idempotency_key,
        status=MessageStatus.QUEUED,
        status_rank=RANK_QUEUED,
        segments=count_segments(body),
        next_attempt_at=now,
        created_at=now,
    )
    try:
        # Another transaction may insert the same key between the check and here.
        with savepoint(session):
            session.add(message)
    except IntegrityError:
        if idempotency_key is None:
            raise
        logger.info("outbox: duplicate idempotency key, nothing queued")
        return None
    return message


# ----------------------------------------------------------------------------- sending


def backoff(*, attempts: int, rng: random.Random | None = None) -> timedelta:
    """Delay before the next try after `attempts` tries: exponential, capped, full jitter."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * (2 ** max(attempts - 1, 0)))
    jittered = (rng or random).uniform(0, ceiling.total_seconds())
    return max(BACKOFF_FLOOR, timedelta(seconds=jittered))


def _audit(
    session: Session, message: Message | None, action: str, now: datetime, **detail: Any
) -> None:
    """One audit row per outbox decision: ids and codes only, never a body or a number."""
    session.add(
        AuditEvent(
            clinic_id=message.clinic_id if message else None,
            actor="system",
            action=action,
            subject_type="message",
            subject_id=message.id if message else None,
            detail={k: v for k, v in detail.items() if v is not None},
            created_at=now,
        )
    )


def _due(now: datetime, message_ids: list[int] | None, limit: int) -> sa.Select:
    query = (
        sa.select(Message.id)
        .where(
            Message.direction == Direction.OUTBOUND,
            Message.status == MessageStatus.QUEUED,
            Message.next_attempt_at <= now,
        )
        .order_by(Message.next_attempt_at, Message.id)
        .limit(limit)
    )
    if message_ids is not None:
        query = query.where(Message.id.in_(message_ids))
    return query


def claim_due(
    *, engine: Engine, now: datetime, message_ids: list[int] | None = None, limit: int = 50
) -> list[int]:
    """Claim due QUEUED rows for this process (SENDING, attempts + 1) and commit the claim."""
    if message_ids is not None and not message_ids:
        return []
    claim = {
        "status": MessageStatus.SENDING,
        "status_rank": RANK_CLAIMED,
        "claimed_at": now,
        "attempts": Message.attempts + 1,  # counted at the claim: a crash mid-send still counts
    }
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            # Rows another worker holds are skipped, not waited for, and never claimed twice.
            ids = list(
                session.exec(
                    _due(now, message_ids, limit).with_for_update(skip_locked=True)
                ).scalars()
            )
            if ids:
                session.exec(sa.update(Message).where(Message.id.in_(ids)).values(**claim))
        else:
            ids = []
            for message_id in session.exec(_due(now, message_ids, limit)).scalars().all():
                result = session.exec(
                    sa.update(Message)
                    .where(Message.id == message_id, Message.status == MessageStatus.QUEUED)
                    .values(**claim)
                )
                if result.rowcount == 1:  # 0: another process claimed it first
                    ids.append(message_id)
        session.commit()
    return ids


def mark_stuck(*, engine: Engine, now: datetime) -> list[int]:
    """Turn claims older than STUCK_AFTER with no Twilio answer into UNKNOWN (never resent)."""
    cutoff = now - STUCK_AFTER
    stuck_where = (
        Message.direction == Direction.OUTBOUND,
        Message.status == MessageStatus.SENDING,
        Message.twilio_sid.is_(None),
        Message.claimed_at < cutoff,
    )
    marked = []
    with Session(engine, expire_on_commit=False) as session:
        candidates = session.exec(sa.select(Message.id).where(*stuck_where)).scalars().all()
        for message_id in candidates:
            result = session.exec(
                sa.update(Message)
                .where(Message.id == message_id, *stuck_where)
                .values(status=MessageStatus.UNKNOWN, status_rank=RANK_UNKNOWN)
            )
            if result.rowcount == 1:
                marked.append(message_id)
                message = session.get(Message, message_id)
                _audit(session, message, "outbox.unknown", now, message_id=message_id)
                logger.error(
                    "outbox: message %s stuck in sending since its claim; marked unknown, "
                    "not resent (check Twilio before resending by hand)",
                    message_id,
                )
        session.commit()
    return marked


def find_contact(*, session: Session, clinic_id: int, phone: str) -> Contact | None:
    """The contact an outbound row goes to, by (clinic, number)."""
    return session.exec(
        sa.select(Contact).where(Contact.clinic_id == clinic_id, Contact.phone == phone)
    ).scalar_one_or_none()


def suppression_reason(*, session: Session, message: Message) -> str | None:
    """Why this row must not go out now (opted out, flagged number), or None."""
    if message.kind == MessageKind.PAGE:
        return None  # pages go to the clinic's own on-call staff, not a patient
    contact = find_contact(session=session, clinic_id=message.clinic_id, phone=message.to_number)
    if contact is None:
        return None
    if contact.is_opted_out and message.kind not in OPT_OUT_EXEMPT:
        return "opted_out"
    # Emergency guidance is still attempted to a flagged number: the flag may come from a
    # transient carrier answer, and a failed send costs less than a missed 911 text.
    if contact.is_flagged and message.kind != MessageKind.EMERGENCY:
        return "flagged"
    return None


def _set_from_claim(session: Session, message_id: int, **values: Any) -> bool:
    """Update a row this process still holds (SENDING, no sid attached by a callback)."""
    result = session.exec(
        sa.update(Message)
        .where(
            Message.id == message_id,
            Message.status == MessageStatus.SENDING,
            Message.twilio_sid.is_(None),
        )
        .values(**values)
    )
    return result.rowcount == 1


def _record_sent(session: Session, message: Message, result: SendResult, now: datetime) -> None:
    session.exec(
        sa.update(Message)
        .where(Message.id == message.id)
        .values(
            twilio_sid=sa.func.coalesce(Message.twilio_sid, result.sid),
            sent_at=sa.func.coalesce(Message.sent_at, now),
            error_code=None,
        )
    )
    status, rank = provider_status(result.status) or (MessageStatus.ACCEPTED, 10)
    # A status callback may have raced ahead of this answer; never move backwards.
    session.exec(
        sa.update(Message)
        .where(Message.id == message.id, Message.status_rank < rank)
        .values(status=status, status_rank=rank)
    )
    _audit(
        session,
        message,
        "outbox.sent",
        now,
        message_id=message.id,
        twilio_sid=result.sid,
        attempt=message.attempts,
    )
    logger.info(
        "outbox: message %s sent to %s as %s (attempt %s)",
        message.id,
        mask_phone(message.to_number),
        result.sid,
        message.attempts,
    )


def apply_error_policy(
    *,
    session: Session,
    message: Message,
    policy: Policy,
    code: int | None,
    now: datetime,
    evidence: str,
) -> None:
    """Record an opt-out or a flag on the row's contact (creating the contact if needed)."""
    if policy.action not in (Action.OPT_OUT, Action.FLAG):
        return
    contact = find_contact(session=session, clinic_id=message.clinic_id, phone=message.to_number)
    if contact is None:
        contact = Contact(clinic_id=message.clinic_id, phone=message.to_number)
        session.add(contact)
    if apply_to_contact(contact=contact, policy=policy, code=code, now=now, evidence=evidence):
        session.flush()
        action = "contact.opted_out" if policy.action is Action.OPT_OUT else "contact.flagged"
        session.add(
            AuditEvent(
                clinic_id=message.clinic_id,
                actor="twilio",
                action=action,
                subject_type="contact",
                subject_id=contact.id,
                detail={"message_id": message.id, "code": code},
                created_at=now,
            )
        )
        logger.warning(
            "outbox: contact %s %s after Twilio error %s on message %s",
            contact.id,
            policy.action,
            code,
            message.id,
        )


def _record_error(
    session: Session,
    message: Message,
    error: SendError,
    now: datetime,
    rng: random.Random | None,
) -> None:
    policy = policy_for(error)
    detail = {
        "message_id": message.id,
        "attempt": message.attempts,
        "code": error.code,
        "http_status": error.http_status,
        "timeout": error.is_timeout or None,
        "reason": policy.reason,
    }
    retry_again = policy.action is Action.RETRY or (
        # 30003 gets one more try: not if the previous attempt already ended in it.
        policy.action is Action.RETRY_ONCE_LATER and message.error_code != error.code
    )
    if retry_again and message.attempts < MAX_ATTEMPTS:
        if policy.action is Action.RETRY_ONCE_LATER:
            delay = RETRY_LATER + backoff(attempts=1, rng=rng)
        else:
            delay = backoff(attempts=message.attempts, rng=rng)
        due = now + delay
        if _set_from_claim(
            session,
            message.id,
            status=MessageStatus.QUEUED,
            status_rank=RANK_QUEUED,
            next_attempt_at=due,
            error_code=error.code,
        ):
            _audit(
                session,
                message,
                "outbox.retry_scheduled",
                now,
                next_attempt_at=due.isoformat(),
                **detail,
            )
            logger.warning(
                "outbox: message %s attempt %s failed (code %s, http %s, timeout %s); retry in %ss",
                message.id,
                message.attempts,
                error.code,
                error.http_status,
                error.is_timeout,
                int(delay.total_seconds()),
            )
        return
    if _set_from_claim(
        session,
        message.id,
        status=MessageStatus.FAILED,
        status_rank=RANK_FINAL,
        error_code=error.code,
    ):
        gave_up = retry_again  # retryable, but out of attempts
        _audit(session, message, "outbox.gave_up" if gave_up else "outbox.failed", now, **detail)
        apply_error_policy(
            session=session,
            message=message,
            policy=policy,
            code=error.code,
            now=now,
            evidence=error.evidence,
        )
        logger.warning(
            "outbox: message %s failed for good (code %s, http %s, %s)",
            message.id,
            error.code,
            error.http_status,
            policy.reason,
        )


def _send_one(
    *, engine: Engine, sender: Sender, message_id: int, now: datetime, rng: random.Random | None
) -> bool:
    """Check, send and record one claimed row; True when the provider accepted it."""
    with Session(engine, expire_on_commit=False) as session:
        message = session.get(Message, message_id)
        if message is None:
            return False
        reason = suppression_reason(session=session, message=message)
        if reason is not None:
            if _set_from_claim(
                session, message_id, status=MessageStatus.SUPPRESSED, status_rank=RANK_FINAL
            ):
                _audit(
                    session,
                    message,
                    "outbox.suppressed",
                    now,
                    message_id=message_id,
                    reason=reason,
                    kind=str(message.kind),
                )
                logger.info("outbox: message %s suppressed (%s)", message_id, reason)
            session.commit()
            return False
        session.commit()  # end the read before the network call: hold no locks while sending

    try:
        result: SendResult | None = sender.send(
            to=message.to_number, body=message.body, outbox_id=message_id
        )
        error = None
    except SendError as caught:
        result, error = None, caught
    except Exception as caught:  # noqa: BLE001 - a surprise may or may not have reached Twilio
        # The type only: provider error texts can quote the phone number.
        logger.error("outbox: sender raised %s for message %s", type(caught).__name__, message_id)
        result, error = None, SendError(type(caught).__name__)

    with Session(engine, expire_on_commit=False) as session:
        if result is not None:
            _record_sent(session, message, result, now)
        else:
            assert error is not None
            _record_error(session, message, error, now, rng)
        session.commit()
    return result is not None


def send_pending(
    *,
    engine: Engine,
    sender: Sender,
    public_base_url: str = "",
    now: datetime,
    message_ids: list[int] | None = None,
    limit: int = 50,
    rng: random.Random | None = None,
) -> int:
    """Send due queued rows (all, or just `message_ids`); returns how many Twilio accepted.

    `public_base_url` is accepted for callers' convenience; the sender builds the status-callback
    URL (PUBLIC_BASE_URL + /twilio/status?outbox_id=<id>) from the same setting.
    """
    del public_base_url
    mark_stuck(engine=engine, now=now)
    sent = 0
    for message_id in claim_due(engine=engine, now=now, message_ids=message_ids, limit=limit):
        if _send_one(engine=engine, sender=sender, message_id=message_id, now=now, rng=rng):
            sent += 1
    return sent


def send_after_commit(app: Flask, message_ids: list[int]) -> int:
    """Send rows the request just committed; never raises (the worker retries leftovers)."""
    try:
        gateway = app.extensions["gateway"]
        if not message_ids or gateway.sender is None or not gateway.settings.send_after_request:
            return 0
        return send_pending(
            engine=gateway.engine,
            sender=gateway.sender,
            public_base_url=gateway.settings.public_base_url,
            now=utcnow(),
            message_ids=list(message_ids),
        )
    except Exception as error:  # noqa: BLE001 - rows stay queued; the worker sends them
        # The type only: database errors quote their parameters (numbers, bodies).
        logger.error(
            "outbox: send after commit failed (%s); the worker will retry", type(error).__name__
        )
        return 0


__all__ = [
    "MAX_ATTEMPTS",
    "STUCK_AFTER",
    "SendError",
    "SendResult",
    "Sender",
    "backoff",
    "claim_due",
    "count_segments",
    "mark_stuck",
    "queue_message",
    "send_after_commit",
    "send_pending",
]
