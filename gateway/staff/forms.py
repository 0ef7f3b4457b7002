"""The edge every staff request passes first: the shape of its form and query, checked before
any view or data function reads it.

A browser on our own pages never sends a NUL byte, a field twice, a value longer than the form
allows or a status that is not on the list; a script or an attacker may. Such a request is
refused whole with a 400 that says what was wrong, before anything is read from or written to
the database, so a refused request changes nothing (PostgreSQL would refuse a NUL in a text
column with a 500, and a cut-off value would silently lose what a person wrote). Limits are
per field name; a field a form does not have is ignored, and the request's total size is capped
by `MAX_CONTENT_LENGTH` (413). Werkzeug decodes invalid UTF-8 to U+FFFD, so no undecodable
text reaches the code.

Refusals that depend on the data (already claimed, the patient opted out, a taken email) are
not malformed requests: the view redirects back with the reason shown on the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from werkzeug.datastructures import MultiDict

from flows.types import Queue
from gateway.models import CaseStatus, StaffRole

#: The longest id a URL or a filter may carry (database integers are 32-bit).
MAX_ID = 2**31 - 1
MAX_FIELDS = 30
#: The longest text each field of a staff form may carry.
FIELD_LIMITS: dict[str, int] = {
    "csrf_token": 200,
    "email": 254,
    "password": 1024,
    "name": 200,
    "role": 32,
    "action": 32,
    "code": 32,
    "nonce": 64,
    "status": 32,
    "queue": 32,
    "reason": 1000,
    "clinic": 64,
}
#: Per endpoint, a body's limit (a text is at most 1600 characters, Twilio's limit).
BODY_LIMITS: dict[str, int] = {"staff.reply": 1600, "staff.note": 4000}
#: Fields whose value must be one of a fixed list, per endpoint (None: any endpoint).
CHOICES: dict[tuple[str | None, str], frozenset[str]] = {
    ("staff.status", "status"): frozenset(str(s) for s in CaseStatus),
    ("staff.route", "queue"): frozenset(str(q) for q in Queue if q is not Queue.NONE),
    ("staff.admin_users_create", "role"): frozenset(str(r) for r in StaffRole),
    ("staff.admin_user_update", "action"): frozenset(
        {"role", "deactivate", "activate", "password", "totp_off"}
    ),
    ("staff.account_totp", "action"): frozenset({"start", "confirm"}),
}
#: A field that must be there, per endpoint.
REQUIRED: dict[str, tuple[str, ...]] = {
    "staff.status": ("status",),
    "staff.route": ("queue",),
    "staff.admin_users_create": ("email", "password", "role"),
    "staff.admin_user_update": ("action",),
    "staff.account_totp": ("action",),
}
#: Query arguments the pages read (filters, searches); anything else is ignored.
ARG_LIMITS: dict[str, int] = {
    "queue": 32,
    "status": 32,
    "lang": 8,
    "location": 10,
    "actor": 100,
    "action": 64,
    "subject": 10,
    "day": 10,
    "week": 10,
    "text": 1600,
}


class BadForm(ValueError):
    """A malformed request; the message says what to change."""


def _check_text(field: str, value: str, limit: int) -> None:
    if "\x00" in value:
        raise BadForm(f"The field {field[:40]!r} contains a NUL character, which text cannot hold.")
    if len(value) > limit:
        raise BadForm(f"The field {field!r} can hold at most {limit} characters.")


def check_form(endpoint: str | None, form: MultiDict[str, str]) -> None:
    """Raise BadForm unless this POST has the shape its form allows."""
    names = list(form.keys())
    if len(names) > MAX_FIELDS:
        raise BadForm("The form has too many fields.")
    for name in names:
        if "\x00" in name:
            raise BadForm("A field name contains a NUL character.")
        values = form.getlist(name)
        limit = BODY_LIMITS.get(endpoint or "", 4000) if name == "body" else FIELD_LIMITS.get(name)
        if limit is None:
            continue  # not a field of any staff form: never read
        if len(values) > 1:
            raise BadForm(f"The field {name!r} was sent more than once.")
        _check_text(name, values[0], limit)
        allowed = CHOICES.get((endpoint, name))
        if allowed is not None and values[0] not in allowed:
            raise BadForm(f"{values[0][:32]!r} is not one of the choices for {name!r}.")
    for name in REQUIRED.get(endpoint or "", ()):
        if not form.get(name):
            raise BadForm(f"The field {name!r} is missing.")


def check_args(args: Mapping[str, str] | MultiDict[str, str]) -> None:
    """Raise BadForm when a filter or search in the query string cannot be meant."""
    for name, limit in ARG_LIMITS.items():
        value = args.get(name)
        if value is not None:
            _check_text(name, value, limit)


def check_ids(view_args: Mapping[str, object] | None) -> bool:
    """False when an id in the URL is past any row's (the database could not even compare it)."""
    return all(not isinstance(v, int) or 0 <= v <= MAX_ID for v in (view_args or {}).values())


def parse_id(value: str) -> int | None:
    """A positive id typed as ASCII digits, else None ('²' is a digit to Python, not to int)."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 10:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
