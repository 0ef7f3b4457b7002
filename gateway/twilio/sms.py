"""`POST /twilio/sms`: an inbound text.

Order matters: signature check, then the message is stored and committed, then processed. A
retried webhook (same MessageSid) finds the stored row and changes nothing; a message whose
earlier processing died is processed on the retry. Replies never ride in the TwiML: they go
through the outbox, so a retry can never send them twice.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from flask import abort, current_app, request
from twilio.twiml.messaging_response import MessagingResponse

from gateway.clinic import clinic_for_number
from gateway.conversations import process_inbound, store_inbound
from gateway.db import get_session
from gateway.models import MessageChannel
from gateway.phones import normalise_phone
from gateway.staff.media import record_media
from gateway.twilio.blueprint import bp
from gateway.twilio.media import media_from_form
from gateway.twilio.signature import twilio_signed
from gateway.twilio.twiml import answer

logger = logging.getLogger(__name__)

SID = re.compile(r"^[A-Z]{2}[0-9a-zA-Z]{16,62}$")
#: Twilio caps a concatenated SMS at 1,600 characters; anything longer is kept but flagged.
MAX_SMS_BODY = 1600


@bp.post("/sms")
@twilio_signed
def inbound_sms():
    """Store, then process, then answer an empty `<Response/>` (replies go via the outbox)."""
    form = request.form
    sid = form.get("MessageSid") or form.get("SmsMessageSid") or ""
    if not SID.match(sid):
        logger.warning("inbound sms without a valid MessageSid rejected")
        abort(400, description="MessageSid is missing or malformed")
    raw_from = form.get("From", "")
    if not raw_from.strip():
        logger.warning("inbound sms %s without From rejected", sid)
        abort(400, description="From is missing")
    # A short code or alphanumeric sender is kept as written (no replies can go to it).
    from_number = normalise_phone(raw_from) or raw_from.strip()[:20]
    to_number = normalise_phone(form.get("To", "")) or ""
    body = form.get("Body", "")
    if len(body) > MAX_SMS_BODY:
        logger.warning(
            "inbound sms %s body is %d characters (over %d)", sid, len(body), MAX_SMS_BODY
        )

    settings = current_app.extensions["gateway"].settings
    session = get_session()
    now = datetime.now(UTC)
    clinic = clinic_for_number(session=session, to_number=to_number, settings=settings)
    message, created = store_inbound(
        session=session,
        clinic=clinic,
        from_number=from_number,
        to_number=to_number,
        body=body,
        channel=MessageChannel.SMS,
        twilio_sid=sid,
        now=now,
        claim=True,
    )
    if not created:
        logger.info("inbound sms %s is a retry of message %s", sid, message.id)
    else:  # MMS photos: recorded here, fetched by the worker (gateway/staff/media.py)
        record_media(session=session, message_id=message.id, media=media_from_form(form))
    outbox_ids = process_inbound(
        session=session,
        message_id=message.id,
        now=now,
        carrier_answers_keywords=settings.twilio_handles_keywords,
        is_claimed=created,
    )
    return answer(MessagingResponse(), outbox_ids)
