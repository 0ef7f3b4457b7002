"""Staff work on handoffs: the queue, claiming, replying, notes, status, routing, resolving.

Data functions take the session and `now` as keywords and flush; the view commits once, and the
outbox sends a staff reply after that commit (the worker's pass, or the request's after-commit
send). Every action writes an audit event with ids only.

A claim is one conditional UPDATE (`owner IS NULL`), so two people clicking at once get one
owner and one "already claimed". Resolving the handoff gives the conversation back to the bot:
`flows.engine` treats a conversation with an open handoff as human-owned and stays silent.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from flows.types import Queue
from gateway.logs import mask_phone
from gateway.models import (
    Appointment,
    CaseStatus,
    Contact,
    Conversation,
    Handoff,
    HandoffStatus,
    HandoffWork,
    Location,
    Message,
    MessageKind,
    Patient,
    StaffNote,
    StaffUser,
)
from gateway.outbox import queue_message
from gateway.phones import is_e164
from gateway.staff import roles
from gateway.staff.auth import audit_staff
from gateway.staff.words import headline

#: Statuses that end the handoff: the bot takes the conversation back.
TERMINAL = frozenset({CaseStatus.COMPLETED, CaseStatus.CLOSED_NO_RESPONSE})
#: Twilio's limit for one message body.
MAX_REPLY_CHARS = 1600
MAX_NOTE_CHARS = 4000
QUEUE_LIMIT = 200


class ActionRefused(Exception):
    """An action that cannot be done now; the message is shown to the staff member."""


def owner_key(user: StaffUser) -> str:
    return f"staff:{user.id}"


def work_for(*, session: Session, handoff: Handoff, now: datetime) -> HandoffWork:
    """The handoff's work row, created on first need (flushed)."""
    work = session.exec(select(HandoffWork).where(HandoffWork.handoff_id == handoff.id)).first()
    if work is None:
        from gateway.db import savepoint

        work = HandoffWork(handoff_id=handoff.id, updated_at=now)
        try:
            with savepoint(session):
                session.add(work)
        except sa.exc.IntegrityError:
            work = session.exec(
                select(HandoffWork).where(HandoffWork.handoff_id == handoff.id)
            ).one()
    return work


def in_clinic(query: Any, user: StaffUser, column: Any = None) -> Any:
    """`query` narrowed to the user's clinic (an account with no clinic sees every clinic)."""
    if user.clinic_id is None:
        return query
    return query.where((Handoff.clinic_id if column is None else column) == user.clinic_id)


def may_see_clinic(user: StaffUser, clinic_id: int | None) -> bool:
    return user.clinic_id is None or user.clinic_id == clinic_id


# ----------------------------------------------------------------------------- the queue


@dataclass
class QueueFilters:
    queue: str = ""
    status: str = ""  # a CaseStatus value, "open" (default) or "resolved"
    lang: str = ""
    location_id: int | None = None

    @classmethod
    def from_args(cls, args: Any) -> QueueFilters:
        from gateway.staff.forms import parse_id

        # Only values a filter can hold reach a query: an unknown one shows the default list.
        status = args.get("status", "")
        if status not in {"open", "resolved", *(str(s) for s in CaseStatus)}:
            status = ""
        queue = args.get("queue", "")
        if queue not in {str(q) for q in roles.ALL_QUEUES}:
            queue = ""
        return cls(
            queue=queue,
            status=status,
            lang=args.get("lang", "")[:8],
            location_id=parse_id(args.get("location", "")),
        )

    def as_args(self) -> dict[str, str]:
        args = {"queue": self.queue, "status": self.status, "lang": self.lang}
        if self.location_id:
            args["location"] = str(self.location_id)
        return {k: v for k, v in args.items() if v}


@dataclass
class QueueItem:
    handoff: Handoff
    work: HandoffWork | None
    headline: str
    patient: str
    phone_masked: str
    lang: str
    location: str
    location_id: int | None
    owner: str
    is_overdue: bool
    status: CaseStatus
    flags: list[str] = field(default_factory=list)
    is_aging: bool = False
    category: str = ""


def _location_of(session: Session, handoff: Handoff, cache: dict[str, Location | None]):
    message_id = (handoff.note or {}).get("message_id")
    message = session.get(Message, message_id) if message_id else None
    number = message.to_number if message else ""
    if number not in cache:
        cache[number] = (
            session.exec(select(Location).where(Location.twilio_number == number)).first()
            if number
            else None
        )
    return cache[number]


