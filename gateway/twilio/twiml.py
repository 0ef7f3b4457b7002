"""TwiML answers, always `text/xml`."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Response, current_app
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse


def xml(twiml: MessagingResponse | VoiceResponse) -> Response:
    return Response(str(twiml), status=200, mimetype="text/xml")


def empty_response() -> Response:
    """`<Response/>`: nothing to say (replies go out through the outbox)."""
    return xml(MessagingResponse())


def answer(twiml: MessagingResponse | VoiceResponse, outbox_ids: Sequence[int] = ()) -> Response:
    """TwiML for Twilio; the texts this request queued go out once the response closes.

    The request has committed by then, so a text never leaves for a change that rolled back;
    if sending fails or is switched off (SEND_AFTER_REQUEST=false), the worker sends them.
    """
    from gateway.outbox import send_after_commit

    response = xml(twiml)
    gateway = current_app.extensions["gateway"]
    if outbox_ids and gateway.settings.send_after_request:
        app = current_app._get_current_object()  # noqa: SLF001
        ids = list(outbox_ids)
        response.call_on_close(lambda: send_after_commit(app, ids))
    return response
