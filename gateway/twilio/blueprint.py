"""The `/twilio/...` blueprint. Route modules (sms, voice, status) attach to `bp`.

Every route here answers Twilio with valid TwiML (`text/xml`), never a 500: an unexpected error
is logged without patient data and answered with an empty `<Response/>`.
"""

from __future__ import annotations

import logging

from flask import Blueprint

from gateway.twilio.twiml import empty_response

logger = logging.getLogger(__name__)

bp = Blueprint("twilio", __name__, url_prefix="/twilio")


@bp.errorhandler(Exception)
def _answer_anyway(error: Exception):
    """Twilio retries and alerts on 5xx; answer valid TwiML and log the surprise (no PHI)."""
    from werkzeug.exceptions import HTTPException

    if isinstance(error, HTTPException):
        if error.code and error.code < 500:
            return error
    logger.error("twilio webhook failed: %s", type(error).__name__, exc_info=error)
    return empty_response()
