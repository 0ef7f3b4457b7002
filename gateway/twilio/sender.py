"""The outbox's Twilio sender: the official `twilio.rest.Client`, nothing patched.

`TWILIO_API_BASE_URL` points the client at a Twilio-compatible server (tests, the demo, a
sandbox) through the SDK's documented extension point, a custom `http_client`: a
`TwilioHttpClient` subclass that rewrites `https://api.twilio.com` to that base URL. Everything
else (auth, form encoding, error parsing) is the SDK's own code path.

Errors come back as `gateway.sending.SendError` carrying only the code, the HTTP status, the
policy from `gateway.twilio.errors` and whether the outcome is unknown: a refused connection
never reached Twilio (plain retry), a read timeout or a connection cut after the request went out
may have created the message, so the outbox calls `lookup` (the client's message list, by
recipient and `date_sent_after`, matching the body as sent or as Smart Encoding rewrote it)
before sending again. Twilio's error texts can quote the phone number, so they are dropped.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Any

import requests
import urllib3.exceptions
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from gateway.config import Settings
from gateway.logs import mask_phone
from gateway.segments import smart_encode
from gateway.sending import LookupFailed, SendError, SendResult
from gateway.twilio.errors import classify, evidence

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
#: Seconds to wait for Twilio (connect and read) before the send counts as timed out.
DEFAULT_TIMEOUT = 10.0
#: How many of the recipient's recent messages a lookup reads (newest first).
LOOKUP_LIMIT = 50
#: Statuses of a message Twilio holds but has not handed to a carrier yet (no date_sent).
NOT_YET_SENT = frozenset({"accepted", "queued", "scheduled", "sending"})


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _never_connected(error: BaseException) -> bool:
    """True when the request cannot have reached Twilio (refused, DNS, connect timeout)."""
    seen: set[int] = set()
    stack: list[Any] = [error]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (requests.ConnectTimeout, urllib3.exceptions.ConnectTimeoutError)):
            return True
        if isinstance(item, urllib3.exceptions.NewConnectionError):
            return True
        if isinstance(item, BaseException):
            stack.extend([item.__cause__, item.__context__, *item.args])
            stack.append(getattr(item, "reason", None))
    return False


class BaseUrlHttpClient(TwilioHttpClient):
    """A `TwilioHttpClient` that sends `https://api.twilio.com/...` requests to `base_url`."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if self.base_url and url.startswith(TWILIO_API):
            url = self.base_url + url.removeprefix(TWILIO_API)
        return super().request(method, url, *args, **kwargs)


def rest_client(account_sid: str, auth_token: str, api_base_url: str, timeout: float) -> Client:
    """The official `twilio` client, sent to `api_base_url` when set (the local fake)."""
    http_client = (
        BaseUrlHttpClient(api_base_url, timeout=timeout)
        if api_base_url
        else TwilioHttpClient(timeout=timeout)
    )
    return Client(account_sid, auth_token, http_client=http_client)


def status_callback_url(public_base_url: str, outbox_id: int) -> str:
    """Where Twilio reports delivery: the status webhook with the outbox id in the query."""
    return f"{public_base_url.rstrip('/')}/twilio/status?outbox_id={outbox_id}"


