"""Twilio form fields checked at the edge, so SQLite and PostgreSQL store exactly the same.

Every pattern is matched against the whole string (`fullmatch`: `$` would accept a trailing
newline, which overflows a PostgreSQL column), every stored string has a length PostgreSQL
accepts and no NUL (PostgreSQL text cannot hold one), every integer fits the column. A value
that identifies the message (a sid) and is wrong is refused with a clear 400; a value that only
describes it is stored safely (a bad recording URL is rebuilt from the sids, never the reason a
voicemail is lost).
"""

from __future__ import annotations

import re

from flask import abort, request

SMS_SID = re.compile(r"[A-Z]{2}[0-9a-zA-Z]{16,62}")
CALL_SID = re.compile(r"CA[0-9a-fA-F]{32}")
RECORDING_SID = re.compile(r"RE[0-9a-fA-F]{32}")
ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
#: What a stored sender may be when it is not a phone number (alphanumeric id, short code).
MAX_SENDER = 20
MAX_URL = 500
#: Twilio's `OptOutType` values (Advanced Opt-Out).
OPT_OUT_TYPES = frozenset({"STOP", "START", "HELP"})
#: Control characters other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_URL = re.compile(r"https?://[!-~]+")
MAX_INT = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")


def required_sid(name: str, pattern: re.Pattern[str], *alternatives: str) -> str:
    """The form's sid `name` (or the first alternative present), or a clear 400."""
    value = request.form.get(name) or next(
        (request.form[alt] for alt in alternatives if request.form.get(alt)), ""
    )
    if not pattern.fullmatch(value):
        abort(400, description=f"{name} is missing or malformed")
    return value


def optional_sid(name: str, pattern: re.Pattern[str]) -> str | None:
    value = request.form.get(name, "")
    return value if pattern.fullmatch(value) else None


def clean_text(value: str | None) -> str:
    """Text both databases store: NUL becomes U+FFFD, nothing else changes."""
    return (value or "").replace("\x00", "\ufffd")


def sender(raw: str) -> str:
    """A sender that is not a phone number, as stored: stripped, no control bytes, capped."""
    return _CONTROL.sub("\ufffd", raw.strip())[:MAX_SENDER]


def recording_url(raw: str | None, *, account_sid: str | None, recording_sid: str) -> str | None:
    """The recording's URL, or Twilio's canonical one when the form's is unusable."""
    if not raw:
        return None
    if len(raw) <= MAX_URL and _SAFE_URL.fullmatch(raw):
        return raw
    if account_sid and ACCOUNT_SID.fullmatch(account_sid):
        return (
            f"https://api.twilio.com/2010-04-01/Accounts/{account_sid}/Recordings/{recording_sid}"
        )
    return None


def integer(raw: str | None, *, low: int = 0, high: int = MAX_INT) -> int | None:
    """An integer form field inside [low, high], else None."""
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if raw is None or not _DIGITS.fullmatch(raw.strip()):
        return None
    value = int(raw.strip())
    return value if low <= value <= high else None


def opt_out_type(raw: str | None) -> str | None:
    """Twilio's opt-out verdict on a text (STOP, START, HELP), or None."""
    value = (raw or "").strip().upper()
    return value if value in OPT_OUT_TYPES else None
