"""Appointment confirmation: "Reply C to confirm, R to reschedule, X to cancel".

Trigger: a confirmation reminder or its nudge (`Awaiting.APPOINTMENT_REMINDER`). Never CANCEL,
which carriers treat as an opt-out. Ends when the patient confirms, cancels, or a scheduler has
their preferred times; an unclear reply gets one clarification, then a person.

    bot:     Riverside Clinic: Your visit is Tue, Nov 24, 9:30 AM at Main St. Reply C to
             confirm, R to reschedule, X to cancel.
    patient: can we move it
    bot:     Riverside Clinic: What days and times work best for you? ...
    patient: mornings next week, not Monday
    bot:     Riverside Clinic: We got your message. Our scheduling team will reply by ...
             (a scheduling handoff whose note holds "mornings next week, not Monday")
"""

from __future__ import annotations

import re

from flows import messages as m
from flows.reminders.common import Ask, words
from flows.types import (
    Awaiting,
    CancelAppointment,
    ConfirmAppointment,
    Intent,
    Outcome,
    Queue,
    RequestReschedule,
    SetAwaiting,
)

CONFIRM = words(
    "c", "yes", "y", "yep", "yeah", "ok", "okay", "si", "sí", "1", "👍", "👍🏻", "👍🏼", "👍🏽",
    "👍🏾", "👍🏿", "confirm", "confirmed", "confirmo", "confirmado", "confirmada", "i'll be there",
    "i will be there", "alli estare", "allí estaré", "ahí estaré",
)  # fmt: skip
CANCEL = re.compile(
    r"^(x|3)$|can'?t make it|cannot make it|won'?t make it|can not make it|not coming|"
    r"no puedo (ir|asistir|llegar)|no voy a poder"
)
RESCHEDULE = re.compile(
    r"^(r|2)$|\bmove (it|my)\b|reschedul|another (day|time)|different (day|time)|change (it|the)|"
    r"cambiar|otro d[ií]a|otra hora|reprogramar"
)


def answer(ask: Ask) -> Outcome | None:
    """Confirm, cancel, collect preferred times, clarify once; None leaves it to triage."""
    situation = ask.situation
    visit = situation.visit
    when = visit.starts_at if visit else situation.appointment_at
    if situation.awaiting is Awaiting.RESCHEDULE_TIMES:
        preferred = ask.text.strip()[:300]
        return ask.handoff(
            Queue.SCHEDULING,
            f"Reschedule request. Preferred days/times: {preferred}",
            RequestReschedule(preferred),
            by="reschedule",
        )
    if ask.matches(CONFIRM):
        reply = (
            ask.reply(m.APPOINTMENT_CONFIRMED, ("when", when))
            if when
            else ask.reply(m.APPOINTMENT_CONFIRMED_NO_DATE)
        )
        return ask.outcome((reply,), ConfirmAppointment(), SetAwaiting(None), by="reminder:confirm")
    if ask.matches(CANCEL):
        if when is None:
            reply = ask.reply(m.APPOINTMENT_CANCELLED_NO_DATE)
        else:
            reply = ask.reply(m.CANCELLED_OFFER_RESCHEDULE, ("when", when))
        # The next "R" books a new time, as after a no-show.
        return ask.outcome(
            (reply,), CancelAppointment(), SetAwaiting(Awaiting.NO_SHOW), by="reminder:cancel"
        )
    if ask.matches(RESCHEDULE) or ask.result.intent is Intent.RESCHEDULE:
        return ask.outcome(
            (ask.reply(m.RESCHEDULE_ASK),),
            SetAwaiting(Awaiting.RESCHEDULE_TIMES),
            by="reminder:reschedule_ask",
        )
    if ask.result.intent not in (Intent.OTHER, Intent.CONFIRM, Intent.CANCEL):
        return None  # a real request (a refill, a form, a question): triage routes it
    if situation.awaiting is Awaiting.REMINDER_CLARIFY:
        return ask.handoff(
            Queue.SCHEDULING, "Unclear reply to a visit reminder after one clarification",
            by="unclear",
        )  # fmt: skip
    if ask.result.intent in (Intent.CONFIRM, Intent.CANCEL):
        return None  # "yes I'll cancel my mom's too": the engine's own rules decide
    params = (("when", when),) if when else ()
    if not params:
        return None
    return ask.outcome(
        (ask.reply(m.REMINDER_CLARIFY, *params),),
        SetAwaiting(Awaiting.REMINDER_CLARIFY),
        by="reminder:clarify",
    )
