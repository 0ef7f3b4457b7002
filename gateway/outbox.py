"""The outbox: outbound texts are `Message` rows, queued in the caller's transaction, sent after
it commits, retried for hours rather than a few times, and never sent twice.

Life of an outbound row::

    queue_message (QUEUED, next_attempt_at=now, give_up_at=now + budget)   -- the caller commits
      -> send_pending claims it (SENDING, attempts+1)    -- committed before any network call
      -> a reminder past its `not_after`             -> EXPIRED (reason "too_late")
      -> suppression check (opted out / flagged)     -> SUPPRESSED
      -> outcome of an earlier attempt unknown? look it up in Twilio's log first (below)
      -> Sender.send
           ok                       -> ACCEPTED / TWILIO_QUEUED (+ twilio_sid), callbacks move it on
           retryable (429, 5xx, timeout, connection, 30003 once)
                                    -> QUEUED again, next_attempt_at = now + capped exponential
                                       backoff with full jitter, until `give_up_at`
           anything else            -> FAILED (21610 opts the contact out, 21211/21614/21635/
                                       30005/30006 flag it, see gateway/twilio/errors.py)

**Retries are measured in time, not attempts.** Each kind has a `RetryPlan`: replies and staff
texts back off from 30 s to at most 10 min and keep trying for 6 h; emergency guidance and
on-call pages start at 5 s, cap at 1 min and keep trying for 24 h / 6 h. A reply still unsent at
`give_up_at` opens a handoff so a person calls the patient. A reminder (kind REMINDER) with a
`not_after` time whose next try would land after it is EXPIRED with its reason recorded, not
sent late. Callers can pass `retry_for=` and `not_after=` to `queue_message`.

**Unknown outcomes are reconciled, not guessed.** A send whose outcome is unknown (a read
timeout or a connection cut after the request went out, or a claim older than `CLAIM_LEASE`:
the process died between claiming and recording the answer) gets `outcome_unknown_at` and goes
back to QUEUED. Before it is sent again, the sender searches Twilio's message log (the `twilio`
client's list by recipient and `date_sent_after`, matching the body): found -> its sid and status
are recorded and nothing is sent; absent -> it is sent. When the log itself cannot be searched,
emergency guidance and on-call pages are sent anyway, once (a second 911 text costs less than a
late one); anything else, and an emergency text already sent once in doubt, tries the lookup
again with backoff for `LOOKUP_PATIENCE` (1 h), then becomes UNKNOWN and opens a handoff saying
a reply may not have reached the patient.

Claiming is safe across processes: `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, a
conditional `UPDATE ... WHERE status = queued` (rowcount 1 wins) on SQLite. A claim is checked
again right before the network call (status SENDING and the same attempt number), so a worker
whose lease ran out never sends over the worker that took the row after it. Emergency guidance
and pages are claimed first.

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
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from gateway.db import column_values, insert_returning, savepoint
from gateway.logs import mask_phone
from gateway.models import (
    AuditEvent,
    Contact,
    Conversation,
    Direction,
    Handoff,
    HandoffStatus,
    Message,
    MessageKind,
    MessageStatus,
)
from gateway.segments import count_segments
from gateway.sending import (
    Action,
    LookupFailed,
    Pacer,
    Policy,
    Sender,
    SendError,
    SendResult,
    apply_to_contact,
    policy_for,
)

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPlan:
    """How one kind of text is retried: backoff from `base` doubling up to `cap`, for `budget`."""

    base: timedelta
    cap: timedelta
    budget: timedelta


REPLY_PLAN = RetryPlan(timedelta(seconds=30), timedelta(minutes=10), timedelta(hours=6))
URGENT_PLAN = RetryPlan(timedelta(seconds=5), timedelta(minutes=1), timedelta(hours=24))
PAGE_PLAN = RetryPlan(timedelta(seconds=5), timedelta(minutes=1), timedelta(hours=6))
#: Kind -> its retry plan; kinds not listed use REPLY_PLAN.
RETRY_PLANS: dict[MessageKind, RetryPlan] = {
    MessageKind.EMERGENCY: URGENT_PLAN,
    MessageKind.PAGE: PAGE_PLAN,
}
#: Kept for callers of the old name: the reply backoff's first step and its cap.
BACKOFF_BASE = REPLY_PLAN.base
BACKOFF_CAP = REPLY_PLAN.cap
#: The floor under a jittered delay, so a retry is never "now" again.
BACKOFF_FLOOR = timedelta(seconds=1)
#: 30003 (handset unreachable) is tried once more, this much later (plus jitter).
RETRY_LATER = timedelta(minutes=15)
#: A claim older than this with no answer recorded means its process died: reconcile and resend.
#: A batch that runs past a third of the lease (timeouts) checks each claim again before its
#: network call, so a live worker never sends a row whose lease another worker has taken over.
CLAIM_LEASE = timedelta(minutes=3)
CLAIM_BATCH = 50
STUCK_AFTER = CLAIM_LEASE  # the old name
#: How far before the first unknown attempt Twilio's log is searched (clock skew, queueing).
LOOKUP_SLACK = timedelta(minutes=5)
#: How long a non-emergency row waits for Twilio's log to answer before a person is told.
LOOKUP_PATIENCE = timedelta(hours=1)

#: Kinds that still go to an opted-out number: emergency guidance and the STOP/START/HELP answers.
OPT_OUT_EXEMPT = frozenset({MessageKind.EMERGENCY, MessageKind.COMPLIANCE})
#: Kinds sent even when Twilio's log cannot say whether an earlier attempt went out.
SEND_WHEN_IN_DOUBT = frozenset({MessageKind.EMERGENCY, MessageKind.PAGE})
#: Never held back by the send-rate pacer.
UNPACED = frozenset({MessageKind.EMERGENCY, MessageKind.PAGE})
#: Kinds whose final failure opens a handoff (a person calls the patient). Reminders are
#: skipped with a reason instead; pages go to staff who already have the emergency handoff;
#: a STOP/HELP confirmation that did not arrive is no reason to call someone who opted out.
TELL_A_PERSON = frozenset({MessageKind.EMERGENCY, MessageKind.AUTOMATED, MessageKind.STAFF})


def retry_plan(kind: MessageKind) -> RetryPlan:
    """The retry plan for a kind of text."""
    return RETRY_PLANS.get(kind, REPLY_PLAN)


# ----------------------------------------------------------------------------- lifecycle

#: Ranks of our own states (Twilio's come from PROVIDER_STATUS). A status only moves up.
RANK_QUEUED = 0
RANK_CLAIMED = 5
RANK_UNKNOWN = 6  # below every Twilio status, so a late callback still shows what happened
RANK_FINAL = 40

#: Twilio's message statuses -> (our status, rank). A carrier can report `undelivered` and then,
#: late, `delivered`: the patient has the text, so delivered outranks the failures (and then a
#: scheduled 30003 resend is canceled); a failure after delivered changes nothing. Only "read"
#: comes after delivered.
PROVIDER_STATUS: dict[str, tuple[MessageStatus, int]] = {
    "accepted": (MessageStatus.ACCEPTED, 10),
    "scheduled": (MessageStatus.SCHEDULED, 10),
    "queued": (MessageStatus.TWILIO_QUEUED, 10),
    "sending": (MessageStatus.SENDING, 20),
    "sent": (MessageStatus.SENT, 30),
    "undelivered": (MessageStatus.UNDELIVERED, RANK_FINAL),
    "failed": (MessageStatus.FAILED, RANK_FINAL),
    "canceled": (MessageStatus.CANCELED, RANK_FINAL),
    "partially_delivered": (MessageStatus.PARTIALLY_DELIVERED, RANK_FINAL + 2),
    "delivered": (MessageStatus.DELIVERED, RANK_FINAL + 5),
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
    retry_for: timedelta | None = None,
    not_after: datetime | None = None,
) -> Message | None:
    """Add an outbound row (QUEUED, due now) and flush; None if the idempotency key exists.

    Retries stop `retry_for` after `now` (default: the kind's `RetryPlan.budget`); a text with
    `not_after` is never sent after that time (it is EXPIRED with its reason instead).
    """
    if not body:
        raise ValueError("an outbound text needs a body")
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
        give_up_at=now + (retry_for if retry_for is not None else retry_plan(kind).budget),
        not_after=not_after,
    )
    # One statement: another transaction may hold the same key, now or a moment from now.
    stored = insert_returning(session, Message, ("idempotency_key",), **column_values(message))
    if stored is None:
        logger.info("outbox: duplicate idempotency key, nothing queued")
    return stored


# ----------------------------------------------------------------------------- sending


def backoff(
    *, attempts: int, rng: random.Random | None = None, kind: MessageKind | None = None
) -> timedelta:
    """Delay before the next try after `attempts` tries: exponential, capped, full jitter."""
    plan = retry_plan(kind) if kind is not None else REPLY_PLAN
    exponent = min(max(attempts - 1, 0), 30)  # 2**30 base steps is far past any cap
    ceiling = min(plan.cap, plan.base * (2**exponent))
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
    urgent_first = sa.case(
        (Message.kind.in_([MessageKind.EMERGENCY, MessageKind.PAGE]), 0), else_=1
    )
    query = (
        sa.select(Message.id)
        .where(
            Message.direction == Direction.OUTBOUND,
            Message.status == MessageStatus.QUEUED,
            Message.next_attempt_at <= now,
        )
        .order_by(urgent_first, Message.next_attempt_at, Message.id)
        .limit(limit)
    )
    if message_ids is not None:
        query = query.where(Message.id.in_(message_ids))
    return query


def _claim(
    *, engine: Engine, now: datetime, message_ids: list[int] | None, limit: int
) -> list[tuple[int, int]]:
    """Claim due rows; (id, attempt number) each, the attempt number being the claim's token."""
    if message_ids is not None and not message_ids:
        return []
    claim = {
        "status": MessageStatus.SENDING,
        "status_rank": RANK_CLAIMED,
        "claimed_at": now,
        "attempts": Message.attempts + 1,  # counted at the claim: a crash mid-send still counts
    }
    due = _due(now, message_ids, limit)
    if engine.dialect.name == "postgresql":
        # Rows another worker holds are skipped, not waited for, and never claimed twice.
        due = due.with_for_update(skip_locked=True)
    # One statement: on SQLite the write lock makes it atomic, and `status = queued` in the
    # WHERE means a row another process claimed first is simply not returned.
    statement = (
        sa.update(Message)
        .where(Message.id.in_(due.scalar_subquery()), Message.status == MessageStatus.QUEUED)
        .values(**claim)
        .returning(Message.id, Message.attempts)
        .execution_options(synchronize_session=False)
    )
    with engine.begin() as connection:
        tokens = {row[0]: row[1] for row in connection.execute(statement)}
        if not tokens:
            return []
        # RETURNING keeps no order: claim order is emergencies first, then oldest due.
        ordered = connection.execute(
            sa.select(Message.id)
            .where(Message.id.in_(list(tokens)))
            .order_by(
                sa.case((Message.kind.in_([MessageKind.EMERGENCY, MessageKind.PAGE]), 0), else_=1),
                Message.next_attempt_at,
                Message.id,
            )
        ).scalars()
        return [(message_id, tokens[message_id]) for message_id in ordered]


def claim_due(
    *, engine: Engine, now: datetime, message_ids: list[int] | None = None, limit: int = 50
) -> list[int]:
    """Claim due QUEUED rows for this process (SENDING, attempts + 1) and commit the claim."""
    return [
        message_id
        for message_id, _ in _claim(engine=engine, now=now, message_ids=message_ids, limit=limit)
    ]


def release_expired_claims(*, engine: Engine, now: datetime) -> list[int]:
    """Claims older than CLAIM_LEASE with no answer: their process died, maybe after Twilio got
    the text. Queue them again, marked for a look in Twilio's log before any resend."""
    cutoff = now - CLAIM_LEASE
    stuck_where = (
        Message.direction == Direction.OUTBOUND,
        Message.status == MessageStatus.SENDING,
        Message.twilio_sid.is_(None),
        Message.claimed_at < cutoff,
    )
    released = []
    with Session(engine, expire_on_commit=False) as session:
        candidates = session.exec(sa.select(Message.id).where(*stuck_where)).scalars().all()
        for message_id in candidates:
            result = session.exec(
                sa.update(Message)
                .where(Message.id == message_id, *stuck_where)
                .values(
                    status=MessageStatus.QUEUED,
                    status_rank=RANK_QUEUED,
                    next_attempt_at=now,
                    outcome_unknown_at=sa.func.coalesce(
                        Message.outcome_unknown_at, Message.claimed_at
                    ),
                )
            )
            if result.rowcount == 1:
                released.append(message_id)
                message = session.get(Message, message_id)
                _audit(session, message, "outbox.claim_expired", now, message_id=message_id)
                logger.error(
                    "outbox: message %s was claimed but never answered (a process died); "
                    "it will be looked up at Twilio before any resend",
                    message_id,
                )
        session.commit()
    return released


mark_stuck = release_expired_claims  # the old name


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
    return _suppression(message, contact)


def _set_from_claim(session: Session, message_id: int, token: int, **values: Any) -> bool:
    """Update a row this process still holds: SENDING, this claim's attempt, no sid attached by
    a callback meanwhile."""
    result = session.exec(
        sa.update(Message)
        .where(
            Message.id == message_id,
            Message.status == MessageStatus.SENDING,
            Message.attempts == token,
            Message.twilio_sid.is_(None),
        )
        .values(**values)
    )
    return result.rowcount == 1


def _record_sent_statement() -> sa.Update:
    table = Message.__table__
    c = table.c
    rank = sa.bindparam("p_rank", type_=sa.Integer())
    # A status callback may have raced ahead of this answer: then its status and its ErrorCode
    # stand (every SET below reads the row as it was). Only an answer that is news moves the
    # status and clears an earlier attempt's error code.
    is_news = c.status_rank < rank
    return (
        sa.update(table)
        .where(c.id == sa.bindparam("p_id", type_=sa.Integer()))
        .values(
            twilio_sid=sa.func.coalesce(c.twilio_sid, sa.bindparam("p_sid", type_=sa.String())),
            sent_at=sa.func.coalesce(c.sent_at, sa.bindparam("p_now", type_=c.sent_at.type)),
            outcome_unknown_at=None,
            # Twilio's own count (after Smart Encoding, if its Messaging Service uses it).
            segments=sa.func.coalesce(sa.bindparam("p_segments", type_=sa.Integer()), c.segments),
            status=sa.case(
                (is_news, sa.bindparam("p_status", type_=c.status.type)), else_=c.status
            ),
            error_code=sa.case(
                (is_news, sa.bindparam("p_error", type_=sa.Integer())), else_=c.error_code
            ),
            status_rank=sa.case((is_news, rank), else_=c.status_rank),
        )
    )


RECORD_SENT = _record_sent_statement()


def _record_sent_many(
    session: Session,
    answers: list[tuple[Message, SendResult]],
    now: datetime,
    *,
    action: str = "outbox.sent",
) -> None:
    """Record Twilio's answers (sid, status, segments) and audit each: one executemany."""
    params, audit_rows = [], []
    for message, result in answers:
        status, rank = provider_status(result.status) or (MessageStatus.ACCEPTED, 10)
        params.append(
            {
                "p_id": message.id,
                "p_sid": result.sid,
                "p_now": now,
                "p_segments": result.segments or None,
                "p_status": status,
                "p_error": result.error_code,
                "p_rank": rank,
            }
        )
        audit_rows.append(
            {
                "clinic_id": message.clinic_id,
                "actor": "system",
                "action": action,
                "subject_type": "message",
                "subject_id": message.id,
                "detail": {
                    "message_id": message.id,
                    "twilio_sid": result.sid,
                    "attempt": message.attempts,
                },
                "created_at": now,
            }
        )
        logger.info(
            "outbox: message %s %s to %s as %s (attempt %s)",
            message.id,
            "found at Twilio" if action == "outbox.reconciled" else "sent",
            mask_phone(message.to_number),
            result.sid,
            message.attempts,
        )
    if params:
        connection = session.connection()
        connection.execute(RECORD_SENT, params)
        # One executemany each, not an ORM object per text: this is the outbox's hot path.
        connection.execute(sa.insert(AuditEvent.__table__), audit_rows)


def _record_sent(
    session: Session,
    message: Message,
    result: SendResult,
    now: datetime,
    *,
    action: str = "outbox.sent",
) -> None:
    _record_sent_many(session, [(message, result)], now, action=action)


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


# ----------------------------------------------------------------------------- a person


#: What the handoff says, by why the text did not go: staff read it in the queue.
PERSON_SUMMARY = {
    "gave_up": "A reply could not be sent by text: please call the patient",
    "unknown": "A reply may not have reached the patient (Twilio could not confirm): please check",
    "failed": "Emergency guidance could not be sent by text: call the patient now",
}


def tell_a_person(*, session: Session, message: Message, why: str, now: datetime) -> int | None:
    """Open (or add to) the conversation's handoff about a text that did not reach the patient;
    the handoff id, or None for kinds that go to no one (reminders, pages)."""
    if message.kind not in TELL_A_PERSON:
        return None
    conversation_id = message.conversation_id
    if conversation_id is None:
        contact = find_contact(
            session=session, clinic_id=message.clinic_id, phone=message.to_number
        )
        if contact is None:
            contact = Contact(clinic_id=message.clinic_id, phone=message.to_number)
            session.add(contact)
            session.flush()
        conversation = session.exec(
            sa.select(Conversation).where(
                Conversation.clinic_id == message.clinic_id,
                Conversation.contact_id == contact.id,
            )
        ).scalar_one_or_none()
        if conversation is None:
            conversation = Conversation(clinic_id=message.clinic_id, contact_id=contact.id)
            session.add(conversation)
            session.flush()
        conversation_id = conversation.id
    emergency = message.kind == MessageKind.EMERGENCY
    note = {
        "summary": PERSON_SUMMARY["failed" if emergency and why == "gave_up" else why],
        "intent": "other",
        "queue": "emergency" if emergency else "front_desk",
        "reason": [f"outbox:{why}"],
        "urgency": "emergency" if emergency else "high",
        "due_at": now.isoformat(),
        "lang": message.lang or "en",
        "emergency": None,
        "is_upset": False,
        "answering": None,
        "bot_said": [],
        "message_id": message.id,
        "undelivered_message_id": message.id,
        "error_code": message.error_code,
    }

    def open_one() -> Handoff | None:
        return session.exec(
            sa.select(Handoff).where(
                Handoff.conversation_id == conversation_id,
                Handoff.status != HandoffStatus.RESOLVED,
            )
        ).scalar_one_or_none()

    handoff = open_one()
    if handoff is None:
        handoff = Handoff(
            clinic_id=message.clinic_id,
            conversation_id=conversation_id,
            queue=note["queue"],
            priority=0 if emergency else 1,
            urgency=note["urgency"],
            is_emergency=emergency,
            due_at=now,
            note=note,
            opened_at=now,
        )
        try:
            with savepoint(session):
                session.add(handoff)
        except IntegrityError:  # another transaction opened one meanwhile
            handoff = open_one()
    if handoff is not None and handoff.note is not note:
        updates = [*handoff.note.get("updates", []), note]
        handoff.note = {**handoff.note, "updates": updates}
        if emergency:
            handoff.priority = 0
        session.add(handoff)
    session.flush()
    assert handoff is not None
    session.exec(sa.update(Message).where(Message.id == message.id).values(handoff_id=handoff.id))
    _audit(
        session,
        message,
        "outbox.person_told",
        now,
        message_id=message.id,
        handoff_id=handoff.id,
        why=why,
    )
    logger.warning(
        "outbox: message %s did not reach %s (%s): handoff %s opened",
        message.id,
        mask_phone(message.to_number),
        why,
        handoff.id,
    )
    return handoff.id


# ----------------------------------------------------------------------------- decisions


def _requeue(session: Session, message: Message, token: int, due: datetime, **values: Any) -> bool:
    return _set_from_claim(
        session,
        message.id,
        token,
        status=MessageStatus.QUEUED,
        status_rank=RANK_QUEUED,
        next_attempt_at=due,
        **values,
    )


def _expire(session: Session, message: Message, token: int, now: datetime, reason: str) -> None:
    if _set_from_claim(
        session, message.id, token, status=MessageStatus.EXPIRED, status_rank=RANK_FINAL
    ):
        _audit(
            session,
            message,
            "outbox.expired",
            now,
            message_id=message.id,
            reason=reason,
            not_after=message.not_after.isoformat() if message.not_after else None,
        )
        logger.info("outbox: message %s expired (%s)", message.id, reason)


def _give_up_at(message: Message) -> datetime:
    return message.give_up_at or (message.created_at + retry_plan(message.kind).budget)


def _record_error(
    session: Session,
    message: Message,
    token: int,
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
        "outcome_unknown": error.outcome_unknown or None,
        "reason": policy.reason,
    }
    unknown: dict[str, Any] = {}
    if error.outcome_unknown:
        # Twilio may have the text: the next attempt looks it up before sending.
        unknown["outcome_unknown_at"] = sa.func.coalesce(
            Message.outcome_unknown_at, Message.claimed_at
        )
    retry_again = policy.action is Action.RETRY or (
        # 30003 gets one more try: not if the previous attempt already ended in it.
        policy.action is Action.RETRY_ONCE_LATER and message.error_code != error.code
    )
    if retry_again:
        if policy.action is Action.RETRY_ONCE_LATER:
            delay = RETRY_LATER + backoff(attempts=1, rng=rng, kind=message.kind)
        else:
            delay = backoff(attempts=message.attempts, rng=rng, kind=message.kind)
        due = now + delay
        if message.not_after is not None and due > message.not_after:
            _expire(session, message, token, now, "too_late")
            return
        if due <= _give_up_at(message):
            if _requeue(session, message, token, due, error_code=error.code, **unknown):
                _audit(
                    session,
                    message,
                    "outbox.retry_scheduled",
                    now,
                    next_attempt_at=due.isoformat(),
                    **detail,
                )
                logger.warning(
                    "outbox: message %s attempt %s failed (code %s, http %s, timeout %s); "
                    "retry in %ss",
                    message.id,
                    message.attempts,
                    error.code,
                    error.http_status,
                    error.is_timeout,
                    int(delay.total_seconds()),
                )
            return
    gave_up = retry_again  # retryable, but out of time
    final = MessageStatus.UNKNOWN if gave_up and error.outcome_unknown else MessageStatus.FAILED
    rank = RANK_UNKNOWN if final is MessageStatus.UNKNOWN else RANK_FINAL
    if _set_from_claim(
        session, message.id, token, status=final, status_rank=rank, error_code=error.code, **unknown
    ):
        _audit(session, message, "outbox.gave_up" if gave_up else "outbox.failed", now, **detail)
        apply_error_policy(
            session=session,
            message=message,
            policy=policy,
            code=error.code,
            now=now,
            evidence=error.evidence,
        )
        if gave_up or message.kind == MessageKind.EMERGENCY:
            current = session.get(Message, message.id)
            assert current is not None
            tell_a_person(session=session, message=current, why="gave_up", now=now)
        logger.warning(
            "outbox: message %s failed for good (code %s, http %s, %s)",
            message.id,
            error.code,
            error.http_status,
            policy.reason,
        )


def _unclaimed(session: Session, message_id: int, token: int) -> Message | None:
    """The row, if this process still holds its claim (SENDING, this attempt, no sid)."""
    message = session.get(Message, message_id)
    if (
        message is None
        or message.status != MessageStatus.SENDING
        or message.attempts != token
        or message.twilio_sid is not None
    ):
        return None
    return message


def _reconcile(
    *,
    engine: Engine,
    sender: Sender,
    message: Message,
    token: int,
    now: datetime,
    rng: random.Random | None,
) -> str:
    """Look an unknown send up in the provider's log: "found" (recorded, nothing to send),
    "send" (absent, or in doubt for emergency guidance), or "wait" (requeued or handed to a
    person)."""
    assert message.outcome_unknown_at is not None
    since = message.outcome_unknown_at - LOOKUP_SLACK
    lookup = getattr(sender, "lookup", None)
    try:
        if lookup is None:
            raise LookupFailed("this sender cannot search the provider's log")
        candidates = list(
            lookup(to=message.to_number, body=message.body, outbox_id=message.id, since=since)
        )
        failure = None
    except Exception as caught:  # noqa: BLE001 - any failure means "the log cannot answer"
        candidates, failure = [], type(caught).__name__

    with Session(engine, expire_on_commit=False) as session:
        if _unclaimed(session, message.id, token) is None:
            session.commit()
            return "wait"  # a status callback attached the sid meanwhile: nothing to send
        if failure is None:
            known = (
                set(
                    session.exec(
                        sa.select(Message.twilio_sid).where(
                            Message.twilio_sid.in_([c.sid for c in candidates])
                        )
                    ).scalars()
                )
                if candidates
                else set()
            )
            # The oldest match that no other row owns (an identical text sent on purpose
            # earlier has its own row and sid).
            found = next((c for c in candidates if c.sid not in known), None)
            if found is not None:
                _record_sent(session, message, found, now, action="outbox.reconciled")
                session.commit()
                return "found"
            _audit(session, message, "outbox.reconciled_absent", now, message_id=message.id)
            session.commit()
            return "send"
        detail = {"message_id": message.id, "error": failure}
        sent_in_doubt = session.exec(
            sa.select(sa.func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.action == "outbox.sent_in_doubt",
                AuditEvent.subject_type == "message",
                AuditEvent.subject_id == message.id,
            )
        ).scalar_one()
        # Once, not on every failed lookup: a slow Twilio must not become ten 911 texts.
        if message.kind in SEND_WHEN_IN_DOUBT and not sent_in_doubt:
            _audit(session, message, "outbox.lookup_failed", now, decision="send", **detail)
            _audit(session, message, "outbox.sent_in_doubt", now, message_id=message.id)
            session.commit()
            logger.warning(
                "outbox: message %s: Twilio's log could not be searched (%s); emergency text "
                "sent anyway",
                message.id,
                failure,
            )
            return "send"
        due = now + backoff(attempts=message.attempts, rng=rng, kind=message.kind)
        if due - message.outcome_unknown_at <= LOOKUP_PATIENCE and due <= _give_up_at(message):
            if _requeue(session, message, token, due):
                _audit(
                    session,
                    message,
                    "outbox.lookup_failed",
                    now,
                    decision="look_again",
                    next_attempt_at=due.isoformat(),
                    **detail,
                )
            session.commit()
            return "wait"
        if _set_from_claim(
            session, message.id, token, status=MessageStatus.UNKNOWN, status_rank=RANK_UNKNOWN
        ):
            _audit(session, message, "outbox.lookup_failed", now, decision="person", **detail)
            _audit(session, message, "outbox.unknown", now, message_id=message.id)
            current = session.get(Message, message.id)
            assert current is not None
            tell_a_person(session=session, message=current, why="unknown", now=now)
        session.commit()
        return "wait"


def _send_one(
    *,
    engine: Engine,
    sender: Sender,
    message_id: int,
    token: int,
    now: datetime,
    rng: random.Random | None,
) -> bool:
    """Check, reconcile, send and record one claimed row; True when the provider has it."""
    with Session(engine, expire_on_commit=False) as session:
        message = _unclaimed(session, message_id, token)
        if message is None:
            session.commit()
            return False  # the lease ran out and another worker holds it now
        if (
            message.kind == MessageKind.REMINDER
            and message.not_after is not None
            and now > message.not_after
        ):
            _expire(session, message, token, now, "too_late")
            session.commit()
            return False
        reason = suppression_reason(session=session, message=message)
        if reason is not None:
            _suppress(session, message, token, now, reason)
            session.commit()
            return False
        session.commit()  # end the read before the network call: hold no locks while sending

    if message.outcome_unknown_at is not None:
        decision = _reconcile(
            engine=engine, sender=sender, message=message, token=token, now=now, rng=rng
        )
        if decision != "send":
            return decision == "found"

    result, error = _attempt(sender, message)

    with Session(engine, expire_on_commit=False) as session:
        if result is not None:
            _record_sent(session, message, result, now)
        else:
            assert error is not None
            _record_error(session, message, token, error, now, rng)
        session.commit()
    return result is not None


_POOLS: dict[int, ThreadPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def _pool(concurrency: int) -> ThreadPoolExecutor | None:
    """The process's send threads for `concurrency` calls in flight (None: one at a time)."""
    if concurrency <= 1:
        return None
    with _POOLS_LOCK:
        pool = _POOLS.get(concurrency)
        if pool is None:
            pool = _POOLS[concurrency] = ThreadPoolExecutor(
                max_workers=concurrency, thread_name_prefix="outbox-send"
            )
    return pool


def _attempt(sender: Sender, message: Message) -> tuple[SendResult | None, SendError | None]:
    """One network call: the provider's answer, or the error (a surprise counts as unknown)."""
    try:
        return sender.send(to=message.to_number, body=message.body, outbox_id=message.id), None
    except SendError as caught:
        return None, caught
    except Exception as caught:  # noqa: BLE001 - a surprise may or may not have reached Twilio
        # The type only: provider error texts can quote the phone number.
        logger.error("outbox: sender raised %s for message %s", type(caught).__name__, message.id)
        return None, SendError(type(caught).__name__, outcome_unknown=True)


def _prepare(
    *, engine: Engine, batch: list[tuple[int, int]], now: datetime
) -> list[tuple[Message, int]]:
    """Check a claimed batch in one transaction: expire late reminders, suppress opted-out and
    flagged numbers; the rows still to send, with their claim tokens."""
    tokens = dict(batch)
    with Session(engine, expire_on_commit=False) as session:
        rows = session.exec(sa.select(Message).where(Message.id.in_(list(tokens)))).scalars().all()
        held = {
            m.id: m
            for m in rows
            if m.status == MessageStatus.SENDING
            and m.attempts == tokens[m.id]
            and m.twilio_sid is None
        }
        contacts = (
            {
                (c.clinic_id, c.phone): c
                for c in session.exec(
                    sa.select(Contact).where(
                        Contact.phone.in_({m.to_number for m in held.values()}),
                        Contact.clinic_id.in_({m.clinic_id for m in held.values()}),
                    )
                ).scalars()
            }
            if held
            else {}
        )
        ready = []
        for message_id, token in batch:  # claim order: emergencies first
            message = held.get(message_id)
            if message is None:
                continue  # the lease ran out and another worker holds it now
            if (
                message.kind == MessageKind.REMINDER
                and message.not_after is not None
                and now > message.not_after
            ):
                _expire(session, message, token, now, "too_late")
                continue
            reason = _suppression(message, contacts.get((message.clinic_id, message.to_number)))
            if reason is not None:
                _suppress(session, message, token, now, reason)
                continue
            ready.append((message, token))
        session.commit()
    return ready


def _suppression(message: Message, contact: Contact | None) -> str | None:
    if message.kind == MessageKind.PAGE or contact is None:
        return None  # pages go to the clinic's own on-call staff, not a patient
    if contact.is_opted_out and message.kind not in OPT_OUT_EXEMPT:
        return "opted_out"
    # Emergency guidance is still attempted to a flagged number: the flag may come from a
    # transient carrier answer, and a failed send costs less than a missed 911 text.
    if contact.is_flagged and message.kind != MessageKind.EMERGENCY:
        return "flagged"
    return None


def _suppress(session: Session, message: Message, token: int, now: datetime, reason: str) -> None:
    if _set_from_claim(
        session, message.id, token, status=MessageStatus.SUPPRESSED, status_rank=RANK_FINAL
    ):
        _audit(
            session,
            message,
            "outbox.suppressed",
            now,
            message_id=message.id,
            reason=reason,
            kind=str(message.kind),
        )
        logger.info("outbox: message %s suppressed (%s)", message.id, reason)


def _send_batch(
    *,
    engine: Engine,
    sender: Sender,
    batch: list[tuple[int, int]],
    now: datetime,
    rng: random.Random | None,
    pacer: Pacer | None = None,
) -> int:
    """Send one claimed batch: one transaction to check it, the network calls, one transaction
    to record the answers. A crash before the record leaves claims that expire and are looked
    up at Twilio, so batching the writes costs no safety."""
    started = time.monotonic()
    ready = _prepare(engine=engine, batch=batch, now=now)
    answers: list[tuple[Message, int, SendResult | None, SendError | None]] = []
    sent = 0
    concurrency = getattr(sender, "concurrency", 1)
    pool = _pool(concurrency)
    in_flight: list[tuple[Message, int, Future[Any]]] = []

    def finish_in_flight() -> None:
        answers.extend((m, t, *future.result()) for m, t, future in in_flight)
        in_flight.clear()

    for message, token in ready:
        # Two texts to one number never travel at once: the patient reads them in order.
        if any(m.to_number == message.to_number for m, _, _ in in_flight):
            finish_in_flight()
        # The rare paths go one row at a time with their own checks: a lookup first, or a
        # batch slow enough (timeouts) that the claim must be checked again before sending.
        late = time.monotonic() - started > CLAIM_LEASE.total_seconds() / 3
        if pacer is not None and message.kind not in UNPACED:
            pacer.wait()
        if message.outcome_unknown_at is not None or late:
            sent += _send_one(
                engine=engine, sender=sender, message_id=message.id, token=token, now=now, rng=rng
            )
            continue
        # Several REST calls in flight (the sender's `concurrency`), started in batch order
        # and at the pacer's rate; the answers are recorded together below, as one at a time.
        # Emergency guidance and on-call pages go in line: answered before the next text of
        # the batch leaves, so nothing overtakes them.
        future = None
        if pool is not None and message.kind not in UNPACED:
            try:
                future = pool.submit(_attempt, sender, message)
            except RuntimeError:  # the process is shutting down: its threads take no more work
                pass
        if future is None:
            answers.append((message, token, *_attempt(sender, message)))
            continue
        in_flight.append((message, token, future))
        if len(in_flight) >= concurrency:
            done, token_, future = in_flight.pop(0)
            answers.append((done, token_, *future.result()))
    finish_in_flight()
    if answers:
        with Session(engine, expire_on_commit=False) as session:
            accepted = [(m, r) for m, _, r, _ in answers if r is not None]
            _record_sent_many(session, accepted, now)
            sent += len(accepted)
            for message, token, result, error in answers:
                if result is None:
                    assert error is not None
                    _record_error(session, message, token, error, now, rng)
            session.commit()
    return sent


def send_pending(
    *,
    engine: Engine,
    sender: Sender,
    public_base_url: str = "",
    now: datetime,
    message_ids: list[int] | None = None,
    limit: int = 50,
    rng: random.Random | None = None,
    pacer: Pacer | None = None,
) -> int:
    """Send due queued rows (all, or just `message_ids`); returns how many Twilio has now.

    With a `pacer`, every text but emergency guidance and on-call pages waits its turn at the
    configured rate (SEND_RATE_PER_SECOND); those two never wait behind a reminder burst.

    `public_base_url` is accepted for callers' convenience; the sender builds the status-callback
    URL (PUBLIC_BASE_URL + /twilio/status?outbox_id=<id>) from the same setting.
    """
    del public_base_url
    release_expired_claims(engine=engine, now=now)
    sent, remaining = 0, limit
    while remaining > 0:
        # Small batches: a live worker always finishes its claims well inside the lease.
        batch = _claim(
            engine=engine, now=now, message_ids=message_ids, limit=min(remaining, CLAIM_BATCH)
        )
        if not batch:
            break
        remaining -= len(batch)
        sent += _send_batch(
            engine=engine, sender=sender, batch=batch, now=now, rng=rng, pacer=pacer
        )
    return sent