class TwilioSender:
    """Sends outbox rows with the Messaging Service (preferred) or the from-number."""

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        public_base_url: str,
        messaging_service_sid: str = "",
        from_number: str = "",
        api_base_url: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        concurrency: int = 1,
    ) -> None:
        if not (messaging_service_sid or from_number):
            raise ValueError("a Messaging Service SID or a from-number is needed to send")
        self.public_base_url = public_base_url.rstrip("/")
        self.messaging_service_sid = messaging_service_sid
        self.from_number = from_number
        #: Sends the outbox may have in flight at once (SEND_CONCURRENCY): each REST call waits
        #: on the network for most of its time, so a batch goes out several at a time.
        self.concurrency = max(1, concurrency)
        self._credentials = (account_sid, auth_token, api_base_url, timeout)
        # One client per thread: the SDK's HTTP session is not documented as thread-safe.
        self._local = threading.local()
        if not self.public_base_url:
            logger.warning("PUBLIC_BASE_URL not set: texts go out without delivery callbacks")

    @property
    def client(self) -> Client:
        """This thread's `twilio` client (made on first use)."""
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = rest_client(*self._credentials)
        return client

    @classmethod
    def from_settings(cls, settings: Settings, *, timeout: float = DEFAULT_TIMEOUT) -> TwilioSender:
        """Build the sender from validated settings."""
        return cls(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            public_base_url=settings.public_base_url,
            messaging_service_sid=settings.twilio_messaging_service_sid,
            from_number=settings.twilio_from_number,
            api_base_url=settings.twilio_api_base_url,
            timeout=timeout,
            concurrency=settings.send_concurrency,
        )

    def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Create the message at Twilio; raise SendError with the code when it refuses."""
        params: dict[str, Any] = {"to": to, "body": body}
        if self.public_base_url:
            params["status_callback"] = status_callback_url(self.public_base_url, outbox_id)
        if self.messaging_service_sid:
            params["messaging_service_sid"] = self.messaging_service_sid
        else:
            params["from_"] = self.from_number
        try:
            message = self.client.messages.create(**params)
        except TwilioException as error:
            code = getattr(error, "code", None)
            status = getattr(error, "status", None)
            logger.warning(
                "twilio refused message %s to %s: code %s, http %s",
                outbox_id,
                mask_phone(to),
                code,
                status,
            )
            # `from None`: the SDK's exception text may quote the number.
            code = int(code) if code is not None else None
            status = int(status) if status is not None else None
            raise SendError(
                f"twilio error {code}",
                code=code,
                http_status=status,
                policy=classify(code=code, http_status=status),
                evidence=evidence(code),
            ) from None
        except requests.RequestException as error:
            # A refused connection never reached Twilio: plain retry. A read timeout or a
            # connection cut after the request went out may have created the message: the
            # outbox looks it up before sending again.
            unknown = not _never_connected(error)
            raise SendError(
                f"could not reach Twilio ({type(error).__name__})",
                is_timeout=isinstance(error, requests.Timeout),
                outcome_unknown=unknown,
            ) from None
        return SendResult(
            sid=str(message.sid),
            status=str(message.status or "queued"),
            segments=_int_or_none(message.num_segments),
        )

    def lookup(self, *, to: str, body: str, outbox_id: int, since: datetime) -> list[SendResult]:
        """Twilio's record of this text since `since`, oldest first: the recipient's messages
        sent after `since`, plus any it still holds unsent, whose body matches (as sent, or as
        Smart Encoding rewrote it). Raises LookupFailed when the log cannot be read."""
        bodies = {body, smart_encode(body)}
        try:
            sent = self.client.messages.list(
                to=to, date_sent_after=since, limit=LOOKUP_LIMIT, page_size=LOOKUP_LIMIT
            )
            # A message Twilio still queues has no date_sent, so the filter above misses it.
            recent = self.client.messages.list(to=to, limit=20, page_size=20)
        except (TwilioException, requests.RequestException) as error:
            raise LookupFailed(type(error).__name__) from None
        held = [
            m
            for m in recent
            if m.status in NOT_YET_SENT and m.date_created is not None and m.date_created >= since
        ]
        matches: dict[str, Any] = {}
        for m in [*sent, *held]:
            # The filter again on our side: Twilio may read DateSent>= by the day only.
            when = m.date_sent or m.date_created
            if when is not None and when < since:
                continue
            if m.body in bodies and m.direction != "inbound" and m.sid not in matches:
                matches[m.sid] = m
        ordered = sorted(matches.values(), key=lambda m: (m.date_created or since, m.sid))
        logger.info(
            "twilio lookup for message %s to %s: %s match(es)",
            outbox_id,
            mask_phone(to),
            len(ordered),
        )
        return [
            SendResult(
                sid=str(m.sid),
                status=str(m.status or "queued"),
                error_code=_int_or_none(m.error_code),
                segments=_int_or_none(m.num_segments),
            )
            for m in ordered
        ]


def make_sender(settings: Settings) -> TwilioSender | None:
    """The Twilio sender when credentials are set; otherwise None (texts stay queued)."""
    if not (settings.twilio_account_sid and settings.twilio_auth_token):
        logger.warning("TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN not set: outbound texts stay queued")
        return None
    return TwilioSender.from_settings(settings)