def patient_label(session: Session, contact: Contact | None) -> str:
    if contact is None:
        return "Unknown"
    names = [
        p.name
        for p in session.exec(select(Patient).where(Patient.contact_id == contact.id)).all()
        if p.name
    ]
    if not names:
        return "Unknown patient"
    return names[0] if len(names) == 1 else " or ".join(names) + " (shared phone)"


def queue_items(
    *,
    session: Session,
    user: StaffUser,
    filters: QueueFilters,
    now: datetime,
    holidays: frozenset = frozenset(),
) -> list[QueueItem]:
    """The handoffs this person may see, emergencies first, then by urgency and due time."""
    from gateway.models import Clinic
    from gateway.staff.policy import CATEGORY_LABELS, category_for, is_aging

    visible = [str(q) for q in roles.visible_queues(user.role)]
    if filters.queue:
        visible = [q for q in visible if q == filters.queue]
    if not visible:
        return []
    query = (
        select(Handoff, HandoffWork)
        .join(HandoffWork, HandoffWork.handoff_id == Handoff.id, isouter=True)
        .where(Handoff.queue.in_(visible))  # type: ignore[attr-defined]
    )
    query = in_clinic(query, user)
    if filters.status == "resolved":
        query = query.where(Handoff.status == HandoffStatus.RESOLVED)
    else:
        query = query.where(Handoff.status != HandoffStatus.RESOLVED)
        if filters.status and filters.status != "open":
            if filters.status == CaseStatus.NEW:
                query = query.where(
                    sa.or_(HandoffWork.id.is_(None), HandoffWork.status == CaseStatus.NEW)  # type: ignore[union-attr]
                )
            else:
                query = query.where(HandoffWork.status == filters.status)
    query = query.order_by(
        Handoff.is_emergency.desc(),  # type: ignore[attr-defined]
        Handoff.priority,
        Handoff.due_at,
        Handoff.opened_at,
        Handoff.id,
    ).limit(QUEUE_LIMIT)
    items = []
    locations: dict[str, Location | None] = {}
    owners: dict[str, str] = {}
    for handoff, work in session.exec(query).all():
        note = handoff.note or {}
        lang = note.get("lang") or "en"
        if filters.lang and lang != filters.lang:
            continue
        location = _location_of(session, handoff, locations)
        if filters.location_id and (location is None or location.id != filters.location_id):
            continue
        conversation = session.get(Conversation, handoff.conversation_id)
        contact = session.get(Contact, conversation.contact_id) if conversation else None
        is_overdue = (
            handoff.status != HandoffStatus.RESOLVED
            and handoff.due_at is not None
            and handoff.due_at < now
        )
        clinic = session.get(Clinic, handoff.clinic_id)
        aging = (
            handoff.status != HandoffStatus.RESOLVED
            and clinic is not None
            and is_aging(handoff.opened_at, now, clinic, holidays)
        )
        flags = []
        if contact is not None and contact.is_opted_out:
            flags.append("opted out")
        if note.get("is_upset"):
            flags.append("upset")
        if work is not None and work.first_viewed_at is not None:
            # The patient wrote again since a person last worked on it.
            last_inbound = session.execute(
                sa.select(sa.func.max(Message.created_at)).where(
                    Message.conversation_id == handoff.conversation_id,
                    Message.direction == "inbound",
                )
            ).scalar()
            if last_inbound is not None and last_inbound > work.updated_at:
                flags.append("new message")
        items.append(
            QueueItem(
                handoff=handoff,
                work=work,
                headline=headline(note),
                patient=patient_label(session, contact),
                phone_masked=mask_phone(contact.phone if contact else ""),
                lang=lang,
                location=location.name if location else "",
                location_id=location.id if location else None,
                owner=owner_name(session, handoff.owner, owners),
                is_overdue=is_overdue,
                status=work.status if work else CaseStatus.NEW,
                flags=flags,
                is_aging=aging,
                category=CATEGORY_LABELS[category_for(handoff.queue)],
            )
        )
    return items


def owner_name(session: Session, owner: str | None, cache: dict[str, str] | None = None) -> str:
    if not owner:
        return ""
    if cache is not None and owner in cache:
        return cache[owner]
    name = owner
    if owner.startswith("staff:") and owner[6:].isdigit():
        user = session.get(StaffUser, int(owner[6:]))
        name = (user.name or user.email) if user else owner
    if cache is not None:
        cache[owner] = name
    return name


