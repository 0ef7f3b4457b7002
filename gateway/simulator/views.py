"""The simulator's routes: the page, `POST /simulator/send` and two JSON endpoints.

Patient text is hostile input here as everywhere: the page is an autoescaped template, the
script renders every message with `textContent`, and each response carries a strict
Content-Security-Policy (no inline script or style, nothing from elsewhere).
"""

from __future__ import annotations

import logging
import re
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import sqlalchemy as sa
from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request
from sqlmodel import Session, select

from gateway.db import get_session
from gateway.effects import open_handoff_for
from gateway.logs import mask_phone
from gateway.models import (
    Clinic,
    Contact,
    Conversation,
    Direction,
    Handoff,
    HandoffStatus,
    Location,
    Message,
    MessageStatus,
    Patient,
)
from gateway.outbox import send_pending
from gateway.phones import normalise_phone
from gateway.twilio.signature import sign_form

logger = logging.getLogger(__name__)

bp = Blueprint(
    "simulator",
    __name__,
    url_prefix="/simulator",
    template_folder="templates",
    static_folder="static",
)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
#: Used when neither TWILIO_FROM_NUMBER nor any location names the clinic's number.
FALLBACK_CLINIC_NUMBER = "+12025550100"
#: Twilio's own limit for one message body.
MAX_BODY_CHARS = 1600
THREAD_LIMIT = 200
QUEUE_LIMIT = 100
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


