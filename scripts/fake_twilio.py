"""A local Twilio-compatible HTTP server, so the real `twilio` client is exercised end to end.

Tests start it in a background thread (`FakeTwilio(...).start()`) and point the gateway at it with
`TWILIO_API_BASE_URL`; the demo runs it standalone::

    python scripts/fake_twilio.py --port 8099 --account-sid AC... --auth-token ...

It implements what the gateway uses of the REST API, with Twilio's shapes and error format:

- `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (form: To, From or MessagingServiceSid,
  Body, StatusCallback), HTTP Basic auth checked, answers 201 with a message resource;
- `GET /2010-04-01/Accounts/{AccountSid}/Messages.json`: the message log the client's
  `messages.list(to=..., date_sent_after=...)` reads: filters To, From, DateSent, DateSent>=,
  DateSent<=, newest first, paged with PageSize / Page / PageToken and `next_page_uri`;
- `GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`.

And, for people and tests (no auth, local only):

- `GET /_fake/messages`: every message sent so far, as JSON;
- `POST /_fake/messages/{Sid}/deliver?status=delivered&error_code=...`: send the status callback,
  signed like Twilio signs it, to the message's `StatusCallback` URL.

Failure injection:

- `fail_next(code, http_status)` answers the next send(s) with a Twilio error;
- `delay_next(seconds)` makes the next send(s) answer late: the message is created (and listed)
  at once, as Twilio does, and the answer comes after `seconds`, so a client that gave up has
  still sent it: that is how a timeout becomes a duplicate;
- `outage(mode, calls=N | until=T, api="all" | "create" | "list")`: for the next N API calls, or
  until `clock()` reaches T, answer 500, 429 or 503 (Twilio's own error documents), or answer
  slowly ("slow": created, then answered after `slow_seconds`); `clock` is `time.time` unless a
  test or the fault script sets it, so an outage can last 30 simulated minutes;
- `down()` / `up()`: close and reopen the listening socket on the same port, so the client gets
  a refused connection;

`reset()` or `stop()` release a hanging answer (the connection is dropped), so it never leaks
into the next test.
"""

from __future__ import annotations

import argparse
import base64
import hmac
import json
import logging
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from twilio.request_validator import RequestValidator

logger = logging.getLogger(__name__)

API_PREFIX = "/2010-04-01/Accounts/"
OUTAGE_ERRORS = {"500": (20500, 500), "429": (20429, 429), "503": (20503, 503)}
MESSAGES_RE = re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages\.json$")
MESSAGE_RE = re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages/(?P<sid>[^/]+)\.json$")
DELIVER_RE = re.compile(r"^/_fake/messages/(?P<sid>[^/]+)/deliver$")
#: reminders: the Calls API (reminder calls to landlines).
CALLS_RE = re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Calls\.json$")

#: Messages Twilio accepts per body: longer bodies are refused with 21617.
MAX_BODY_CHARS = 1600

ERROR_MESSAGES = {
    20003: "Authenticate",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    20500: "Internal Server Error",
    20503: "Service Unavailable",
    21211: "The 'To' number is not a valid phone number.",
    21602: "Message body is required.",
    21603: "A 'From' phone number is required.",
    21604: "A 'To' phone number is required.",
    21610: "Attempt to send to unsubscribed recipient",
    21614: "'To' number is not a valid mobile number",
    21617: "The concatenated message body exceeds the 1600 character limit.",
    21635: "'To' number cannot be a landline.",
    30003: "Unreachable destination handset",
    30005: "Unknown destination handset",
    30006: "Landline or unreachable carrier",
    30007: "Message filtered",
}


def error_body(code: int, http_status: int, message: str | None = None) -> dict[str, Any]:
    """A Twilio REST error document."""
    return {
        "code": code,
        "message": message or ERROR_MESSAGES.get(code, "Error"),
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": http_status,
    }


@dataclass
class _Failure:
    code: int
    http_status: int
    times: int
    to: str | None


