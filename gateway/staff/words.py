"""The handoff note in words for people: headlines, reasons, labels. Never a rule code on screen.

`headline(note)` is the most urgent thing the patient said, as the note's top level holds it
(`gateway.effects.open_handoff` moves a more urgent later message up and keeps the earlier
reason in `note["earlier"]`). Evidence codes from `flows.triage` ("emergency:medical:chest
pain", "queue rule 3: complaint", "upset:'ridiculous'") become sentences with `reason_words`.
"""

from __future__ import annotations

import re
from typing import Any

from gateway.models import CaseStatus

QUEUE_LABELS = {
    "emergency": "Emergency",
    "clinical": "Clinical (nurses)",
    "manager": "Manager",
    "refills": "Refills",
    "billing": "Billing",
    "records": "Records",
    "scheduling": "Scheduling",
    "front_desk": "Front desk",
}

STATUS_LABELS = {
    CaseStatus.NEW: "New",
    CaseStatus.IN_REVIEW: "In review",
    CaseStatus.WAITING_ON_PATIENT: "Waiting on patient",
    CaseStatus.WAITING_ON_CLINIC: "Waiting on clinic",
    CaseStatus.ROUTED_TO_CLINICAL: "Routed to clinical",
    CaseStatus.SCHEDULED: "Scheduled",
    CaseStatus.COMPLETED: "Completed",
    CaseStatus.CLOSED_NO_RESPONSE: "Closed, no response",
    CaseStatus.ESCALATED: "Escalated",
}

#: What the patient needs, by triage intent.
NEEDS = {
    "confirm": "Confirm a visit",
    "cancel": "Cancel a visit",
    "reschedule": "Move a visit to another time",
    "schedule": "Book a new visit",
    "refill": "A prescription refill",
    "test_results": "Test results",
    "clinical": "A question about symptoms or medication",
    "referral": "A referral",
    "insurance": "An insurance question",
    "billing": "A billing question",
    "records": "Medical records",
    "forms": "Help with forms",
    "portal": "Help with the patient portal",
    "telehealth": "Help with a video visit",
    "complaint": "To complain or speak to a manager",
    "opt_out": "To stop getting texts",
    "opt_in": "To get texts again",
    "help": "Help with the text service",
    "language": "Another language",
    "thanks": "Nothing: a thank-you",
    "wrong_number": "Nothing: says it is the wrong number",
    "other": "A general question",
    "appointment_status": "When or where their visit is, or whether it is still on",
}

EMERGENCY_HEADLINES = {
    "medical": "Possible medical emergency: call the patient now",
    "mental_health": "Possible mental health crisis: call the patient now",
}

URGENCY_LABELS = {
    "emergency": "Emergency: now",
    "high": "High",
    "normal": "Normal",
    "low": "Low",
}

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "tl": "Tagalog",
    "ko": "Korean",
    "ar": "Arabic",
    "ru": "Russian",
    "ht": "Haitian Creole",
    "pt": "Portuguese",
}

_RULE = re.compile(r"^queue rule (\d+): (.+)$")


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "unknown")


def headline(note: dict[str, Any]) -> str:
    """The one line a person reads first: an emergency in words, else what the patient needs."""
    emergency = note.get("emergency")
    if emergency in EMERGENCY_HEADLINES:
        return EMERGENCY_HEADLINES[emergency]
    if note.get("recording_url") and "voicemail" in (note.get("summary") or "").lower():
        base = "Voicemail: listen to the recording"
    else:
        base = NEEDS.get(note.get("intent") or "", "A message for a person")
    extras = []
    if note.get("is_upset"):
        extras.append("the patient sounds upset")
    if any(str(r).startswith("symptom:") for r in note.get("reason") or ()):
        if note.get("intent") != "clinical":
            extras.append("mentions symptoms")
    if note.get("queue") == "clinical" and note.get("intent") != "clinical":
        extras.append("needs a nurse")
    return base + (f" ({', '.join(extras)})" if extras else "")


def _quoted(value: str) -> str:
    return value.strip().strip("'\"")


def reason_words(code: str) -> str:
    """One evidence code from triage as a sentence a person can read."""
    code = str(code)
    if match := _RULE.match(code):
        _number, what = match.groups()
        if what == "emergency":
            return "Sent to the emergency queue because of the warning signs above."
        if what.startswith("symptom inside request"):
            return "Sent to the nurses: the request mentions a symptom."
        if what in ("complaint", "upset"):
            return "Sent to the manager: the patient is unhappy with the service."
        if what.endswith("needs a person"):
            return f"Sent to a person: the {what.split()[0]} request needs staff."
        need = NEEDS.get(what, what.replace("_", " "))
        return f"Sent to this queue by the routing rules ({need[:1].lower() + need[1:]})."
    kind, _, rest = code.partition(":")
    if kind == "emergency":
        area, _, sign = rest.partition(":")
        area_words = "mental health" if area == "mental_health" else "medical"
        if sign.startswith("net:"):
            return f"Safety check ({area_words}): {sign[4:]}."
        return f"Emergency warning sign ({area_words}): {sign}."
    if kind == "intent":
        intent, _, why = rest.partition(":")
        need = NEEDS.get(intent, intent.replace("_", " "))
        if why.startswith(("'", '"')):
            return f"{need}: the patient wrote \u201c{_quoted(why)}\u201d."
        return f"{need} ({why})." if why else f"{need}."
    if kind == "symptom":
        name, _, said = rest.partition(":")
        said = _quoted(said)
        if said and said != name:
            return f"Mentions a symptom: {name} (\u201c{said}\u201d)."
        return f"Mentions a symptom: {name}."
    if kind == "upset":
        return f"Sounds upset: \u201c{_quoted(rest)}\u201d."
    if kind == "needs a person":
        return f"Asks for a person: \u201c{_quoted(rest)}\u201d."
    if kind == "consent":
        which, _, said = rest.partition(":")
        verb = "Asked to stop texts" if which == "opt_out" else "Asked to get texts again"
        return f"{verb}: \u201c{_quoted(said)}\u201d."
    if code == "processing error":
        return "The message could not be processed automatically: read it."
    if code == "voicemail without a transcript":
        return "A voicemail with no transcript: listen to the recording."
    return code[:1].upper() + code[1:] + ("" if code.endswith(".") else ".")


def reasons(note: dict[str, Any]) -> list[str]:
    """Every reason on the note, in words, duplicates dropped."""
    out: list[str] = []
    for code in note.get("reason") or ():
        words = reason_words(code)
        if words not in out:
            out.append(words)
    return out