def queue_counts(*, session: Session, user: StaffUser) -> dict[str, int]:
    """Open handoffs per queue this person may see (every visible queue, zeros included)."""
    visible = [str(q) for q in roles.visible_queues(user.role)]
    counts = dict.fromkeys(visible, 0)
    if not visible:
        return counts
    rows = session.execute(
        in_clinic(
            sa.select(Handoff.queue, sa.func.count())
            .where(Handoff.queue.in_(visible), Handoff.status != HandoffStatus.RESOLVED)  # type: ignore[attr-defined]
            .group_by(Handoff.queue),
            user,
        )
    ).all()
    for queue, count in rows:
        counts[queue] = count
    return counts


def open_emergencies(*, session: Session, user: StaffUser) -> list[int]:
    """Ids of open emergency handoffs this person may see."""
    visible = [str(q) for q in roles.visible_queues(user.role)]
    if not visible:
        return []
    return list(
        session.exec(
            in_clinic(
                select(Handoff.id).where(
                    Handoff.is_emergency.is_(True),  # type: ignore[attr-defined]
                    Handoff.status != HandoffStatus.RESOLVED,
                    Handoff.queue.in_(visible),  # type: ignore[attr-defined]
                ),
                user,
            )
        ).all()
    )


def queue_stamp(*, session: Session, user: StaffUser) -> str:
    """Changes whenever anything on this person's queue page would change."""
    visible = [str(q) for q in roles.visible_queues(user.role)] or ["-"]
    row = session.execute(
        in_clinic(
            sa.select(
                sa.func.count(Handoff.id),
                sa.func.max(Handoff.id),
                sa.func.sum(Handoff.priority),
                sa.func.max(Handoff.claimed_at),
                sa.func.max(Handoff.resolved_at),
            ).where(Handoff.queue.in_(visible)),  # type: ignore[attr-defined]
            user,
        )
    ).one()
    messages = session.execute(
        sa.select(sa.func.max(Message.id)).where(Message.handoff_id.is_not(None))  # type: ignore[union-attr]
    ).scalar()
    work = session.execute(sa.select(sa.func.max(HandoffWork.updated_at))).scalar()
    return "|".join(str(v) for v in (*row, messages, work))


# ----------------------------------------------------------------------------- one conversation


@dataclass
class CaseView:
    handoff: Handoff
    work: HandoffWork | None
    conversation: Conversation
    contact: Contact
    patients: list[Patient]
    appointments: list[Appointment]
    messages: list[Message]
    notes: list[tuple[StaffNote, str]]
    owner: str
    location: str
    media: dict[int, list[Any]] = field(default_factory=dict)


def load_case(*, session: Session, handoff: Handoff) -> CaseView:
    conversation = session.get(Conversation, handoff.conversation_id)
    assert conversation is not None
    contact = session.get(Contact, conversation.contact_id)
    assert contact is not None
    patients = list(session.exec(select(Patient).where(Patient.contact_id == contact.id)).all())
    appointments = []
    if patients:
        appointments = list(
            session.exec(
                select(Appointment)
                .where(Appointment.patient_id.in_([p.id for p in patients]))  # type: ignore[attr-defined]
                .order_by(Appointment.starts_at.desc())  # type: ignore[attr-defined]
                .limit(20)
            ).all()
        )
    messages = list(
        session.exec(
            select(Message)
            .where(Message.conversation_id == conversation.id)
            .order_by(Message.created_at, Message.id)  # type: ignore[arg-type]
        ).all()
    )[-200:]
    notes = [
        (note, owner_name(session, f"staff:{note.author_id}"))
        for note in session.exec(
            select(StaffNote).where(StaffNote.handoff_id == handoff.id).order_by(StaffNote.id)  # type: ignore[arg-type]
        ).all()
    ]
    work = session.exec(select(HandoffWork).where(HandoffWork.handoff_id == handoff.id)).first()
    location = _location_of(session, handoff, {})
    from gateway.models import MessageMedia

    media: dict[int, list[Any]] = {}
    if messages:
        for item in session.exec(
            select(MessageMedia)
            .where(MessageMedia.message_id.in_([m.id for m in messages]))  # type: ignore[attr-defined]
            .order_by(MessageMedia.message_id, MessageMedia.position)
        ).all():
            media.setdefault(item.message_id, []).append(item)
    return CaseView(
        handoff=handoff,
        work=work,
        conversation=conversation,
        contact=contact,
        patients=patients,
        appointments=appointments,
        messages=messages,
        notes=notes,
        owner=owner_name(session, handoff.owner),
        location=location.name if location else "",
        media=media,
    )