class MaskPhoneQuery(logging.Filter):
    """Mask `?phone=` in access-log lines: the page polls its thread with the number in the URL."""

    PATTERN = re.compile(r"(phone=)([^&\s\"]+)")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                self.PATTERN.sub(self._mask, arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        return True

    @staticmethod
    def _mask(match: re.Match[str]) -> str:
        return match.group(1) + mask_phone(unquote(match.group(2)))


@bp.record_once
def _quiet_access_log(_state: Any) -> None:
    # werkzeug's development server logs each request line, query string included.
    access_log = logging.getLogger("werkzeug")
    if not any(isinstance(f, MaskPhoneQuery) for f in access_log.filters):
        access_log.addFilter(MaskPhoneQuery())


@bp.before_request
def _local_only() -> None:
    """Served to this machine only: a request from anywhere else finds nothing (404).

    With PROXY_COUNT set, `remote_addr` is the client the proxy saw, so a proxied request
    from outside is refused as well.
    """
    if (request.remote_addr or "") not in ("127.0.0.1", "::1", "localhost"):
        abort(404)


@bp.after_request
def _security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if response.mimetype == "application/json":
        response.headers["Cache-Control"] = "no-store"
    return response


# ----------------------------------------------------------------------------- helpers


def clinic_number(session: Session) -> str:
    """The number the simulated patient texts: TWILIO_FROM_NUMBER, else the first location's."""
    settings = current_app.extensions["gateway"].settings
    if settings.twilio_from_number:
        return settings.twilio_from_number
    number = session.exec(
        select(Location.twilio_number)
        .where(Location.twilio_number.is_not(None))  # type: ignore[union-attr]
        .order_by(Location.id)
    ).first()
    return number or FALLBACK_CLINIC_NUMBER


def simulated_clinic(session: Session) -> Clinic | None:
    """The clinic that answers the simulated number (the first clinic if none claims it)."""
    number = clinic_number(session)
    location = session.exec(select(Location).where(Location.twilio_number == number)).first()
    if location is not None:
        clinic = session.get(Clinic, location.clinic_id)
        if clinic is not None:
            return clinic
    return session.exec(select(Clinic).order_by(Clinic.id)).first()


def demo_phones(session: Session, clinic: Clinic | None) -> list[dict[str, str]]:
    """The clinic's patients grouped by phone, for the picker: [{"phone", "label"}]."""
    if clinic is None:
        return []
    rows = session.exec(
        select(Patient, Contact)
        .join(Contact, Contact.id == Patient.contact_id)  # type: ignore[arg-type]
        .where(Patient.clinic_id == clinic.id)
        .order_by(Patient.id)
        .limit(50)
    ).all()
    phones: dict[str, dict[str, Any]] = {}
    for patient, contact in rows:
        entry = phones.setdefault(contact.phone, {"names": [], "language": None})
        entry["names"].append(patient.name or "Unnamed patient")
        entry["language"] = entry["language"] or contact.preferred_language
    choices = []
    for phone, entry in phones.items():
        label = ", ".join(entry["names"])
        details = [LANGUAGE_NAMES.get(entry["language"] or "en", entry["language"] or "")]
        if len(entry["names"]) > 1:
            details.append("shared phone")
        choices.append({"phone": phone, "label": f"{label} ({', '.join(details)})"})
    return choices


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


# ----------------------------------------------------------------------------- views


@bp.get("/")
def index() -> str:
    """The simulator page: a phone on the left, the staff queue on the right."""
    session = get_session()
    clinic = simulated_clinic(session)
    return render_template(
        "simulator/index.html",
        clinic_name=clinic.name if clinic else "No clinic yet",
        clinic_number=clinic_number(session),
        clinic_time_zone=clinic.time_zone if clinic else "UTC",
        phones=demo_phones(session, clinic),
        max_body=MAX_BODY_CHARS,
    )


@bp.post("/send")
def send() -> tuple[Response, int] | Response:
    """Text the clinic as a patient, through the real signed `POST /twilio/sms` webhook."""
    payload = request.get_json(silent=True)
    # JSON only: a cross-site form cannot send it without a CORS preflight we never answer.
    if not isinstance(payload, dict):
        return jsonify(error='send JSON: {"phone": "+1...", "body": "..."}'), 400
    phone = normalise_phone(str(payload.get("phone") or ""))
    body = str(payload.get("body") or "").strip()
    if phone is None:
        return jsonify(error="that is not a phone number"), 400
    if not body:
        return jsonify(error="type a message first"), 400
    if len(body) > MAX_BODY_CHARS:
        return jsonify(error=f"a text holds at most {MAX_BODY_CHARS} characters"), 400
    settings = current_app.extensions["gateway"].settings
    if not settings.twilio_auth_token:
        return jsonify(error="TWILIO_AUTH_TOKEN is not set, so the webhook refuses every text"), 400

    session = get_session()
    to_number = clinic_number(session)
    session.rollback()  # hold no transaction while the webhook writes (SQLite has one writer)
    sid = "SMsim" + uuid.uuid4().hex
    form = {
        "ToCountry": "US",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "SmsSid": sid,
        "SmsStatus": "received",
        "Body": body,
        "To": to_number,
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": settings.twilio_account_sid or "AC" + "0" * 32,
        "From": phone,
        "FromCountry": "US",
        "ApiVersion": "2010-04-01",
    }
    # The URL Twilio would sign: the webhook checks against PUBLIC_BASE_URL + path, and falls
    # back to the request's own host, which is http://localhost for the in-process client.
    url = (settings.public_base_url or "http://localhost") + "/twilio/sms"
    signature = sign_form(url, form, settings.twilio_auth_token)
    with current_app.test_client() as client:
        response = client.post("/twilio/sms", data=form, headers={"X-Twilio-Signature": signature})
        status = response.status_code
        response.close()  # runs any send-after-response callbacks of the webhook
    logger.info("simulated text %s from %s: webhook answered %s", sid, mask_phone(phone), status)
    if status != 200:
        return jsonify(error=f"the webhook answered HTTP {status}", message_sid=sid), 502
    # The webhook only stored the text; process it here too, so the demo answers without
    # waiting for the worker (claims make this safe beside a running worker).
    from gateway.ingest import process_ready

    process_ready(engine=current_app.extensions["gateway"].engine, now=datetime.now(UTC))
    sent = _send_queued_replies(phone)
    return jsonify(ok=True, message_sid=sid, phone=phone, sent=sent)


def _send_queued_replies(phone: str) -> int:
    """Send replies still queued for this phone now, rather than on the worker's next pass.

    The webhook itself sends after its response closes when SEND_AFTER_REQUEST is on; this
    covers it being off, so the demo still answers within a second.
    """
    gateway = current_app.extensions["gateway"]
    if gateway.sender is None:
        return 0
    with Session(gateway.engine, expire_on_commit=False) as session:
        ids = list(
            session.exec(
                select(Message.id).where(
                    Message.direction == Direction.OUTBOUND,
                    Message.to_number == phone,
                    Message.status == MessageStatus.QUEUED,
                )
            )
        )
    if not ids:
        return 0
    return send_pending(
        engine=gateway.engine,
        sender=gateway.sender,
        now=datetime.now(UTC),
        message_ids=[message_id for message_id in ids if message_id is not None],
    )


@bp.get("/api/thread")
def thread() -> tuple[Response, int] | Response:
    """The conversation with one phone: messages both ways with their delivery status."""
    phone = normalise_phone(request.args.get("phone", ""))
    if phone is None:
        return jsonify(error="pass ?phone=+1..."), 400
    session = get_session()
    clinic = simulated_clinic(session)
    if clinic is None:
        return jsonify(phone=phone, contact=None, messages=[])
    contact = session.exec(
        select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == phone)
    ).first()
    rows = session.exec(
        select(Message)
        .where(
            Message.clinic_id == clinic.id,
            sa.or_(
                sa.and_(Message.direction == Direction.INBOUND, Message.from_number == phone),
                sa.and_(Message.direction == Direction.OUTBOUND, Message.to_number == phone),
            ),
        )
        .order_by(Message.created_at.desc(), Message.id.desc())  # type: ignore[union-attr]
        .limit(THREAD_LIMIT)
    ).all()
    messages = [
        {
            "id": message.id,
            "direction": str(message.direction),
            "kind": str(message.kind),
            "channel": str(message.channel),
            "body": message.body,
            "status": str(message.status),
            "error_code": message.error_code,
            "segments": message.segments,
            "created_at": _iso(message.created_at),
            "sent_at": _iso(message.sent_at),
        }
        for message in reversed(rows)
    ]
    return jsonify(phone=phone, contact=_contact_state(session, contact), messages=messages)


