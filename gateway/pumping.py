"""The SMS-pumping guard: automated replies go only to plausible numbers in allowed countries,
and at most so many an hour to one number.

SMS pumping is fraud: bursts of texts from many (often foreign, premium-rate) numbers, each one
answered by the bot at the clinic's expense. The guard sits between the engine's decision and
its effects (gateway.conversations): the message is still stored and triaged, and any handoff
the engine opened still opens (a person sees anything clinical); only the automated texts are
withheld, audited (`reply_withheld`, ids only). No handoff is opened for a withheld text
itself, so a pumping burst does not flood the staff queue.

- a number that is not a valid number (libphonenumber), or whose country is not in
  REPLY_COUNTRIES, gets no automated text at all (an emergency still opens its handoff and
  pages on-call staff, who can call back; 911/988 guidance is for these countries anyway);
- a number that already got MAX_REPLIES_PER_HOUR automated texts in the last hour gets no more
  this hour, except emergency guidance.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import phonenumbers
import sqlalchemy as sa
from sqlmodel import Session

from flows.types import ReplyKind
from gateway.logs import mask_phone
from gateway.models import Direction, Message, MessageKind

logger = logging.getLogger(__name__)

#: Kinds of text the hourly cap counts: the bot's own, not staff replies or on-call pages.
CAPPED_KINDS = (MessageKind.AUTOMATED, MessageKind.COMPLIANCE, MessageKind.EMERGENCY)


def country_allowed(phone: str, countries: frozenset[str]) -> bool:
    """A valid number in one of `countries` (ISO codes; "*" allows every valid number)."""
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(parsed):
        return False
    return "*" in countries or (phonenumbers.region_code_for_number(parsed) or "") in countries


def replies_last_hour(*, session: Session, conversation_id: int, now: datetime) -> int:
    """Automated texts in this conversation (one number at one clinic) in the last hour.

    By conversation, which is indexed, not by `to_number`, which is not."""
    return int(
        session.execute(
            sa.select(sa.func.count()).where(
                Message.conversation_id == conversation_id,
                Message.direction == Direction.OUTBOUND,
                Message.kind.in_(CAPPED_KINDS),  # type: ignore[attr-defined]
                Message.created_at > now - timedelta(hours=1),
            )
        ).scalar_one()
    )


def guard(
    *,
    session: Session,
    decision: Any,  # gateway.conversations.Decision
    conversation_id: int,
    phone: str,
    now: datetime,
    countries: frozenset[str],
    per_hour: int,
) -> tuple[Any, str | None]:
    """The decision with the replies this number may get; the reason when some were withheld."""
    outcome = decision.outcome
    if not outcome.replies or not phone.startswith("+"):
        return decision, None  # nothing to send, or a sender no text can reach anyway
    if not country_allowed(phone, countries):
        keep = [False] * len(outcome.replies)
        reason = "country"
    elif replies_last_hour(session=session, conversation_id=conversation_id, now=now) >= per_hour:
        keep = [reply.kind is ReplyKind.EMERGENCY for reply in outcome.replies]
        reason = "hourly_cap"
    else:
        return decision, None
    if all(keep):
        return decision, None
    logger.warning(
        "withheld %d automated repl(ies) to %s (%s)", keep.count(False), mask_phone(phone), reason
    )
    replies = tuple(r for r, k in zip(outcome.replies, keep, strict=True) if k)
    texts = tuple(t for t, k in zip(decision.texts, keep, strict=True) if k)
    return replace(decision, outcome=replace(outcome, replies=replies), texts=texts), reason
