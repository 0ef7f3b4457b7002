"""Staff queue, urgency and the one-line staff summary, from what triage understood.

The queue follows the schema's routing rules, first match wins (see SCHEMA.md):
emergency, clinical (incl. any symptom inside another request), manager (complaint or upset),
refills, billing, records, scheduling, front desk, then forms/portal/telehealth (none unless a
person must act), then none.
"""

from __future__ import annotations

from flows.types import Emergency, Intent, Queue, Urgency

_SIMPLE = {
    Intent.REFILL: (Queue.REFILLS, 4),
    Intent.BILLING: (Queue.BILLING, 5),
    Intent.INSURANCE: (Queue.BILLING, 5),
    Intent.RECORDS: (Queue.RECORDS, 6),
    Intent.SCHEDULE: (Queue.SCHEDULING, 7),
    Intent.RESCHEDULE: (Queue.SCHEDULING, 7),
    Intent.REFERRAL: (Queue.SCHEDULING, 7),
    Intent.WRONG_NUMBER: (Queue.FRONT_DESK, 8),
    Intent.OTHER: (Queue.FRONT_DESK, 8),
    # The reminders flow answers it from the record; when it cannot, the front desk does.
    Intent.APPOINTMENT_STATUS: (Queue.FRONT_DESK, 8),
}
_SELF_SERVICE = (Intent.FORMS, Intent.PORTAL, Intent.TELEHEALTH)

_LABELS = {
    Intent.CONFIRM: "Appointment confirmation",
    Intent.CANCEL: "Appointment cancellation",
    Intent.RESCHEDULE: "Reschedule request",
    Intent.SCHEDULE: "New appointment request",
    Intent.REFILL: "Refill request",
    Intent.TEST_RESULTS: "Test results question",
    Intent.CLINICAL: "Symptom or medication question",
    Intent.REFERRAL: "Referral request",
    Intent.INSURANCE: "Insurance question",
    Intent.BILLING: "Billing question",
    Intent.RECORDS: "Records request",
    Intent.FORMS: "Forms",
    Intent.PORTAL: "Patient portal",
    Intent.TELEHEALTH: "Video visit",
    Intent.COMPLAINT: "Complaint",
    Intent.OPT_OUT: "Opt-out from texts",
    Intent.OPT_IN: "Opt-in to texts",
    Intent.HELP: "Help request",
    Intent.LANGUAGE: "Language change request",
    Intent.THANKS: "Thanks / acknowledgement",
    Intent.WRONG_NUMBER: "Wrong number",
    Intent.OTHER: "General question",
    Intent.APPOINTMENT_STATUS: "Question about their visit (time, place, still on)",
}


def route(
    intent: Intent,
    *,
    emergency: Emergency | None,
    is_upset: bool,
    has_symptom: bool,
    person_needed: bool,
) -> tuple[Queue, str]:
    """Return the staff queue and the routing rule that chose it."""
    if emergency is not None:
        return Queue.EMERGENCY, "queue rule 1: emergency"
    if intent in (Intent.CLINICAL, Intent.TEST_RESULTS):
        return Queue.CLINICAL, f"queue rule 2: {intent.value}"
    if has_symptom:
        return Queue.CLINICAL, "queue rule 2: symptom inside request"
    if intent is Intent.COMPLAINT:
        return Queue.MANAGER, "queue rule 3: complaint"
    if is_upset:
        return Queue.MANAGER, "queue rule 3: upset"
    if intent in _SIMPLE:
        queue, number = _SIMPLE[intent]
        return queue, f"queue rule {number}: {intent.value}"
    if intent in _SELF_SERVICE:
        if person_needed:
            return Queue.FRONT_DESK, f"queue rule 9: {intent.value} needs a person"
        return Queue.NONE, f"queue rule 9: {intent.value} answered with the link"
    return Queue.NONE, f"queue rule 10: {intent.value}"


def urgency_for(queue: Queue) -> Urgency:
    """Emergency for the emergency queue, high for clinical and manager, normal otherwise."""
    if queue is Queue.EMERGENCY:
        return Urgency.EMERGENCY
    if queue in (Queue.CLINICAL, Queue.MANAGER):
        return Urgency.HIGH
    return Urgency.NORMAL


def summarize(
    intent: Intent,
    *,
    lang: str,
    emergency: Emergency | None,
    is_upset: bool,
    has_symptom: bool,
    is_opt_out: bool,
) -> str:
    """One staff-facing line (<= 100 chars) built from labels only: never the patient's words."""
    parts = []
    if emergency is not None:
        parts.append(f"POSSIBLE {emergency.value.replace('_', ' ').upper()} EMERGENCY")
    parts.append(_LABELS[intent])
    head = " - ".join(parts) + f" ({lang})"
    flags = []
    if has_symptom and intent is not Intent.CLINICAL:
        flags.append("mentions symptoms")
    if is_upset:
        flags.append("upset")
    if is_opt_out and intent is not Intent.OPT_OUT:
        flags.append("opted out")
    line = ", ".join([head, *flags])
    return line[:100]