def record_view(*, session: Session, user: StaffUser, handoff: Handoff, now: datetime) -> None:
    """A permitted view: the first one starts the clock the scorecard and the re-pager read."""
    work = work_for(session=session, handoff=handoff, now=now)
    changed = False
    if work.first_viewed_at is None:
        work.first_viewed_at = now
        work.first_viewed_by = user.id
        changed = True
    if handoff.is_emergency and work.emergency_viewed_at is None:
        work.emergency_viewed_at = now
        changed = True
    if changed:
        work.updated_at = now
        session.add(work)
    audit_staff(
        session,
        user=user,
        action="staff.view",
        subject_type="handoff",
        subject_id=handoff.id,
        clinic_id=handoff.clinic_id,
        now=now,
        queue=handoff.queue,
    )


# ----------------------------------------------------------------------------- actions


def _require_open(handoff: Handoff) -> None:
    if handoff.status == HandoffStatus.RESOLVED:
        raise ActionRefused("This conversation is resolved; the bot has it back.")


def _require_owner(handoff: Handoff, user: StaffUser) -> None:
    _require_open(handoff)
    if handoff.owner != owner_key(user):
        raise ActionRefused("Claim the conversation first (one person owns it at a time).")


def _audit(session: Session, user: StaffUser, handoff: Handoff, action: str, now, **detail):
    audit_staff(
        session,
        user=user,
        action=action,
        subject_type="handoff",
        subject_id=handoff.id,
        clinic_id=handoff.clinic_id,
        now=now,
        **detail,
    )


def claim(*, session: Session, user: StaffUser, handoff: Handoff, now: datetime) -> None:
    """Make this person the owner, atomically; refused when someone else got there first."""
    _require_open(handoff)
    result = session.execute(
        sa.update(Handoff)
        .where(
            Handoff.id == handoff.id,
            Handoff.owner.is_(None),  # type: ignore[union-attr]
            Handoff.status != HandoffStatus.RESOLVED,
        )
        .values(owner=owner_key(user), status=HandoffStatus.CLAIMED, claimed_at=now)
    )
    session.refresh(handoff)
    if result.rowcount != 1:
        if handoff.owner == owner_key(user):
            return
        raise ActionRefused(f"Already claimed by {owner_name(session, handoff.owner)}.")
    work = work_for(session=session, handoff=handoff, now=now)
    work.owner_id = user.id
    if work.status == CaseStatus.NEW:
        work.status = CaseStatus.IN_REVIEW
    work.updated_at = now
    session.add(work)
    _audit(session, user, handoff, "staff.claim", now)


def release(*, session: Session, user: StaffUser, handoff: Handoff, now: datetime) -> None:
    """Give the claim back to the queue (the owner, or a manager reassigning)."""
    _require_open(handoff)
    if handoff.owner != owner_key(user) and user.role not in roles.READ_ALL:
        raise ActionRefused("Only the owner or a manager can release this conversation.")
    handoff.owner = None
    handoff.status = HandoffStatus.OPEN
    session.add(handoff)
    work = work_for(session=session, handoff=handoff, now=now)
    work.owner_id = None
    work.updated_at = now
    session.add(work)
    _audit(session, user, handoff, "staff.release", now)


def new_reply_nonce() -> str:
    """A one-time key for a reply form, so a double submit texts the patient once."""
    return secrets.token_hex(8)


def reply(
    *,
    session: Session,
    user: StaffUser,
    handoff: Handoff,
    body: str,
    nonce: str,
    now: datetime,
) -> Message | None:
    """Queue a text to the patient in the outbox; None if this form was already sent."""
    _require_owner(handoff, user)
    body = (body or "").strip()
    if not body:
        raise ActionRefused("Write a reply first.")
    if len(body) > MAX_REPLY_CHARS:
        raise ActionRefused(f"A text can be at most {MAX_REPLY_CHARS} characters.")
    conversation = session.get(Conversation, handoff.conversation_id)
    assert conversation is not None
    contact = session.get(Contact, conversation.contact_id)
    assert contact is not None
    if contact.is_opted_out:
        raise ActionRefused("The patient opted out of texts: call them instead.")
    if contact.is_flagged or not is_e164(contact.phone):
        raise ActionRefused("This number cannot get texts: call the patient instead.")
    nonce = "".join(ch for ch in nonce if ch.isalnum())[:32] or new_reply_nonce()
    message = queue_message(
        session=session,
        clinic_id=handoff.clinic_id,
        to_number=contact.phone,
        body=body,
        kind=MessageKind.STAFF,
        now=now,
        idempotency_key=f"staff:{handoff.id}:{nonce}",
        conversation_id=conversation.id,
        handoff_id=handoff.id,
        lang=(handoff.note or {}).get("lang"),
    )
    if message is None:
        return None
    conversation.last_outbound_at = now
    session.add(conversation)
    work = work_for(session=session, handoff=handoff, now=now)
    if work.first_reply_at is None:
        work.first_reply_at = now
    work.updated_at = now
    session.add(work)
    _audit(
        session, user, handoff, "staff.reply", now, message_id=message.id, segments=message.segments
    )
    return message


