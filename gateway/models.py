"""Stored tables. Every timestamp is timezone-aware UTC; every status is a lowercase StrEnum.

Consent belongs to a phone number, not a person: a family often shares one phone, and when that
number says STOP, every patient on it stops getting texts. So `Contact` (one phone number at one
clinic) holds the opt-out state and its evidence, the conversation, and the language; `Patient`
rows point at their contact.

Outbound texts are `Message` rows with direction `outbound`: the row *is* the outbox entry,
written in the same transaction as the change that caused it and sent after commit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import JSON, Column, Field, SQLModel


def utcnow() -> datetime:
    """The current time as an aware UTC datetime (the one clock read for stored timestamps)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite forgets zones)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def at_field(*, nullable: bool = True, index: bool = False, default_now: bool = False) -> Any:
    """A `*_at` column: aware UTC datetime."""
    if default_now:
        return Field(
            default_factory=utcnow,
            sa_column=Column(UTCDateTime(), nullable=False, index=index),
        )
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def enum_field(enum: type[StrEnum], default: Any = None, *, index: bool = False) -> Any:
    """A StrEnum column stored as its lowercase value in a VARCHAR (no native enum type), so
    SQL, partial indexes and both databases read the same readable strings."""
    column_type = sa.Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )
    return Field(default=default, sa_column=Column(column_type, nullable=False, index=index))


def json_field(default: Any) -> Any:
    return Field(default_factory=lambda: default.copy(), sa_column=Column(JSON, nullable=False))


# ----------------------------------------------------------------------------- enums


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class MessageChannel(StrEnum):
    SMS = "sms"
    VOICEMAIL = "voicemail"
    KEYPAD = "keypad"  # reminders: a key pressed during a reminder call


class MessageKind(StrEnum):
    """Why a message exists; suppression and quiet hours depend on it."""

    PATIENT = "patient"  # inbound from a patient
    EMERGENCY = "emergency"  # emergency guidance: sent even after an opt-out
    COMPLIANCE = "compliance"  # STOP/START/HELP answers
    AUTOMATED = "automated"  # any other bot reply
    REMINDER = "reminder"  # scheduled messages (roadmap: reminders)
    STAFF = "staff"  # a person's reply from the staff app
    PAGE = "page"  # an alert to the clinic's on-call number


class MessageStatus(StrEnum):
    """Inbound: received -> processed. Outbound: the Twilio lifecycle, which only moves forward."""

    RECEIVED = "received"
    PROCESSED = "processed"
    QUEUED = "queued"  # in the outbox, not yet handed to Twilio
    SENDING = "sending"  # claimed by a sender
    SUPPRESSED = "suppressed"  # not sent: opted out, flagged number, or the bot stepped back
    ACCEPTED = "accepted"  # Twilio's own statuses from here on
    SCHEDULED = "scheduled"
    TWILIO_QUEUED = "twilio_queued"
    SENT = "sent"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    READ = "read"
    PARTIALLY_DELIVERED = "partially_delivered"  # some segments of a long text arrived
    CANCELED = "canceled"  # a scheduled send canceled at Twilio (not a failure)
    EXPIRED = "expired"  # not sent: a reminder that would arrive after its not-after time
    #: A send that may or may not have reached Twilio, where the log could not tell: a person
    #: was told (a handoff); never resent automatically.
    UNKNOWN = "unknown"


class HandoffStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    WAITING = "waiting"  # waiting on the patient or a third party
    RESOLVED = "resolved"


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    RESCHEDULE_REQUESTED = "reschedule_requested"
    COMPLETED = "completed"
    NO_SHOW = "no_show"


class CallStatus(StrEnum):
    RINGING = "ringing"
    RECORDING = "recording"
    VOICEMAIL = "voicemail"  # a recording arrived
    MISSED = "missed"  # ended with no recording
    COMPLETED = "completed"


# ----------------------------------------------------------------------------- tables


