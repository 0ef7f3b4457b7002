"""`POST /twilio/status`: delivery-status callbacks for outbound texts.

Twilio calls it at least once per status change and not always in order. So:

- every callback is recorded once as a `StatusEvent`, deduped on (MessageSid, status): a retry
  changes nothing;
- a message's status only moves forward by rank (queued < sending < sent < delivered /
  undelivered / failed < read): a `sent` arriving after `delivered` is recorded as an event and
  leaves the message `delivered`;
- the row is found by MessageSid, else by the `outbox_id` in the callback URL (a callback can
  beat the send's own answer to the database), else the event is kept unattached;
- a failed or undelivered text with an ErrorCode goes through `gateway.twilio.errors`: 21610
  opts the contact out, 21211/21614/21635/30005/30006 flag it, 30003 queues one resend later;
- a carrier can say `undelivered` and later `delivered`: delivered outranks the failures, so the
  message becomes delivered and a 30003 resend still waiting is canceled (SUPPRESSED, audited
  `outbox.resend_canceled`); `partially_delivered` and `canceled` are statuses of their own;
- a callback that beats the send's own answer keeps its status and ErrorCode: the outbox only
  moves a status forward and clears an error code only with news;
- Twilio's `RawDlrDoneDate` (the carrier's delivery time, YYMMDDhhmm) is kept on the event.

Answers an empty `<Response/>`. Malformed callbacks get a 400 naming the field, never a 500:
a MessageSid that is not two letters and 32 hex digits, a status that is not a lowercase word,
an ErrorCode or outbox_id that is not a whole number in 0..2^31-1, a NUL byte anywhere.
"""

from __future__ import annotations

import logging
import re

import sqlalchemy as sa
from flask import abort, request
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from gateway.db import get_session
from gateway.models import AuditEvent, Direction, Message, MessageStatus, StatusEvent, utcnow
from gateway.outbox import RANK_FINAL, apply_error_policy, provider_status, queue_message
from gateway.twilio.blueprint import bp
from gateway.twilio.errors import Action, classify, evidence
from gateway.twilio.signature import twilio_signed
from gateway.twilio.twiml import empty_response

logger = logging.getLogger(__name__)

MAX_SID_LENGTH = 64
MAX_STATUS_LENGTH = 32
#: The largest value both databases store in an INTEGER column.
MAX_INT = 2**31 - 1
SID_RE = re.compile(r"[A-Za-z]{2}[0-9a-fA-F]{32}")
STATUS_RE = re.compile(r"[a-z_]{1,32}")
INT_RE = re.compile(r"[0-9]{1,10}")
DLR_DATE_RE = re.compile(r"[0-9]{10,14}")


def _int_or_400(value: str | None, name: str) -> int | None:
    """A whole number in the INTEGER range, None when absent; a 400 naming the field otherwise."""
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if not INT_RE.fullmatch(value) or int(value) > MAX_INT:
        abort(400, description=f"{name} must be a whole number from 0 to {MAX_INT}")
    return int(value)


def _record_event(
    session: Session,
    *,
    sid: str,
    status: str,
    error_code: int | None,
    message_id: int | None,
    raw_dlr_done_date: str | None,
) -> bool:
    """Insert the StatusEvent unless (sid, status) is already there; True when new."""
    dialect = session.connection().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(StatusEvent)
        .values(
            twilio_sid=sid,
            status=status,
            error_code=error_code,
            message_id=message_id,
            received_at=utcnow(),
            raw_dlr_done_date=raw_dlr_done_date,
        )
        .on_conflict_do_nothing(index_elements=["twilio_sid", "status"])
        .returning(StatusEvent.id)
    )
    # RETURNING, not rowcount: drivers disagree on rowcount for INSERT ... ON CONFLICT.
    return session.exec(statement).first() is not None


def _find_message(session: Session, *, sid: str, outbox_id: int | None) -> Message | None:
    """The outbound row by MessageSid, else by outbox_id (attaching the sid if it has none)."""
    message = session.exec(sa.select(Message).where(Message.twilio_sid == sid)).scalar_one_or_none()
    if message is not None or outbox_id is None:
        return message
    message = session.get(Message, outbox_id)
    if message is None or message.direction != Direction.OUTBOUND:
        return None
    attached = session.exec(
        sa.update(Message)
        .where(Message.id == outbox_id, Message.twilio_sid.is_(None))
        .values(twilio_sid=sid)
    ).rowcount
    session.refresh(message)
    if not attached and message.twilio_sid != sid:
        # The row already has another sid: an earlier attempt that timed out on our side
        # probably reached Twilio too. Keep the evidence; a person may need to apologise.
        logger.warning(
            "status callback for message %s names a second Twilio sid %s (first %s)",
            message.id,
            sid,
            message.twilio_sid,
        )
        session.add(
            AuditEvent(
                clinic_id=message.clinic_id,
                actor="twilio",
                action="outbox.second_sid",
                subject_type="message",
                subject_id=message.id,
                detail={
                    "message_id": message.id,
                    "twilio_sid": sid,
                    "first_sid": message.twilio_sid,
                },
            )
        )
    return message


