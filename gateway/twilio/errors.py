"""What to do when Twilio says no: the error-code policy, as one table.

Retry only what a later attempt can fix: rate limits (HTTP 429 / 20429), Twilio's own 5xx,
timeouts and connection errors, and 30003 (handset unreachable: once, much later). Never retry
21610 (the patient replied STOP at Twilio: record the opt-out as ours too), numbers that cannot
take texts (21211, 21614, 21635, 30005, 30006: flag the contact so staff call or fix it), or
30007 (carrier filtering: resending the same text only digs deeper). Anything else fails for a
person to look at.

Used by the Twilio sender (which puts the policy on the `SendError` it raises, so the outbox
needs no Twilio codes) and the status callback (errors reported later). The vocabulary (`Action`,
`Policy`) lives in `gateway.sending`. Pure: no IO, no Twilio SDK.
"""

from __future__ import annotations

from gateway.sending import (
    NO_ANSWER,
    OTHER,
    Action,
    Policy,
    apply_to_contact,
)

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


def evidence(code: int | None) -> str:
    """How a contact's opt-out or flag names its source: `twilio:21610`."""
    return f"twilio:{code}"


__all__ = [
    "NO_ANSWER",
    "OPT_OUT_KEYWORD",
    "OTHER",
    "POLICY",
    "RATE_LIMITED",
    "SERVER_ERROR",
    "Action",
    "Policy",
    "apply_to_contact",
    "classify",
    "evidence",
]
