"""The TwiML of reminder calls to landlines (gateway.reminders.calls places them).

- ``POST /twilio/voice/reminder?reminder_id=N``: the call was answered. A person hears the
  reminder and the keypad menu (1 confirm, 2 reschedule, 3 cancel, 9 repeat); an answering
  machine (`AnsweredBy` machine_*) gets a short message with the clinic's number, no menu.
- ``POST /twilio/voice/reminder/keypress?reminder_id=N``: the key pressed, applied through the
  same flows as a texted C / R / X; a retried webhook counts once.

Signed like every Twilio webhook (403 otherwise); always valid TwiML.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import abort, current_app, request
from twilio.twiml.voice_response import VoiceResponse

from gateway.db import get_session
from gateway.i18n import locale_for_voice
from gateway.reminders.calls import keypress, reminder_for_call, reminder_speech
from gateway.twilio.blueprint import bp
from gateway.twilio.signature import twilio_signed
from gateway.twilio.twiml import xml

logger = logging.getLogger(__name__)


def _reminder():
    try:
        reminder_id = int(request.args.get("reminder_id", ""))
    except ValueError:
        abort(400)
    reminder = reminder_for_call(session=get_session(), reminder_id=reminder_id)
    if reminder is None:
        abort(404)
    return reminder


def _menu_url(reminder_id: int) -> str:
    base = current_app.extensions["gateway"].settings.public_base_url.rstrip("/")
    return f"{base}/twilio/voice/reminder/keypress?reminder_id={reminder_id}"


def _menu(reminder) -> VoiceResponse:
    spoken = reminder_speech(session=get_session(), reminder=reminder, machine=False)
    response = VoiceResponse()
    gather = response.gather(num_digits=1, action=_menu_url(reminder.id), timeout=8)
    gather.say(spoken.text, language=locale_for_voice(spoken.lang))
    # No key pressed: say it once more, then hang up (staff see the reminder was not answered).
    response.say(spoken.text, language=locale_for_voice(spoken.lang))
    response.hangup()
    return response


@bp.post("/voice/reminder")
@twilio_signed
def reminder_call():
    """The reminder call was answered: the menu for a person, a message for a machine."""
    reminder = _reminder()
    if request.form.get("AnsweredBy", "").startswith("machine"):
        spoken = reminder_speech(session=get_session(), reminder=reminder, machine=True)
        response = VoiceResponse()
        response.say(spoken.text, language=locale_for_voice(spoken.lang))
        response.hangup()
        return xml(response)
    return xml(_menu(reminder))


@bp.post("/voice/reminder/keypress")
@twilio_signed
def reminder_keypress():
    """1 confirm, 2 reschedule, 3 cancel, 9 (or anything else) hears the reminder again."""
    reminder = _reminder()
    digit = request.form.get("Digits", "")[:1]
    call_sid = request.form.get("CallSid", "") or (reminder.call_sid or "")
    if digit not in ("1", "2", "3"):
        return xml(_menu(reminder))
    spoken = keypress(
        session=get_session(),
        reminder=reminder,
        digit=digit,
        call_sid=call_sid,
        now=datetime.now(UTC),
    )
    response = VoiceResponse()
    response.say(spoken.text, language=locale_for_voice(spoken.lang))
    response.hangup()
    logger.info("reminder call %s: key %s", reminder.id, digit)
    return xml(response)
