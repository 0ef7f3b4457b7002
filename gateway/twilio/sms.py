"""`POST /twilio/sms`: an inbound text. Store, then acknowledge; nothing else in the request.

Order: signature check (403), the form checked at the edge (400 on a bad MessageSid or a
missing From; gateway.twilio.fields), then one insert and one commit of the raw message, then
an empty `<Response/>`. The emergency screen, flows, effects and replies run in the worker
processes (gateway.ingest), woken by the commit. A retried webhook (same MessageSid) finds the
stored row and changes nothing. If anything fails before the commit, Twilio gets a 503 with
Retry-After (the blueprint's error handler), so it retries or calls the fallback URL: a 200
always means the message is stored.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import abort, current_app, request

from gateway.clinic import cached_clinic_id, clinic_for_number_cached
from gateway.conversations import inbound_values
from gateway.db import get_session
from gateway.inbound_writer import writer_for
from gateway.logs import mask_phone
from gateway.models import MessageChannel
from gateway.phones import normalise_phone
from gateway.staff.media import record_media
from gateway.twilio import fields
from gateway.twilio.blueprint import bp
from gateway.twilio.media import media_from_form
from gateway.twilio.signature import twilio_signed
from gateway.twilio.twiml import empty_response

logger = logging.getLogger(__name__)

SID = fields.SMS_SID
#: Twilio caps a concatenated SMS at 1,600 characters; anything longer is kept but flagged.
MAX_SMS_BODY = 1600


@bp.post("/sms")
@twilio_signed
def inbound_sms():
    """Store the text (one insert, one commit) and answer an empty `<Response/>`."""
    form = request.form
    sid = fields.required_sid("MessageSid", SID, "SmsMessageSid")
    raw_from = form.get("From", "")
    if not raw_from.strip():
        logger.warning("inbound sms %s without From rejected", sid)
        abort(400, description="From is missing")
    # A short code or alphanumeric sender is kept as written (no replies can go to it).
    from_number = normalise_phone(raw_from) or fields.sender(raw_from)
    to_number = normalise_phone(form.get("To", "")) or ""
    body = form.get("Body", "")
    if len(body) > MAX_SMS_BODY:
        logger.warning(
            "inbound sms %s body is %d characters (over %d)", sid, len(body), MAX_SMS_BODY
        )
    opt_out = fields.opt_out_type(form.get("OptOutType"))

    gateway = current_app.extensions["gateway"]
    now = datetime.now(UTC)
    clinic_id = cached_clinic_id(to_number)
    if clinic_id is None:
        session = get_session()
        clinic = clinic_for_number_cached(
            session=session, to_number=to_number, settings=gateway.settings
        )
        # A first text may have created the default clinic: committed now, so the insert's own
        # connection below does not wait on this session's write (SQLite has one writer).
        session.commit()
        clinic_id = clinic.id
    values = inbound_values(
        clinic_id=clinic_id,
        from_number=from_number,
        to_number=to_number,
        body=body,
        channel=MessageChannel.SMS,
        twilio_sid=sid,
        now=now,
        signals={"opt_out_type": opt_out} if opt_out else None,
    )
    # The hot path: one raw INSERT on this thread's own connection (gateway.inbound_writer).
    message_id, stored = writer_for(gateway.engine).insert(values)
    if stored:
        logger.info("stored inbound sms message %s from %s", message_id, mask_phone(from_number))
    else:
        logger.info("inbound sms %s is a retry of message %s", sid, message_id)
    # MMS photos: recorded here (a retry adds nothing, and records what a failed try missed),
    # fetched by the worker (gateway/staff/media.py).
    media = media_from_form(form)
    if media:
        record_media(session=get_session(), message_id=message_id, media=media)
    return empty_response()
