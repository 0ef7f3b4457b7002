"""The vocabulary shared by every flow: what comes in, what the engine knows, what goes out.

Everything here is a frozen value. `gateway/` builds `Inbound` and `Situation` from the webhook
and the database, calls `flows.engine.handle(...)`, and applies the `Outcome` it gets back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class Channel(StrEnum):
    SMS = "sms"
    VOICEMAIL = "voicemail"


class CarrierKeyword(StrEnum):
    """What the carrier's own opt-out handling decided a text was (and already answered)."""

    STOP = "STOP"
    START = "START"
    HELP = "HELP"


class Awaiting(StrEnum):
    """The last automated message the patient got, which a short reply answers."""

    APPOINTMENT_REMINDER = "appointment_reminder"
    FORM_REMINDER = "form_reminder"
    TELEHEALTH_PREP = "telehealth_prep"
    # --- reminders: the later steps of the reminder flows (flows/reminders/)
    NO_SHOW = "no_show"  # a no-show recovery text
    MISSED_CALL = "missed_call"  # a missed-call text-back
    RESCHEDULE_TIMES = "reschedule_times"  # we asked which days and times suit them
    REMINDER_CLARIFY = "reminder_clarify"  # we asked once more for C, R or X
    DATE_OF_BIRTH = "date_of_birth"  # we asked for a date of birth before naming a visit


class Intent(StrEnum):
    CONFIRM = "confirm"
    CANCEL = "cancel"
    RESCHEDULE = "reschedule"
    SCHEDULE = "schedule"
    REFILL = "refill"
    TEST_RESULTS = "test_results"
    CLINICAL = "clinical"
    REFERRAL = "referral"
    INSURANCE = "insurance"
    BILLING = "billing"
    RECORDS = "records"
    FORMS = "forms"
    PORTAL = "portal"
    TELEHEALTH = "telehealth"
    COMPLAINT = "complaint"
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    LANGUAGE = "language"
    THANKS = "thanks"
    WRONG_NUMBER = "wrong_number"
    OTHER = "other"
    #: A question about one's own visit ("is it still on", "what time", "which office"), answered
    #: from the record by the reminders flow. Not a schema label: scored as `other`, as the
    #: labelled sets file it (flows.triage.evaluate.SCHEMA_INTENT).
    APPOINTMENT_STATUS = "appointment_status"


class Emergency(StrEnum):
    MEDICAL = "medical"
    MENTAL_HEALTH = "mental_health"


class Queue(StrEnum):
    """Staff queues, in the order of the routing rules (first match wins)."""

    EMERGENCY = "emergency"
    CLINICAL = "clinical"
    MANAGER = "manager"
    REFILLS = "refills"
    BILLING = "billing"
    RECORDS = "records"
    SCHEDULING = "scheduling"
    FRONT_DESK = "front_desk"
    NONE = "none"


class Urgency(StrEnum):
    EMERGENCY = "emergency"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class ReplyKind(StrEnum):
    """Why a text is sent; the gateway's suppression rules depend on it."""

    EMERGENCY = "emergency"  # sent even to an opted-out patient who just wrote to us
    COMPLIANCE = "compliance"  # STOP/START/HELP answers, at most one per keyword event
    AUTOMATED = "automated"  # everything else the bot says


#: Languages the product answers in. English and Spanish are complete; the others get the
#: emergency screen, compliance answers and a "a person will answer" reply.
SUPPORTED_LANGUAGES = ("en", "es", "vi", "zh", "tl", "ko", "ar", "ru", "ht", "pt")
COMPLETE_LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Inbound:
    """One patient message, transport-neutral: a text or a voicemail transcript."""

    text: str
    channel: Channel = Channel.SMS
    #: The carrier already classified the text as STOP, START or HELP and answered it (Twilio
    #: Advanced Opt-Out's `OptOutType`): record it, send no second confirmation.
    carrier_keyword: CarrierKeyword | None = None


@dataclass(frozen=True)
class OpeningHours:
    """One weekday's opening hours in the clinic's time zone (weekday 0 = Monday)."""

    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class ClinicInfo:
    """What the flows may know about the clinic: enough to word a reply and set a due time."""

    name: str
    phone: str  # as the patient should dial it, e.g. "(555) 010-0100"
    time_zone: str = "America/New_York"
    hours: tuple[OpeningHours, ...] = ()
    languages: tuple[str, ...] = ("en", "es")
    #: Promised first-response time per queue, in business minutes.
    response_minutes: tuple[tuple[Queue, int], ...] = (
        (Queue.EMERGENCY, 15),
        (Queue.CLINICAL, 120),
        (Queue.MANAGER, 240),
        (Queue.REFILLS, 480),
        (Queue.BILLING, 960),
        (Queue.RECORDS, 960),
        (Queue.SCHEDULING, 480),
        (Queue.FRONT_DESK, 480),
    )
    portal_url: str = ""
    forms_url: str = ""
    telehealth_url: str = ""

    def response_minutes_for(self, queue: Queue) -> int:
        return dict(self.response_minutes).get(queue, 480)


