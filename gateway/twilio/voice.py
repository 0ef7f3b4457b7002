"""Voice webhooks: the clinic's phone line answers with a greeting and takes a voicemail.

Set in the Twilio console on the clinic's number:

- "A call comes in": ``POST /twilio/voice``
- "Call status changes": ``POST /twilio/voice/status``

The greeting's `<Record>` points Twilio at the rest itself (absolute URLs on PUBLIC_BASE_URL,
since Twilio signs the URL it calls):

- ``POST /twilio/voice/recorded``: the Record action, while the caller is still on the line;
  answers goodbye and hangs up
- ``POST /twilio/voice/recording``: the recording status callback (the file is ready)
- ``POST /twilio/voice/transcription``: Twilio's transcription callback

Answer to each::

    /voice         <Response><Say language="en-US">Thank you for calling ...</Say>
                   <Say language="es-US">Gracias por llamar ...</Say>
                   <Record action=".../recorded" recordingStatusCallback=".../recording"
                           transcribe="true" transcribeCallback=".../transcription" .../>
                   <Say>Thank you ... Goodbye.</Say><Hangup/></Response>
    /recorded      <Response><Say>...Goodbye.</Say>...<Hangup/></Response>
    others         <Response/>

Every route checks the signature first (403), needs its CallSid (and RecordingSid) or answers
400 (full-string patterns, gateway.twilio.fields), and otherwise always answers TwiML. The
callbacks only store: the worker processes the voicemail (gateway.ingest). A failure before the
commit answers 503 so Twilio retries (the blueprint), except while the caller is on the line:
the greeting then comes from `fallback_answer`, which needs no database.
The voicemail rules (store once, process once, never drop one) live in `gateway.voicemail`.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from flask import abort, current_app, request
from twilio.twiml.voice_response import VoiceResponse

from flows import messages as m
from flows.types import ClinicInfo
from gateway import voicemail
from gateway.clinic import clinic_for_number, clinic_info
from gateway.db import get_session
from gateway.i18n import locale_for_voice, render_text
from gateway.logs import mask_phone
from gateway.models import Call, Clinic
from gateway.phones import normalise_phone
from gateway.twilio import fields
from gateway.twilio.blueprint import bp, live_call_fallbacks
from gateway.twilio.signature import twilio_signed
from gateway.twilio.twiml import xml

logger = logging.getLogger(__name__)

CALL_SID = fields.CALL_SID
RECORDING_SID = fields.RECORDING_SID
#: Recordings Twilio reports with these statuses hold no voicemail.
NOT_A_VOICEMAIL = frozenset({"absent", "failed"})
#: The longest recording a duration may claim (a day): anything else is "not reported".
MAX_DURATION_SECONDS = 86_400
#: Caller IDs Twilio sends when the caller withheld their number (anonymous, restricted,
#: blocked, unavailable, unknown). Some look like real numbers: never text or store them.
WITHHELD_CALLER_IDS = frozenset(
    {"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"}
)
#: Call statuses that mean the call is over.
ENDED_STATUSES = frozenset({"completed", "busy", "no-answer", "failed", "canceled"})

#: Long enough for a name, a date of birth and a question; longer messages are kept (and reach
#: staff without a transcript) rather than cut off mid-sentence.
MAX_RECORDING_SECONDS = 180
#: Seconds of silence that end the recording.
SILENCE_TIMEOUT_SECONDS = 5


def _now() -> datetime:
    return datetime.now(UTC)


def _url(path: str) -> str:
    """The absolute URL Twilio should call (and will sign) for one of our routes."""
    settings = current_app.extensions["gateway"].settings
    base = settings.public_base_url or request.host_url.rstrip("/")
    return base + path


def _required_sid(name: str, pattern: re.Pattern[str]) -> str:
    value = request.form.get(name, "")
    if not pattern.fullmatch(value):
        logger.warning("voice webhook %s without a valid %s rejected", request.path, name)
        abort(400, description=f"{name} is missing or malformed")
    return value


def caller_number(raw: str | None) -> str | None:
    """The caller as E.164, or None when withheld or not a phone number (a SIP or app client)."""
    if not raw or raw.strip() in WITHHELD_CALLER_IDS:
        return None
    return normalise_phone(raw)


def _duration(raw: str | None) -> int | None:
    return fields.integer(raw, high=MAX_DURATION_SECONDS)


def _call_for(session, call_sid: str, now: datetime) -> tuple[Call, Clinic]:
    """The call row, created from the form's From/To when the incoming-call webhook never got
    through (the later callbacks still deserve a home)."""
    call = voicemail.find_call(session=session, call_sid=call_sid)
    if call is not None:
        clinic = session.get(Clinic, call.clinic_id)
        assert clinic is not None
        return call, clinic
    settings = current_app.extensions["gateway"].settings
    to_number = normalise_phone(request.form.get("To")) or ""
    clinic = clinic_for_number(session=session, to_number=to_number, settings=settings)
    contact = voicemail.caller_contact(
        session=session, clinic=clinic, phone=caller_number(request.form.get("From"))
    )
    call, _ = voicemail.upsert_call(
        session=session, call_sid=call_sid, clinic=clinic, contact=contact, now=now
    )
    return call, clinic


def _recording(call_sid: str, recording_sid: str) -> voicemail.Recording:
    settings = current_app.extensions["gateway"].settings
    url = fields.recording_url(
        request.form.get("RecordingUrl"),
        account_sid=request.form.get("AccountSid") or settings.twilio_account_sid,
        recording_sid=recording_sid,
    )
    if url != (request.form.get("RecordingUrl") or None):
        logger.warning("recording %s came with an unusable RecordingUrl; rebuilt", recording_sid)
    return voicemail.Recording(
        call_sid=call_sid,
        recording_sid=recording_sid,
        url=url,
        duration=_duration(request.form.get("RecordingDuration")),
    )


def _say_in_each_language(response: VoiceResponse, clinic: Clinic | ClinicInfo, msgid: str) -> None:
    info = clinic if isinstance(clinic, ClinicInfo) else clinic_info(clinic)
    for lang in info.languages or ("en",):
        response.say(render_text(msgid, lang=lang, clinic=info), language=locale_for_voice(lang))


#: The last clinic that greeted a caller in this process: the fallback greeting's name.
_last_greeting: dict[str, ClinicInfo] = {}


def _fallback_clinic() -> ClinicInfo:
    info = _last_greeting.get("clinic")
    if info is not None:
        return info
    return clinic_info(Clinic(slug="main", name="our clinic", phone="", languages=["en", "es"]))


def _greeting(clinic: Clinic | ClinicInfo) -> VoiceResponse:
    response = VoiceResponse()
    _say_in_each_language(response, clinic, m.VOICE_GREETING)
    response.record(
        action=_url("/twilio/voice/recorded"),
        method="POST",
        max_length=MAX_RECORDING_SECONDS,
        timeout=SILENCE_TIMEOUT_SECONDS,
        finish_on_key="#",
        play_beep=True,
        recording_status_callback=_url("/twilio/voice/recording"),
        recording_status_callback_method="POST",
        recording_status_callback_event="completed",
        transcribe=True,
        transcribe_callback=_url("/twilio/voice/transcription"),
    )
    # Reached only when nothing was recorded (silence): say goodbye anyway.
    _say_in_each_language(response, clinic, m.VOICE_GOODBYE)
    response.hangup()
    return response


def fallback_answer(endpoint: str | None):
    """What a caller hears when the database fails mid-call: the greeting with its 911 line
    and the recording (stored once the recording's callback gets through), or goodbye."""
    clinic = _fallback_clinic()
    if endpoint == "twilio.incoming_call":
        return xml(_greeting(clinic))
    response = VoiceResponse()
    _say_in_each_language(response, clinic, m.VOICE_GOODBYE)
    response.hangup()
    return xml(response)


for _endpoint in ("twilio.incoming_call", "twilio.recording_finished"):
    live_call_fallbacks[_endpoint] = lambda endpoint=_endpoint: fallback_answer(endpoint)


# ----------------------------------------------------------------------------- routes


@bp.post("/voice")
@twilio_signed
def incoming_call():
    """Record the call and its caller, greet in each clinic language, record a voicemail."""
    call_sid = _required_sid("CallSid", CALL_SID)
    session = get_session()
    now = _now()
    settings = current_app.extensions["gateway"].settings
    to_number = normalise_phone(request.form.get("To")) or ""
    clinic = clinic_for_number(session=session, to_number=to_number, settings=settings)
    caller = caller_number(request.form.get("From"))
    contact = voicemail.caller_contact(session=session, clinic=clinic, phone=caller)
    call, created = voicemail.upsert_call(
        session=session, call_sid=call_sid, clinic=clinic, contact=contact, now=now
    )
    session.commit()
    if created:
        logger.info("incoming call %s from %s", call.id, mask_phone(caller))
    info = clinic_info(clinic)
    _last_greeting["clinic"] = info
    return xml(_greeting(info))


@bp.post("/voice/recorded")
@twilio_signed
def recording_finished():
    """The Record action: store the voicemail early (the status callback may be late), hang up.

    Storing here as well means a call that ends before the recording file is ready is never
    taken for a missed call; the RecordingSid keeps it one voicemail.
    """
    call_sid = _required_sid("CallSid", CALL_SID)
    session = get_session()
    now = _now()
    call, clinic = _call_for(session, call_sid, now)
    recording_sid = request.form.get("RecordingSid", "")
    if (
        RECORDING_SID.fullmatch(recording_sid)
        and _duration(request.form.get("RecordingDuration")) != 0
    ):
        voicemail.receive_recording(
            session=session,
            call=call,
            recording=_recording(call_sid, recording_sid),
            from_number=caller_number(request.form.get("From")),
            to_number=normalise_phone(request.form.get("To")) or "",
            now=now,
        )
    session.commit()
    response = VoiceResponse()
    _say_in_each_language(response, clinic, m.VOICE_GOODBYE)
    response.hangup()
    return xml(response)


@bp.post("/voice/recording")
@twilio_signed
def recording_status():
    """The recording file is ready: store the voicemail; process it unless a transcript is due."""
    call_sid = _required_sid("CallSid", CALL_SID)
    recording_sid = _required_sid("RecordingSid", RECORDING_SID)
    session = get_session()
    now = _now()
    status = request.form.get("RecordingStatus", "completed")
    if status in NOT_A_VOICEMAIL:
        # Silence or a failed recording: no voicemail (the call's status callback records a
        # missed call), and one the Record action stored early is withdrawn.
        logger.info("call recording %s is %s: not a voicemail", recording_sid, status)
        call = voicemail.find_call(session=session, call_sid=call_sid)
        if call is not None:
            voicemail.withdraw_recording(
                session=session, call=call, recording_sid=recording_sid, now=now
            )
            session.commit()
        return xml(VoiceResponse())
    call, _clinic = _call_for(session, call_sid, now)
    voicemail.receive_recording(
        session=session,
        call=call,
        recording=_recording(call_sid, recording_sid),
        from_number=caller_number(request.form.get("From")),
        to_number=normalise_phone(request.form.get("To")) or "",
        now=now,
    )
    session.commit()
    return xml(VoiceResponse())


@bp.post("/voice/transcription")
@twilio_signed
def transcription():
    """Twilio's transcript (or its failure): the voicemail enters the pipeline now."""
    call_sid = _required_sid("CallSid", CALL_SID)
    recording_sid = _required_sid("RecordingSid", RECORDING_SID)
    session = get_session()
    now = _now()
    call, _clinic = _call_for(session, call_sid, now)
    completed = request.form.get("TranscriptionStatus", "") == "completed"
    voicemail.receive_transcription(
        session=session,
        call=call,
        recording=_recording(call_sid, recording_sid),
        transcript=request.form.get("TranscriptionText", "") if completed else None,
        from_number=caller_number(request.form.get("From")),
        to_number=normalise_phone(request.form.get("To")) or "",
        now=now,
    )
    session.commit()
    return xml(VoiceResponse())


@bp.post("/voice/status")
@twilio_signed
def call_status():
    """The call's status changed: when it has ended without a voicemail, it was missed."""
    call_sid = _required_sid("CallSid", CALL_SID)
    status = request.form.get("CallStatus", "")
    if status not in ENDED_STATUSES:
        return xml(VoiceResponse())
    session = get_session()
    now = _now()
    call, _clinic = _call_for(session, call_sid, now)
    voicemail.end_call(session=session, call=call, now=now)
    session.commit()
    return xml(VoiceResponse())
