"""The staff app's routes. Views are thin: check who is asking, call `cases`, commit, render.

Patient text is hostile input: every template autoescapes, none uses `|safe`, scripts come only
from `static/` and build the page with `textContent`, and each response carries a strict
Content-Security-Policy (no inline script or style, nothing from elsewhere). URLs carry ids and
filters only, never a name, a number or a message, so access logs hold no PHI.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from babel.dates import format_datetime
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlmodel import select

from gateway.db import get_session
from gateway.models import (
    AuditEvent,
    CaseStatus,
    Clinic,
    Handoff,
    Location,
    StaffRole,
    StaffUser,
)
from gateway.segments import count_segments, encoding
from gateway.staff import auth, cases, forms, roles, totp, words
from gateway.staff.quick_replies import quick_replies

logger = logging.getLogger(__name__)

bp = Blueprint(
    "staff",
    __name__,
    url_prefix="/staff",
    template_folder="templates",
    static_folder="static",
)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
AUDIT_PAGE = 200


def now_utc() -> datetime:
    return datetime.now(UTC)


@bp.record_once
def _configure(state: Any) -> None:
    app = state.app
    settings = app.extensions["gateway"].settings
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    if not settings.is_development:
        app.config["SESSION_COOKIE_SECURE"] = True
    app.jinja_env.globals.setdefault("staff_csrf_token", auth.csrf_token)


@bp.before_request
def _protect() -> None:
    # The edge (gateway.staff.forms): a malformed request is refused whole, before any view
    # reads it, so it can neither crash a query nor leave half a change behind.
    if not forms.check_ids(request.view_args):
        abort(404)
    try:
        forms.check_args(request.args)
        if request.method == "POST":
            auth.check_csrf()
            forms.check_form(request.endpoint, request.form)
    except forms.BadForm as error:
        abort(400, description=str(error))


@bp.after_request
def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not request.path.startswith("/staff/static/"):
        # Pages and JSON hold PHI: never kept by the browser or a proxy.
        response.headers["Cache-Control"] = "no-store"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


@bp.errorhandler(403)
def _forbidden(error: Any):
    return render_template("staff/error.html", code=403, message=error.description), 403


@bp.errorhandler(400)
def _bad_request(error: Any):
    return render_template("staff/error.html", code=400, message=error.description), 400


@bp.errorhandler(413)
def _too_large(error: Any):
    message = "The form is larger than this app accepts. Shorten the text and send it again."
    return render_template("staff/error.html", code=413, message=message), 413


@bp.errorhandler(404)
def _not_found(error: Any):
    return render_template("staff/error.html", code=404, message="Not found."), 404


# ----------------------------------------------------------------------------- template helpers


def _clinic() -> Clinic | None:
    if "staff_clinic" not in g:
        user = g.get("staff")
        db = get_session()
        g.staff_clinic = (
            db.get(Clinic, user.clinic_id)
            if user is not None and user.clinic_id is not None
            else db.exec(select(Clinic).order_by(Clinic.id)).first()
        )
    return g.staff_clinic


def _zone() -> ZoneInfo:
    clinic = _clinic()
    return ZoneInfo(clinic.time_zone if clinic else "UTC")


@bp.app_template_filter("staff_time")
def staff_time(value: datetime | str | None, pattern: str = "EEE MMM d, h:mm a") -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return format_datetime(value, pattern, tzinfo=_zone(), locale="en_US")


@bp.app_template_filter("staff_ago")
def staff_ago(value: datetime | None) -> str:
    if value is None:
        return ""
    minutes = int((now_utc() - value).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // 1440} days ago"


@bp.context_processor
def _globals() -> dict[str, Any]:
    user = g.get("staff")
    return {
        "staff": user,
        "clinic": _clinic(),
        "roles": roles,
        "words": words,
        "role_label": roles.ROLE_LABELS,
        "queue_labels": words.QUEUE_LABELS,
        "status_labels": words.STATUS_LABELS,
    }


@bp.app_template_filter("dict_without")
def dict_without(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


def _load_handoff(handoff_id: int, user: StaffUser, *, action: str = "view") -> Handoff:
    """The handoff, or 404; a queue this role may not open is refused (403) and audited."""
    db = get_session()
    handoff = db.get(Handoff, handoff_id)
    if handoff is None:
        abort(404)
    # Another clinic's conversation is refused like another queue's (and audited the same way).
    allowed = cases.may_see_clinic(user, handoff.clinic_id) and roles.can_view(
        user.role, handoff.queue
    )
    if allowed and action == "act":
        allowed = roles.can_act(user.role, handoff.queue)
    if allowed and action == "route":
        allowed = roles.can_route(user.role, handoff.queue)
    if not allowed:
        db.rollback()
        auth.audit_staff(
            db,
            user=user,
            action="staff.denied",
            subject_type="handoff",
            subject_id=handoff.id,
            clinic_id=handoff.clinic_id,
            now=now_utc(),
            queue=handoff.queue,
            wanted=action,
            path=request.path[:200],
        )
        db.commit()
        logger.warning("staff %s refused %s on handoff %s", user.id, action, handoff.id)
        abort(
            403,
            description="This conversation belongs to a queue or a clinic your account cannot open.",
        )
    return handoff


# ----------------------------------------------------------------------------- sign-in


@bp.get("/login")
def login():
    if auth.current_staff() is not None:
        return redirect(url_for("staff.queue"))
    expired = session.pop("expired", False)
    return render_template("staff/login.html", expired=expired, error=None)


@bp.post("/login")
def login_post():
    db = get_session()
    now = now_utc()
    email = auth.normalise_email(request.form.get("email", ""))
    password = request.form.get("password", "")
    ip = request.remote_addr or "-"
    if auth.is_rate_limited(session=db, email=email, ip=ip, now=now):
        auth.audit_staff(
            db,
            user=None,
            action="staff.login_limited",
            subject_type="staff",
            subject_id=None,
            now=now,
        )
        db.commit()
        return (
            render_template(
                "staff/login.html",
                expired=False,
                error="Too many failed sign-ins. Wait 15 minutes and try again.",
            ),
            429,
        )
    user = auth.check_password(session=db, email=email, password=password)
    auth.record_attempt(session=db, email=email, ip=ip, ok=user is not None, now=now)
    if user is None:
        auth.audit_staff(
            db,
            user=None,
            action="staff.login_failed",
            subject_type="staff",
            subject_id=None,
            now=now,
        )
        db.commit()
        return (
            render_template(
                "staff/login.html", expired=False, error="That email and password do not match."
            ),
            401,
        )
    if user.totp_secret:
        db.commit()
        auth.start_session(user, pending_totp=True)
        return redirect(url_for("staff.login_code"))
    _finish_login(user, now)
    return redirect(url_for("staff.queue"))


def _finish_login(user: StaffUser, now: datetime) -> None:
    db = get_session()
    user.last_login_at = now
    db.add(user)
    auth.audit_staff(
        db, user=user, action="staff.login", subject_type="staff", subject_id=user.id, now=now
    )
    db.commit()
    auth.start_session(user)


@bp.get("/login/code")
def login_code():
    if session.get("pending_staff_id") is None:
        return redirect(url_for("staff.login"))
    return render_template("staff/login_code.html", error=None)


@bp.post("/login/code")
def login_code_post():
    db = get_session()
    now = now_utc()
    staff_id = session.get("pending_staff_id")
    user = db.get(StaffUser, staff_id) if staff_id is not None else None
    if user is None or not user.is_active or not user.totp_secret:
        auth.end_session()
        return redirect(url_for("staff.login"))
    ip = request.remote_addr or "-"
    if auth.is_rate_limited(session=db, email=user.email, ip=ip, now=now):
        auth.end_session()
        return redirect(url_for("staff.login"))
    try:
        secret = totp.unseal(user.totp_secret, secret_key=_secret_key())
    except ValueError:
        # Sealed under another SECRET_KEY (or altered): no code can match; an admin turns the
        # second factor off and the person enrols again.
        logger.warning("staff %s: the stored TOTP secret cannot be read", user.id)
        secret = None
    step = (
        totp.verify(secret, request.form.get("code", ""), now=now, last_step=user.totp_last_step)
        if secret
        else None
    )
    if step is None:
        auth.record_attempt(session=db, email=user.email, ip=ip, ok=False, now=now)
        db.commit()
        return render_template("staff/login_code.html", error="That code is not right."), 401
    user.totp_last_step = step
    _finish_login(user, now)
    return redirect(url_for("staff.queue"))


@bp.post("/logout")
def logout():
    user = auth.current_staff()
    if user is not None:
        db = get_session()
        auth.audit_staff(
            db,
            user=user,
            action="staff.logout",
            subject_type="staff",
            subject_id=user.id,
            now=now_utc(),
        )
        db.commit()
    auth.end_session()
    return redirect(url_for("staff.login"))


# ----------------------------------------------------------------------------- the queue


def _holidays() -> frozenset[date]:
    from gateway.staff.policy import parse_holidays

    return parse_holidays(current_app.extensions["gateway"].settings.staff_holidays)


def _locations() -> list[Location]:
    query = select(Location).order_by(Location.name)
    user = g.get("staff")
    if user is not None and user.clinic_id is not None:
        query = query.where(Location.clinic_id == user.clinic_id)
    return list(get_session().exec(query).all())


def _queue_context(user: StaffUser) -> dict[str, Any]:
    db = get_session()
    filters = cases.QueueFilters.from_args(request.args)
    now = now_utc()
    items = cases.queue_items(session=db, user=user, filters=filters, now=now, holidays=_holidays())
    return {
        "items": items,
        "filters": filters,
        "counts": cases.queue_counts(session=db, user=user),
        "emergencies": [
            i for i in items if i.handoff.is_emergency and i.handoff.status != "resolved"
        ],
        "now": now,
    }


@bp.get("/")
@auth.login_required
def queue():
    user = g.staff
    if user.role is StaffRole.ADMIN:
        return redirect(url_for("staff.admin_users"))
    context = _queue_context(user)
    db = get_session()
    auth.audit_staff(
        db,
        user=user,
        action="staff.queue",
        subject_type="queue",
        subject_id=None,
        now=now_utc(),
        **context["filters"].as_args(),
    )
    db.commit()
    return render_template(
        "staff/queue.html",
        **context,
        locations=_locations(),
        statuses=list(CaseStatus),
        languages=sorted(words.LANGUAGE_NAMES.items(), key=lambda kv: kv[1]),
    )


@bp.get("/aging")
@auth.login_required
def aging():
    """The daily list: everything this person may see, unresolved for over one business day."""
    user = g.staff
    if user.role is StaffRole.ADMIN:
        return redirect(url_for("staff.admin_users"))
    db = get_session()
    now = now_utc()
    items = [
        item
        for item in cases.queue_items(
            session=db, user=user, filters=cases.QueueFilters(), now=now, holidays=_holidays()
        )
        if item.is_aging
    ]
    auth.audit_staff(
        db, user=user, action="staff.aging", subject_type="queue", subject_id=None, now=now
    )
    db.commit()
    return render_template("staff/aging.html", items=items, now=now)


@bp.get("/queue/list")
@auth.login_required(touch=False)
def queue_list():
    return render_template("staff/_queue_list.html", **_queue_context(g.staff))


@bp.get("/api/queue")
@auth.login_required(touch=False)
def queue_api():
    """What the queue page polls: a stamp that changes when the list would, counts, emergencies."""
    db = get_session()
    user = g.staff
    return {
        "stamp": cases.queue_stamp(session=db, user=user),
        "counts": cases.queue_counts(session=db, user=user),
        "emergencies": cases.open_emergencies(session=db, user=user),
    }


# ----------------------------------------------------------------------------- a conversation


@bp.get("/handoffs/<int:handoff_id>")
@auth.login_required
def conversation(handoff_id: int):
    user = g.staff
    handoff = _load_handoff(handoff_id, user)
    db = get_session()
    now = now_utc()
    cases.record_view(session=db, user=user, handoff=handoff, now=now)
    db.commit()
    case = cases.load_case(session=db, handoff=handoff)
    note = handoff.note or {}
    clinic = db.get(Clinic, handoff.clinic_id)
    return render_template(
        "staff/conversation.html",
        case=case,
        note=note,
        headline=words.headline(note),
        reasons=words.reasons(note),
        earlier=[
            {
                "headline": words.headline(e),
                "reasons": words.reasons(e),
                "at": e.get("escalated_at"),
            }
            for e in note.get("earlier", [])
        ],
        can_act=roles.can_act(user.role, handoff.queue),
        can_route=roles.can_route(user.role, handoff.queue),
        is_owner=handoff.owner == cases.owner_key(user),
        quick=quick_replies(note.get("lang"), clinic=clinic),
        nonce=cases.new_reply_nonce(),
        statuses=list(CaseStatus),
        route_queues=[q for q in roles.ALL_QUEUES if str(q) != handoff.queue],
        is_overdue=handoff.due_at is not None
        and handoff.due_at < now
        and handoff.status != "resolved",
        max_reply=cases.MAX_REPLY_CHARS,
        category=_category_label(handoff.queue),
    )


def _category_label(queue: str) -> str:
    from gateway.staff.policy import CATEGORY_LABELS, category_for

    return CATEGORY_LABELS[category_for(queue)]


def _act(handoff_id: int, action: str, run) -> Response:
    user = g.staff
    handoff = _load_handoff(handoff_id, user, action=action)
    db = get_session()
    try:
        message = run(db, user, handoff, now_utc())
        db.commit()
        if message:
            flash(message, "ok")
    except cases.ActionRefused as refused:
        db.rollback()
        flash(str(refused), "error")
    return redirect(url_for("staff.conversation", handoff_id=handoff_id))


@bp.post("/handoffs/<int:handoff_id>/claim")
@auth.login_required
def claim(handoff_id: int):
    def run(db, user, handoff, now):
        cases.claim(session=db, user=user, handoff=handoff, now=now)
        return "You own this conversation now."

    return _act(handoff_id, "act", run)


@bp.post("/handoffs/<int:handoff_id>/release")
@auth.login_required
def release(handoff_id: int):
    def run(db, user, handoff, now):
        cases.release(session=db, user=user, handoff=handoff, now=now)
        return "Released back to the queue."

    return _act(handoff_id, "route", run)


@bp.post("/handoffs/<int:handoff_id>/reply")
@auth.login_required
def reply(handoff_id: int):
    def run(db, user, handoff, now):
        sent = cases.reply(
            session=db,
            user=user,
            handoff=handoff,
            body=request.form.get("body", ""),
            nonce=request.form.get("nonce", ""),
            now=now,
        )
        return (
            "Reply queued: it goes out in a few seconds."
            if sent
            else "That reply was already sent."
        )

    return _act(handoff_id, "act", run)


@bp.post("/handoffs/<int:handoff_id>/note")
@auth.login_required
def note(handoff_id: int):
    def run(db, user, handoff, now):
        cases.add_note(
            session=db, user=user, handoff=handoff, body=request.form.get("body", ""), now=now
        )
        return "Note added."

    return _act(handoff_id, "act", run)


@bp.post("/handoffs/<int:handoff_id>/status")
@auth.login_required
def status(handoff_id: int):
    def run(db, user, handoff, now):
        try:
            value = CaseStatus(request.form.get("status", ""))
        except ValueError:
            raise cases.ActionRefused("Pick a status.") from None
        cases.set_status(session=db, user=user, handoff=handoff, status=value, now=now)
        return f"Status: {words.STATUS_LABELS[value]}."

    return _act(handoff_id, "act", run)


@bp.post("/handoffs/<int:handoff_id>/route")
@auth.login_required
def route(handoff_id: int):
    def run(db, user, handoff, now):
        queue = request.form.get("queue", "")
        cases.route(
            session=db,
            user=user,
            handoff=handoff,
            queue=queue,
            reason=request.form.get("reason", ""),
            now=now,
        )
        return f"Sent to {words.QUEUE_LABELS.get(queue, queue)}."

    user = g.staff
    response = _act(handoff_id, "route", run)
    # Routed out of one's own queues: the conversation is no longer this person's to open.
    handoff = get_session().get(Handoff, handoff_id)
    if handoff is not None and not roles.can_view(user.role, handoff.queue):
        return redirect(url_for("staff.queue"))
    return response


@bp.post("/handoffs/<int:handoff_id>/verify")
@auth.login_required
def verify(handoff_id: int):
    def run(db, user, handoff, now):
        cases.verify_identity(session=db, user=user, handoff=handoff, now=now)
        return "Identity confirmed for this conversation."

    return _act(handoff_id, "act", run)


@bp.post("/handoffs/<int:handoff_id>/resolve")
@auth.login_required
def resolve(handoff_id: int):
    def run(db, user, handoff, now):
        cases.resolve(session=db, user=user, handoff=handoff, now=now)
        return "Resolved: the bot answers this patient again."

    return _act(handoff_id, "act", run)


@bp.get("/media/<int:media_id>")
@auth.login_required
def media(media_id: int):
    """One MMS item, to staff whose role may open its conversation (403 and audited otherwise)."""
    from gateway.models import MediaStatus, Message, MessageMedia
    from gateway.staff.media import media_path

    user = g.staff
    db = get_session()
    item = db.get(MessageMedia, media_id)
    message = db.get(Message, item.message_id) if item is not None else None
    if item is None or message is None or item.status != MediaStatus.STORED or not item.sha256:
        abort(404)
    handoff_id = (
        message.handoff_id
        or db.exec(
            select(Handoff.id)
            .where(Handoff.conversation_id == message.conversation_id)
            .order_by(Handoff.id.desc())
        ).first()
    )
    if handoff_id is None:
        abort(404)
    handoff = _load_handoff(handoff_id, user)
    auth.audit_staff(
        db,
        user=user,
        action="staff.media_view",
        subject_type="media",
        subject_id=item.id,
        clinic_id=handoff.clinic_id,
        now=now_utc(),
        message_id=message.id,
    )
    db.commit()
    path = media_path(current_app.extensions["gateway"].settings, item.sha256)
    if not path.is_file():
        abort(404)
    is_image = (item.content_type or "").startswith("image/")
    extension = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif"}
    name = f"media-{item.id}{extension.get(item.content_type or '', '.pdf')}"
    # At most 5 MB (checked when fetched): read whole, so no file handle outlives the request.
    response = Response(path.read_bytes(), mimetype=item.content_type)
    response.headers["Content-Disposition"] = (
        f'{"inline" if is_image else "attachment"}; filename="{name}"'
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@bp.get("/segments")
@auth.login_required(touch=False)
def segments():
    """The server's own count, for a test that the page's counter agrees."""
    text = request.args.get("text", "")
    return {"segments": count_segments(text), "encoding": encoding(text), "chars": len(text)}


# ----------------------------------------------------------------------------- account (TOTP)


def _secret_key() -> str:
    return current_app.extensions["gateway"].settings.secret_key


def _pending_secret() -> str | None:
    """The secret being enrolled (sealed in the session), or None."""
    sealed = session.get("totp_pending")
    if not sealed:
        return None
    try:
        return totp.unseal(sealed, secret_key=_secret_key())
    except ValueError:
        return None


@bp.get("/account")
@auth.login_required
def account():
    user = g.staff
    pending = _pending_secret()
    uri = None
    if pending and not user.totp_secret:
        uri = totp.provisioning_uri(
            pending, email=user.email, issuer=_clinic().name if _clinic() else "Clinic"
        )
    return render_template("staff/account.html", pending=pending, uri=uri, error=None)


@bp.post("/account/totp")
@auth.login_required
def account_totp():
    user = g.staff
    db = get_session()
    now = now_utc()
    action = request.form.get("action", "")
    if action == "start" and not user.totp_secret:
        # The session cookie is signed, not encrypted: the pending secret travels sealed too.
        session["totp_pending"] = totp.seal(totp.new_secret(), secret_key=_secret_key())
    elif action == "confirm" and _pending_secret():
        secret = _pending_secret()
        step = totp.verify(secret, request.form.get("code", ""), now=now, last_step=None)
        if step is None:
            flash("That code is not right: check the app's clock and try again.", "error")
            return redirect(url_for("staff.account"))
        user.totp_secret = totp.seal(secret, secret_key=_secret_key())
        user.totp_last_step = step
        db.add(user)
        session.pop("totp_pending", None)
        auth.audit_staff(
            db, user=user, action="staff.totp_on", subject_type="staff", subject_id=user.id, now=now
        )
        db.commit()
        flash("Two-factor sign-in is on.", "ok")
    return redirect(url_for("staff.account"))


# ----------------------------------------------------------------------------- admin


def _require(check) -> StaffUser:
    user = g.staff
    if not check(user.role):
        db = get_session()
        auth.audit_staff(
            db,
            user=user,
            action="staff.denied",
            subject_type="page",
            subject_id=None,
            now=now_utc(),
            path=request.path[:200],
        )
        db.commit()
        abort(403, description="Your role cannot open this page.")
    return user


@bp.get("/admin/users")
@auth.login_required
def admin_users():
    admin = _require(roles.can_manage_accounts)
    users = (
        get_session()
        .exec(
            cases.in_clinic(select(StaffUser), admin, StaffUser.clinic_id).order_by(StaffUser.email)
        )
        .all()
    )
    clinics = get_session().exec(select(Clinic).order_by(Clinic.name)).all()
    return render_template(
        "staff/admin_users.html", users=users, all_roles=list(StaffRole), clinics=clinics
    )


@bp.post("/admin/users")
@auth.login_required
def admin_users_create():
    admin = _require(roles.can_manage_accounts)
    db = get_session()
    now = now_utc()
    # An admin of one clinic makes accounts in it; an admin of every clinic may name one by
    # slug (or "all" for another admin or a manager); by default the deployment's only clinic.
    slug = request.form.get("clinic", "").strip()
    clinic_id = admin.clinic_id
    try:
        if clinic_id is None and slug not in ("", "all"):
            found = db.exec(select(Clinic).where(Clinic.slug == slug)).first()
            if found is None:
                raise ValueError("no clinic with that slug")
            clinic_id = found.id
        role = StaffRole(request.form.get("role", ""))
        user = auth.create_staff(
            session=db,
            email=request.form.get("email", ""),
            password=request.form.get("password", ""),
            role=role,
            name=request.form.get("name", "").strip()[:200],
            now=now,
            clinic_id=clinic_id,
            all_clinics=admin.clinic_id is None and slug == "all",
        )
    except ValueError as error:
        db.rollback()
        flash(str(error) if "role" not in str(error) else "Pick a role.", "error")
        return redirect(url_for("staff.admin_users"))
    auth.audit_staff(
        db,
        user=admin,
        action="staff.account_created",
        subject_type="staff",
        subject_id=user.id,
        now=now,
        role=str(role),
    )
    db.commit()
    flash(f"Account created for {user.email}.", "ok")
    return redirect(url_for("staff.admin_users"))


@bp.post("/admin/users/<int:user_id>")
@auth.login_required
def admin_user_update(user_id: int):
    admin = _require(roles.can_manage_accounts)
    db = get_session()
    now = now_utc()
    user = db.get(StaffUser, user_id)
    if user is None or not cases.may_see_clinic(admin, user.clinic_id):
        abort(404)
    action = request.form.get("action", "")
    if action == "role":
        try:
            user.role = StaffRole(request.form.get("role", ""))
        except ValueError:
            flash("Pick a role.", "error")
            return redirect(url_for("staff.admin_users"))
    elif action == "deactivate":
        if user.id == admin.id:
            flash("You cannot deactivate your own account.", "error")
            return redirect(url_for("staff.admin_users"))
        user.is_active = False
    elif action == "activate":
        user.is_active = True
    elif action == "password":
        try:
            user.password_hash = auth.hash_password(request.form.get("password", ""))
        except auth.PasswordTooWeak as error:
            flash(str(error), "error")
            return redirect(url_for("staff.admin_users"))
    elif action == "totp_off":
        user.totp_secret = None
        user.totp_last_step = None
    else:
        abort(400, description="Unknown action.")
    db.add(user)
    auth.audit_staff(
        db,
        user=admin,
        action=f"staff.account_{action}",
        subject_type="staff",
        subject_id=user.id,
        now=now,
    )
    db.commit()
    flash(f"Updated {user.email}.", "ok")
    return redirect(url_for("staff.admin_users"))


@bp.get("/admin/audit")
@auth.login_required
def admin_audit():
    _require(roles.can_read_audit)
    db = get_session()
    query = cases.in_clinic(select(AuditEvent), g.staff, AuditEvent.clinic_id)
    actor = request.args.get("actor", "").strip()[:100]
    action = request.args.get("action", "").strip()[:64]
    subject = request.args.get("subject", "").strip()
    day = request.args.get("day", "").strip()
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action:
        query = query.where(AuditEvent.action.startswith(action))  # type: ignore[attr-defined]
    subject_id = forms.parse_id(subject)
    if subject_id is not None:
        query = query.where(AuditEvent.subject_id == subject_id)
    if day:
        try:
            start = datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=_zone())
        except ValueError:
            start = None
        if start is not None and 2000 <= start.year <= 2200:
            query = query.where(
                AuditEvent.created_at >= start, AuditEvent.created_at < start + timedelta(days=1)
            )
    events = db.exec(query.order_by(AuditEvent.id.desc()).limit(AUDIT_PAGE)).all()  # type: ignore[attr-defined]
    staff_names = {
        f"staff:{u.id}": u.email
        for u in db.exec(cases.in_clinic(select(StaffUser), g.staff, StaffUser.clinic_id)).all()
    }
    auth.audit_staff(
        db,
        user=g.staff,
        action="staff.audit_search",
        subject_type="audit",
        subject_id=None,
        now=now_utc(),
    )
    db.commit()
    return render_template(
        "staff/audit.html",
        events=events,
        staff_names=staff_names,
        args={"actor": actor, "action": action, "subject": subject, "day": day},
        actions=sorted(db.exec(sa.select(AuditEvent.action).distinct()).scalars().all()),
    )


# ----------------------------------------------------------------------------- scorecard


def _chosen_week() -> date:
    from gateway.staff.scorecard import week_start

    raw = request.args.get("week", "")
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = now_utc().astimezone(_zone()).date()
    if not 2000 <= day.year <= 2200:  # a week far outside any data (and date arithmetic)
        day = now_utc().astimezone(_zone()).date()
    return week_start(day)


def _scorecard():
    from gateway.staff.scorecard import build_scorecard

    clinic = _clinic()
    return build_scorecard(
        session=get_session(),
        week=_chosen_week(),
        time_zone=clinic.time_zone if clinic else "UTC",
        now=now_utc(),
        clinic_id=g.staff.clinic_id,
    )


def _audited_scorecard(action: str):
    """The chosen week's scorecard for a staff member allowed to read it, its view audited."""
    user = _require(roles.can_read_scorecard)
    card = _scorecard()
    db = get_session()
    auth.audit_staff(
        db,
        user=user,
        action=action,
        subject_type="scorecard",
        subject_id=None,
        now=now_utc(),
        week=card.week.isoformat(),
    )
    db.commit()
    return card


@bp.get("/scorecard")
@auth.login_required
def scorecard():
    card = _audited_scorecard("staff.scorecard")
    return render_template(
        "staff/scorecard.html",
        card=card,
        previous=(card.week - timedelta(days=7)).isoformat(),
        following=(card.week + timedelta(days=7)).isoformat(),
        top_max=max([n for _, n in card.top_reasons] or [1]),
        queue_max=max([m.minutes or 0 for m in card.by_queue] or [1]) or 1,
        lang_max=max([m.minutes or 0 for m in card.by_language] or [1]) or 1,
    )


@bp.get("/scorecard.csv")
@auth.login_required
def scorecard_csv():
    from gateway.staff.scorecard import scorecard_csv as to_csv

    card = _audited_scorecard("staff.scorecard_csv")
    return Response(
        to_csv(card),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="scorecard-{card.week}.csv"'},
    )