@dataclass(frozen=True)
class Visit:
    """reminders: one appointment as a flow may tell the patient about it (minimum necessary:
    no provider, no visit reason)."""

    starts_at: datetime  # UTC
    time_zone: str = "America/New_York"  # the patient's, for naming the day
    location: str = ""
    is_telehealth: bool = False
    telehealth_url: str = ""
    forms_missing: tuple[str, ...] = ()
    forms_url: str = ""


@dataclass(frozen=True)
class Situation:
    """What the gateway knows about the conversation when a message arrives."""

    language: str | None = None  # the patient's stored preferred language
    is_opted_out: bool = False
    is_human_owned: bool = False  # an open handoff: the bot steps back
    awaiting: Awaiting | None = None
    #: The patient's next appointment, if any (UTC), for confirm/cancel replies.
    appointment_at: datetime | None = None
    #: The carrier (Twilio Advanced Opt-Out) already answers single-word STOP/START/HELP, so a
    #: second confirmation from us would be a duplicate text.
    carrier_answers_keywords: bool = False
    # --- reminders
    #: The visit the last reminder named, else the only upcoming one of the only patient.
    visit: Visit | None = None
    #: How many patients share this phone number (0: a number not on file).
    patients_on_number: int = 1
    #: Each patient's date of birth and next visit, to answer after a date-of-birth check.
    candidates: tuple[tuple[date | None, Visit | None], ...] = ()
    #: A person has claimed the open handoff (an unclaimed one still lets the bot answer a
    #: reminder reply).
    is_handoff_claimed: bool = False


@dataclass(frozen=True)
class Triage:
    """How one message was understood."""

    intent: Intent
    queue: Queue
    emergency: Emergency | None
    is_upset: bool
    lang: str
    urgency: Urgency = Urgency.NORMAL
    #: The words or rules that decided it, for the staff note and the audit.
    evidence: tuple[str, ...] = ()
    summary: str = ""
    is_opt_out: bool = False
    is_opt_in: bool = False


# ---------------------------------------------------------------- replies


@dataclass(frozen=True)
class Reply:
    """A patient-facing text, as a catalog source string plus its parameters.

    `msgid` is the English source marked with `N_` in `flows.messages`; the gateway translates it
    into the patient's language and fills `params` (datetimes are formatted in the patient's time
    zone and locale).
    """

    msgid: str
    params: tuple[tuple[str, str | datetime], ...] = ()
    kind: ReplyKind = ReplyKind.AUTOMATED
    lang: str | None = None  # None: the patient's stored language


# ---------------------------------------------------------------- effects


@dataclass(frozen=True)
class HandoffNote:
    """The structured note a person reads in the staff queue."""

    summary: str
    intent: Intent
    queue: Queue
    reason: tuple[str, ...]
    urgency: Urgency
    due_at: datetime
    lang: str
    emergency: Emergency | None
    is_upset: bool
    answering: Awaiting | None
    bot_said: tuple[str, ...]  # the msgids of the replies sent with this handoff


@dataclass(frozen=True)
class OpenHandoff:
    """Hand the conversation to a staff queue (or escalate the open one)."""

    note: HandoffNote


@dataclass(frozen=True)
class AppendToHandoff:
    """A person owns the conversation: add the message to the open handoff, say nothing."""


@dataclass(frozen=True)
class PageOnCall:
    """Text the clinic's on-call numbers a PHI-minimal alert."""

    emergency: Emergency


@dataclass(frozen=True)
class OptOut:
    """Record a revocation of consent; nothing automated may follow."""

    keyword: str  # the matched keyword or phrase, kept as evidence with the message id


@dataclass(frozen=True)
class OptIn:
    keyword: str


@dataclass(frozen=True)
class ConfirmAppointment:
    pass


@dataclass(frozen=True)
class CancelAppointment:
    pass


@dataclass(frozen=True)
class MarkFormDone:
    pass


@dataclass(frozen=True)
class SetLanguage:
    lang: str


@dataclass(frozen=True)
class SetAwaiting:
    """reminders: what a short reply answers from now on (None: nothing)."""

    awaiting: Awaiting | None


@dataclass(frozen=True)
class RequestReschedule:
    """reminders: the patient asked for a new time; `preferred` is what they said suits them."""

    preferred: str


@dataclass(frozen=True)
class RecordTriage:
    """Store how the message was understood, on the message row."""

    triage: Triage


Effect = (
    OpenHandoff
    | AppendToHandoff
    | PageOnCall
    | OptOut
    | OptIn
    | ConfirmAppointment
    | CancelAppointment
    | MarkFormDone
    | SetLanguage
    | RecordTriage
    | SetAwaiting
    | RequestReschedule
)


@dataclass(frozen=True)
class Outcome:
    """What the engine decided: texts to send and changes to make, applied by the caller."""

    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
    triage: Triage | None = None
    #: Which intercept decided (emergency, opt_out, opt_in, help, human_owned, triage).
    decided_by: str = "triage"
    extra: dict[str, str] = field(default_factory=dict)
