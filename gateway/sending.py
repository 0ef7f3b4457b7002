"""What the outbox and a sender say to each other: the `Sender` protocol, its answers and errors,
and what to do about a refusal; and the same for reminder calls (`Caller`, `CallError`).

It sits under both `gateway.outbox` (which gets a sender passed in) and `gateway.twilio.sender`
(which implements one), so neither imports the other. It knows no provider: Twilio's error codes
are mapped to a `Policy` in `gateway.twilio.errors`, and the sender puts that policy on the
`SendError` it raises.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

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


RATE_LIMITED = Policy(Action.RETRY, "rate limited")
SERVER_ERROR = Policy(Action.RETRY, "server error")
NO_ANSWER = Policy(Action.RETRY, "timeout or connection error")
OTHER = Policy(Action.FAIL, "error not retried")


class SendError(Exception):
    """A send that did not go out, or may not have.

    `code` is the provider's error code when it gave one; `policy` is what the sender says to do
    about it (None: decide from the HTTP status). `outcome_unknown` means the request may have
    reached the provider (a read timeout, a connection cut after sending): the outbox looks the
    message up before sending it again.
    """

    def __init__(
        self,
        message: str = "send failed",
        *,
        code: int | None = None,
        http_status: int | None = None,
        is_timeout: bool = False,
        outcome_unknown: bool = False,
        policy: Policy | None = None,
        evidence: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.http_status = http_status
        self.is_timeout = is_timeout
        self.outcome_unknown = outcome_unknown
        self.policy = policy
        #: How an opt-out or flag this error causes names its source, e.g. `twilio:21610`.
        self.evidence = evidence or f"provider:{code}"


class LookupFailed(Exception):
    """The provider's message log could not be searched (down, slow, refused)."""


@dataclass
class SendResult:
    sid: str
    status: str  # the provider's status name, e.g. "queued" or "accepted"
    error_code: int | None = None
    #: Segments the provider billed (after any Smart Encoding), when it said.
    segments: int | None = None


class Sender(Protocol):
    def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Hand one text to the provider, or raise SendError."""
        ...

    def lookup(self, *, to: str, body: str, outbox_id: int, since: datetime) -> list[SendResult]:
        """The provider's records of this text sent since `since`, oldest first; LookupFailed if
        the log cannot be searched."""
        ...


def policy_for(error: SendError) -> Policy:
    """What to do about a failed send: the sender's policy, else one from the HTTP status."""
    if error.policy is not None:
        return error.policy
    if (
        error.is_timeout
        or error.outcome_unknown
        or (error.code is None and error.http_status is None)
    ):
        return NO_ANSWER
    if error.http_status == 429:
        return RATE_LIMITED
    if error.http_status is not None and error.http_status >= 500:
        return SERVER_ERROR
    return OTHER


def apply_to_contact(
    *, contact: Contact, policy: Policy, code: int | None, now: datetime, evidence: str
) -> bool:
    """Record an opt-out or a flag on the contact; True when the contact changed."""
    if policy.action is Action.OPT_OUT:
        if contact.is_opted_out:
            return False  # keep the first evidence
        contact.is_opted_out = True
        contact.opted_out_at = now
        contact.opt_out_keyword = evidence[:100]
        contact.opt_out_message_id = None
        return True
    if policy.action is Action.FLAG:
        reason = f"{evidence} {policy.reason}"[:200]
        if contact.is_flagged and contact.flag_reason == reason:
            return False
        contact.is_flagged = True
        contact.flag_reason = reason
        return True
    return False


class CallError(Exception):
    """The provider refused or never answered a call request (a reminder call to a landline)."""


class Caller(Protocol):
    """Places reminder calls; `gateway.twilio.calls.TwilioCaller` in production."""

    def call(self, *, to: str, from_: str, url: str) -> str:
        """Place a call whose TwiML is at `url`; returns the CallSid or raises CallError."""
        ...


class Pacer:
    """At most `rate` sends a second from this process; 0 or less: unpaced.

    Twilio accepts a number's texts at its own throughput (a long code about 1 a second, a
    toll-free or short code more) and queues the excess, where it can time out: pacing a
    reminder burst to the account's rate keeps it inside. `wait` sleeps until the next send
    may go, so the rate holds over any stretch, not only on average.
    """

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock, self._sleep = clock, sleep
        self._next: float | None = None

    def wait(self) -> None:
        """Block until the next send is allowed, and book it."""
        if not self.interval:
            return
        now = self._clock()
        if self._next is not None and self._next > now:
            self._sleep(self._next - now)
            now = self._next
        self._next = now + self.interval
