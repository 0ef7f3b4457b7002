"""Appointment confirmation: "Reply C to confirm, R to reschedule, X to cancel".

Trigger: a confirmation reminder or its nudge (`Awaiting.APPOINTMENT_REMINDER`). Never CANCEL,
which carriers treat as an opt-out. Ends when the patient confirms, cancels, or a scheduler has
their preferred times; an unclear reply gets one clarification, then a person.

Replies are read by their structure (`flows.reminders.reply`), so every part is done:

- a confirm followed by a question or request ("c. also where do i park??", "Sí confirmo, pero
  ¿puedo llevar a mi niño?") confirms the visit AND hands the rest to its queue (the front desk
  for logistics), or answers it from the record when it is a question about the visit; the
  patient gets both texts;
- "can't make it" with another time asked for ("... ¿tienen el viernes?") is a reschedule, never
  a cancel that loses the slot; a cancel is a cancel only when no other time is wanted;
- two codes at once ("C and R") or a code asked as a question ("C?") gets the one clarification.

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
from flows.reminders import appointment_questions
from flows.reminders.common import Ask, route_rest, words
from flows.reminders.reply import (
    asks_something,
    has_clinical_content,
    is_ambiguous_code,
    split_leading_confirm,
    wants_another_time,
)
from flows.types import (
    Awaiting,
    CancelAppointment,
    ConfirmAppointment,
    Intent,
    OpenHandoff,
    Outcome,
    Queue,
    RecordTriage,
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
    if is_ambiguous_code(ask.text):
        return _clarify(ask, when)
    if (confirmed := _confirm_and_answer_the_rest(ask, when)) is not None:
        return confirmed
    if ask.matches(CONFIRM):
        reply = (
            ask.reply(m.APPOINTMENT_CONFIRMED, ("when", when))
            if when
            else ask.reply(m.APPOINTMENT_CONFIRMED_NO_DATE)
        )
        return ask.outcome((reply,), ConfirmAppointment(), SetAwaiting(None), by="reminder:confirm")
    if ask.matches(CANCEL) and not wants_another_time(ask.text):
        if when is None:
            reply = ask.reply(m.APPOINTMENT_CANCELLED_NO_DATE)
        else:
            reply = ask.reply(m.CANCELLED_OFFER_RESCHEDULE, ("when", when))
        # The next "R" books a new time, as after a no-show.
        return ask.outcome(
            (reply,), CancelAppointment(), SetAwaiting(Awaiting.NO_SHOW), by="reminder:cancel"
        )
    if (
        ask.matches(RESCHEDULE)
        or ask.result.intent is Intent.RESCHEDULE
        or (ask.matches(CANCEL) and wants_another_time(ask.text))
    ):
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
    return _clarify(ask, when)


def _clarify(ask: Ask, when) -> Outcome | None:
    """The one clarification; after it, a person."""
    if ask.situation.awaiting is Awaiting.REMINDER_CLARIFY:
        return ask.handoff(
            Queue.SCHEDULING, "Unclear reply to a visit reminder after one clarification",
            by="unclear",
        )  # fmt: skip
    if not when:
        return None
    return ask.outcome(
        (ask.reply(m.REMINDER_CLARIFY, ("when", when)),),
        SetAwaiting(Awaiting.REMINDER_CLARIFY),
        by="reminder:clarify",
    )


#: What the rest of a reply may be without making it anything but a confirm.
_NOT_A_CONFIRM = (Intent.CANCEL, Intent.RESCHEDULE)


def _confirm_and_answer_the_rest(ask: Ask, when) -> Outcome | None:
    """A confirm code followed by a question or request: confirm, and answer or route the rest.

    "C" alone, or "c, see you then", stays the plain confirm below. A rest that cancels or
    moves the visit ("yes, can you cancel it?") is not a confirm at all.
    """
    rest = split_leading_confirm(ask.text)
    if not rest or ask.matches(CANCEL) or wants_another_time(rest):
        return None
    queue, rest_result = route_rest(ask, rest)
    needs_someone = (
        asks_something(rest)
        or has_clinical_content(rest)
        or rest_result.queue not in (Queue.NONE, Queue.FRONT_DESK)
        or ask.result.queue not in (Queue.NONE, Queue.FRONT_DESK)
    )
    if not needs_someone or rest_result.intent in _NOT_A_CONFIRM:
        return None
    confirmed = (
        ask.reply(m.APPOINTMENT_CONFIRMED, ("when", when))
        if when
        else ask.reply(m.APPOINTMENT_CONFIRMED_NO_DATE)
    )
    # "C. what time is it again?": the record answers a question about the visit itself.
    if queue is Queue.FRONT_DESK and appointment_questions.QUESTION.search(rest.casefold()):
        answered = appointment_questions.answer(
            Ask(rest, rest_result, ask.situation, ask.clinic, ask.now, ask.lang)
        )
        if answered is not None and not any(isinstance(e, OpenHandoff) for e in answered.effects):
            return ask.outcome(
                (confirmed, *answered.replies),
                ConfirmAppointment(),
                *(e for e in answered.effects if not isinstance(e, RecordTriage)),
                *(() if _sets_awaiting(answered) else (SetAwaiting(None),)),
                by="reminder:confirm+answer",
            )
    return ask.handoff(
        queue,
        "Confirmed the visit; the rest of the reply needs a person",
        ConfirmAppointment(),
        by="confirm+question",
        before=(confirmed,),
    )


def _sets_awaiting(outcome: Outcome) -> bool:
    return any(isinstance(e, SetAwaiting) for e in outcome.effects)


def confirm_and_answer_the_rest(ask: Ask) -> Outcome | None:
    """For the other reminder flows: a confirm with a question after it, done both ways."""
    visit = ask.situation.visit
    return _confirm_and_answer_the_rest(
        ask, visit.starts_at if visit else ask.situation.appointment_at
    )
