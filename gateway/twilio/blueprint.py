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
from collections.abc import Callable

from flask import Blueprint, Response, request

logger = logging.getLogger(__name__)

bp = Blueprint("twilio", __name__, url_prefix="/twilio")

RETRY_AFTER_SECONDS = 5

#: What a caller still on the line hears when their route fails, by endpoint. The voice module
#: registers its own (it imports `bp`, so `bp` must not import it back).
live_call_fallbacks: dict[str, Callable[[], Response]] = {}


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
    logger.error(
        "twilio webhook %s failed: %s", request.endpoint, type(error).__name__, exc_info=error
    )
    from gateway.db import discard_session

    discard_session()
    fallback = live_call_fallbacks.get(request.endpoint or "")
    return fallback() if fallback is not None else retry_later()
