"""The `/twilio/...` blueprint. Route modules (sms, voice, status) attach to `bp`.

Every route answers valid TwiML (`text/xml`). A 2xx means what Twilio sent is stored: when
something fails before the commit (the database refuses connections, the SQLite file is
locked past the busy timeout, a surprise), the answer is a 503 with `Retry-After` and an empty
`<Response/>`, so Twilio retries or calls the fallback URL instead of taking the message for
delivered. Two routes answer a caller who is still on the line, so they keep the call going
instead: the incoming call gets the greeting, the 911 line and the recording from a fallback
that needs no database, and the recording's action says goodbye (the recording's own status
callback, retried by Twilio, stores the voicemail).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from flask import Blueprint, Response, request

logger = logging.getLogger(__name__)

bp = Blueprint("twilio", __name__, url_prefix="/twilio")

RETRY_AFTER_SECONDS = 5

#: What a caller still on the line hears when their route fails, by endpoint. The voice module
#: registers its own (it imports `bp`, so `bp` must not import it back).
live_call_fallbacks: dict[str, Callable[[], Response]] = {}

#: Database failure kinds seen since the last stored webhook, with how many were refused. A
#: read-only or full database refuses every webhook until someone fixes it: the log says so
#: once per kind and once when it is over, not once per text.
_refusing: dict[str, int] = {}
_refusing_lock = threading.Lock()


def retry_later() -> Response:
    """503 with Retry-After and valid TwiML: nothing was stored, Twilio should try again."""
    response = Response(
        '<?xml version="1.0" encoding="UTF-8"?><Response />', status=503, mimetype="text/xml"
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@bp.errorhandler(Exception)
def _answer_anyway(error: Exception):
    """Never 200 for what was not stored; keep a live call going. Logged without PHI."""
    from werkzeug.exceptions import HTTPException

    if isinstance(error, HTTPException):
        if error.code and error.code < 500:
            return error
    from gateway.db import discard_session, write_failure_kind

    kind = write_failure_kind(error)
    if kind is None:
        logger.error(
            "twilio webhook %s failed: %s", request.endpoint, type(error).__name__, exc_info=error
        )
    else:
        with _refusing_lock:
            first = kind not in _refusing
            _refusing[kind] = _refusing.get(kind, 0) + 1
        if first:
            logger.error(
                "twilio webhooks refused with 503 (Twilio retries): the database is %s (%s); "
                "logged once until a webhook is stored again",
                kind,
                type(error).__name__,
            )

    discard_session()
    fallback = live_call_fallbacks.get(request.endpoint or "")
    return fallback() if fallback is not None else retry_later()


@bp.after_request
def _note_recovery(response: Response) -> Response:
    """One line when webhooks are stored again after a database failure."""
    if _refusing and response.status_code < 300:
        with _refusing_lock:
            refused = dict(_refusing)
            _refusing.clear()
        if refused:
            logger.warning(
                "database writable again: twilio webhooks stored; %s refused meanwhile (%s)",
                sum(refused.values()),
                ", ".join(sorted(refused)),
            )
    return response
