"""Replies to scheduled reminders and questions about a visit: one module per flow.

`answer(...)` is the engine's reminder intercept (after the emergency screen and compliance,
before "a person owns it" and triage). It tries, first match wins:

1. the flow of the reminder being answered (`Situation.awaiting`): confirmation, form reminder,
   telehealth prep, no-show recovery, missed-call text-back, a date-of-birth check;
2. appointment questions ("what time is my visit?"), whatever was sent last.

Each returns an `Outcome`, or None to let triage decide (a refill request after a reminder is
still a refill request). Pure: the visit and the clock come in as arguments.

Anything upset always reaches a person: when a flow honours a code from an upset patient
("on hold for 30 minutes trying to reschedule this. ridiculous. R") and hands nothing off, a
practice manager gets the conversation as well (`_upset_reaches_a_person`).
"""

from __future__ import annotations

from dataclasses import replace
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
from flows.reminders.reply import sounds_upset
from flows.types import (
    Awaiting,
    ClinicInfo,
    OpenHandoff,
    Outcome,
    Queue,
    SetAwaiting,
    Situation,
    Triage,
)

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
            return _upset_reaches_a_person(ask, outcome)
    if situation.is_human_owned:
        return None  # questions wait for the person who has the conversation
    return appointment_questions.answer(ask)


def _upset_reaches_a_person(ask: Ask, outcome: Outcome) -> Outcome:
    """Keep what the flow did for an upset patient, and make sure a person sees the upset."""
    upset = ask.result.is_upset or sounds_upset(ask.text)
    if not upset or ask.result.emergency is not None:
        return outcome
    handoffs = [e for e in outcome.effects if isinstance(e, OpenHandoff)]
    if handoffs:
        # The queue the flow chose stands (a nurse for a symptom); its note says upset.
        effects = tuple(
            replace(e, note=replace(e.note, is_upset=True)) if isinstance(e, OpenHandoff) else e
            for e in outcome.effects
        )
        return replace(outcome, effects=effects)
    if outcome.decided_by == "reminder:clarify":
        # Upset with no code to honour ("why is my appt on the 8th?? nobody listens"): a
        # manager answers instead of a bot asking for C, R or X.
        return ask.handoff(Queue.MANAGER, "Upset reply to a reminder", is_upset=True, by="upset")
    manager = ask.handoff(
        Queue.MANAGER, f"Upset reply to a reminder; the bot did: {outcome.decided_by}",
        is_upset=True, by="upset",
    )  # fmt: skip
    kept = tuple(e for e in outcome.effects if not isinstance(e, OpenHandoff))
    new = tuple(e for e in manager.effects if isinstance(e, OpenHandoff))
    awaiting = () if any(isinstance(e, SetAwaiting) for e in kept) else (SetAwaiting(None),)
    replies = (*outcome.replies, *manager.replies)
    note = replace(new[0].note, bot_said=tuple(r.msgid for r in replies))
    return replace(
        outcome,
        replies=replies,
        effects=(*kept, OpenHandoff(note), *awaiting),
        decided_by=outcome.decided_by + "+upset",
    )