def _contact_state(session: Session, contact: Contact | None) -> dict[str, Any] | None:
    if contact is None:
        return None
    conversation = session.exec(
        select(Conversation).where(Conversation.contact_id == contact.id)
    ).first()
    handoff = None
    if conversation is not None:
        handoff = open_handoff_for(session=session, conversation_id=conversation.id)
    return {
        "language": contact.preferred_language,
        "is_opted_out": contact.is_opted_out,
        "is_flagged": contact.is_flagged,
        "awaiting": conversation.awaiting if conversation else None,
        "handoff_queue": handoff.queue if handoff else None,
    }


@bp.get("/api/queue")
def queue() -> Response:
    """Open handoffs, most urgent first: what the staff queue would show."""
    session = get_session()
    clinic = simulated_clinic(session)
    if clinic is None:
        return jsonify(items=[])
    rows = session.exec(
        select(Handoff, Contact)
        .join(Conversation, Conversation.id == Handoff.conversation_id)  # type: ignore[arg-type]
        .join(Contact, Contact.id == Conversation.contact_id)  # type: ignore[arg-type]
        .where(Handoff.clinic_id == clinic.id, Handoff.status != HandoffStatus.RESOLVED)
        .order_by(Handoff.priority, Handoff.due_at, Handoff.id)  # type: ignore[arg-type]
        .limit(QUEUE_LIMIT)
    ).all()
    names = _names_by_contact(session, [contact.id for _, contact in rows])
    items = []
    for handoff, contact in rows:
        note = handoff.note or {}
        items.append(
            {
                "id": handoff.id,
                "queue": handoff.queue,
                "status": str(handoff.status),
                "priority": handoff.priority,
                "urgency": handoff.urgency,
                "is_emergency": handoff.is_emergency,
                "emergency": note.get("emergency"),
                "is_upset": bool(note.get("is_upset")),
                "summary": str(note.get("summary") or ""),
                "intent": note.get("intent"),
                "due_at": _iso(handoff.due_at),
                "opened_at": _iso(handoff.opened_at),
                "phone": contact.phone,
                "patients": names.get(contact.id, []),
            }
        )
    return jsonify(items=items)


def _names_by_contact(session: Session, contact_ids: list[int | None]) -> dict[int, list[str]]:
    ids = [contact_id for contact_id in contact_ids if contact_id is not None]
    if not ids:
        return {}
    names: dict[int, list[str]] = {}
    for patient in session.exec(
        select(Patient).where(Patient.contact_id.in_(ids))  # type: ignore[union-attr]
    ):
        if patient.contact_id is not None:
            names.setdefault(patient.contact_id, []).append(patient.name)
    return names