@dataclass
class _Delay:
    seconds: float
    times: int
    creates: bool = True


@dataclass
class _Outage:
    mode: str  # "500", "429", "503" or "slow"
    calls: int | None  # API calls left, or None
    until: float | None  # clock() value it ends at, or None
    api: str  # "all", "create" or "list"
    slow_seconds: float


class FakeTwilio:
    """A Twilio-compatible REST server on 127.0.0.1, run in a background thread."""

    def __init__(self, account_sid: str, auth_token: str, port: int = 0) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.port = port
        self.base_url = ""
        self.messages: list[dict[str, Any]] = []
        self.calls: list[dict[str, Any]] = []  # reminders: calls placed through the Calls API
        self.requests: list[dict[str, Any]] = []  # every API request: method, path, status
        self._failures: list[_Failure] = []
        self._delays: list[_Delay] = []
        self._outages: list[_Outage] = []
        #: The fake's clock (epoch seconds): outages end and messages are dated by it.
        self.clock: Any = time.time
        #: Like a Messaging Service with Smart Encoding on: segments counted after substitutions.
        self.smart_encoding = False
        #: Every message create answers this late (seconds), as the real API's round trip does
        #: (about 0.1-0.3 s from a US server); 0 by default, `--latency-ms` from the command line.
        self.latency = 0.0
        #: Message creates being answered right now, and the most there ever were at once.
        self.in_flight = 0
        self.max_in_flight = 0
        #: The same, per destination number: the most creates to one number at once.
        self._in_flight_to: dict[str, int] = {}
        self.max_in_flight_per_number = 0
        self._lock = threading.Lock()
        self._release = threading.Event()  # set to free requests hanging in delay_next
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        #: MMS media served at Twilio's media paths: path -> (content type, bytes, redirect).
        self.media: dict[str, tuple[str, bytes, str | None]] = {}

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeTwilio:
        """Bind 127.0.0.1 and serve in a daemon thread; sets `base_url`."""
        handler = type("Handler", (_Handler,), {"fake": self})
        ThreadingHTTPServer.allow_reuse_address = True  # up() rebinds the same port at once
        # A listen backlog like a real server's: the default 5 drops the connections of more
        # than a few concurrent clients, which then wait a second to retry.
        ThreadingHTTPServer.request_queue_size = 128
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fake-twilio", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port (hanging requests are released first)."""
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def down(self) -> None:
        """Close the listening socket: connections are refused until `up()`."""
        port = self.port
        self.stop()
        self.port = port

    def up(self) -> None:
        """Listen again on the same port after `down()`."""
        if self._server is None:
            self._release = threading.Event()
            self.start()

    @property
    def is_down(self) -> bool:
        return self._server is None

    def reset(self) -> None:
        """Forget every message, request and pending failure, delay or outage."""
        self._release.set()
        self.up()
        with self._lock:
            self.messages.clear()
            self.max_in_flight = 0
            self.max_in_flight_per_number = 0
            self._in_flight_to.clear()
            self.latency = 0.0
            self.calls.clear()
            self.requests.clear()
            self._failures.clear()
            self._delays.clear()
            self.media.clear()
            self._outages.clear()
            self.clock = time.time
            self.smart_encoding = False
            self._release = threading.Event()

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self, code: int, http_status: int = 400, times: int = 1, to: str | None = None
    ) -> None:
        """Answer the next `times` sends (to `to`, if given) with Twilio error `code`."""
        with self._lock:
            self._failures.append(_Failure(code, http_status, times, to))

    def delay_next(self, seconds: float, times: int = 1, *, creates: bool = True) -> None:
        """Make the next `times` sends wait `seconds` before answering (for client timeouts).
        The message is created at once unless `creates` is False (Twilio lost the request)."""
        with self._lock:
            self._delays.append(_Delay(seconds, times, creates))

    def outage(
        self,
        mode: str,
        *,
        calls: int | None = None,
        until: float | None = None,
        api: str = "all",
        slow_seconds: float = 5.0,
    ) -> None:
        """Fail the next `calls` API calls, or every call until `clock()` reaches `until`:
        `mode` "500", "429" or "503" answers that error; "slow" answers after `slow_seconds`
        (a send is still created at once)."""
        if mode not in (*OUTAGE_ERRORS, "slow"):
            raise ValueError(f"unknown outage mode {mode!r}")
        if calls is None and until is None:
            raise ValueError("an outage needs calls= or until=")
        if api not in ("all", "create", "list"):
            raise ValueError(f"unknown api {api!r}")
        with self._lock:
            self._outages.append(_Outage(mode, calls, until, api, slow_seconds))

    def _take_outage(self, api: str) -> _Outage | None:
        now = self.clock()
        with self._lock:
            self._outages = [
                o
                for o in self._outages
                if (o.calls is None or o.calls > 0) and (o.until is None or now < o.until)
            ]
            for outage in self._outages:
                if outage.api in ("all", api):
                    if outage.calls is not None:
                        outage.calls -= 1
                    return outage
        return None

    def _take_failure(self, to: str) -> _Failure | None:
        with self._lock:
            for failure in self._failures:
                if failure.to is None or failure.to == to:
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                    return failure
        return None

    def _take_delay(self) -> tuple[float, bool, threading.Event]:
        with self._lock:
            if not self._delays:
                return 0.0, True, self._release
            delay = self._delays[0]
            delay.times -= 1
            if delay.times <= 0:
                self._delays.pop(0)
            return delay.seconds, delay.creates, self._release

    # ------------------------------------------------------------------ messages

    def message(self, sid: str) -> dict[str, Any] | None:
        with self._lock:
            return next((m for m in self.messages if m["sid"] == sid), None)

    def create_message(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """Validate a send like Twilio does, store it, and return (HTTP status, JSON)."""
        to = form.get("To", "")
        failure = self._take_failure(to)
        if failure is not None:
            return failure.http_status, error_body(failure.code, failure.http_status)
        if not to:
            return 400, error_body(21604, 400)
        if not (form.get("From") or form.get("MessagingServiceSid")):
            return 400, error_body(21603, 400)
        body = form.get("Body", "")
        if not body and not form.get("MediaUrl"):
            return 400, error_body(21602, 400)
        if len(body) > MAX_BODY_CHARS:
            return 400, error_body(21617, 400)
        from gateway.segments import count_segments  # here: the file also runs on its own

        sid = "SM" + uuid.uuid4().hex
        record = {
            "sid": sid,
            "To": to,
            "From": form.get("From"),
            "MessagingServiceSid": form.get("MessagingServiceSid"),
            "Body": body,
            "StatusCallback": form.get("StatusCallback"),
            # With a Messaging Service and no From, Twilio answers "accepted" and picks a sender.
            "status": "queued" if form.get("From") else "accepted",
            "num_segments": count_segments(
                body, smart_encoding=self.smart_encoding and bool(form.get("MessagingServiceSid"))
            ),
            "date_created": formatdate(self.clock(), usegmt=True),
            # The fake hands a text to the carrier at once, so it is "sent" when created.
            "date_sent": formatdate(self.clock(), usegmt=True),
            "created_epoch": self.clock(),
        }
        with self._lock:
            self.messages.append(record)
        return 201, self._resource(record)

    # --- reminders: the Calls API --------------------------------------------------------

    def create_call(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """Store a call like Twilio's Calls API does (To, From, Url are required)."""
        failure = self._take_failure(form.get("To", ""))
        if failure is not None:
            return failure.http_status, error_body(failure.code, failure.http_status)
        if not form.get("To"):
            return 400, error_body(21201, 400)
        if not form.get("From"):
            return 400, error_body(21213, 400)
        if not (form.get("Url") or form.get("Twiml")):
            return 400, error_body(21205, 400)
        sid = "CA" + uuid.uuid4().hex
        record = {
            "sid": sid,
            "To": form["To"],
            "From": form["From"],
            "Url": form.get("Url"),
            "MachineDetection": form.get("MachineDetection"),
            "status": "queued",
        }
        with self._lock:
            self.calls.append(record)
        resource = {
            "sid": sid,
            "account_sid": self.account_sid,
            "to": record["To"],
            "from": record["From"],
            "status": "queued",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "uri": f"{API_PREFIX}{self.account_sid}/Calls/{sid}.json",
        }
        return 201, resource

    def _resource(self, record: dict[str, Any]) -> dict[str, Any]:
        uri = f"{API_PREFIX}{self.account_sid}/Messages/{record['sid']}.json"
        return {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": record["Body"],
            "date_created": record["date_created"],
            "date_sent": record.get("date_sent"),
            "date_updated": record["date_created"],
            "direction": "outbound-api",
            "error_code": record.get("error_code"),
            "error_message": None,
            "from": record["From"],
            "messaging_service_sid": record["MessagingServiceSid"],
            "num_media": "0",
            "num_segments": str(record["num_segments"]),
            "price": None,
            "price_unit": "USD",
            "sid": record["sid"],
            "status": record["status"],
            "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
            "to": record["To"],
            "uri": uri,
        }

    def list_messages(self, query: dict[str, str]) -> dict[str, Any]:
        """One page of the message log, newest first, filtered like Twilio's list API."""
        after = _parse_date(query.get("DateSent>"))
        before = _parse_date(query.get("DateSent<"))
        on_day = _parse_date(query.get("DateSent"))
        page_size = max(1, min(int(query.get("PageSize") or 50), 1000))
        page = max(0, int(query.get("Page") or 0))
        with self._lock:
            records = [dict(m) for m in reversed(self.messages)]
        selected = []
        for record in records:
            if query.get("To") and record["To"] != query["To"]:
                continue
            if query.get("From") and record["From"] != query["From"]:
                continue
            sent = record["created_epoch"]
            if after is not None and sent < after:
                continue
            if before is not None and sent > before + (86400 if _is_day(query["DateSent<"]) else 0):
                continue
            if on_day is not None and not (on_day <= sent < on_day + 86400):
                continue
            selected.append(record)
        chunk = selected[page * page_size : (page + 1) * page_size]
        base = f"{API_PREFIX}{self.account_sid}/Messages.json"
        kept = {k: v for k, v in query.items() if k not in ("Page", "PageToken", "PageSize")}

        def page_uri(number: int) -> str:
            params = {**kept, "PageSize": str(page_size), "Page": str(number)}
            if number:
                params["PageToken"] = f"PA{number}"
            return f"{base}?{urllib.parse.urlencode(params)}"

        has_next = (page + 1) * page_size < len(selected)
        return {
            "messages": [self._resource(record) for record in chunk],
            "end": page * page_size + max(len(chunk) - 1, 0),
            "first_page_uri": page_uri(0),
            "next_page_uri": page_uri(page + 1) if has_next else None,
            "page": page,
            "page_size": page_size,
            "previous_page_uri": page_uri(page - 1) if page else None,
            "start": page * page_size,
            "uri": page_uri(page),
        }

    def status_callback(
        self, sid: str, status: str = "delivered", error_code: int | None = None
    ) -> tuple[str, dict[str, str], str]:
        """The (URL, form, X-Twilio-Signature) Twilio would POST for a status change."""
        record = self.message(sid)
        if record is None:
            raise KeyError(sid)
        if not record["StatusCallback"]:
            raise ValueError(f"message {sid} has no StatusCallback")
        form = {
            "AccountSid": self.account_sid,
            "ApiVersion": "2010-04-01",
            "From": record["From"] or "",
            "MessageSid": sid,
            "MessageStatus": status,
            "SmsSid": sid,
            "SmsStatus": status,
            "To": record["To"],
        }
        if record["MessagingServiceSid"]:
            form["MessagingServiceSid"] = record["MessagingServiceSid"]
        if error_code is not None:
            form["ErrorCode"] = str(error_code)
        url = record["StatusCallback"]
        signature = RequestValidator(self.auth_token).compute_signature(url, form)
        return url, form, signature

    def deliver(self, sid: str, status: str = "delivered", error_code: int | None = None) -> int:
        """POST the signed status callback to the message's StatusCallback URL; the HTTP status."""
        url, form, signature = self.status_callback(sid, status, error_code)
        with self._lock:
            record = next(m for m in self.messages if m["sid"] == sid)
            record["status"] = status
            record["error_code"] = error_code
        request = urllib.request.Request(  # noqa: S310 - the URL is the app's own callback
            url,
            data=urllib.parse.urlencode(form).encode(),
            headers={"X-Twilio-Signature": signature},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def add_media(self, data: bytes, content_type: str, *, redirect_to: str | None = None) -> str:
        """Serve `data` as an MMS item (auth required, as with enforced media auth); its URL."""
        path = (
            f"/2010-04-01/Accounts/{self.account_sid}/Messages/MM{uuid.uuid4().hex}"
            f"/Media/ME{uuid.uuid4().hex}"
        )
        with self._lock:
            self.media[path] = (content_type, data, redirect_to)
        return self.base_url + path

    def is_authorised(self, header: str | None) -> bool:
        if not header or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header.removeprefix("Basic ")).decode()
        except (ValueError, UnicodeDecodeError):
            return False
        expected = f"{self.account_sid}:{self.auth_token}"
        return hmac.compare_digest(decoded.encode(), expected.encode())


class _Handler(BaseHTTPRequestHandler):
    fake: FakeTwilio
    server_version = "FakeTwilio/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        # Request lines carry no bodies or numbers (forms are POSTed); debug keeps tests quiet.
        logger.debug("fake twilio: %s", format % args)

    def _send_json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up waiting (a timeout on purpose): nothing left to answer.
            self.close_connection = True

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        return dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))

    def _api_account(self, match: re.Match[str]) -> bool:
        """Check auth and the account in the path; answer the error and return False if wrong."""
        if not self.fake.is_authorised(self.headers.get("Authorization")):
            self._send_json(401, error_body(20003, 401))
            return False
        if match["account"] != self.fake.account_sid:
            self._send_json(404, error_body(20404, 404))
            return False
        return True

    def _create_message(self, form: dict[str, str]) -> None:
        """Answer one message create: an outage, a delay or the latency first, if any."""
        outage = self.fake._take_outage("create")
        if outage is not None and outage.mode in OUTAGE_ERRORS:
            code, http_status = OUTAGE_ERRORS[outage.mode]
            self._send_json(http_status, error_body(code, http_status))
            return
        seconds, creates, release = self.fake._take_delay()
        if outage is not None:
            seconds = max(seconds, outage.slow_seconds)
        seconds = max(seconds, self.fake.latency)
        # Created first, answered late: a client that times out has still sent the text.
        if creates:
            status, payload = self.fake.create_message(form)
        else:
            status, payload = 500, error_body(20500, 500)
        if seconds and release.wait(seconds):
            # Released by reset() or stop(): drop the connection without an answer.
            self.close_connection = True
            return
        self._send_json(status, payload)

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        path = urllib.parse.urlsplit(self.path)
        if match := CALLS_RE.match(path.path):  # reminders: the Calls API
            form = self._form()
            self.fake.requests.append({"method": "POST", "path": path.path})
            if self._api_account(match):
                self._send_json(*self.fake.create_call(form))
            return
        if match := MESSAGES_RE.match(path.path):
            form = self._form()
            self.fake.requests.append({"method": "POST", "path": path.path})
            if not self._api_account(match):
                return
            to = form.get("To", "")
            with self.fake._lock:
                self.fake.in_flight += 1
                self.fake.max_in_flight = max(self.fake.max_in_flight, self.fake.in_flight)
                count = self.fake._in_flight_to[to] = self.fake._in_flight_to.get(to, 0) + 1
                self.fake.max_in_flight_per_number = max(self.fake.max_in_flight_per_number, count)
            try:
                self._create_message(form)
            finally:
                with self.fake._lock:
                    self.fake.in_flight -= 1
                    self.fake._in_flight_to[to] -= 1
            return
        if match := DELIVER_RE.match(path.path):
            query = dict(urllib.parse.parse_qsl(path.query))
            code = query.get("error_code")
            try:
                answer = self.fake.deliver(
                    match["sid"], query.get("status", "delivered"), int(code) if code else None
                )
            except KeyError:
                self._send_json(404, error_body(20404, 404))
                return
            self._send_json(200, {"sid": match["sid"], "callback_status": answer})
            return
        self._send_json(404, error_body(20404, 404))

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        split = urllib.parse.urlsplit(self.path)
        path = split.path
        if match := MESSAGES_RE.match(path):
            self.fake.requests.append({"method": "GET", "path": path})
            if not self._api_account(match):
                return
            outage = self.fake._take_outage("list")
            if outage is not None and outage.mode in OUTAGE_ERRORS:
                code, http_status = OUTAGE_ERRORS[outage.mode]
                self._send_json(http_status, error_body(code, http_status))
                return
            if outage is not None and self.fake._release.wait(outage.slow_seconds):
                self.close_connection = True
                return
            query = dict(urllib.parse.parse_qsl(split.query, keep_blank_values=True))
            try:
                payload = self.fake.list_messages(query)
            except ValueError:
                self._send_json(400, error_body(20001, 400, "Invalid parameter"))
                return
            self._send_json(200, payload)
            return
        if path == "/_fake/messages":
            with self.fake._lock:
                listing = [dict(m) for m in self.fake.messages]
            self._send_json(200, {"messages": listing})
            return
        if path in self.fake.media:
            self.fake.requests.append({"method": "GET", "path": path})
            if not self.fake.is_authorised(self.headers.get("Authorization")):
                self._send_json(401, error_body(20003, 401))
                return
            content_type, data, redirect = self.fake.media[path]
            if redirect:
                self.send_response(302)
                self.send_header("Location", redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if match := MESSAGE_RE.match(path):
            if not self._api_account(match):
                return
            record = self.fake.message(match["sid"])
            if record is None:
                self._send_json(404, error_body(20404, 404))
                return
            self._send_json(200, self.fake._resource(record))
            return
        self._send_json(404, error_body(20404, 404))


def _is_day(value: str) -> bool:
    return len(value.strip()) == 10


def _parse_date(value: str | None) -> float | None:
    """A `DateSent` filter value (YYYY-MM-DD or ISO 8601 with Z) as epoch seconds."""
    if not value:
        return None
    value = value.strip()
    if _is_day(value):
        parsed = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    else:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def main(argv: list[str] | None = None) -> int:
    """Run the fake server in the foreground until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--account-sid", required=True)
    parser.add_argument("--auth-token", required=True)
    parser.add_argument(
        "--auto-deliver",
        type=float,
        default=None,
        metavar="SECONDS",
        help="send a signed 'delivered' callback this long after each message is created",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0,
        help="answer every message create this late, like the real API's round trip",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    fake = FakeTwilio(args.account_sid, args.auth_token, port=args.port)
    fake.latency = args.latency_ms / 1000
    fake.start()
    print(f"fake Twilio listening on {fake.base_url}", flush=True)
    delivered: set[str] = set()
    try:
        while True:
            time.sleep(0.5)
            if args.auto_deliver is None:
                continue
            cutoff = time.time() - args.auto_deliver
            for record in list(fake.messages):
                if record["sid"] in delivered or not record["StatusCallback"]:
                    continue
                if record["created_epoch"] <= cutoff:
                    delivered.add(record["sid"])
                    status = fake.deliver(record["sid"])
                    logger.info("delivered %s (callback answered %s)", record["sid"], status)
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    import sys
    from pathlib import Path

    # Run as a file: make the project importable without installing it.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
