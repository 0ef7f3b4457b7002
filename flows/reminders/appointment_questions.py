"""Appointment questions: "am I still on for Thursday?", "what time is my visit", "where do I go".

Trigger: any message that asks about the patient's own visit. Answered from the record with the
minimum necessary (time, place or video link; never the provider or the reason) only when the
number belongs to exactly one patient; a shared or unknown number is first asked for a date of
birth. A day that does not match the visit ("Thursday" for a Friday visit) is pointed out. No
visit on file hands the question to the front desk; a symptom or an upset beside the question
still reaches the nurse or the manager after the answer. Triage names the question
(`Intent.APPOINTMENT_STATUS`, in every language it reads); `QUESTION` catches the rest.

    patient: am I still on for Thursday?
    bot:     Riverside Clinic: Your visit is Fri, Nov 27, 9:30 AM, not Thursday. Reply R ...
    (on a family phone)
    patient: what time is my appointment
    bot:     Riverside Clinic: To protect your privacy, please reply with the patient's date ...
    patient: 03/11/1980
    bot:     Riverside Clinic: Your visit is Tue, Nov 24, 9:30 AM at Main St. Questions? ...
"""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from flows import messages as m
from flows.reminders.common import Ask
from flows.types import Awaiting, Intent, Outcome, Queue, SetAwaiting, Visit

QUESTION = re.compile(
    r"\bstill on\b|\bam i (still )?(booked|scheduled)\b|"
    r"\b(what time|when) (is|was) my (appointment|appt|visit|video visit)\b|"
    r"\bwhen('?s| is) my (appointment|appt|visit)\b|"
    r"\bwhere (do i|should i|is my|is the) (go|appointment|appt|visit)\b|\bwhere do i go\b|"
    r"\b(a )?qu[eé] hora es mi (cita|consulta)\b|\bcu[aá]ndo es mi (cita|consulta)\b|"
    r"\bd[oó]nde es mi (cita|consulta)\b|\bsigue (en pie )?mi cita\b|\btodav[ií]a tengo (la )?cita\b"
)
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lunes": 0, "martes": 1, "miercoles": 2, "miércoles": 2, "jueves": 3,
    "viernes": 4, "sabado": 5, "sábado": 5, "domingo": 6,
}  # fmt: skip
#: Queues a visit question still reaches after the bot answered it.
_STILL_A_PERSON = frozenset({Queue.CLINICAL, Queue.MANAGER})
DAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
DOB = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def _details(ask: Ask, visit: Visit) -> Outcome:
    named = DAY.search(ask.folded)
    local = visit.starts_at.astimezone(ZoneInfo(visit.time_zone))
    if named and WEEKDAYS[named.group(1)] != local.weekday():
        word = ask.text[named.start() : named.end()]
        reply = ask.reply(m.VISIT_DAY_MISMATCH, ("when", visit.starts_at), ("day", word))
        return ask.outcome((reply,), by="reminder:visit_day_mismatch")
    link = visit.telehealth_url or ask.clinic.telehealth_url
    if visit.is_telehealth and link:
        reply = ask.reply(m.VISIT_DETAILS_VIDEO, ("when", visit.starts_at), ("link", link))
    else:
        location = visit.location or ask.clinic.name
        reply = ask.reply(m.VISIT_DETAILS, ("when", visit.starts_at), ("location", location))
    return ask.outcome((reply,), by="reminder:visit_details")


def answer(ask: Ask) -> Outcome | None:
    """Answer a question about the visit, or ask for a date of birth first."""
    # Triage reads the question in every language it knows; the local pattern stays for the
    # English and Spanish phrasings triage files under another need.
    if ask.result.intent is not Intent.APPOINTMENT_STATUS and not ask.matches(QUESTION):
        return None
    situation = ask.situation
    if situation.patients_on_number != 1:
        return ask.outcome(
            (ask.reply(m.DOB_ASK),), SetAwaiting(Awaiting.DATE_OF_BIRTH), by="reminder:dob_ask"
        )
    if situation.visit is None:
        # No visit on file for someone who believes they have one (another number, a relative's
        # visit, a booking not yet entered): a person looks, in the patient's language.
        return ask.handoff(
            Queue.FRONT_DESK, "Question about a visit; none found on file", by="no_visit"
        )
    details = _details(ask, situation.visit)
    if ask.result.queue in _STILL_A_PERSON:
        # "what time is my appt? my cough got worse": the time is answered, and the symptom or
        # the upset still reaches the queue triage chose.
        return ask.handoff(
            ask.result.queue,
            "Visit question answered; the message also needs a person",
            before=details.replies,
            by="visit_details+handoff",
        )
    return details


def parse_date_of_birth(text: str) -> date | None:
    """03/11/1980, 3-11-80 (US order) or 1980-03-11; None when there is no date."""
    found = DOB.search(text)
    if not found:
        return None
    try:
        if found.group(4):
            return date(int(found.group(4)), int(found.group(5)), int(found.group(6)))
        year = int(found.group(3))
        if year < 100:
            year += 1900 if year > 30 else 2000
        return date(year, int(found.group(1)), int(found.group(2)))
    except ValueError:
        return None


def answer_date_of_birth(ask: Ask) -> Outcome | None:
    """After DOB_ASK: one patient with that date of birth gets their visit; else a person."""
    born = parse_date_of_birth(ask.text)
    if born is None:
        return None
    matches = [visit for dob, visit in ask.situation.candidates if dob == born]
    if len(matches) == 1 and matches[0] is not None:
        outcome = _details(ask, matches[0])
        return ask.outcome(outcome.replies, SetAwaiting(None), by=outcome.decided_by)
    return ask.handoff(
        Queue.FRONT_DESK, "Visit question; the date of birth matched no single patient", by="dob"
    )