class Clinic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=64)
    name: str = Field(max_length=200)
    phone: str = Field(max_length=40)  # as patients dial it
    time_zone: str = Field(default="America/New_York", max_length=64)
    languages: list[str] = json_field(["en", "es"])
    #: {"0": ["08:00", "17:00"], ...} weekday (0 = Monday) -> opening hours, local time.
    hours: dict[str, list[str]] = json_field({})
    on_call_numbers: list[str] = json_field([])
    #: Promised first-response time per queue, business minutes: {"clinical": 120, ...}.
    response_minutes: dict[str, int] = json_field({})
    portal_url: str = Field(default="", max_length=500)
    forms_url: str = Field(default="", max_length=500)
    telehealth_url: str = Field(default="", max_length=500)
    quiet_start: str = Field(default="20:00", max_length=5)
    quiet_end: str = Field(default="08:00", max_length=5)
    created_at: datetime = at_field(default_now=True)


class Location(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    name: str = Field(max_length=200)
    #: The Twilio number patients text and call, E.164. Routes inbound traffic to the clinic.
    twilio_number: str | None = Field(default=None, unique=True, max_length=20)
    time_zone: str | None = Field(default=None, max_length=64)
    hours: dict[str, list[str]] = json_field({})
    on_call_numbers: list[str] = json_field([])
    created_at: datetime = at_field(default_now=True)


class Contact(SQLModel, table=True):
    """One phone number at one clinic: consent, language and the conversation hang off it."""

    __table_args__ = (sa.UniqueConstraint("clinic_id", "phone"),)

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    phone: str = Field(max_length=20)  # E.164
    preferred_language: str | None = Field(default=None, max_length=8)
    is_opted_out: bool = Field(default=False)
    opted_out_at: datetime | None = at_field()
    #: Evidence: the inbound message and the keyword or phrase that revoked consent.
    opt_out_message_id: int | None = Field(default=None)
    opt_out_keyword: str | None = Field(default=None, max_length=100)
    opted_in_at: datetime | None = at_field()
    #: Twilio said the number cannot get texts (landline, invalid, unreachable): staff must look.
    is_flagged: bool = Field(default=False)
    flag_reason: str | None = Field(default=None, max_length=200)
    #: "mobile" or "landline" as the practice system says (reminders: landlines get no text).
    phone_type: str | None = Field(default=None, max_length=16)
    created_at: datetime = at_field(default_now=True)


class Patient(SQLModel, table=True):
    __table_args__ = (
        sa.Index("uq_patient_clinic_external", "clinic_id", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True)
    external_id: str | None = Field(default=None, max_length=100)
    name: str = Field(default="", max_length=200)
    date_of_birth: date | None = None
    preferred_language: str | None = Field(default=None, max_length=8)
    time_zone: str | None = Field(default=None, max_length=64)
    created_at: datetime = at_field(default_now=True)


class Appointment(SQLModel, table=True):
    __table_args__ = (
        sa.Index("uq_appointment_clinic_external", "clinic_id", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    location_id: int | None = Field(default=None, foreign_key="location.id")
    external_id: str | None = Field(default=None, max_length=100)
    starts_at: datetime = at_field(nullable=False, index=True)
    provider: str = Field(default="", max_length=200)
    is_telehealth: bool = Field(default=False)
    status: AppointmentStatus = enum_field(AppointmentStatus, AppointmentStatus.SCHEDULED)
    confirmed_at: datetime | None = at_field()
    cancelled_at: datetime | None = at_field()
    #: Imported from the practice system (gateway.reminders.importer).
    location: str = Field(default="", max_length=200)  # where to go, as the patient reads it
    time_zone: str | None = Field(default=None, max_length=64)  # the visit's own zone
    telehealth_url: str = Field(default="", max_length=500)
    forms_missing: list[str] = json_field([])
    forms_url: str = Field(default="", max_length=500)
    #: Why the appointment last changed status through a patient's reply (reschedule note...).
    status_note: str = Field(default="", max_length=500)
    updated_at: datetime | None = at_field()
    created_at: datetime = at_field(default_now=True)


class Conversation(SQLModel, table=True):
    """The thread with one contact, and its flow state as a row."""

    __table_args__ = (sa.UniqueConstraint("clinic_id", "contact_id"),)

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    flow_id: str | None = Field(default=None, max_length=64)
    step: str | None = Field(default=None, max_length=64)
    data: dict[str, Any] = json_field({})
    #: The last automated message the patient got, which a short reply answers.
    awaiting: str | None = Field(default=None, max_length=32)
    awaiting_appointment_id: int | None = Field(default=None, foreign_key="appointment.id")
    awaiting_set_at: datetime | None = at_field()
    last_inbound_at: datetime | None = at_field()
    last_outbound_at: datetime | None = at_field()
    created_at: datetime = at_field(default_now=True)


#: The condition of the one-open-handoff-per-conversation index (and its ON CONFLICT target).
OPEN_HANDOFF = sa.text("status != 'resolved'")


class Handoff(SQLModel, table=True):
    """A conversation handed to a staff queue. At most one is open per conversation."""

    __table_args__ = (
        sa.Index(
            "uq_handoff_open_per_conversation",
            "conversation_id",
            unique=True,
            sqlite_where=OPEN_HANDOFF,
            postgresql_where=OPEN_HANDOFF,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    queue: str = Field(max_length=32, index=True)
    status: HandoffStatus = enum_field(HandoffStatus, HandoffStatus.OPEN, index=True)
    #: Lower sorts first: 0 emergency, 1 high, 2 normal, 3 low.
    priority: int = Field(default=2)
    urgency: str = Field(default="normal", max_length=16)
    is_emergency: bool = Field(default=False)
    due_at: datetime | None = at_field(index=True)
    note: dict[str, Any] = json_field({})
    owner: str | None = Field(default=None, max_length=100)
    opened_at: datetime = at_field(default_now=True)
    claimed_at: datetime | None = at_field()
    resolved_at: datetime | None = at_field()


class Message(SQLModel, table=True):
    """One text or voicemail, either way. Outbound rows are the outbox."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    handoff_id: int | None = Field(default=None, foreign_key="handoff.id", index=True)
    direction: Direction = enum_field(Direction)
    channel: MessageChannel = enum_field(MessageChannel, MessageChannel.SMS)
    kind: MessageKind = enum_field(MessageKind, MessageKind.PATIENT)
    from_number: str = Field(default="", max_length=20)
    to_number: str = Field(default="", max_length=20)
    body: str = Field(default="", sa_column=Column(sa.Text, nullable=False, default=""))
    lang: str | None = Field(default=None, max_length=8)
    #: MessageSid (texts) or RecordingSid (voicemails): the inbound idempotency key.
    twilio_sid: str | None = Field(default=None, unique=True, max_length=64)
    call_sid: str | None = Field(default=None, max_length=64, index=True)
    recording_url: str | None = Field(default=None, max_length=500)
    #: Outbound: at most one message per key ("reply:<inbound id>:<n>", "page:<id>:<number>").
    idempotency_key: str | None = Field(default=None, unique=True, max_length=200)
    status: MessageStatus = enum_field(MessageStatus, MessageStatus.RECEIVED, index=True)
    status_rank: int = Field(default=0)
    error_code: int | None = None
    segments: int = Field(default=1)
    attempts: int = Field(default=0)
    next_attempt_at: datetime | None = at_field(index=True)
    claimed_at: datetime | None = at_field()
    #: Inbound: how the message was understood (intent, queue, emergency, lang, upset...).
    triage: dict[str, Any] = json_field({})
    processing_started_at: datetime | None = at_field()
    processed_at: datetime | None = at_field()
    created_at: datetime = at_field(default_now=True, index=True)
    sent_at: datetime | None = at_field()
    # --- delivery ---
    #: Outbound: retries stop here (a time budget, not a count); a reply still unsent by then
    #: goes to a person.
    give_up_at: datetime | None = at_field()
    #: Outbound reminders: never delivered after this (it would arrive too late to help).
    not_after: datetime | None = at_field()
    #: Outbound: since when an attempt may have reached Twilio without us hearing back (a
    #: timeout, a crash after the claim); Twilio's log is searched before any resend.
    outcome_unknown_at: datetime | None = at_field()


class StatusEvent(SQLModel, table=True):
    """Every delivery-status callback, deduped on (MessageSid, status)."""

    __table_args__ = (sa.UniqueConstraint("twilio_sid", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    message_id: int | None = Field(default=None, foreign_key="message.id", index=True)
    twilio_sid: str = Field(max_length=64)
    status: str = Field(max_length=32)
    error_code: int | None = None
    received_at: datetime = at_field(default_now=True)
    #: Twilio's `RawDlrDoneDate` (YYMMDDhhmm, the carrier's delivery time), as sent.
    raw_dlr_done_date: str | None = Field(default=None, max_length=32)


class Call(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True)
    call_sid: str = Field(unique=True, max_length=64)
    status: CallStatus = enum_field(CallStatus, CallStatus.RINGING)
    recording_sid: str | None = Field(default=None, max_length=64)
    started_at: datetime = at_field(default_now=True)
    ended_at: datetime | None = at_field()


class AuditEvent(SQLModel, table=True):
    """Who did what to which record. Ids only in `detail`, never a message body or a name."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int | None = Field(default=None, foreign_key="clinic.id", index=True)
    actor: str = Field(max_length=100)  # "system", "twilio", "staff:<id>"
    action: str = Field(max_length=64, index=True)
    subject_type: str = Field(max_length=32)
    subject_id: int | None = None
    detail: dict[str, Any] = json_field({})
    created_at: datetime = at_field(default_now=True, index=True)


# --- staff ---------------------------------------------------------------------------------
# The staff app (gateway/staff/): accounts, sign-in attempts, the work on each handoff, notes.


class StaffRole(StrEnum):
    """What a staff member does; `gateway.staff.roles.ROLE_QUEUES` maps each to its queues."""

    FRONT_DESK = "front_desk"
    CLINICAL = "clinical"
    REFILLS = "refills"
    BILLING = "billing"
    RECORDS = "records"
    SCHEDULING = "scheduling"
    MANAGER = "manager"
    ADMIN = "admin"


class CaseStatus(StrEnum):
    """Where a person is with a handoff; `completed` and `closed_no_response` resolve it."""

    NEW = "new"
    IN_REVIEW = "in_review"
    WAITING_ON_PATIENT = "waiting_on_patient"
    WAITING_ON_CLINIC = "waiting_on_clinic"
    ROUTED_TO_CLINICAL = "routed_to_clinical"
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CLOSED_NO_RESPONSE = "closed_no_response"
    ESCALATED = "escalated"


class StaffUser(SQLModel, table=True):
    """One person who signs in to `/staff`. The password is an argon2 hash; never stored plain."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=254)  # stored lowercased
    name: str = Field(default="", max_length=200)
    password_hash: str = Field(max_length=200)
    role: StaffRole = enum_field(StaffRole)
    #: The clinic whose conversations this person sees; None (all clinics) only for an admin or
    #: a manager made that way on purpose (`create-staff --clinic all`).
    clinic_id: int | None = Field(default=None, foreign_key="clinic.id", index=True)
    is_active: bool = Field(default=True)
    #: The RFC 6238 secret when the second factor is on, encrypted (`gateway.staff.totp.seal`).
    totp_secret: str | None = Field(default=None, max_length=200)
    #: The last TOTP time step accepted, so one code cannot be used twice.
    totp_last_step: int | None = None
    created_at: datetime = at_field(default_now=True)
    last_login_at: datetime | None = at_field()


class LoginAttempt(SQLModel, table=True):
    """Every sign-in try, for rate limiting per email and per address (and the audit)."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    ip: str = Field(max_length=64, index=True)
    is_success: bool = Field(default=False)
    created_at: datetime = at_field(default_now=True, index=True)


class HandoffWork(SQLModel, table=True):
    """A person's work on one handoff: status, first view and reply, emergency re-pages."""

    id: int | None = Field(default=None, primary_key=True)
    handoff_id: int = Field(foreign_key="handoff.id", unique=True)
    status: CaseStatus = enum_field(CaseStatus, CaseStatus.NEW, index=True)
    owner_id: int | None = Field(default=None, foreign_key="staffuser.id", index=True)
    first_viewed_at: datetime | None = at_field()
    first_viewed_by: int | None = Field(default=None, foreign_key="staffuser.id")
    #: The first view while the handoff was an emergency (time to acknowledge).
    emergency_viewed_at: datetime | None = at_field()
    first_reply_at: datetime | None = at_field()
    #: A staff member checked who they are texting (date of birth) during this handoff.
    identity_verified_at: datetime | None = at_field()
    identity_verified_by: int | None = Field(default=None, foreign_key="staffuser.id")
    #: How many escalation pages went out because nobody opened the emergency.
    ack_pages: int = Field(default=0)
    last_ack_page_at: datetime | None = at_field()
    updated_at: datetime = at_field(default_now=True)


class StaffNote(SQLModel, table=True):
    """An internal note on a handoff: staff only, never sent to the patient."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    handoff_id: int = Field(foreign_key="handoff.id", index=True)
    author_id: int = Field(foreign_key="staffuser.id")
    body: str = Field(default="", sa_column=Column(sa.Text, nullable=False, default=""))
    created_at: datetime = at_field(default_now=True)


class MediaStatus(StrEnum):
    PENDING = "pending"  # named in the webhook, not fetched yet
    STORED = "stored"  # fetched, checked and on disk
    REFUSED = (
        "refused"  # not a Twilio media host, too big or not an allowed type: never fetched again
    )
    FAILED = "failed"  # fetching failed too often


class MessageMedia(SQLModel, table=True):
    """A photo or file sent with an inbound MMS; the bytes live on disk outside the web root."""

    __table_args__ = (sa.UniqueConstraint("message_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="message.id", index=True)
    position: int = Field(default=0)
    source_url: str = Field(max_length=500)
    declared_type: str = Field(default="", max_length=100)
    content_type: str | None = Field(default=None, max_length=100)
    size_bytes: int | None = None
    #: The stored file's name: its SHA-256, so nothing a sender chose reaches the file system.
    sha256: str | None = Field(default=None, max_length=64)
    status: MediaStatus = enum_field(MediaStatus, MediaStatus.PENDING, index=True)
    error: str | None = Field(default=None, max_length=200)
    attempts: int = Field(default=0)
    created_at: datetime = at_field(default_now=True)
    fetched_at: datetime | None = at_field()


# --- reminders ---------------------------------------------------------------------------


class ReminderKind(StrEnum):
    CONFIRMATION = "confirmation"
    CONFIRMATION_NUDGE = "confirmation_nudge"
    FORM = "form"
    TELEHEALTH_PREP = "telehealth_prep"
    NO_SHOW = "no_show"


class ReminderStatus(StrEnum):
    """pending -> claimed (a worker holds it, with a lease) -> sent | skipped | cancelled."""

    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    SKIPPED = "skipped"  # never sent; `reason` says why (past, stale, opted_out, ...)
    CALL_QUEUED = "call_queued"  # a landline: the call is placed after this commit
    CALLING = "calling"  # a worker is placing the call (never placed twice: see calls.py)
    CANCELLED = "cancelled"  # the appointment was cancelled or the reason went away


class Reminder(SQLModel, table=True):
    """One scheduled message, planned from an appointment by the clinic's reminder policy.

    The unique (appointment, kind, slot) key is the idempotency key: no restart, second worker
    or re-import can make a second row for the same reminder, and its outbox row's key
    (`reminder:<id>`) makes a second text impossible.
    """

    __table_args__ = (
        sa.UniqueConstraint("appointment_id", "kind", "slot", name="uq_reminder_key"),
        sa.Index("ix_reminder_status_due", "status", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    appointment_id: int = Field(foreign_key="appointment.id", index=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    kind: ReminderKind = enum_field(ReminderKind)
    slot: str = Field(default="0", max_length=32)
    status: ReminderStatus = enum_field(ReminderStatus, ReminderStatus.PENDING)
    due_at: datetime = at_field(nullable=False)
    #: When the planner wanted it; `due_at` moves later for quiet hours or caps.
    planned_at: datetime = at_field(nullable=False)
    #: Why it was not sent (or was deferred): quiet_hours, opted_out, cap_reached, past,
    #: cancelled, undeliverable, stale, answered, form_done.
    reason: str | None = Field(default=None, max_length=32)
    claimed_at: datetime | None = at_field()
    attempts: int = Field(default=0)
    sent_at: datetime | None = at_field()
    message_id: int | None = Field(default=None, foreign_key="message.id")
    #: A landline's reminder is a call: its CallSid once placed.
    call_sid: str | None = Field(default=None, max_length=64)
    created_at: datetime = at_field(default_now=True)
    updated_at: datetime | None = at_field()


class ReminderPolicy(SQLModel, table=True):
    """A clinic's reminder policy: overrides of `gateway.reminders.planner.DEFAULT_POLICY`."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", unique=True)
    settings: dict[str, Any] = json_field({})
    updated_at: datetime | None = at_field()


class ApiKey(SQLModel, table=True):
    """A practice system's key for the reminders JSON API, per clinic. Only its SHA-256 is
    stored: the key itself is shown once, when it is made (`flask --app gateway create-api-key`)."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    key_hash: str = Field(unique=True, max_length=64)
    label: str = Field(default="", max_length=100)
    created_at: datetime = at_field(default_now=True)
    revoked_at: datetime | None = at_field()
