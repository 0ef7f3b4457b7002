"""The reminders JSON API, for a practice system to sync with: import in, patients' answers out.

Every request carries `Authorization: Bearer <key>`; a key belongs to one clinic and only its
SHA-256 is stored (`flask --app gateway create-api-key --clinic main`). A missing, unknown or
revoked key gets 401, and nothing says which.

    POST /api/v1/appointments          the CSV columns as JSON, {"appointments": [{...}, ...]},
                                       or a FHIR R4 Bundle; answers the import summary and
                                       each bad row ({"where": "row 3", "field", "problem"})
    GET  /api/v1/appointments/changes  confirmations, cancellations and reschedule requests
         ?since=ISO[&format=csv]       patients made by text since then (oldest first), as
                                       JSON or as a CSV file
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Response, abort, jsonify, request
from sqlmodel import Session

from gateway.db import get_session
from gateway.models import ApiKey, Appointment, AuditEvent, Clinic, Patient, utcnow
from gateway.reminders.importer import (
    ImportResult,
    Row,
    RowError,
    import_rows,
    parse_csv_row,
    read_fhir,
)

bp = Blueprint("reminders_api", __name__, url_prefix="/api/v1")

#: A JSON import may be far larger than a Twilio form (the app's default limit).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
CHANGE_ACTIONS = {
    "appointment_confirmed": "confirmed",
    "appointment_cancelled": "cancelled",
    "appointment_reschedule_requested": "reschedule_requested",
}
EXPORT_COLUMNS = ("at", "change", "appointment_id", "patient_id", "start", "preferred_times")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(*, session: Session, clinic: Clinic, label: str = "") -> str:
    """Make a key for a clinic; returns the key itself, which is never stored."""
    key = "rk_" + secrets.token_urlsafe(32)
    session.add(ApiKey(clinic_id=clinic.id, key_hash=hash_key(key), label=label[:100]))
    session.flush()
    return key


def _clinic_for_request(session: Session) -> Clinic:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        abort(401)
    row = session.exec(
        sa.select(ApiKey).where(ApiKey.key_hash == hash_key(key.strip()))
    ).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        abort(401)
    clinic = session.get(Clinic, row.clinic_id)
    if clinic is None:
        abort(401)
    return clinic


@bp.before_request
def _allow_large_imports() -> None:
    request.max_content_length = MAX_IMPORT_BYTES


@bp.errorhandler(401)
def _unauthorised(_error: Any) -> tuple[Response, int]:
    response = jsonify(error="a valid API key is required (Authorization: Bearer ...)")
    response.headers["WWW-Authenticate"] = "Bearer"
    return response, 401


@bp.errorhandler(413)
def _too_large(_error: Any) -> tuple[Response, int]:
    return jsonify(error=f"at most {MAX_IMPORT_BYTES} bytes per request"), 413


@bp.errorhandler(400)
def _bad_request(error: Any) -> tuple[Response, int]:
    return jsonify(error=getattr(error, "description", "bad request")), 400


def _read_json() -> Any:
    """The request's JSON body; a body that is not JSON (or nests past the parser) is a 400."""
    if not request.is_json:
        return None
    try:
        return json.loads(request.get_data(cache=False) or b"null")
    except (ValueError, RecursionError):
        abort(400, description="the body is not valid JSON")


def _refuse_nul(payload: Any) -> None:
    """A 400 for a NUL character anywhere (no database text column can hold one)."""
    stack: list[tuple[str, Any]] = [("", payload)]
    while stack:  # by hand, not recursion: the parser already bounds the depth
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    abort(400, description=f"a field name{where} contains a NUL character")
                stack.append((where, item))
        elif isinstance(value, list):
            top = payload.get("appointments") if isinstance(payload, dict) else None
            for index, item in enumerate(value, start=1):
                stack.append((f" in row {index}" if value is top else where, item))
        elif isinstance(value, str) and "\x00" in value:
            abort(400, description=f"a value{where} contains a NUL character")