def _advance(session: Session, message: Message, status: MessageStatus, rank: int) -> bool:
    """Move the message forward to `status`; False when it is already there or beyond."""
    return (
        session.exec(
            sa.update(Message)
            .where(Message.id == message.id, Message.status_rank < rank)
            .values(status=status, status_rank=rank)
        ).rowcount
        == 1
    )


def _resend_later(session: Session, message: Message, code: int) -> None:
    """30003: queue the same text once more, later (never a resend of a resend)."""
    from gateway.outbox import RETRY_LATER

    if (message.idempotency_key or "").startswith("resend:"):
        return
    now = utcnow()
    resend = queue_message(
        session=session,
        clinic_id=message.clinic_id,
        to_number=message.to_number,
        body=message.body,
        kind=message.kind,
        now=now,
        idempotency_key=f"resend:{message.id}",
        conversation_id=message.conversation_id,
        handoff_id=message.handoff_id,
        lang=message.lang,
        from_number=message.from_number,
        not_after=message.not_after,  # a reminder's resend is no more welcome late
    )
    if resend is not None:
        resend.next_attempt_at = now + RETRY_LATER
        session.add(resend)
        session.flush()
        session.add(
            AuditEvent(
                clinic_id=message.clinic_id,
                actor="twilio",
                action="outbox.resend_scheduled",
                subject_type="message",
                subject_id=message.id,
                detail={"message_id": message.id, "resend_id": resend.id, "code": code},
            )
        )
        logger.info("message %s undelivered (%s): resend %s queued", message.id, code, resend.id)


def _cancel_resend(session: Session, message: Message) -> None:
    """The text was delivered after all: a 30003 resend still waiting must not go out."""
    resend = session.exec(
        sa.select(Message).where(Message.idempotency_key == f"resend:{message.id}")
    ).scalar_one_or_none()
    if resend is None:
        return
    canceled = session.exec(
        sa.update(Message)
        .where(Message.id == resend.id, Message.status == MessageStatus.QUEUED)
        .values(status=MessageStatus.SUPPRESSED, status_rank=RANK_FINAL)
    ).rowcount
    session.add(
        AuditEvent(
            clinic_id=message.clinic_id,
            actor="twilio",
            action="outbox.resend_canceled" if canceled else "outbox.resend_already_sent",
            subject_type="message",
            subject_id=resend.id,
            detail={"message_id": message.id, "resend_id": resend.id},
        )
    )
    logger.info(
        "message %s delivered late: resend %s %s",
        message.id,
        resend.id,
        "canceled" if canceled else "had already gone",
    )


@bp.post("/status")
@twilio_signed
def status_callback():
    """Record a delivery-status callback once and move the message forward."""
    if any("\x00" in v for v in [*request.form.values(), *request.args.values()]):
        abort(400, description="NUL byte in a field")
    sid = request.form.get("MessageSid") or request.form.get("SmsSid") or ""
    status = request.form.get("MessageStatus") or request.form.get("SmsStatus") or ""
    status = status.strip().lower()
    if not sid or not status:
        abort(400, description="MessageSid and MessageStatus are required")
    # Full-string patterns: a trailing newline is refused here, not stored by one database and
    # refused by the other.
    if not SID_RE.fullmatch(sid):
        abort(400, description="MessageSid must be two letters and 32 hex digits")
    if not STATUS_RE.fullmatch(status):
        abort(400, description="MessageStatus must be a lowercase word")
    error_code = _int_or_400(request.form.get("ErrorCode"), "ErrorCode")
    outbox_id = _int_or_400(request.args.get("outbox_id"), "outbox_id")
    raw_dlr = (request.form.get("RawDlrDoneDate") or "").strip()
    # Kept as Twilio sends it; anything else is dropped, the status itself still counts.
    raw_dlr_done_date = raw_dlr if DLR_DATE_RE.fullmatch(raw_dlr) else None

    session = get_session()
    message = _find_message(session, sid=sid, outbox_id=outbox_id)
    is_new = _record_event(
        session,
        sid=sid,
        status=status,
        error_code=error_code,
        message_id=message.id if message else None,
        raw_dlr_done_date=raw_dlr_done_date,
    )
    if not is_new:
        session.rollback()  # a retried callback: undo any attach, change nothing
        return empty_response()
    if message is None:
        logger.info("status %s for unknown Twilio sid %s recorded unattached", status, sid)
        session.commit()
        return empty_response()

    mapped = provider_status(status)
    if mapped is None:
        logger.info("unrecognised status %r for message %s recorded", status, message.id)
    elif message.twilio_sid == sid and _advance(session, message, *mapped):
        session.refresh(message)
        if error_code is not None or mapped[0] is MessageStatus.DELIVERED:
            # A delivered text has no error, even if the carrier first said undelivered.
            message.error_code = error_code
            session.add(message)
        if mapped[0] in (MessageStatus.DELIVERED, MessageStatus.READ):
            _cancel_resend(session, message)
        if mapped[0] in (MessageStatus.FAILED, MessageStatus.UNDELIVERED) and error_code:
            policy = classify(code=error_code, http_status=None)
            apply_error_policy(
                session=session,
                message=message,
                policy=policy,
                code=error_code,
                now=utcnow(),
                evidence=evidence(error_code),
            )
            if policy.action is Action.RETRY_ONCE_LATER:
                _resend_later(session, message, error_code)
        logger.info("message %s is now %s", message.id, mapped[0])
    session.commit()
    return empty_response()