def add_note(
    *, session: Session, user: StaffUser, handoff: Handoff, body: str, now: datetime
) -> StaffNote:
    """An internal note, seen by staff only."""
    body = (body or "").strip()
    if not body:
        raise ActionRefused("Write the note first.")
    note = StaffNote(
        clinic_id=handoff.clinic_id,
        handoff_id=handoff.id,
        author_id=user.id,
        body=body[:MAX_NOTE_CHARS],
        created_at=now,
    )
    session.add(note)
    session.flush()
    work = work_for(session=session, handoff=handoff, now=now)
    work.updated_at = now
    session.add(work)
    _audit(session, user, handoff, "staff.note", now, note_id=note.id)
    return note


def set_status(
    *, session: Session, user: StaffUser, handoff: Handoff, status: CaseStatus, now: datetime
) -> None:
    """Set where the work stands; a terminal status resolves the handoff."""
    _require_owner(handoff, user)
    work = work_for(session=session, handoff=handoff, now=now)
    previous = work.status
    work.status = status
    work.updated_at = now
    session.add(work)
    if status in TERMINAL:
        _resolve(session, handoff, now)
    _audit(session, user, handoff, "staff.status", now, status=str(status), previous=str(previous))


def resolve(*, session: Session, user: StaffUser, handoff: Handoff, now: datetime) -> None:
    """Done: the handoff is resolved and the bot takes the conversation back."""
    _require_owner(handoff, user)
    work = work_for(session=session, handoff=handoff, now=now)
    if work.status not in TERMINAL:
        work.status = CaseStatus.COMPLETED
    work.updated_at = now
    session.add(work)
    _resolve(session, handoff, now)
    _audit(session, user, handoff, "staff.resolve", now, status=str(work.status))


def _resolve(session: Session, handoff: Handoff, now: datetime) -> None:
    handoff.status = HandoffStatus.RESOLVED
    handoff.resolved_at = now
    session.add(handoff)
    session.flush()


def route(
    *,
    session: Session,
    user: StaffUser,
    handoff: Handoff,
    queue: str,
    reason: str,
    now: datetime,
) -> None:
    """Send the handoff to another queue with a reason (kept as an internal note)."""
    _require_open(handoff)
    if not roles.can_route(user.role, handoff.queue):
        raise ActionRefused("You cannot reassign this conversation.")
    if queue not in {str(q) for q in roles.ALL_QUEUES} or queue == handoff.queue:
        raise ActionRefused("Pick another queue.")
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused("Say why it goes to another queue.")
    previous = handoff.queue
    handoff.queue = queue
    handoff.owner = None
    handoff.status = HandoffStatus.OPEN
    if queue == Queue.EMERGENCY:
        handoff.is_emergency = True
        handoff.urgency = "emergency"
        handoff.priority = 0  # sorts with the emergencies
        # The acknowledgement clock starts now, not when the handoff first opened.
        handoff.note = {**(handoff.note or {}), "emergency_at": now.isoformat()}
    session.add(handoff)
    work = work_for(session=session, handoff=handoff, now=now)
    work.owner_id = None
    work.status = (
        CaseStatus.ROUTED_TO_CLINICAL
        if queue in (Queue.CLINICAL, Queue.EMERGENCY)
        else CaseStatus.ESCALATED
        if queue == Queue.MANAGER
        else CaseStatus.NEW
    )
    work.updated_at = now
    session.add(work)
    session.add(
        StaffNote(
            clinic_id=handoff.clinic_id,
            handoff_id=handoff.id,
            author_id=user.id,
            body=f"Routed from {previous} to {queue}: {reason[:MAX_NOTE_CHARS]}",
            created_at=now,
        )
    )
    session.flush()
    _audit(session, user, handoff, "staff.route", now, queue=queue, previous=previous)


def verify_identity(*, session: Session, user: StaffUser, handoff: Handoff, now: datetime) -> None:
    """Record that the owner confirmed who is texting (date of birth) before giving details."""
    _require_owner(handoff, user)
    work = work_for(session=session, handoff=handoff, now=now)
    work.identity_verified_at = now
    work.identity_verified_by = user.id
    work.updated_at = now
    session.add(work)
    _audit(session, user, handoff, "staff.identity_verified", now)