def _json_rows(records: list[Any], default_zone: str) -> Iterator[tuple[str, Row | RowError]]:
    for index, record in enumerate(records, start=1):
        where = f"row {index}"
        if not isinstance(record, dict):
            yield where, RowError("row", "not an object")
            continue
        try:
            yield (
                where,
                parse_csv_row(
                    {str(k): "" if v is None else str(v) for k, v in record.items()},
                    default_zone=default_zone,
                ),
            )
        except RowError as error:
            yield where, error
        except (ValueError, OverflowError):  # e.g. a start far past any calendar's reach
            yield where, RowError("row", "could not be read")


def _result_json(result: ImportResult) -> dict[str, Any]:
    return {
        "rows": result.rows,
        "created": result.created,
        "updated": result.updated,
        "cancelled": result.cancelled,
        "reminders_changed": result.reminders_changed,
        "errors": [{"where": w, "field": f, "problem": p} for w, f, p in result.errors],
        "summary": result.summary(),
    }


@bp.post("/appointments")
def import_appointments() -> tuple[Response, int]:
    """Import appointments (the CSV columns as JSON objects, or a FHIR R4 Bundle)."""
    session = get_session()
    clinic = _clinic_for_request(session)
    payload = _read_json()
    if not isinstance(payload, dict):
        abort(400, description='send JSON: {"appointments": [...]} or a FHIR Bundle')
    _refuse_nul(payload)
    if payload.get("resourceType") == "Bundle":
        try:
            # Read every entry before the first write: a Bundle of the wrong shape is refused
            # whole, so no import is left half done.
            rows = list(read_fhir(json.dumps(payload), default_zone=clinic.time_zone))
        except (AttributeError, TypeError, KeyError, ValueError, OverflowError):
            abort(400, description="the Bundle does not have the FHIR R4 shape this API reads")
        if len(rows) > MAX_ROWS:
            abort(400, description=f"at most {MAX_ROWS} appointments per request")
    else:
        records = payload.get("appointments")
        if not isinstance(records, list):
            abort(400, description='"appointments" must be a list of objects')
        if len(records) > MAX_ROWS:
            abort(400, description=f"at most {MAX_ROWS} appointments per request")
        rows = list(_json_rows(records, clinic.time_zone))
    result = import_rows(session=session, clinic=clinic, rows=iter(rows), now=utcnow())
    return jsonify(_result_json(result)), 200


def _changes(session: Session, clinic: Clinic, since: datetime) -> list[dict[str, str]]:
    found = session.exec(
        sa.select(AuditEvent, Appointment, Patient)
        .join(Appointment, Appointment.id == AuditEvent.subject_id)
        .join(Patient, Patient.id == Appointment.patient_id)
        .where(
            AuditEvent.clinic_id == clinic.id,
            AuditEvent.subject_type == "appointment",
            AuditEvent.action.in_(list(CHANGE_ACTIONS)),  # type: ignore[attr-defined]
            AuditEvent.created_at >= since,
        )
        .order_by(AuditEvent.created_at, AuditEvent.id)
    ).all()
    return [
        {
            "at": event.created_at.isoformat(),
            "change": CHANGE_ACTIONS[event.action],
            "appointment_id": appointment.external_id or "",
            "patient_id": patient.external_id or "",
            "start": appointment.starts_at.isoformat(),
            "preferred_times": appointment.status_note
            if event.action == "appointment_reschedule_requested"
            else "",
        }
        for event, appointment, patient in found
    ]


@bp.get("/appointments/changes")
def appointment_changes() -> Response:
    """What patients answered since `since`: JSON, or CSV with `format=csv`."""
    session = get_session()
    clinic = _clinic_for_request(session)
    try:
        since = datetime.fromisoformat(request.args.get("since", "1970-01-01T00:00:00+00:00"))
        since = (since if since.tzinfo else since.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):
        abort(400, description="since must be an ISO 8601 time")
    # Nothing was recorded before 1970: an earlier time means everything.
    since = max(since, datetime(1970, 1, 1, tzinfo=UTC))
    changes = _changes(session, clinic, since)
    if request.args.get("format") == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(changes)
        return Response(
            buffer.getvalue(),
            mimetype="text/csv",
            headers={"Content-Disposition": "attachment; filename=appointment_changes.csv"},
        )
    return jsonify(changes=changes)
