"""TwiML answers, always `text/xml`."""

from __future__ import annotations

from flask import Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse


def xml(twiml: MessagingResponse | VoiceResponse) -> Response:
    return Response(str(twiml), status=200, mimetype="text/xml")


_EMPTY = str(MessagingResponse())


def empty_response() -> Response:
    """`<Response/>`: nothing to say (replies go out through the outbox)."""
    return Response(_EMPTY, status=200, mimetype="text/xml")
