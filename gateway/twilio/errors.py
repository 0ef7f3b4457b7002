"""What to do when Twilio says no: the error-code policy, as one table.

Retry only what a later attempt can fix: rate limits (HTTP 429 / 20429), Twilio's own 5xx,
timeouts and connection errors, and 30003 (handset unreachable: once, much later). Never retry
21610 (the patient replied STOP at Twilio: record the opt-out as ours too), numbers that cannot
take texts (21211, 21614, 21635, 30005, 30006: flag the contact so staff call or fix it), or
30007 (carrier filtering: resending the same text only digs deeper). Anything else fails for a
person to look at.

Used by the outbox (errors from the REST API) and the status callback (errors reported later).
Pure: no IO, no Twilio SDK.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from gateway.models import Contact


class Action(StrEnum):
    RETRY = "retry"  # back off and send again
    RETRY_ONCE_LATER = "retry_once_later"  # one more try, much later
    OPT_OUT = "opt_out"  # record the opt-out on the contact; never retry
    FLAG = "flag"  # the number cannot take texts: flag the contact for staff; never retry
    FAIL = "fail"  # give up on this message


@dataclass(frozen=True)
class Policy:
    action: Action
    reason: str

    @property
    def is_retryable(self) -> bool:
        return self.action in (Action.RETRY, Action.RETRY_ONCE_LATER)


#: Twilio error code -> what to do. Codes not listed fail without a retry.
POLICY: dict[int, Policy] = {
    20429: Policy(Action.RETRY, "rate limited"),
    21610: Policy(Action.OPT_OUT, "recipient unsubscribed at Twilio (STOP)"),
    21211: Policy(Action.FLAG, "invalid phone number"),
    21614: Policy(Action.FLAG, "not a mobile number"),
    21635: Policy(Action.FLAG, "landline number"),
    30003: Policy(Action.RETRY_ONCE_LATER, "handset unreachable"),
    30005: Policy(Action.FLAG, "unknown or inactive number"),
    30006: Policy(Action.FLAG, "landline or unreachable carrier"),
    30007: Policy(Action.FAIL, "carrier filtering"),
}

RATE_LIMITED = POLICY[20429]
SERVER_ERROR = Policy(Action.RETRY, "Twilio server error")
NO_ANSWER = Policy(Action.RETRY, "timeout or connection error")
OTHER = Policy(Action.FAIL, "error not retried")

#: The evidence stored on a contact opted out by Twilio rather than by one of our keywords.
OPT_OUT_KEYWORD = "twilio:21610"


def classify(*, code: int | None, http_status: int | None, is_timeout: bool = False) -> Policy:
    """The policy for one failed send or one failed/undelivered status callback."""
    if code in POLICY:
        return POLICY[code]
    if is_timeout or (code is None and http_status is None):
        # No answer at all: the request may not have reached Twilio.
        return NO_ANSWER
    if http_status == 429:
        return RATE_LIMITED
    if http_status is not None and http_status >= 500:
        return SERVER_ERROR
    return OTHER


def apply_to_contact(*, contact: Contact, policy: Policy, code: int | None, now: datetime) -> bool:
    """Record an opt-out or a flag on the contact; True when the contact changed."""
    if policy.action is Action.OPT_OUT:
        if contact.is_opted_out:
            return False  # keep the first evidence
        contact.is_opted_out = True
        contact.opted_out_at = now
        contact.opt_out_keyword = OPT_OUT_KEYWORD
        contact.opt_out_message_id = None
        return True
    if policy.action is Action.FLAG:
        reason = f"twilio:{code} {policy.reason}"[:200]
        if contact.is_flagged and contact.flag_reason == reason:
            return False
        contact.is_flagged = True
        contact.flag_reason = reason
        return True
    return False
