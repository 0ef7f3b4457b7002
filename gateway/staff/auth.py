"""Signing in: argon2 passwords, sessions with an idle timeout, CSRF tokens, rate limits, TOTP.

- **Passwords** are argon2id hashes (`argon2-cffi`, its default parameters); a hash made with
  older parameters is upgraded at the next sign-in. Unknown emails still cost one hash, so the
  answer time does not tell which emails have accounts.
- **Sessions** are Flask's signed cookie (HttpOnly, SameSite=Lax, Secure outside development)
  holding only the staff id and the time of the last request. A session idle for
  `STAFF_IDLE_MINUTES` ends; the queue's background polling does not keep it alive. A
  deactivated account is signed out at its next request.
- **CSRF**: one random token per session, in a hidden field on every form (and a header on
  script requests), compared in constant time on every POST under `/staff`.
- **Rate limits**: failed sign-ins are rows (`LoginAttempt`), so every web process sees them:
  5 failures per email or 20 per address in 15 minutes lock further tries until they age out.
- **TOTP** (RFC 6238, `gateway.staff.totp`) when the account has turned it on: the password
  step leaves a half-signed-in session that only the code page accepts.
"""

from __future__ import annotations

import functools
import hmac
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import abort, current_app, g, redirect, request, session, url_for
from sqlmodel import Session, select

from gateway.models import AuditEvent, Clinic, LoginAttempt, StaffRole, StaffUser

hasher = PasswordHasher()
#: A hash of a random password, checked when the email is unknown (same time either way).
_DUMMY_HASH = hasher.hash(secrets.token_hex(16))

MIN_PASSWORD_LENGTH = 12
RATE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class PasswordTooWeak(ValueError):
    """A new password shorter than MIN_PASSWORD_LENGTH."""


def hash_password(password: str) -> str:
    """The argon2id hash of a new password (refuses a short one)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooWeak(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return hasher.hash(password)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()[:254]


#: Roles that may see every clinic of a deployment, when an account is made that way on purpose.
ALL_CLINIC_ROLES = frozenset({StaffRole.ADMIN, StaffRole.MANAGER})


def only_clinic_id(session: Session) -> int | None:
    """The clinic's id when the deployment has exactly one, else None."""
    ids = session.exec(select(Clinic.id).limit(2)).all()
    return ids[0] if len(ids) == 1 else None


def create_staff(
    *,
    session: Session,
    email: str,
    password: str,
    role: StaffRole,
    name: str = "",
    now: datetime,
    clinic_id: int | None = None,
    all_clinics: bool = False,
) -> StaffUser:
    """Add an account (flushes); raises ValueError for a taken email, a weak password, or no
    clinic to belong to. Without `clinic_id` the account joins the deployment's only clinic."""
    email = normalise_email(email)
    if "@" not in email or any(ch.isspace() or ord(ch) < 32 for ch in email):
        raise ValueError("an email address is needed")
    if all_clinics:
        if role not in ALL_CLINIC_ROLES:
            raise ValueError("only an admin or a manager can see every clinic")
        clinic_id = None
    elif clinic_id is None:
        clinic_id = only_clinic_id(session)
        if clinic_id is None:
            raise ValueError("this deployment has several clinics: say which one (--clinic)")
    elif session.get(Clinic, clinic_id) is None:
        raise ValueError("no such clinic")
    if session.exec(select(StaffUser).where(StaffUser.email == email)).first() is not None:
        raise ValueError(f"an account for {email} already exists")
    user = StaffUser(
        email=email,
        name=name or email.split("@")[0],
        password_hash=hash_password(password),
        role=role,
        clinic_id=clinic_id,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return user


# ----------------------------------------------------------------------------- rate limits


def is_rate_limited(*, session: Session, email: str, ip: str, now: datetime) -> bool:
    """True when this email or this address failed too often in the last RATE_WINDOW."""
    since = now - RATE_WINDOW
    failures = (
        sa.select(sa.func.count())
        .select_from(LoginAttempt)
        .where(
            LoginAttempt.is_success.is_(False),  # type: ignore[attr-defined]
            LoginAttempt.created_at >= since,
        )
    )
    by_email = session.execute(failures.where(LoginAttempt.email == email)).scalar_one()
    if by_email >= MAX_FAILURES_PER_EMAIL:
        return True
    by_ip = session.execute(failures.where(LoginAttempt.ip == ip)).scalar_one()
    return by_ip >= MAX_FAILURES_PER_IP


def record_attempt(*, session: Session, email: str, ip: str, ok: bool, now: datetime) -> None:
    session.add(LoginAttempt(email=email, ip=ip[:64], is_success=ok, created_at=now))


def check_password(*, session: Session, email: str, password: str) -> StaffUser | None:
    """The active account with this email and password, else None (in constant-ish time)."""
    user = session.exec(select(StaffUser).where(StaffUser.email == email)).first()
    if user is None or not user.is_active:
        try:
            hasher.verify(_DUMMY_HASH, password or "")
        except VerificationError:
            pass
        return None
    try:
        hasher.verify(user.password_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
        session.add(user)
    return user


# ----------------------------------------------------------------------------- sessions


def start_session(user: StaffUser, *, pending_totp: bool = False) -> None:
    """A fresh session for this user (a new CSRF token too: no fixation across sign-in)."""
    session.clear()
    session["csrf"] = secrets.token_urlsafe(32)
    session["seen"] = int(time.time())
    if pending_totp:
        session["pending_staff_id"] = user.id
    else:
        session["staff_id"] = user.id


def end_session() -> None:
    session.clear()


def csrf_token() -> str:
    """This session's CSRF token (made on first use), for the forms' hidden field."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Abort 400 unless the POST carries this session's token."""
    expected = session.get("csrf")
    given = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if not expected or not hmac.compare_digest(str(expected), str(given)):
        abort(400, description="The form expired or did not come from this site. Reload the page.")


def current_staff(*, touch: bool = True) -> StaffUser | None:
    """The signed-in, active staff member, or None (an idle or stale session is cleared)."""
    if "staff" in g:
        return g.staff
    staff_id = session.get("staff_id")
    user = None
    if staff_id is not None:
        idle = current_app.extensions["gateway"].settings.staff_idle_minutes * 60
        seen = int(session.get("seen", 0))
        now = int(time.time())
        if now - seen > idle:
            session.clear()
            session["expired"] = True
        else:
            from gateway.db import get_session

            user = get_session().get(StaffUser, staff_id)
            if user is None or not user.is_active:
                session.clear()
                user = None
            elif touch:
                session["seen"] = now
    g.staff = user
    return user


def login_required(view: Callable[..., Any] | None = None, *, touch: bool = True) -> Any:
    """Views need a signed-in staff member; pages redirect to sign-in, JSON answers 401."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_staff(touch=touch)
            if user is None:
                if request.path.startswith(("/staff/api/", "/staff/queue/list")):
                    return {"error": "signed out"}, 401
                return redirect(url_for("staff.login"))
            return func(*args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate


def audit_staff(
    db: Session,
    *,
    user: StaffUser | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    now: datetime,
    clinic_id: int | None = None,
    **detail: Any,
) -> None:
    """One audit row for a staff view or action: who, what, when; ids only, never text."""
    db.add(
        AuditEvent(
            clinic_id=clinic_id,
            actor=f"staff:{user.id}" if user is not None else "anonymous",
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
            created_at=now,
        )
    )
