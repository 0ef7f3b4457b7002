"""Replies to scheduled reminders and questions about a visit: one module per flow.

`answer(...)` is the engine's reminder intercept (after the emergency screen and compliance,
before "a person owns it" and triage). It tries, first match wins:

1. the flow of the reminder being answered (`Situation.awaiting`): confirmation, form reminder,
   telehealth prep, no-show recovery, missed-call text-back, a date-of-birth check;
2. appointment questions ("what time is my visit?"), whatever was sent last.

Each returns an `Outcome`, or None to let triage decide (a refill request after a reminder is
still a refill request). Pure: the visit and the clock come in as arguments.
"""

from __future__ import annotations

from datetime import datetime

from flows.reminders import (
    appointment_questions,
    confirmation,
    form_reminder,
    missed_call,
    no_show,
    telehealth_prep,
)
from flows.reminders.common import Ask
from flows.types import Awaiting, ClinicInfo, Outcome, Situation, Triage

FLOWS = {
    Awaiting.APPOINTMENT_REMINDER: confirmation.answer,
    Awaiting.REMINDER_CLARIFY: confirmation.answer,
    Awaiting.RESCHEDULE_TIMES: confirmation.answer,
    Awaiting.FORM_REMINDER: form_reminder.answer,
    Awaiting.TELEHEALTH_PREP: telehealth_prep.answer,
    Awaiting.NO_SHOW: no_show.answer,
    Awaiting.MISSED_CALL: missed_call.answer,
    Awaiting.DATE_OF_BIRTH: appointment_questions.answer_date_of_birth,
}


def answer(
    *, text: str, result: Triage, situation: Situation, clinic: ClinicInfo, now: datetime, lang: str
) -> Outcome | None:
    """The reminder flows' answer to one message, or None for triage."""
    ask = Ask(text=text, result=result, situation=situation, clinic=clinic, now=now, lang=lang)
    flow = FLOWS.get(situation.awaiting) if situation.awaiting else None
    if flow is not None:
        outcome = flow(ask)
        if outcome is not None:
            return outcome
    if situation.is_human_owned:
        return None  # questions wait for the person who has the conversation
    return appointment_questions.answer(ask)
